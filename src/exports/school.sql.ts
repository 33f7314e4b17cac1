import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** The organisation's name, as the HR documents print it ("school"). */
export async function schoolName(em: EntityManager, organisationId: string): Promise<string> {
  const row = await queryOne<{ name: string }>(em, `SELECT name FROM organisations WHERE id = $1`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return row.name;
}
