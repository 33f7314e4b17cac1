import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { assignmentConflict } from './investigation.rules';

/**
 * §4: the headteacher (or the governors, when the headteacher is conflicted) appoints the
 * investigating manager. Reassignment ends the previous appointment at once: visibility
 * follows `cases.investigator_user_id`, so the previous investigator loses access.
 */
@Injectable()
export class AssignmentService {
  constructor(private readonly commands: CaseCommands) {}

  assign(actor: Actor, caseId: string, investigatorUserId: string): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'cases:assign', async ({ em, facts, status }) => {
      requireInvestigationOpen(status);
      const candidate = await queryOne<{ id: string; roles: string[]; active: boolean; staff_ids: string[] }>(
        em,
        `SELECT u.id, u.roles::text[] AS roles, u.active, ARRAY(SELECT s.id FROM staff_members s WHERE s.user_id = u.id) AS staff_ids
         FROM users u WHERE u.id = $1 AND u.organisation_id = $2`,
        [investigatorUserId, actor.organisationId],
      );
      if (!candidate) throw DomainError.invalidField('investigatorUserId', 'no such user in your organisation');
      if (facts.investigatorUserId === candidate.id) throw DomainError.conflict('already_assigned', 'That investigating manager is already appointed.');
      const conflict = assignmentConflict({ userId: candidate.id, staffIds: candidate.staff_ids, roles: candidate.roles, active: candidate.active }, facts);
      if (conflict) throw DomainError.conflict('conflict_of_interest', `Cannot appoint: ${conflict} (§4 fair and unbiased).`);
      await em.query(`UPDATE case_assignments SET ended_at = now() WHERE case_id = $1 AND ended_at IS NULL`, [caseId]);
      await em.query(`INSERT INTO case_assignments (organisation_id, case_id, recorded_by_user_id, investigator_user_id) VALUES ($1, $2, $3, $4)`, [
        actor.organisationId,
        caseId,
        actor.userId,
        candidate.id,
      ]);
      await em.query(`UPDATE cases SET investigator_user_id = $2, updated_at = now() WHERE id = $1`, [caseId, candidate.id]);
      return {
        action: facts.investigatorUserId ? 'case.reassigned' : 'case.assigned',
        entityType: 'case',
        entityId: caseId,
        payload: { investigatorUserId: candidate.id, previousInvestigatorUserId: facts.investigatorUserId },
      };
    });
  }
}
