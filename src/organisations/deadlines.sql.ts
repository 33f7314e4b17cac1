import { EntityManager } from 'typeorm';
import { Nation } from '../calendar/bank-holidays';
import { queryOne } from '../database/sql';
import { Deadlines, DeploymentDeadlines, effectiveDeadlines } from '../tasks/task.rules';

/** The organisation's deadlines (organisations.deadlines over the defaults, within the deployment's bounds; process.md §6). */
export async function loadDeadlines(em: EntityManager, organisationId: string, deployment: DeploymentDeadlines): Promise<Deadlines> {
  const row = await queryOne<{ deadlines: Record<string, unknown> }>(em, `SELECT deadlines FROM organisations WHERE id = $1`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return effectiveDeadlines(row.deadlines, deployment);
}

/** The organisation's nation and deadlines in one statement: what every change's task watch reads (process.md §6). */
export async function loadNationAndDeadlines(
  em: EntityManager,
  organisationId: string,
  deployment: DeploymentDeadlines,
): Promise<{ nation: Nation; deadlines: Deadlines }> {
  const row = await queryOne<{ nation: Nation; deadlines: Record<string, unknown> }>(em, `SELECT nation, deadlines FROM organisations WHERE id = $1`, [
    organisationId,
  ]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  return { nation: row.nation, deadlines: effectiveDeadlines(row.deadlines, deployment) };
}

/** Sets them (in the caller's transaction); answers the ones before, for the audit record. */
export async function updateDeadlines(
  em: EntityManager,
  organisationId: string,
  deadlines: Deadlines,
  deployment: DeploymentDeadlines,
): Promise<{ before: Deadlines; after: Deadlines }> {
  const row = await queryOne<{ deadlines: Record<string, unknown> }>(em, `SELECT deadlines FROM organisations WHERE id = $1 FOR UPDATE`, [organisationId]);
  if (!row) throw new Error(`organisation ${organisationId} not found`);
  await em.query(`UPDATE organisations SET deadlines = $2::jsonb WHERE id = $1`, [organisationId, JSON.stringify(deadlines)]);
  return { before: effectiveDeadlines(row.deadlines, deployment), after: deadlines };
}
