/** SQL fragments shared by the exports. */
import { isoSql } from '../database/sql';

/** The case's outcome (at most one, §12) as a JSON object, or NULL. */
export const outcomeJsonSql = (caseColumn: string) => `(SELECT json_build_object(
    'sanction', o.sanction, 'grossMisconduct', o.gross_misconduct, 'rationale', o.rationale,
    'decidedAt', ${isoSql('o.decided_at')}, 'communicatedAt', ${isoSql('o.communicated_at')},
    'warningExpiresAt', ${isoSql('o.warning_expires_at')}, 'appealDeadline', ${isoSql('o.appeal_deadline')},
    'decidedByRole', o.decided_by_role, 'separationWaiverReason', o.separation_waiver_reason)
  FROM outcomes o WHERE o.case_id = ${caseColumn})`;

/** The appeal against the case's outcome (one per outcome), as a JSON object, or NULL. */
export const appealJsonSql = (caseColumn: string) => `(SELECT json_build_object(
    'lodgedAt', ${isoSql('a.lodged_at')}, 'grounds', a.grounds, 'result', a.result, 'rationale', a.rationale,
    'newSanction', a.new_sanction, 'newWarningExpiresAt', ${isoSql('a.new_warning_expires_at')},
    'decidedAt', ${isoSql('a.decided_at')}, 'decidedByRole', a.decided_by_role)
  FROM appeals a JOIN outcomes ao ON ao.id = a.outcome_id WHERE ao.case_id = ${caseColumn} ORDER BY a.created_at DESC LIMIT 1)`;

/** The case's evidence metadata (never the content), oldest first, as a JSON array. */
export const evidenceJsonSql = (caseColumn: string) => `COALESCE((SELECT json_agg(json_build_object(
    'id', e.id, 'kind', e.kind, 'description', e.description, 'capturedAt', ${isoSql('e.captured_at')},
    'sensitivity', e.sensitivity, 'sha256', e.sha256, 'size', e.size, 'mediaType', e.media_type,
    'redactsEvidenceId', e.redacts_evidence_id) ORDER BY e.created_at, e.id)
  FROM evidence e WHERE e.case_id = ${caseColumn}), '[]')`;

/** The case's reports (§4), oldest first, as a JSON array. */
export const reportsJsonSql = (caseColumn: string) => `COALESCE((SELECT json_agg(json_build_object(
    'platform', r.platform, 'platformOther', r.platform_other, 'observedAt', ${isoSql('r.observed_at')},
    'description', r.description, 'url', r.url, 'category', r.category, 'policyStandards', r.policy_standards) ORDER BY r.created_at, r.id)
  FROM reports r WHERE r.case_id = ${caseColumn}), '[]')`;

/** The case's allegations with their findings, oldest first, as a JSON array. */
export const allegationsJsonSql = (caseColumn: string) => `COALESCE((SELECT json_agg(json_build_object(
    'policyStandard', a.policy_standard, 'category', a.category, 'summary', a.summary, 'finding', a.finding,
    'findingReasoning', a.finding_reasoning, 'findingRecordedAt', ${isoSql('a.finding_recorded_at')}) ORDER BY a.created_at, a.id)
  FROM allegations a WHERE a.case_id = ${caseColumn}), '[]')`;

/** The subject's responses to the allegations, oldest first, as a JSON array. */
export const subjectResponsesJsonSql = (caseColumn: string) => `COALESCE((SELECT json_agg(json_build_object(
    'receivedAt', ${isoSql('sr.received_at')}, 'response', sr.response, 'refusedToRespond', sr.refused_to_respond) ORDER BY sr.received_at, sr.id)
  FROM subject_responses sr WHERE sr.case_id = ${caseColumn}), '[]')`;
