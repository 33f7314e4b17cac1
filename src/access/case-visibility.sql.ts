import { Actor } from './actor';
import { SqlParams } from '../database/sql';
import { Role } from './roles';

/**
 * `canSeeCase` (case-access.policy.ts) as a SQL predicate over `cases c`, so lists can use
 * keyset pagination on an index instead of filtering in memory. Keep the two in step:
 * test/e2e/cases.e2e-spec.ts ("list membership equals per-case visibility") compares them case by case.
 */
export function visibleCasesPredicate(actor: Actor, params: SqlParams, alias = 'c'): string {
  // Placeholders are added only when a clause uses them: PostgreSQL cannot type an unused one.
  let userIdParam: string | undefined;
  let staffIdsParam: string | undefined;
  const userId = () => (userIdParam ??= params.add(actor.userId));
  const staffIdsRef = () => (staffIdsParam ??= params.add(actor.staffIds));
  const isParty = (capacity?: string) =>
    `EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = ${alias}.id AND p.staff_id = ANY(${staffIdsRef()}::uuid[])${
      capacity ? ` AND p.capacity = '${capacity}'` : ''
    })`;
  const actorConflicted = () => `(${isParty()} OR ${alias}.investigator_user_id IS NOT DISTINCT FROM ${userId()}::uuid)`;
  const headteacherConflicted = `EXISTS (
      SELECT 1 FROM users h
      WHERE h.organisation_id = ${alias}.organisation_id AND 'headteacher' = ANY(h.roles)
        AND (h.id = ${alias}.investigator_user_id OR EXISTS (
          SELECT 1 FROM case_parties hp JOIN staff_members hs ON hs.id = hp.staff_id
          WHERE hp.case_id = ${alias}.id AND hs.user_id = h.id)))`;

  const byRole: Record<Role, () => string | null> = {
    admin: () => null,
    deputy_head: () => 'TRUE',
    hr: () => 'TRUE',
    headteacher: () => `NOT ${actorConflicted()}`,
    investigating_manager: () => `${alias}.investigator_user_id = ${userId()}::uuid`,
    governor: () =>
      `((${headteacherConflicted} AND NOT ${actorConflicted()})
        OR (${alias}.status = 'appeal' AND NOT ${actorConflicted()}
            AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.case_id = ${alias}.id AND o.recorded_by_user_id = ${userId()}::uuid))
        OR EXISTS (SELECT 1 FROM appeals a WHERE a.case_id = ${alias}.id AND a.decided_by_user_id = ${userId()}::uuid))`,
  };
  const roleClauses = [...new Set(actor.roles)].map((role) => byRole[role]()).filter((c): c is string => c !== null);
  if (roleClauses.length === 0) return 'FALSE';
  return `(${alias}.organisation_id = ${params.add(actor.organisationId)}::uuid
    AND NOT ${isParty('subject')}
    AND (${roleClauses.join(' OR ')}))`;
}
