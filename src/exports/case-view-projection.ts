import type { AllegationResponse, SubjectResponseResponse } from '../cases/dto/case-sections.dto';
import type { CaseResponse, ReportResponse } from '../cases/dto/case.dto';
import type { CaseStatus, TriageDecision } from '../cases/lifecycle';
import type { EvidenceResponse } from '../evidence/dto/evidence.dto';
import type { AppealResponse, OutcomeResponse } from '../outcomes/dto/outcome.dto';
import type { AppealResult, Sanction } from '../outcomes/outcome.rules';
import type {
  SummaryAllegation,
  SummaryAppeal,
  SummaryDates,
  SummaryEvidence,
  SummaryOutcome,
  SummaryReport,
  SummarySubjectResponse,
} from './dto/case-summary.dto';
import { outcomeCategory, quoteAllegationClause, quoteCategory, quoteStandard } from './export-vocabulary';

/**
 * The exports' parts, projected from the case view (cases/case-view.service.ts) after it has been
 * redacted for the reader (cases/case-redaction.ts): the HR summary (JSON and PDF) and the
 * subject-access export read a case the way GET /cases/:id does, and add only what a document
 * needs — the policy's own words for each clause, the dates in one place, the school's name.
 * Nothing here reads a table, and nothing here decides what a reader may read: a withheld field
 * arrives null, with `withheld: true`, and stays so.
 */

export function summaryDates(view: CaseResponse): SummaryDates {
  return {
    reportedAt: view.createdAt,
    triagedAt: view.triage?.triagedAt ?? null,
    reportSubmittedAt: view.investigationReport?.submittedAt ?? null,
    decidedAt: view.outcome?.decidedAt ?? null,
    closedAt: view.closedAt,
  };
}

export function summaryReports(reports: readonly ReportResponse[]): SummaryReport[] {
  return reports.map((r) => ({
    platform: r.platform,
    platformOther: r.platformOther,
    observedAt: r.observedAt,
    description: r.description,
    url: r.url,
    category: quoteCategory(r.category),
    policyStandards: r.policyStandards.map(quoteStandard),
    withheld: r.withheld,
  }));
}

export function summaryAllegations(allegations: readonly AllegationResponse[]): SummaryAllegation[] {
  return allegations.map((a) => ({
    clause: quoteAllegationClause(a),
    summary: a.summary,
    finding: a.finding ? { finding: a.finding.finding, reasoning: a.finding.reasoning, recordedAt: a.finding.recordedAt } : null,
  }));
}

export function summarySubjectResponses(responses: readonly SubjectResponseResponse[]): SummarySubjectResponse[] {
  return responses.map((r) => ({ receivedAt: r.receivedAt, response: r.response, refusedToRespond: r.refusedToRespond, withheld: r.withheld }));
}

export function summaryOutcome(o: OutcomeResponse | null): SummaryOutcome | null {
  if (!o) return null;
  return {
    sanction: o.sanction as Sanction,
    grossMisconduct: o.grossMisconduct,
    rationale: o.rationale,
    decidedAt: o.decidedAt,
    communicatedAt: o.communicatedAt,
    warningExpiresAt: o.warningExpiresAt,
    appealDeadline: o.appealDeadline,
    decidedByRole: o.decidedByRole,
    separationWaiverReason: o.separationWaiverReason,
  };
}

/** The appeal against the outcome: the latest lodged, if any (there is one per outcome). */
export function summaryAppeal(appeals: readonly AppealResponse[]): SummaryAppeal | null {
  const a = appeals.at(-1);
  if (!a) return null;
  return {
    lodgedAt: a.lodgedAt,
    grounds: a.grounds,
    result: a.result as AppealResult | null,
    rationale: a.rationale,
    newSanction: a.newSanction as Sanction | null,
    newWarningExpiresAt: a.newWarningExpiresAt,
    decidedAt: a.decidedAt,
    decidedByRole: a.decidedByRole,
  };
}

/**
 * The evidence list as the reader may see it: every item, each either readable or shown only as
 * existing (kind, dates, hash; `withheld`), exactly as the case view lists it.
 */
export function summaryEvidence(items: readonly EvidenceResponse[], specialCategoryIncluded: boolean): SummaryEvidence {
  return {
    items: items.map((e) => ({
      id: e.id,
      kind: e.kind,
      description: e.description,
      capturedAt: e.capturedAt,
      sensitivity: e.sensitivity,
      sha256: e.sha256,
      size: e.size === null ? null : Number(e.size),
      mediaType: e.mediaType,
      redactsEvidenceId: e.redactsEvidenceId,
      withheld: e.withheld,
    })),
    withheldSpecialCategory: items.filter((e) => e.withheld && e.sensitivity === 'special_category').length,
    specialCategoryIncluded,
  };
}

/** What remains of a case erased under retention (§13): reference, status, dates, how it ended, when erased. */
export interface TombstoneFields {
  reference: string;
  status: CaseStatus;
  dates: SummaryDates;
  outcomeCategory: string | null;
  erasedAt: string;
}

/** The tombstone of an erased case, or null for a case whose content is held. */
export function tombstoneOf(view: CaseResponse): TombstoneFields | null {
  if (!view.retention.erasedAt) return null;
  const appeal = summaryAppeal(view.appeals);
  return {
    reference: view.reference,
    status: view.status,
    dates: summaryDates(view),
    outcomeCategory: outcomeCategory((view.triage?.decision ?? null) as TriageDecision | null, summaryOutcome(view.outcome), appeal),
    erasedAt: view.retention.erasedAt,
  };
}
