import { CaseSection } from '../cases/case-section';
import { isoSql } from '../database/sql';
import { AppealResult, Sanction, sanctionInForce } from './outcome.rules';

const OUTCOME_SQL = `SELECT json_build_object('id', o.id, 'sanction', o.sanction, 'grossMisconduct', o.gross_misconduct, 'rationale', o.rationale,
    'decidedAt', ${isoSql('o.decided_at')}, 'communicatedAt', ${isoSql('o.communicated_at')}, 'warningExpiresAt', ${isoSql('o.warning_expires_at')},
    'appealDeadline', ${isoSql('o.appeal_deadline')}, 'separationWaiverReason', o.separation_waiver_reason,
    'decidedByUserId', o.recorded_by_user_id, 'decidedByRole', o.decided_by_role)
  FROM outcomes o WHERE o.case_id = $1`;

const APPEALS_SQL = `SELECT COALESCE(json_agg(json_build_object('id', a.id, 'lodgedAt', ${isoSql('a.lodged_at')}, 'grounds', a.grounds,
    'lodgedByUserId', a.recorded_by_user_id, 'result', a.result, 'rationale', a.rationale, 'newSanction', a.new_sanction,
    'newWarningExpiresAt', ${isoSql('a.new_warning_expires_at')}, 'decidedByUserId', a.decided_by_user_id, 'decidedByRole', a.decided_by_role,
    'decidedAt', ${isoSql('a.decided_at')}) ORDER BY a.lodged_at, a.id), '[]')
  FROM appeals a WHERE a.case_id = $1`;

/** §12 in the case view: the outcome, the appeals, and the sanction in force after them. */
export const OUTCOME_SECTIONS = [
  { name: 'outcome', sql: OUTCOME_SQL } satisfies CaseSection<'outcome'>,
  { name: 'appeals', sql: APPEALS_SQL } satisfies CaseSection<'appeals'>,
  {
    name: 'sanctionInForce',
    sql: `SELECT json_build_object('sanction', o.sanction, 'result', a.result, 'newSanction', a.new_sanction)
          FROM outcomes o LEFT JOIN appeals a ON a.outcome_id = o.id WHERE o.case_id = $1`,
    map(value) {
      if (!value) return null;
      const row = value as { sanction: Sanction; result: AppealResult | null; newSanction: Sanction | null };
      return sanctionInForce(row.sanction, { result: row.result, newSanction: row.newSanction });
    },
  } satisfies CaseSection<'sanctionInForce'>,
] as const;
