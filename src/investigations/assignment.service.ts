import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { setInvestigator } from '../cases/case-rows';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { loadPerson } from '../people/person.sql';
import { appointInvestigator } from './investigation-rows';
import { assignmentConflict } from './investigation.rules';

/**
 * §4: the headteacher (or the governors, when every headteacher is conflicted) appoints the
 * investigating manager. Reassignment ends the previous appointment at once: visibility
 * follows the current appointment, so the previous investigator loses access — and stays
 * conflicted on the case for good.
 */
@Injectable()
export class AssignmentService {
  constructor(private readonly runner: CaseRunner) {}

  assign(actor: Actor, caseId: string, investigatorUserId: string): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:assign', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const candidate = await loadPerson(em, actor.organisationId, investigatorUserId);
      if (!candidate) throw DomainError.invalidField('investigatorUserId', 'no such user in your organisation');
      if (facts.investigatorUserId === candidate.userId) throw DomainError.conflict('already_assigned', 'That investigating manager is already appointed.');
      const conflict = assignmentConflict(candidate, facts);
      if (conflict) throw DomainError.conflict('conflict_of_interest', `Cannot appoint: ${conflict} (§4 fair and unbiased).`);
      await appointInvestigator(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, candidate.userId);
      await setInvestigator(em, caseId, candidate.userId);
      return {
        action: facts.investigatorUserId ? 'case.reassigned' : 'case.assigned',
        entityType: 'case',
        entityId: caseId,
        payload: { investigatorUserId: candidate.userId, previousInvestigatorUserId: facts.investigatorUserId },
      };
    });
  }
}
