import { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';

/**
 * The people module's SQL on `staff_members` for other modules' statements: the
 * organisation's staff records among the given ids (`$org` and `$ids` are placeholders).
 */
export function knownStaffSql(organisationParam: string, idsParam: string): string {
  return `SELECT id FROM staff_members WHERE organisation_id = ${organisationParam} AND id = ANY(${idsParam}::uuid[])`;
}

/**
 * The ids of the organisation's staff records whose name matches `pattern`, an ILIKE pattern (a
 * part of the name, in any case), answered by the trigram index on `staff_members.name`
 * (migration CaseListSearch). Asked on its own, before a statement that uses the ids, so that
 * PostgreSQL plans that statement knowing how many people matched (a substring's selectivity
 * is otherwise a guess).
 */
export async function staffIdsNamedLike(em: EntityManager, organisationId: string, pattern: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(em, `SELECT s.id FROM staff_members s WHERE s.organisation_id = $1 AND s.name ILIKE $2`, [
    organisationId,
    pattern,
  ]);
  return rows.map((row) => row.id);
}

/** SQL: whether any staff record of `staffIdsArraySql` (a uuid[] value) is a teacher (KCSIE Part 4: the TRA). */
export function teacherAmongSql(staffIdsArraySql: string): string {
  return `EXISTS (SELECT 1 FROM staff_members s WHERE s.id = ANY(${staffIdsArraySql}) AND s.teacher)`;
}

/** KCSIE Part 4: whether any of these staff records is a teacher (the TRA referral decision is then needed too). */
export async function anyTeacher(em: EntityManager, staffIds: readonly string[]): Promise<boolean> {
  if (staffIds.length === 0) return false;
  const rows = await queryRows<{ id: string }>(em, `SELECT id FROM staff_members WHERE id = ANY($1::uuid[]) AND teacher LIMIT 1`, [staffIds]);
  return rows.length > 0;
}
