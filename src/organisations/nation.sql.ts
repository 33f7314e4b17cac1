import { EntityManager } from 'typeorm';
import { Nation } from '../calendar/bank-holidays';
import { queryOne } from '../database/sql';

/** The organisation's nation (organisations.nation): whose bank holidays its working days skip (process.md §6). */
export async function loadNation(em: EntityManager, organisationId: string): Promise<Nation> {
  const row = await queryOne<{ nation: Nation }>(em, `SELECT nation FROM organisations WHERE id = $1`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return row.nation;
}

/** Sets the nation (in the caller's transaction); answers the one before, for the audit record. */
export async function updateNation(em: EntityManager, organisationId: string, nation: Nation): Promise<{ before: Nation; after: Nation }> {
  const row = await queryOne<{ nation: Nation }>(em, `SELECT nation FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  await em.query(`UPDATE organisations SET nation = $2 WHERE id = $1`, [organisationId, nation]);
  return { before: row.nation, after: nation };
}

/**
 * SQL: the nation of the organisation `organisationId` (an SQL expression), as a scalar for a
 * statement that reads something else (the case view reads its calendar in its own round trip).
 */
export function organisationNationSql(organisationId: string): string {
  return `(SELECT o.nation FROM organisations o WHERE o.id = ${organisationId})`;
}
