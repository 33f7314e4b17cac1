import { sanctionInForce } from '../outcomes/outcome.rules';
import { CaseSummaryDocument, CaseSummaryResponse, CaseTombstoneResponse, SummaryDates } from './dto/case-summary.dto';
import type { CaseSummaryRow } from './case-summary.sql';
import { outcomeCategory, quoteAllegationClause, quoteCategory, quoteStandard } from './export-vocabulary';
import { partitionEvidence } from './special-category';

type DatesRow = Pick<CaseSummaryRow, 'reportedAt' | 'triagedAt' | 'reportSubmittedAt' | 'closedAt'> & { outcome: { decidedAt: string } | null };

export function summaryDates(row: DatesRow): SummaryDates {
  return {
    reportedAt: row.reportedAt,
    triagedAt: row.triagedAt,
    reportSubmittedAt: row.reportSubmittedAt,
    decidedAt: row.outcome?.decidedAt ?? null,
    closedAt: row.closedAt,
  };
}

/**
 * The HR case summary (domain.md "HR exports"), or — for a case erased under retention —
 * its tombstone: reference, dates, status, outcome category, erasedAt, and nothing else (§13).
 * Special-category evidence is left out, and counted, unless `includeSpecial` (§13).
 */
export function assembleCaseSummary(row: CaseSummaryRow, options: { includeSpecial: boolean; generatedAt: Date }): CaseSummaryDocument {
  if (row.erasedAt) return tombstone(row, row.erasedAt);
  const evidence = partitionEvidence(row.evidence, options.includeSpecial);
  const summary: CaseSummaryResponse = {
    erased: false,
    caseId: row.id,
    school: row.school,
    reference: row.reference,
    status: row.status,
    safeguarding: row.safeguarding,
    generatedAt: options.generatedAt.toISOString(),
    dates: summaryDates(row),
    subjects: row.subjects.map((s) => ({ name: s.name, jobTitle: s.jobTitle })),
    reports: row.reports.map((r) => ({
      platform: r.platform,
      platformOther: r.platformOther,
      observedAt: r.observedAt,
      description: r.description,
      url: r.url,
      category: quoteCategory(r.category),
      policyStandards: r.policyStandards.map(quoteStandard),
    })),
    triage: row.triageDecision && row.triagedAt ? { decision: row.triageDecision, rationale: row.triageRationale, triagedAt: row.triagedAt } : null,
    allegations: row.allegations.map((a) => ({
      clause: quoteAllegationClause(a),
      summary: a.summary,
      finding: a.finding ? { finding: a.finding, reasoning: a.findingReasoning, recordedAt: a.findingRecordedAt } : null,
    })),
    subjectResponses: row.subjectResponses.map((r) => ({ receivedAt: r.receivedAt, response: r.response, refusedToRespond: r.refusedToRespond })),
    investigationReport: row.reportSubmittedAt ? { summary: row.investigationSummary, submittedAt: row.reportSubmittedAt } : null,
    outcome: row.outcome ? { ...row.outcome } : null,
    appeal: row.appeal ? { ...row.appeal } : null,
    sanctionInForce: row.outcome ? sanctionInForce(row.outcome.sanction, row.appeal) : null,
    evidence: {
      items: evidence.shown.map((e) => ({
        id: e.id,
        kind: e.kind,
        description: e.description,
        capturedAt: e.capturedAt,
        sensitivity: e.sensitivity,
        sha256: e.sha256,
        size: Number(e.size),
        mediaType: e.mediaType,
        redactsEvidenceId: e.redactsEvidenceId,
      })),
      withheldSpecialCategory: evidence.withheld,
      specialCategoryIncluded: options.includeSpecial,
    },
  };
  return summary;
}

function tombstone(row: CaseSummaryRow, erasedAt: string): CaseTombstoneResponse {
  return {
    erased: true,
    reference: row.reference,
    status: row.status,
    dates: summaryDates(row),
    outcomeCategory: outcomeCategory(row.triageDecision, row.outcome, row.appeal),
    erasedAt,
  };
}
