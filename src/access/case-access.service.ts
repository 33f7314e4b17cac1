import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { Actor } from './actor';
import { ActingOptions, actingRole, canSeeCase, CaseFacts } from './case-access.policy';
import { Permission } from './permissions';
import { Role } from './roles';
import type { CaseStatus } from '../cases/lifecycle';

export interface CaseAccess {
  facts: CaseFacts;
  status: CaseStatus;
  /** The role the caller acts in, recorded with every audit event. */
  role: Role;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one case-access check (like immich's access.ts). Every case-scoped service method
 * calls `requireCaseAccess` first: a case of another organisation, a missing case and a
 * case the caller may not see all answer 404 alike; a visible case on which the caller's
 * role may not do this answers 403.
 */
@Injectable()
export class CaseAccessService {
  async requireCaseAccess(
    em: EntityManager,
    actor: Actor,
    caseId: string,
    permission: Permission,
    options: { lock?: boolean } & ActingOptions = {},
  ): Promise<CaseAccess> {
    const loaded = await this.loadFacts(em, actor.organisationId, caseId, options.lock ?? false);
    if (!loaded || !canSeeCase(actor, loaded.facts)) throw DomainError.notFound('Case');
    const role = actingRole(actor, loaded.facts, permission, options);
    if (!role) throw DomainError.forbidden(`Your role does not allow ${permission} on this case.`);
    return { facts: loaded.facts, status: loaded.status, role };
  }

  /** The facts the access rules need, in one round trip; `lock` takes the case row FOR UPDATE. */
  async loadFacts(em: EntityManager, organisationId: string, caseId: string, lock: boolean): Promise<{ facts: CaseFacts; status: CaseStatus } | undefined> {
    if (!UUID.test(caseId)) return undefined;
    const row = await queryOne<{
      id: string;
      organisation_id: string;
      status: CaseStatus;
      investigator_user_id: string | null;
      parties: CaseFacts['parties'];
      headteachers: CaseFacts['headteachers'];
      outcome_decided_by: string | null;
      appeal_decided_by: string | null;
    }>(
      em,
      `SELECT c.id, c.organisation_id, c.status, c.investigator_user_id,
         COALESCE((SELECT json_agg(json_build_object('capacity', p.capacity, 'staffId', p.staff_id))
                   FROM case_parties p WHERE p.case_id = c.id), '[]') AS parties,
         COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'staffIds',
                     COALESCE((SELECT json_agg(s.id) FROM staff_members s WHERE s.user_id = u.id), '[]')))
                   FROM users u WHERE u.organisation_id = c.organisation_id AND 'headteacher' = ANY(u.roles)), '[]') AS headteachers,
         (SELECT o.recorded_by_user_id FROM outcomes o WHERE o.case_id = c.id) AS outcome_decided_by,
         (SELECT a.decided_by_user_id FROM appeals a WHERE a.case_id = c.id AND a.decided_by_user_id IS NOT NULL LIMIT 1) AS appeal_decided_by
       FROM cases c
       WHERE c.id = $1 AND c.organisation_id = $2
       ${lock ? 'FOR UPDATE OF c' : ''}`,
      [caseId, organisationId],
    );
    if (!row) return undefined;
    return {
      status: row.status,
      facts: {
        id: row.id,
        organisationId: row.organisation_id,
        investigatorUserId: row.investigator_user_id,
        parties: row.parties,
        headteachers: row.headteachers,
        status: row.status,
        outcomeDecidedByUserId: row.outcome_decided_by,
        appealDecidedByUserId: row.appeal_decided_by,
      },
    };
  }
}
