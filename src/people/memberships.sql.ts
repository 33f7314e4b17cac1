import { EntityManager } from 'typeorm';
import { Role } from '../access/roles';
import { queryOne } from '../database/sql';

/**
 * A person's membership of an organisation (process.md §7): a `users` row of the account, with its own roles.
 * Undefined when the account already belongs to the organisation.
 */
export async function insertMembership(
  em: EntityManager,
  membership: { organisationId: string; accountId: string; email: string; name: string; roles: Role[] },
): Promise<string | undefined> {
  const row = await queryOne<{ id: string }>(
    em,
    // clock_timestamp(): memberships made in one transaction (the demo's) still keep their order (a sign-in's default school)
    `INSERT INTO users (organisation_id, account_id, email, name, roles, created_at) VALUES ($1, $2, $3, $4, $5::role[], clock_timestamp())
     ON CONFLICT (organisation_id, account_id) DO NOTHING RETURNING id`,
    [membership.organisationId, membership.accountId, membership.email, membership.name, membership.roles],
  );
  return row?.id;
}
