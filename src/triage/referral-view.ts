import { isoSql } from '../database/sql';

/** §5: the safeguarding referrals of case `caseColumn`, oldest first, as a JSON array (the case view's safeguarding part). */
export function referralsJsonSql(caseColumn: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('id', f.id, 'referredTo', f.referred_to, 'referredAt', ${isoSql('f.referred_at')},
      'notes', f.notes, 'recordedByUserId', f.recorded_by_user_id) ORDER BY f.referred_at, f.id)
    FROM safeguarding_referrals f WHERE f.case_id = ${caseColumn}), '[]')`;
}

/** §5: a safeguarding referral of case `caseColumn` is on record (a predicate; the index on `case_id` answers it). */
export function referralRecordedSql(caseColumn: string): string {
  return `EXISTS (SELECT 1 FROM safeguarding_referrals f WHERE f.case_id = ${caseColumn})`;
}
