import { CaseSection } from '../cases/case-section';
import { isoSql } from '../database/sql';
import { SuspensionResponse } from './dto/suspension.dto';
import { currentReviewBySql } from './suspension-rows';
import { suspensionStatus } from './suspension.rules';

type SuspensionRow = Omit<SuspensionResponse, 'status' | 'endedAt' | 'endReason' | 'withheld'> & {
  endedAt: string | null;
  endReason: 'review' | 'outcome' | null;
};

/** Read with the case view's statement: `$1` is the case id. */
const SUSPENSIONS_SQL = `COALESCE((SELECT json_agg(json_build_object('id', s.id, 'subjectStaffId', s.subject_staff_id, 'subjectName', st.name,
    'startsAt', ${isoSql('s.starts_at')}, 'grounds', s.grounds, 'reasons', s.reasons, 'alternativesConsidered', s.alternatives_considered,
    'firstReviewBy', ${isoSql('s.review_by')}, 'reviewBy', ${isoSql(currentReviewBySql('s'))},
    'endedAt', ${isoSql('s.ended_at')}, 'endReason', s.end_reason, 'recordedByUserId', s.recorded_by_user_id, 'createdAt', ${isoSql('s.created_at')},
    'reviews', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'reviewedAt', ${isoSql('r.created_at')}, 'decision', r.decision, 'reasons', r.reasons,
        'reviewBy', ${isoSql('r.next_review_by')}, 'reviewedByUserId', r.recorded_by_user_id) ORDER BY r.created_at, r.id)
      FROM suspension_reviews r WHERE r.suspension_id = s.id), '[]'))
    ORDER BY s.starts_at, s.created_at, s.id)
  FROM suspensions s JOIN staff_members st ON st.id = s.subject_staff_id WHERE s.case_id = $1), '[]')`;

/**
 * The case view's `suspensions` section: each with its status at `now` (suspension.rules.ts):
 * a lapsed one (not reviewed by its review date) shows as ended on that date.
 */
export function suspensionsSection(rows: readonly SuspensionRow[], now = new Date()): SuspensionResponse[] {
  return rows.map((row) => {
    const status = suspensionStatus({ reviewBy: new Date(row.reviewBy), endedAt: row.endedAt ? new Date(row.endedAt) : null }, now);
    return {
      ...row,
      status,
      endedAt: status === 'lapsed' ? row.reviewBy : row.endedAt,
      endReason: status === 'lapsed' ? 'lapsed' : row.endReason,
      withheld: false,
    };
  });
}

/** Precautionary suspension in the case view (process.md §1). */
export const SUSPENSIONS_SECTION = {
  name: 'suspensions',
  sql: SUSPENSIONS_SQL,
  map: (value) => suspensionsSection(value as SuspensionRow[]),
} satisfies CaseSection<'suspensions'>;

/** What a reporter or witness of the case reads (case-redaction.ts): that a suspension exists and its dates, not the reasons. */
export function withholdSuspensions(suspensions: readonly SuspensionResponse[]): SuspensionResponse[] {
  return suspensions.map((s) => ({
    ...s,
    reasons: null,
    alternativesConsidered: null,
    reviews: s.reviews.map((r) => ({ ...r, reasons: null })),
    withheld: true,
  }));
}
