import type { SchoolCalendar } from '../calendar/school-calendar';
import { subjectsJsonSql } from '../cases/case-rows';
import { CaseSection } from '../cases/case-section';
import { isoSql } from '../database/sql';
import { sentLettersJsonSql } from '../letters/letter-rows';
import type { Role } from '../access/roles';
import type { GuidanceInput } from '../cases/case-guidance';
import type { CaseResponse } from '../cases/dto/case.dto';
import { HearingResponse } from './dto/hearing.dto';
import { HearingKind, invitationNoticeProblem } from './hearing.rules';

/** The letter that invites to each kind of hearing (src/letters/kinds): its sending gives the notice. */
export const INVITATION_LETTER: Record<HearingKind, string> = { disciplinary: 'hearing_invitation', appeal: 'appeal_hearing_invitation' };

type HearingRow = Omit<HearingResponse, 'noticeGiven' | 'noticeProblem' | 'withheld' | 'current'> & {
  sent: Record<string, string>;
  subjects: Array<{ staffId: string; name: string }>;
};

const LETTER_KIND_SQL = `CASE h.kind WHEN 'disciplinary' THEN '${INVITATION_LETTER.disciplinary}' ELSE '${INVITATION_LETTER.appeal}' END`;

/** Read with the case view's statement: `$1` is the case id. Every hearing of the case, oldest first, superseded ones included. */
const HEARINGS_SQL = `SELECT json_agg(json_build_object('id', h.id, 'kind', h.kind, 'appealId', h.appeal_id, 'chairUserId', h.chair_user_id, 'chairRole', h.chair_role,
    'invitedAt', ${isoSql('h.invited_at')}, 'originalScheduledFor', ${isoSql('h.original_scheduled_for')}, 'scheduledFor', ${isoSql('h.scheduled_for')},
    'place', h.place, 'noticeWorkingDays', h.notice_working_days, 'evidenceIds', to_json(h.evidence_ids), 'possibleOutcomes', to_json(h.possible_outcomes),
    'supersededAt', ${isoSql('h.superseded_at')}, 'recordedByUserId', h.recorded_by_user_id, 'createdAt', ${isoSql('h.created_at')},
    'held', CASE WHEN h.held_at IS NULL THEN NULL ELSE json_build_object('heldAt', ${isoSql('h.held_at')}, 'subjectAttended', h.subject_attended,
      'attendees', h.attendees, 'companion', CASE WHEN h.companion_name IS NULL THEN NULL ELSE json_build_object('name', h.companion_name,
      'category', h.companion_category, 'adjustmentReason', h.companion_adjustment_reason) END, 'notes', h.notes, 'representations', h.representations,
      'absenceReason', h.absence_reason, 'recordedByUserId', h.held_recorded_by_user_id) END,
    'rearrangements', COALESCE((SELECT json_agg(json_build_object('id', r.id, 'basis', r.basis, 'previousScheduledFor', ${isoSql('r.previous_scheduled_for')},
      'scheduledFor', ${isoSql('r.scheduled_for')}, 'reason', r.reason, 'recordedByUserId', r.recorded_by_user_id, 'createdAt', ${isoSql('r.created_at')})
      ORDER BY r.created_at, r.id) FROM hearing_rearrangements r WHERE r.hearing_id = h.id), '[]'),
    'sent', ${sentLettersJsonSql('h.case_id', LETTER_KIND_SQL, 'h.id')},
    'subjects', ${subjectsJsonSql('h.case_id')}) ORDER BY h.created_at, h.id)
  FROM hearings h WHERE h.case_id = $1`;

/** The case view's `hearings`: each hearing with whether its written invitation gave the notice due (process.md §1, §2), in the organisation's calendar. */
export function hearingsSection(rows: HearingRow[] | null, calendar: SchoolCalendar): HearingResponse[] {
  return (rows ?? []).map(({ sent, subjects, ...h }) => {
    const problem = invitationNoticeProblem(
      subjects,
      new Map(Object.entries(sent).map(([staffId, at]) => [staffId, new Date(at)])),
      new Date(h.originalScheduledFor),
      h.noticeWorkingDays,
      calendar,
    );
    return { ...h, current: h.supersededAt === null, noticeGiven: problem === null, noticeProblem: problem, withheld: false };
  });
}

/** process.md §1 in the case view. */
export const HEARINGS_SECTION: CaseSection<'hearings'> = {
  name: 'hearings',
  sql: HEARINGS_SQL,
  map: (value, { calendar }) => hearingsSection(value as HearingRow[] | null, calendar),
};

/** A reporter or witness of the case does not read what was said at a hearing (domain.md "Data protection"). */
export function withholdHearing(h: HearingResponse): HearingResponse {
  return {
    ...h,
    held: h.held && { ...h.held, attendees: null, notes: null, representations: null, absenceReason: null },
    rearrangements: h.rearrangements.map((r) => ({ ...r, reason: null })),
    withheld: true,
  };
}

/** The current hearing of the case (disciplinary), or of an appeal. */
export function currentHearingOf(view: Pick<CaseResponse, 'hearings'>, of: { kind: 'disciplinary' } | { kind: 'appeal'; appealId: string }) {
  return view.hearings.find((h) => h.current && (of.kind === 'disciplinary' ? h.kind === 'disciplinary' : h.appealId === of.appealId));
}

/** What the guidance reads of the hearings: the current disciplinary hearing, and the current hearing of the appeal awaiting its decision. */
export function hearingsForGuidance(view: Pick<CaseResponse, 'hearings' | 'appeals'>): Pick<GuidanceInput, 'hearing' | 'appealHearing'> & {
  appealHearingChairRole: Role | null;
} {
  const brief = (h: HearingResponse | undefined) => (h ? { chairUserId: h.chairUserId, held: h.held !== null } : null);
  const pending = view.appeals.find((a) => a.result === null);
  const appealHearing = pending ? currentHearingOf(view, { kind: 'appeal', appealId: pending.id }) : undefined;
  return {
    hearing: brief(currentHearingOf(view, { kind: 'disciplinary' })),
    appealHearing: brief(appealHearing),
    appealHearingChairRole: appealHearing?.chairRole ?? null,
  };
}
