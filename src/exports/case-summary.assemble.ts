import type { CaseResponse } from '../cases/dto/case.dto';
import type { TriageDecision } from '../cases/lifecycle';
import {
  summaryAllegations,
  summaryAppeal,
  summaryDates,
  summaryEvidence,
  summaryGrievances,
  summaryHearings,
  summaryKcsie,
  summaryLetters,
  summaryOutcome,
  summaryReports,
  summarySubjectResponses,
  summarySuspensions,
  tombstoneOf,
} from './case-view-projection';
import type { GrievanceHistory } from './case-view-projection';
import { CaseSummaryDocument } from './dto/case-summary.dto';

export interface SummaryContext {
  /** The organisation's name, as the document prints it. */
  school: string;
  /** Special-category content was included on purpose, by someone who may read it (§13). */
  specialCategoryIncluded: boolean;
  generatedAt: Date;
  /** What the grievances module adds to the view's grievances: the pauses and resumptions, who heard each (grievance-rows.ts). */
  grievanceHistory: GrievanceHistory;
}

/**
 * The HR case summary (domain.md "HR exports") of the case view as its reader may see it —
 * `view` comes already redacted (CaseViewService.forReader), so the summary withholds exactly
 * what GET /cases/:id withholds from the same person: special-category evidence shows only that
 * it exists, and a reporter or witness of the case does not read other people's statements. A
 * case erased under retention is its tombstone: reference, dates, status, outcome category,
 * erasedAt, and nothing else (§13).
 */
export function assembleCaseSummary(view: CaseResponse, context: SummaryContext): CaseSummaryDocument {
  const tombstone = tombstoneOf(view);
  if (tombstone) return { erased: true, ...tombstone };
  const report = view.investigationReport;
  return {
    erased: false,
    caseId: view.id,
    school: context.school,
    reference: view.reference,
    status: view.status,
    safeguarding: view.safeguarding.flagged,
    generatedAt: context.generatedAt.toISOString(),
    dates: summaryDates(view),
    subjects: view.subjects.map((s) => ({ name: s.name, jobTitle: s.jobTitle ?? null })),
    reports: summaryReports(view.reports),
    triage: view.triage ? { decision: view.triage.decision as TriageDecision, rationale: view.triage.rationale, triagedAt: view.triage.triagedAt } : null,
    allegations: summaryAllegations(view.allegations),
    subjectResponses: summarySubjectResponses(view.subjectResponses),
    investigationReport: report ? { summary: report.summary, submittedAt: report.submittedAt, withheld: report.withheld } : null,
    outcome: summaryOutcome(view.outcome),
    appeal: summaryAppeal(view.appeals),
    sanctionInForce: view.sanctionInForce,
    evidence: summaryEvidence(view.evidence, context.specialCategoryIncluded),
    hearings: summaryHearings(view.hearings),
    suspensions: summarySuspensions(view.suspensions),
    grievances: summaryGrievances(view.grievances, view.subjects, context.grievanceHistory),
    kcsie: summaryKcsie(view.kcsie),
    letters: summaryLetters(view.letters, view.subjects),
  };
}
