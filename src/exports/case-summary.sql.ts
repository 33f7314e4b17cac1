import { EntityManager } from 'typeorm';
import type { CaseStatus, TriageDecision } from '../cases/lifecycle';
import { isoSql, queryOne } from '../database/sql';
import type { AllegationJson, AppealJson, EvidenceJson, OutcomeJson, ReportJson, SubjectResponseJson } from './export-rows';
import { allegationsJsonSql, appealJsonSql, evidenceJsonSql, outcomeJsonSql, reportsJsonSql, subjectResponsesJsonSql } from './export-sql';

/** Everything the HR case summary is assembled from, read in one round trip. */
export interface CaseSummaryRow {
  id: string;
  school: string;
  reference: string;
  status: CaseStatus;
  safeguarding: boolean;
  reportedAt: string;
  triagedAt: string | null;
  triageDecision: TriageDecision | null;
  triageRationale: string | null;
  reportSubmittedAt: string | null;
  investigationSummary: string | null;
  closedAt: string | null;
  erasedAt: string | null;
  subjects: Array<{ name: string | null; jobTitle: string | null }>;
  reports: ReportJson[];
  allegations: AllegationJson[];
  subjectResponses: SubjectResponseJson[];
  outcome: OutcomeJson | null;
  appeal: AppealJson | null;
  evidence: EvidenceJson[];
}

const CASE_SUMMARY_SQL = `
SELECT c.id, org.name AS school, c.reference, c.status, c.safeguarding,
  ${isoSql('c.created_at')} AS "reportedAt", ${isoSql('c.triaged_at')} AS "triagedAt",
  c.triage_decision AS "triageDecision", c.triage_rationale AS "triageRationale",
  ${isoSql('c.report_submitted_at')} AS "reportSubmittedAt", c.investigation_summary AS "investigationSummary",
  ${isoSql('c.closed_at')} AS "closedAt", ${isoSql('c.erased_at')} AS "erasedAt",
  COALESCE((SELECT json_agg(json_build_object('name', COALESCE(s.name, p.name), 'jobTitle', s.job_title) ORDER BY p.created_at, p.id)
            FROM case_parties p LEFT JOIN staff_members s ON s.id = p.staff_id
            WHERE p.case_id = c.id AND p.capacity = 'subject'), '[]') AS subjects,
  ${reportsJsonSql('c.id')} AS reports,
  ${allegationsJsonSql('c.id')} AS allegations,
  ${subjectResponsesJsonSql('c.id')} AS "subjectResponses",
  ${outcomeJsonSql('c.id')} AS outcome,
  ${appealJsonSql('c.id')} AS appeal,
  ${evidenceJsonSql('c.id')} AS evidence
FROM cases c JOIN organisations org ON org.id = c.organisation_id
WHERE c.id = $1 AND c.organisation_id = $2`;

export async function loadCaseSummaryRow(em: EntityManager, organisationId: string, caseId: string): Promise<CaseSummaryRow> {
  const row = await queryOne<CaseSummaryRow>(em, CASE_SUMMARY_SQL, [caseId, organisationId]);
  if (!row) throw new Error(`case ${caseId} vanished inside its transaction`);
  return row;
}
