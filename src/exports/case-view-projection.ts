import type { AllegationResponse, SubjectResponseResponse } from '../cases/dto/case-sections.dto';
import type { CaseResponse, PersonRef, ReportResponse } from '../cases/dto/case.dto';
import type { CaseStatus, TriageDecision } from '../cases/lifecycle';
import type { EvidenceResponse } from '../evidence/dto/evidence.dto';
import type { AppealResponse, OutcomeResponse } from '../outcomes/dto/outcome.dto';
import type { AppealResult, Sanction } from '../outcomes/outcome.rules';
import type {
  SummaryAllegation,
  SummaryAppeal,
  SummaryDates,
  SummaryEvidence,
  SummaryGrievance,
  SummaryHearing,
  SummaryKcsie,
  SummaryLetter,
  SummaryOutcome,
  SummarySuspension,
  SummaryReport,
  SummarySubjectResponse,
} from './dto/case-summary.dto';
import type { PauseHistoryRow } from '../grievances/grievance-rows';
import type { GrievanceResponse } from '../grievances/dto/grievance.dto';
import { withholdPause } from '../grievances/grievance-view';
import type { HearingResponse } from '../hearings/dto/hearing.dto';
import type { KcsieResponse } from '../kcsie/dto/kcsie.dto';
import type { CaseLetterResponse } from '../letters/dto/letter.dto';
import { letterKind } from '../letters/kinds';
import type { SentMethod } from '../letters/letter.rules';
import type { SuspensionResponse } from '../suspensions/dto/suspension.dto';
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

/** The hearings as the case view shows them to the reader: what was said at one arrives null when withheld. */
export function summaryHearings(hearings: readonly HearingResponse[]): SummaryHearing[] {
  return hearings.map((h) => ({
    kind: h.kind,
    chairRole: h.chairRole,
    invitedAt: h.invitedAt,
    originalScheduledFor: h.originalScheduledFor,
    scheduledFor: h.scheduledFor,
    place: h.place,
    noticeWorkingDays: h.noticeWorkingDays,
    noticeGiven: h.noticeGiven,
    current: h.current,
    supersededAt: h.supersededAt,
    rearrangements: h.rearrangements.map((r) => ({
      basis: r.basis,
      previousScheduledFor: r.previousScheduledFor,
      scheduledFor: r.scheduledFor,
      reason: r.reason,
      recordedAt: r.createdAt,
    })),
    held: h.held && {
      heldAt: h.held.heldAt,
      subjectAttended: h.held.subjectAttended,
      decidedInAbsence: !h.held.subjectAttended,
      companion: h.held.companion && { name: h.held.companion.name, category: h.held.companion.category, adjustmentReason: h.held.companion.adjustmentReason },
      attendees: h.held.attendees && h.held.attendees.map((a) => ({ name: a.name, capacity: a.capacity })),
      notes: h.held.notes,
      representations: h.held.representations,
      absenceReason: h.held.absenceReason,
    },
    withheld: h.withheld,
  }));
}

export function summarySuspensions(suspensions: readonly SuspensionResponse[]): SummarySuspension[] {
  return suspensions.map((s) => ({
    subjectName: s.subjectName,
    startsAt: s.startsAt,
    grounds: s.grounds,
    reasons: s.reasons,
    alternativesConsidered: s.alternativesConsidered,
    reviewBy: s.reviewBy,
    reviews: s.reviews.map((r) => ({ reviewedAt: r.reviewedAt, decision: r.decision, reasons: r.reasons, reviewBy: r.reviewBy })),
    status: s.status,
    endedAt: s.endedAt,
    endReason: s.endReason,
    withheld: s.withheld,
  }));
}

/** What the grievances module adds to the case view's grievances (grievance-rows.ts `grievanceHistory`). */
export interface GrievanceHistory {
  pauses: readonly PauseHistoryRow[];
  heardByRole: Readonly<Record<string, string | null>>;
}

/**
 * The grievances as the case view shows them to the reader, each with the pauses of the process
 * for it. A pause's reason is withheld from whoever does not read the grievance's own words, by
 * the case view's own rule for the open pause (grievance-view.ts `withholdPause`).
 */
export function summaryGrievances(grievances: readonly GrievanceResponse[], people: readonly PersonRef[], history: GrievanceHistory): SummaryGrievance[] {
  return grievances.map((g) => ({
    lodgedBy: nameOf(people, g.subjectStaffId),
    lodgedAt: g.lodgedAt,
    summary: g.summary,
    relatedToProcess: g.relatedToProcess,
    decision: g.decision && {
      outcome: g.decision.outcome,
      reasons: g.decision.reasons,
      decidedAt: g.decision.decidedAt,
      heardByRole: history.heardByRole[g.id] ?? null,
    },
    pauses: history.pauses
      .filter((p) => p.grievanceId === g.id)
      .map((p) => (g.withheld ? withholdPause(p)! : p))
      .map((p) => ({ pausedAt: p.pausedAt, reason: p.reason, resumedAt: p.resumedAt, withheld: g.withheld })),
    withheld: g.withheld,
  }));
}

export function summaryKcsie(k: KcsieResponse): SummaryKcsie {
  return {
    ladoDueBy: k.lado.dueBy,
    ladoOverdue: k.lado.overdue,
    ladoConsultations: k.lado.consultations.map((c) => ({
      consultedAt: c.consultedAt,
      ladoName: c.ladoName,
      advice: c.advice,
      thresholdMet: c.thresholdMet,
      late: c.late,
      withheld: c.withheld,
    })),
    referralDecisions: k.referralDecisions.map((d) => ({
      body: d.body,
      referred: d.referred,
      referredAt: d.referredAt,
      reasonNotReferred: d.reasonNotReferred,
      decidedAt: d.createdAt,
      withheld: d.withheld,
    })),
    referralDecisionsRequired: k.referralDecisionsRequired,
  };
}

/** The letters of the written steps, each with whom it is to and whether and how it was sent. */
export function summaryLetters(letters: readonly CaseLetterResponse[], people: readonly PersonRef[]): SummaryLetter[] {
  return letters.map((l) => ({
    kind: l.kind,
    title: letterKind(l.kind)?.title ?? l.kind,
    to: nameOf(people, l.subjectStaffId),
    firstGeneratedAt: l.firstGeneratedAt,
    sentAt: l.sentAt,
    sentMethod: l.sentMethod as SentMethod | null,
  }));
}

function nameOf(people: readonly PersonRef[], staffId: string): string | null {
  return people.find((p) => p.staffId === staffId)?.name ?? null;
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
