import { listSection as section } from '../cases/case-section';
import { isoSql } from '../database/sql';
import type { InvestigationMeetingResponse } from './dto/investigation-meeting.dto';

/** GET /cases/:id `investigationMeetings`: oldest meeting first; the capacity from the case's parties. */
const INVESTIGATION_MEETINGS_SECTION = section(
  'investigationMeetings',
  `SELECT json_agg(json_build_object('id', m.id, 'staffId', m.staff_id, 'name', s.name,
      'capacity', CASE WHEN EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = m.case_id AND p.staff_id = m.staff_id AND p.capacity = 'subject')
        THEN 'subject' ELSE 'witness' END,
      'scheduledFor', ${isoSql('m.scheduled_for')}, 'place', m.place, 'purpose', m.purpose, 'accompaniedAllowed', m.accompanied_allowed,
      'arrangedAt', ${isoSql('m.created_at')}, 'recordedByUserId', m.recorded_by_user_id, 'withheld', false) ORDER BY m.scheduled_for, m.id)
   FROM investigation_meetings m JOIN staff_members s ON s.id = m.staff_id WHERE m.case_id = $1`,
);

/** The investigation's parts of GET /cases/:id. */
export const INVESTIGATION_SECTIONS = [
  section(
    'assignments',
    `SELECT json_agg(json_build_object('investigatorUserId', a.investigator_user_id, 'assignedByUserId', a.recorded_by_user_id,
        'assignedAt', ${isoSql('a.created_at')}, 'endedAt', ${isoSql('a.ended_at')}) ORDER BY a.created_at, a.id)
     FROM case_assignments a WHERE a.case_id = $1`,
  ),
  section(
    'allegations',
    `SELECT json_agg(json_build_object('id', a.id, 'policyStandard', a.policy_standard, 'category', a.category, 'summary', a.summary,
        'finding', CASE WHEN a.finding IS NULL THEN NULL ELSE json_build_object('finding', a.finding, 'reasoning', a.finding_reasoning,
          'recordedAt', ${isoSql('a.finding_recorded_at')}) END,
        'recordedByUserId', a.recorded_by_user_id, 'createdAt', ${isoSql('a.created_at')}) ORDER BY a.created_at, a.id)
     FROM allegations a WHERE a.case_id = $1`,
  ),
  section(
    'facts',
    `SELECT json_agg(json_build_object('id', f.id, 'occurredAt', ${isoSql('f.occurred_at')}, 'description', f.description,
        'evidenceIds', f.evidence_ids, 'recordedByUserId', f.recorded_by_user_id, 'createdAt', ${isoSql('f.created_at')}, 'withheld', false) ORDER BY f.occurred_at, f.id)
     FROM facts f WHERE f.case_id = $1`,
  ),
  section(
    'interviews',
    `SELECT json_agg(json_build_object('id', i.id, 'staffId', i.staff_id, 'name', COALESCE(s.name, i.name), 'capacity', i.capacity,
        'heldAt', ${isoSql('i.held_at')}, 'accompaniedBy', i.accompanied_by, 'statement', i.statement,
        'recordedByUserId', i.recorded_by_user_id, 'withheld', false) ORDER BY i.held_at, i.id)
     FROM interviews i LEFT JOIN staff_members s ON s.id = i.staff_id WHERE i.case_id = $1`,
  ),
  section(
    'subjectNotifications',
    `SELECT json_agg(json_build_object('id', n.id, 'sentAt', ${isoSql('n.sent_at')}, 'method', n.method, 'allegationIds', n.allegation_ids,
        'recordedByUserId', n.recorded_by_user_id) ORDER BY n.sent_at, n.id)
     FROM subject_notifications n WHERE n.case_id = $1`,
  ),
  section(
    'subjectResponses',
    `SELECT json_agg(json_build_object('id', r.id, 'receivedAt', ${isoSql('r.received_at')}, 'response', r.response,
        'refusedToRespond', r.refused_to_respond, 'recordedByUserId', r.recorded_by_user_id, 'withheld', false) ORDER BY r.received_at, r.id)
     FROM subject_responses r WHERE r.case_id = $1`,
  ),
  INVESTIGATION_MEETINGS_SECTION,
] as const;

/** A reporter or witness of the case reads their own meetings only: of the others, that they exist and with whom (like interviews). */
export function withholdMeeting(m: InvestigationMeetingResponse, ownStaffIds: readonly string[]): InvestigationMeetingResponse {
  if (ownStaffIds.includes(m.staffId)) return m;
  return { ...m, scheduledFor: null, place: null, purpose: null, withheld: true };
}
