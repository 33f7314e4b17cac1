import { isoSql } from '../database/sql';
import { AppealResult, isWarning, Sanction, sanctionInForce } from './outcome.rules';

/** What the retention date of a closed case rests on, from the outcomes module's tables (§12, §13). */
export interface RetentionBasisJson {
  sanction: Sanction;
  warningExpiresAt: string | null;
  appealResult: AppealResult | null;
  newSanction: Sanction | null;
  newWarningExpiresAt: string | null;
}

/** SQL: the outcome and its appeal for case `caseColumn`, as JSON, or NULL when no outcome was recorded. */
export function retentionBasisSql(caseColumn: string): string {
  return `(SELECT json_build_object('sanction', o.sanction, 'warningExpiresAt', ${isoSql('o.warning_expires_at')},
      'appealResult', a.result, 'newSanction', a.new_sanction, 'newWarningExpiresAt', ${isoSql('a.new_warning_expires_at')})
    FROM outcomes o LEFT JOIN appeals a ON a.outcome_id = o.id WHERE o.case_id = ${caseColumn} ORDER BY a.created_at DESC NULLS LAST LIMIT 1)`;
}

/** The sanction in force after any appeal, and when its warning expires. */
export function sanctionForRetention(basis: RetentionBasisJson | null): { sanction: Sanction | null; warningExpiresAt: Date | null } {
  if (!basis) return { sanction: null, warningExpiresAt: null };
  const sanction = sanctionInForce(basis.sanction, { result: basis.appealResult, newSanction: basis.newSanction });
  const expiry = basis.appealResult === 'varied' ? basis.newWarningExpiresAt : basis.warningExpiresAt;
  return { sanction, warningExpiresAt: isWarning(sanction) && expiry ? new Date(expiry) : null };
}
