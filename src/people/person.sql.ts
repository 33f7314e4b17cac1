import { EntityManager } from 'typeorm';
import type { Role } from '../access/roles';
import { queryOne } from '../database/sql';

/** A user of the organisation as the conflict rules see them: roles, whether active, and linked staff records. */
export interface PersonRow {
  userId: string;
  roles: Role[];
  active: boolean;
  staffIds: string[];
}

export function loadPerson(em: EntityManager, organisationId: string, userId: string): Promise<PersonRow | undefined> {
  return queryOne<PersonRow>(
    em,
    `SELECT u.id AS "userId", u.roles::text[] AS roles, u.active, ARRAY(SELECT s.id FROM staff_members s WHERE s.user_id = u.id)::text[] AS "staffIds"
     FROM users u WHERE u.id = $1 AND u.organisation_id = $2`,
    [userId, organisationId],
  );
}

/** A staff record of the organisation exists. */
export async function isStaffOf(em: EntityManager, organisationId: string, staffId: string): Promise<boolean> {
  return Boolean(await queryOne(em, `SELECT 1 FROM staff_members WHERE id = $1 AND organisation_id = $2`, [staffId, organisationId]));
}
