import type { SchoolCalendar } from '../calendar/school-calendar';
import { subjectStaffIdsSql } from '../cases/case-rows';
import { CaseSection } from '../cases/case-section';
import { isoSql } from '../database/sql';
import { RetentionBasisJson, retentionBasisSql, sanctionForRetention } from '../outcomes/retention-basis';
import { teacherAmongSql } from '../people/staff.sql';
import { KcsieResponse, LadoConsultationResponse, ReferralDecisionResponse } from './dto/kcsie.dto';
import { consultationLate, ladoConsultationDueBy, ladoConsultationOverdue } from './lado.rules';
import { referralDecisionsMissing } from './referral-decisions.rules';

interface KcsieRow {
  reportedAt: string;
  safeguarding: boolean;
  erased: boolean;
  teacherSubject: boolean;
  /** The outcome and its appeal (the sanction in force), or null. */
  basis: RetentionBasisJson | null;
  consultations: Array<Omit<LadoConsultationResponse, 'late' | 'withheld'>>;
  decisions: Array<Omit<ReferralDecisionResponse, 'withheld'>>;
}

/** Read with the case view's statement: `c` is the case row, `$1` its id. */
const KCSIE_SQL = `SELECT json_build_object('reportedAt', ${isoSql('c.created_at')}, 'safeguarding', c.safeguarding, 'erased', c.erased_at IS NOT NULL,
    'teacherSubject', ${teacherAmongSql(subjectStaffIdsSql('c.id'))}, 'basis', ${retentionBasisSql('c.id')},
    'consultations', COALESCE((SELECT json_agg(json_build_object('id', l.id, 'consultedAt', ${isoSql('l.consulted_at')}, 'ladoName', l.lado_name,
        'advice', l.advice, 'thresholdMet', l.threshold_met, 'caseManagerUserId', l.case_manager_user_id, 'recordedByUserId', l.recorded_by_user_id,
        'createdAt', ${isoSql('l.created_at')}) ORDER BY l.consulted_at, l.id) FROM lado_consultations l WHERE l.case_id = $1), '[]'),
    'decisions', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'body', r.body, 'referred', r.referred, 'referredAt', ${isoSql('r.referred_at')},
        'reasonNotReferred', r.reason_not_referred, 'recordedByUserId', r.recorded_by_user_id, 'createdAt', ${isoSql('r.created_at')})
        ORDER BY r.created_at, r.id) FROM referral_decisions r WHERE r.case_id = $1), '[]'))`;

/**
 * The case view's `kcsie` section, from the row: the LADO due time and lateness (lado.rules.ts)
 * computed at `now`, in the organisation's calendar.
 */
export function kcsieSection(row: KcsieRow, now: Date, calendar: SchoolCalendar): KcsieResponse {
  const reportedAt = new Date(row.reportedAt);
  return {
    lado: {
      dueBy: row.safeguarding ? ladoConsultationDueBy(reportedAt, calendar).toISOString() : null,
      overdue: ladoConsultationOverdue({ ...row, reportedAt, consultations: row.consultations.length }, now, calendar),
      consultations: row.consultations.map((c) => ({ ...c, late: consultationLate(reportedAt, new Date(c.consultedAt), calendar), withheld: false })),
    },
    referralDecisions: row.decisions.map((d) => ({ ...d, withheld: false })),
    referralDecisionsRequired: referralDecisionsMissing({
      safeguarding: row.safeguarding,
      sanctionInForce: sanctionForRetention(row.basis).sanction,
      teacherSubject: row.teacherSubject,
      decided: new Set(row.decisions.map((d) => d.body)),
    }),
  };
}

/** KCSIE Part 4 in the case view (process.md §3). */
export const KCSIE_SECTION = {
  name: 'kcsie',
  sql: KCSIE_SQL,
  map: (value, { now, calendar }) => kcsieSection(value as KcsieRow, now, calendar),
} satisfies CaseSection<'kcsie'>;

/** What a reporter or witness of the case reads (case-redaction.ts): that the records exist, not the advice or the reasons. */
export function withholdKcsie(kcsie: KcsieResponse): KcsieResponse {
  return {
    lado: { ...kcsie.lado, consultations: kcsie.lado.consultations.map((c) => ({ ...c, advice: null, withheld: true })) },
    referralDecisions: kcsie.referralDecisions.map((d) => ({ ...d, reasonNotReferred: null, withheld: true })),
    referralDecisionsRequired: kcsie.referralDecisionsRequired,
  };
}
