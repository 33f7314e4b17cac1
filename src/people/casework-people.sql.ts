import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { queryRows } from '../database/sql';

/**
 * The people module's SQL for the people who can own a task on a case (process.md §6): the
 * organisation's active accounts that hold a casework role, as actors (roles and linked staff records, which the access rules read
 * for conflicts). An organisation has a few dozen at most.
 */
export async function caseworkPeople(em: EntityManager, organisationId: string): Promise<Actor[]> {
  const rows = await queryRows<{ id: string; email: string; name: string; roles: Role[]; staff_ids: string[] }>(
    em,
    `SELECT u.id, u.email, u.name, u.roles::text[] AS roles, ARRAY(SELECT m.id FROM staff_members m WHERE m.user_id = u.id) AS staff_ids
     FROM users u WHERE u.organisation_id = $1 AND u.active AND u.roles && '{deputy_head,investigating_manager,headteacher,governor}'::role[]`,
    [organisationId],
  );
  return rows.map((r) => ({ userId: r.id, organisationId, email: r.email, name: r.name, roles: r.roles, staffIds: r.staff_ids }));
}

/** One person as an actor, when their account is active (the digest asks for a person by id). */
export async function activePerson(em: EntityManager, organisationId: string, userId: string): Promise<Actor | undefined> {
  const rows = await queryRows<{ id: string; email: string; name: string; roles: Role[]; staff_ids: string[] }>(
    em,
    `SELECT u.id, u.email, u.name, u.roles::text[] AS roles, ARRAY(SELECT m.id FROM staff_members m WHERE m.user_id = u.id) AS staff_ids
     FROM users u WHERE u.organisation_id = $1 AND u.id = $2 AND u.active`,
    [organisationId, userId],
  );
  return rows.map((r) => ({ userId: r.id, organisationId, email: r.email, name: r.name, roles: r.roles, staffIds: r.staff_ids }))[0];
}
