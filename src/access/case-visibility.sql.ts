import { SqlParams } from '../database/sql';
import { grievanceDecidedBySql, grievanceUndecidedSql } from '../grievances/grievance-facts.sql';
import { everInvestigatedSql } from '../investigations/assignments.sql';
import { appealDeciderSql, outcomeDeciderSql } from '../outcomes/deciders.sql';
import { staffOfUserSql } from '../people/role-holders.sql';
import { Actor } from './actor';
import { Role } from './roles';

/**
 * `canSeeCase` (case-access.policy.ts, over conflicts.ts) as a SQL predicate over `cases c`,
 * so lists can use keyset pagination on an index instead of filtering in memory. The two
 * are held equal by test/e2e/visibility-twin.e2e-spec.ts, which generates organisations of
 * people with several roles, linked and unlinked staff records, replaced investigators and
 * deactivated heads, and compares them case by case.
 */
export function visibleCasesPredicate(actor: Actor, params: SqlParams, alias = 'c'): string {
  // Placeholders are added only when a clause uses them: PostgreSQL cannot type an unused one.
  let userIdParam: string | undefined;
  let staffIdsParam: string | undefined;
  const me = () => (userIdParam ??= `${params.add(actor.userId)}::uuid`);
  const myStaff = () => (staffIdsParam ??= `${params.add(actor.staffIds)}::uuid[]`);
  const c = alias;

  /** The person behind `userSql` is a party in `capacities` (any, when omitted) through a linked staff record. */
  const partyOf = (userSql: string, capacities?: string[]) =>
    `EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = ${c}.id AND p.staff_id IS NOT NULL AND ${staffOfUserSql('p.staff_id', userSql)}${
      capacities ? ` AND p.capacity IN (${capacities.map((x) => `'${x}'`).join(', ')})` : ''
    })`;
  const iAmParty = (capacities?: string[]) =>
    `EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = ${c}.id AND p.staff_id = ANY(${myStaff()})${
      capacities ? ` AND p.capacity IN (${capacities.map((x) => `'${x}'`).join(', ')})` : ''
    })`;
  /** conflicts.ts `takesNoDecision`: a party in any capacity, or ever appointed to investigate. */
  const iTakeNoDecision = () => `(${iAmParty()} OR ${everInvestigatedSql(`${c}.id`, me())} OR ${c}.investigator_user_id IS NOT DISTINCT FROM ${me()})`;
  const takesNoDecision = (userSql: string) =>
    `(${partyOf(userSql)} OR ${everInvestigatedSql(`${c}.id`, userSql)} OR ${c}.investigator_user_id IS NOT DISTINCT FROM ${userSql})`;
  /** conflicts.ts `decisionMakerRole`: is there an active headteacher free to decide? */
  const aHeadIsFree = `EXISTS (SELECT 1 FROM users h WHERE h.organisation_id = ${c}.organisation_id AND h.active AND 'headteacher' = ANY(h.roles)
      AND NOT ${takesNoDecision('h.id')})`;

  const byRole: Record<Role, () => string | null> = {
    admin: () => null,
    deputy_head: () => 'TRUE',
    hr: () => 'TRUE',
    headteacher: () => `NOT ${iTakeNoDecision()}`,
    investigating_manager: () => `${c}.investigator_user_id = ${me()}`,
    governor: () =>
      // acting for the headteachers (the caller, an active governor free to decide, makes "a governor is free" true)
      `((NOT ${aHeadIsFree} AND NOT ${iTakeNoDecision()})
        OR (${c}.status = 'appeal' AND NOT ${iTakeNoDecision()} AND ${outcomeDeciderSql(`${c}.id`)} IS DISTINCT FROM ${me()})
        OR ${appealDeciderSql(`${c}.id`)} = ${me()}
        OR (${grievanceUndecidedSql(`${c}.id`)} AND NOT ${iTakeNoDecision()} AND ${outcomeDeciderSql(`${c}.id`)} IS DISTINCT FROM ${me()})
        OR ${grievanceDecidedBySql(`${c}.id`, me())})`,
  };
  const roleClauses = [...new Set(actor.roles)].map((role) => byRole[role]()).filter((clause): clause is string => clause !== null);
  if (roleClauses.length === 0) return 'FALSE';
  return `(${c}.organisation_id = ${params.add(actor.organisationId)}::uuid
    AND NOT ${iAmParty(['subject'])}
    AND (${roleClauses.join(' OR ')}))`;
}
