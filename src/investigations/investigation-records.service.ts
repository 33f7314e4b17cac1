import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { requireNotBefore } from '../cases/chronology';
import { CaseContext, CaseRunner } from '../cases/case-runner.service';
import { addWitness } from '../cases/case-rows';
import { CaseResponse } from '../cases/dto/case.dto';
import { AllegationResponse, FactResponse, InterviewResponse, SubjectNotificationResponse, SubjectResponseResponse } from '../cases/dto/case-sections.dto';
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

  // The records' own paths (the Location of the POSTs above): audited reads of the case view, redacted as it is.

  getAllegation(actor: Actor, caseId: string, id: string): Promise<AllegationResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Allegation',
      entityType: 'allegation',
      entityId: id,
      pick: (view) => view.allegations.find((a) => a.id === id),
    });
  }

  getFact(actor: Actor, caseId: string, id: string): Promise<FactResponse> {
    return this.runner.viewRecord(actor, caseId, { what: 'Fact', entityType: 'fact', entityId: id, pick: (view) => view.facts.find((f) => f.id === id) });
  }

  getInterview(actor: Actor, caseId: string, id: string): Promise<InterviewResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Interview',
      entityType: 'interview',
      entityId: id,
      pick: (view) => view.interviews.find((i) => i.id === id),
    });
  }

  getSubjectNotification(actor: Actor, caseId: string, id: string): Promise<SubjectNotificationResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Subject notification',
      entityType: 'subject_notification',
      entityId: id,
      pick: (view) => view.subjectNotifications.find((n) => n.id === id),
    });
  }

  getSubjectResponse(actor: Actor, caseId: string, id: string): Promise<SubjectResponseResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Subject response',
      entityType: 'subject_response',
      entityId: id,
      pick: (view) => view.subjectResponses.find((r) => r.id === id),
    });
  }

  private async addStaffWitness({ em, actor, facts }: CaseContext, staffId: string): Promise<void> {
    if (!(await isStaffOf(em, actor.organisationId, staffId))) throw DomainError.invalidField('staffId', 'no such staff member in your organisation');
    const investigator = facts.investigatorUserId ? await loadPerson(em, actor.organisationId, facts.investigatorUserId) : undefined;
    requireWitnessNotInvestigator(staffId, investigator ?? null);
    await addWitness(em, actor.organisationId, facts.id, { staffId });
  }
}
