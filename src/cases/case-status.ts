import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';
import { requireNotPaused } from '../grievances/grievance-rows';
import { findingsArraySql } from '../investigations/investigation-rows';
import { RetentionBasisJson, retentionBasisSql, sanctionForRetention } from '../outcomes/retention-basis';
import { retainUntil, RetentionPeriods } from '../retention/retention.rules';
import { endSuspensionsAtOutcome } from '../suspensions/suspension-rows';
import { CaseAction, CaseStatus, nextStatus } from './lifecycle';

/**
 * The one place a case's status is written: the lifecycle's transition (lifecycle.ts), and
 * for every move into `closed` the retention date (§13) from what the case ended with.
 */
export async function moveCase(
  em: EntityManager,
  current: { id: string; status: CaseStatus },
  action: CaseAction,
  periods: RetentionPeriods,
): Promise<CaseStatus> {
  const next = nextStatus(current.status, action);
  // process.md §4: no status change while the process is paused pending a grievance (409 case_paused)
  await requireNotPaused(em, current.id);
  await em.query(
    `UPDATE cases SET status = $2::case_status, updated_at = now(), closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE closed_at END WHERE id = $1`,
    [current.id, next],
  );
  if (next === 'decided' || next === 'closed') await endSuspensionsAtOutcome(em, current.id); // process.md §1: a suspension ends at the latest with the outcome
  if (next === 'closed') await refreshRetentionDate(em, current.id, periods);
  return next;
}

/**
 * Sets a closed case's retention date from what it ended with: the sanction in force after
 * any appeal, the warning's expiry, the safeguarding flag and the findings (KCSIE Part 4). Called at closure, and again
 * whenever one of those changes after it (a safeguarding referral recorded after closure).
 * Does nothing to a case that is not closed.
 */
export async function refreshRetentionDate(em: EntityManager, caseId: string, periods: RetentionPeriods): Promise<Date | null> {
  const row = await queryOne<{ created_at: Date; closed_at: Date | null; safeguarding: boolean; basis: RetentionBasisJson | null; findings: string[] }>(
    em,
    `SELECT c.created_at, c.closed_at, c.safeguarding, ${retentionBasisSql('c.id')} AS basis, ${findingsArraySql('c.id')} AS findings
     FROM cases c WHERE c.id = $1 AND c.status = 'closed'`,
    [caseId],
  );
  if (!row || !row.closed_at) return null;
  const until = retainUntil(
    { reportedAt: row.created_at, closedAt: row.closed_at, safeguarding: row.safeguarding, findings: row.findings, ...sanctionForRetention(row.basis) },
    periods,
  );
  await em.query(`UPDATE cases SET retain_until = $2 WHERE id = $1`, [caseId, until]);
  return until;
}
