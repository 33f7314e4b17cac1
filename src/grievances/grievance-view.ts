import { CaseSection } from '../cases/case-section';
import { isoSql } from '../database/sql';
import { GrievanceResponse, ProcessPauseResponse } from './dto/grievance.dto';

/** Read with the case view's statement: `$1` is the case id. Each grievance with its decision, oldest first. */
const GRIEVANCES_SQL = `COALESCE((SELECT json_agg(json_build_object('id', g.id, 'subjectStaffId', g.subject_staff_id, 'lodgedAt', ${isoSql('g.lodged_at')}, 'summary', g.summary,
    'relatedToProcess', g.related_to_process,
    'decision', CASE WHEN g.decided_at IS NULL THEN NULL ELSE json_build_object('outcome', g.outcome, 'reasons', g.reasons,
      'decidedAt', ${isoSql('g.decided_at')}, 'decidedByUserId', g.decided_by_user_id) END,
    'recordedByUserId', g.recorded_by_user_id, 'createdAt', ${isoSql('g.created_at')}, 'withheld', false) ORDER BY g.lodged_at, g.id)
  FROM grievances g WHERE g.case_id = $1), '[]')`;

/** The open pause, or null. */
const PAUSED_SQL = `(SELECT json_build_object('since', ${isoSql('pp.created_at')}, 'reason', pp.reason, 'grievanceId', pp.grievance_id,
    'pausedByUserId', pp.recorded_by_user_id) FROM process_pauses pp WHERE pp.case_id = $1 AND pp.resumed_at IS NULL)`;

/** §6, process.md §4 in the case view: the grievances, and whether the disciplinary process is paused for one. */
export const GRIEVANCE_SECTIONS = [
  { name: 'grievances', sql: GRIEVANCES_SQL } satisfies CaseSection<'grievances'>,
  { name: 'paused', sql: PAUSED_SQL } satisfies CaseSection<'paused'>,
] as const;

/** What a reporter or witness of the case reads (case-redaction.ts): that a grievance exists and how it ended, not what it says nor the reasons. */
export function withholdGrievances(grievances: GrievanceResponse[]): GrievanceResponse[] {
  return grievances.map((g) => ({ ...g, summary: null, decision: g.decision && { ...g.decision, reasons: null }, withheld: true }));
}

/** … and that the process is paused, not why (the open pause of the case view, or any pause of the HR summary's history). */
export function withholdPause<P extends Pick<ProcessPauseResponse, 'reason'>>(paused: P | null): P | null {
  return paused && { ...paused, reason: null };
}
