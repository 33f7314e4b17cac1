import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { requireNotBefore } from '../cases/chronology';
import { CaseContext, CaseRunner } from '../cases/case-runner.service';
import { addWitness } from '../cases/case-rows';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { foreignEvidenceIds } from '../evidence/evidence-records';
import { isStaffOf, loadPerson } from '../people/person.sql';
import { firstObservedAt } from '../reports/report-rows';
import { AllegationRequest, FactRequest, InterviewRequest } from './dto/investigation.dto';
import { insertAllegation, insertFact, insertInterview } from './investigation-rows';
import { requireWitnessNotInvestigator } from './investigation.rules';

/** §4 "establish the facts": allegations, facts citing evidence, interviews. Open investigations only. */
@Injectable()
export class InvestigationRecordsService {
  constructor(private readonly runner: CaseRunner) {}

  addAllegation(actor: Actor, caseId: string, request: AllegationRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const id = await insertAllegation(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request);
      return { action: 'allegation.added', entityType: 'allegation', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  addFact(actor: Actor, caseId: string, request: FactRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const missing = await foreignEvidenceIds(em, caseId, request.evidenceIds);
      if (missing.length) throw DomainError.invalidField('evidenceIds', `not evidence of this case: ${missing.join(', ')}`);
      const id = await insertFact(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request);
      return { action: 'fact.added', entityType: 'fact', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  /**
   * A subject interview names a subject of the case. A witness from the staff directory
   * becomes a witness party of the case, which is checked against the investigator (§4)
   * and may conflict the headteacher, handing decisions to the governors.
   */
  addInterview(actor: Actor, caseId: string, request: InterviewRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async (ctx) => {
      const { em, facts } = ctx;
      requireInvestigationOpen(facts.status);
      requireNotBefore('heldAt', new Date(request.heldAt), await firstObservedAt(em, caseId), 'the reported activity was seen');
      const subjects = facts.parties.filter((p) => p.capacity === 'subject').map((p) => p.staffId);
      if (request.capacity === 'subject') {
        if (!request.staffId || !subjects.includes(request.staffId))
          throw DomainError.invalidField('staffId', 'a subject interview names a subject of this case');
      } else if (request.staffId) {
        if (subjects.includes(request.staffId)) throw DomainError.invalidField('capacity', 'a subject of the case is interviewed as subject');
        await this.addStaffWitness(ctx, request.staffId);
      } else {
        await addWitness(em, actor.organisationId, caseId, { name: request.name! });
      }
      const id = await insertInterview(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request);
      return { action: 'interview.recorded', entityType: 'interview', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  private async addStaffWitness({ em, actor, facts }: CaseContext, staffId: string): Promise<void> {
    if (!(await isStaffOf(em, actor.organisationId, staffId))) throw DomainError.invalidField('staffId', 'no such staff member in your organisation');
    const investigator = facts.investigatorUserId ? await loadPerson(em, actor.organisationId, facts.investigatorUserId) : undefined;
    requireWitnessNotInvestigator(staffId, investigator ?? null);
    await addWitness(em, actor.organisationId, facts.id, { staffId });
  }
}
