import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';
import { AppealResult, Sanction, sanctionInForce } from '../outcomes/outcome.rules';
import { retainUntil, RetentionPeriods } from './retention.rules';

/**
 * Marks a case closed now and gives it its retention date (§13) from what it ended with:
 * the sanction in force after any appeal, the warning's expiry, the safeguarding flag.
 * Called by every transition into `closed` (triage, close, appeal decided).
 */
export async function closeWithRetention(em: EntityManager, caseId: string, periods: RetentionPeriods): Promise<Date> {
  const row = await queryOne<{
    created_at: Date;
    closed_at: Date;
    safeguarding: boolean;
    sanction: Sanction | null;
    warning_expires_at: Date | null;
    appeal_result: AppealResult | null;
    new_sanction: Sanction | null;
    new_warning_expires_at: Date | null;
  }>(
    em,
    `UPDATE cases c SET status = 'closed', closed_at = now(), updated_at = now() WHERE c.id = $1
     RETURNING c.created_at, c.closed_at, c.safeguarding,
       (SELECT o.sanction FROM outcomes o WHERE o.case_id = c.id) AS sanction,
       (SELECT o.warning_expires_at FROM outcomes o WHERE o.case_id = c.id) AS warning_expires_at,
       (SELECT a.result FROM appeals a WHERE a.case_id = c.id) AS appeal_result,
       (SELECT a.new_sanction FROM appeals a WHERE a.case_id = c.id) AS new_sanction,
       (SELECT a.new_warning_expires_at FROM appeals a WHERE a.case_id = c.id) AS new_warning_expires_at`,
    [caseId],
  );
  const closed = row!;
  const inForce = closed.sanction ? sanctionInForce(closed.sanction, { result: closed.appeal_result, newSanction: closed.new_sanction }) : null;
  const warningExpiresAt = closed.appeal_result === 'varied' ? closed.new_warning_expires_at : closed.warning_expires_at;
  const until = retainUntil(
    { reportedAt: closed.created_at, closedAt: closed.closed_at, safeguarding: closed.safeguarding, sanction: inForce, warningExpiresAt },
    periods,
  );
  await em.query(`UPDATE cases SET retain_until = $2 WHERE id = $1`, [caseId, until]);
  return until;
}
