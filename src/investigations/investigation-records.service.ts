import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseFacts } from '../access/case-access.policy';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { AllegationRequest, FactRequest, InterviewRequest } from './dto/investigation.dto';
import { requireWitnessNotInvestigator } from './investigation.rules';
import { firstObservedAt, requireNotBefore } from '../cases/chronology';

/** §4 "establish the facts": allegations, facts citing evidence, interviews. Open investigations only. */
@Injectable()
export class InvestigationRecordsService {
  constructor(private readonly commands: CaseCommands) {}

  addAllegation(actor: Actor, caseId: string, request: AllegationRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO allegations (organisation_id, case_id, recorded_by_user_id, policy_standard, category, summary)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, actor.userId, request.policyStandard ?? null, request.category ?? null, request.summary],
      );
      return { action: 'allegation.added', entityType: 'allegation', entityId: row!.id, payload: { ...request } };
    });
  }

  addFact(actor: Actor, caseId: string, request: FactRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      const found: { id: string }[] = await em.query(`SELECT id FROM evidence WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, request.evidenceIds]);
      const missing = request.evidenceIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw DomainError.invalidField('evidenceIds', `not evidence of this case: ${missing.join(', ')}`);
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO facts (organisation_id, case_id, recorded_by_user_id, occurred_at, description, evidence_ids)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, actor.userId, new Date(request.occurredAt), request.description, request.evidenceIds],
      );
      return { action: 'fact.added', entityType: 'fact', entityId: row!.id, payload: { ...request } };
    });
  }

  /**
   * A subject interview names a subject of the case. A witness from the staff directory
   * becomes a witness party of the case, which is checked against the investigator (§4)
   * and may make the headteacher conflicted, handing decisions to the governors.
   */
  addInterview(actor: Actor, caseId: string, request: InterviewRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status, facts }) => {
      requireInvestigationOpen(status);
      requireNotBefore('heldAt', new Date(request.heldAt), await firstObservedAt(em, caseId), 'the reported activity was seen');
      const subjects = facts.parties.filter((p) => p.capacity === 'subject').map((p) => p.staffId);
      if (request.capacity === 'subject') {
        if (!request.staffId || !subjects.includes(request.staffId))
          throw DomainError.invalidField('staffId', 'a subject interview names a subject of this case');
      } else if (request.staffId) {
        if (subjects.includes(request.staffId)) throw DomainError.invalidField('capacity', 'a subject of the case is interviewed as subject');
        await this.addWitness(em, actor, facts, request.staffId);
      } else {
        await em.query(`INSERT INTO case_parties (organisation_id, case_id, capacity, name) VALUES ($1, $2, 'witness', $3)`, [
          actor.organisationId,
          caseId,
          request.name,
        ]);
      }
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO interviews (organisation_id, case_id, recorded_by_user_id, staff_id, name, capacity, held_at, accompanied_by, statement)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          actor.organisationId,
          caseId,
          actor.userId,
          request.staffId ?? null,
          request.name ?? null,
          request.capacity,
          new Date(request.heldAt),
          request.accompaniedBy ?? null,
          request.statement,
        ],
      );
      return { action: 'interview.recorded', entityType: 'interview', entityId: row!.id, payload: { ...request } };
    });
  }

  private async addWitness(em: EntityManager, actor: Actor, facts: CaseFacts, staffId: string): Promise<void> {
    const staff = await queryOne<{ id: string }>(em, `SELECT id FROM staff_members WHERE id = $1 AND organisation_id = $2`, [staffId, actor.organisationId]);
    if (!staff) throw DomainError.invalidField('staffId', 'no such staff member in your organisation');
    const investigator = facts.investigatorUserId
      ? {
          userId: facts.investigatorUserId,
          staffIds: (await em.query(`SELECT id FROM staff_members WHERE user_id = $1`, [facts.investigatorUserId])).map((r: { id: string }) => r.id),
        }
      : null;
    requireWitnessNotInvestigator(staffId, investigator);
    if (!facts.parties.some((p) => p.capacity === 'witness' && p.staffId === staffId)) {
      await em.query(`INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id) VALUES ($1, $2, 'witness', $3)`, [
        actor.organisationId,
        facts.id,
        staffId,
      ]);
    }
  }
}
