import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** The investigations module's SQL on `investigation_extensions`. */

export async function insertExtension(
  em: EntityManager,
  record: { organisationId: string; caseId: string; userId: string },
  workingDays: number,
  reason: string,
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO investigation_extensions (organisation_id, case_id, recorded_by_user_id, working_days, reason) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [record.organisationId, record.caseId, record.userId, workingDays, reason],
  );
  return row!.id;
}

/** SQL: the working days the extensions of case `caseId` add to its investigation's deadline (process.md §6 tasks). */
export const extensionWorkingDaysSql = (caseId: string): string =>
  `(SELECT COALESCE(sum(x.working_days), 0)::int FROM investigation_extensions x WHERE x.case_id = ${caseId})`;
