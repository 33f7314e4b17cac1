import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Actor } from './actor';
import { ActingOptions, actingRole, canSeeCase, readerRights, stuckDecision, ReaderRights } from './case-access.policy';
import { loadCaseFacts } from './case-facts.sql';
import { CaseFacts } from './conflicts';
import { Permission } from './permissions';
import { Role } from './roles';

export interface CaseAccess {
  facts: CaseFacts;
  /** The role the caller acts in, recorded with every audit event. */
  role: Role;
  /** What of the case's content the caller may read. */
  rights: ReaderRights;
}

/**
 * The one case-access decision. A case of another organisation, a missing case and a case
 * the caller may not see all answer 404 alike; a visible case on which none of the caller's
 * roles may do this answers 403; a decision nobody in the organisation may take answers 409
 * saying what is missing (domain.md "Nobody is ever stuck").
 */
export function decideCaseAccess(actor: Actor, facts: CaseFacts | undefined, permission: Permission, options: ActingOptions = {}): CaseAccess {
  if (!facts || !canSeeCase(actor, facts)) throw DomainError.notFound('Case');
  const role = actingRole(actor, facts, permission, options);
  if (!role) {
    const stuck = stuckDecision(permission, facts);
    if (stuck) throw DomainError.conflict('no_decision_maker', stuck);
    throw DomainError.forbidden(`Your role does not allow ${permission} on this case.`);
  }
  return { facts, role, rights: readerRights(actor, facts) };
}

/**
 * Loads a case's facts and decides access, for the few callers that must check before a
 * transaction (an upload refused before a byte of its body is read). Everything that
 * changes or reads a case goes through CaseRunner, which uses decideCaseAccess itself.
 */
@Injectable()
export class CaseAccessService {
  async check(em: EntityManager, actor: Actor, caseId: string, permission: Permission): Promise<CaseAccess> {
    return decideCaseAccess(actor, await loadCaseFacts(em, actor.organisationId, caseId), permission);
  }
}
