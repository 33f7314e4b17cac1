import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus, TRIAGE_DECISIONS, TriageDecision } from '../../cases/lifecycle';
import { EVIDENCE_KINDS, EvidenceKind, SENSITIVITIES, Sensitivity } from '../../evidence/evidence.rules';
import { APPEAL_RESULTS, AppealResult, SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { RECORDABLE_FINDINGS } from '../../investigations/investigation.rules';
import { ROLES, Role } from '../../access/roles';
import { GRIEVANCE_OUTCOMES, GrievanceOutcome } from '../../grievances/grievance.rules';
import { COMPANION_CATEGORIES, CompanionCategory, HEARING_KINDS, HearingKind, REARRANGEMENT_BASES, RearrangementBasis } from '../../hearings/hearing.rules';
import { BARRING_BODIES, BarringBody } from '../../kcsie/referral-decisions.rules';
import { LETTER_KIND_NAMES } from '../../letters/kinds';
import { SENT_METHODS, SentMethod } from '../../letters/letter.rules';
import {
  REVIEW_DECISIONS,
  ReviewDecision,
  SUSPENSION_END_REASONS,
  SUSPENSION_GROUNDS,
  SUSPENSION_STATUSES,
  SuspensionEndReason,
  SuspensionGround,
  SuspensionStatus,
} from '../../suspensions/suspension.rules';

const nullableDate = { format: 'date-time', nullable: true, type: String } as const;

export class QuotedClauseResponse {
  @ApiProperty({ example: '7.5' }) code: string;
  @ApiProperty({ example: '§7.5 No confidential or personal information about the school, its staff or governors' }) title: string;
}

export class SummaryDates {
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
  @ApiProperty(nullableDate) triagedAt: string | null;
  @ApiProperty(nullableDate) reportSubmittedAt: string | null;
  @ApiProperty(nullableDate) decidedAt: string | null;
  @ApiProperty(nullableDate) closedAt: string | null;
}

export class SummaryPerson {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) jobTitle: string | null;
}

export class SummaryReport {
  @ApiProperty() platform: string;
  @ApiProperty({ nullable: true, type: String }) platformOther: string | null;
  @ApiProperty({ format: 'date-time' }) observedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ type: QuotedClauseResponse, description: 'App.A category, quoted' }) category: QuotedClauseResponse;
  @ApiProperty({ type: [QuotedClauseResponse], description: '§7/§8 standards, quoted' }) policyStandards: QuotedClauseResponse[];
  @ApiProperty({ description: "true: the reporter's statement, which a witness of the case does not read (as in the case view)" }) withheld: boolean;
}

export class SummaryTriage {
  @ApiProperty({ enum: TRIAGE_DECISIONS }) decision: TriageDecision;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ format: 'date-time' }) triagedAt: string;
}

export class SummaryFinding {
  @ApiProperty({ enum: RECORDABLE_FINDINGS, description: "on a safeguarding case, KCSIE Part 4's categories" }) finding: string;
  @ApiProperty({ nullable: true, type: String }) reasoning: string | null;
  @ApiProperty(nullableDate) recordedAt: string | null;
}

export class SummaryAllegation {
  @ApiProperty({ type: QuotedClauseResponse, nullable: true, description: 'the §7/§8 standard or App.A category, quoted' }) clause: QuotedClauseResponse | null;
  @ApiProperty() summary: string;
  @ApiProperty({ type: SummaryFinding, nullable: true }) finding: SummaryFinding | null;
}

export class SummarySubjectResponse {
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) response: string | null;
  @ApiProperty() refusedToRespond: boolean;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the subject’s response (as in the case view)' }) withheld: boolean;
}

export class SummaryInvestigationReport {
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld or erased' }) summary: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the investigation report (as in the case view)' }) withheld: boolean;
}

export class SummaryOutcome {
  @ApiProperty({ enum: SANCTIONS }) sanction: Sanction;
  @ApiProperty() grossMisconduct: boolean;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty(nullableDate) communicatedAt: string | null;
  @ApiProperty(nullableDate) warningExpiresAt: string | null;
  @ApiProperty(nullableDate) appealDeadline: string | null;
  @ApiProperty({ description: 'headteacher, or governor when the headteacher was conflicted' }) decidedByRole: string;
  @ApiProperty({ nullable: true, type: String }) separationWaiverReason: string | null;
}

export class SummaryAppeal {
  @ApiProperty({ format: 'date-time' }) lodgedAt: string;
  @ApiProperty({ nullable: true, type: String }) grounds: string | null;
  @ApiProperty({ enum: APPEAL_RESULTS, nullable: true, type: String }) result: AppealResult | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String }) newSanction: Sanction | null;
  @ApiProperty(nullableDate) newWarningExpiresAt: string | null;
  @ApiProperty(nullableDate) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByRole: string | null;
}

/**
 * An evidence item as the case view shows it to the reader (cases/case-redaction.ts): an item
 * the reader may not read — special category (§13), or other people's evidence for a reporter
 * or witness of the case — shows only that it exists (kind, dates, hash), `withheld: true`.
 */
export class SummaryEvidenceItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) description: string | null;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
  @ApiProperty({ enum: SENSITIVITIES }) sensitivity: Sensitivity;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256: string;
  @ApiProperty({ nullable: true, type: Number, description: 'bytes; null when withheld' }) size: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) mediaType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) redactsEvidenceId: string | null;
  @ApiProperty({ description: 'true: the reader may not read this item; only its existence is shown' }) withheld: boolean;
}

export class SummaryEvidence {
  @ApiProperty({ type: [SummaryEvidenceItem] }) items: SummaryEvidenceItem[];
  @ApiProperty({ description: 'special-category items listed without their content (§13)' }) withheldSpecialCategory: number;
  @ApiProperty({ description: 'true when special-category content was included on purpose, by someone who may read it (the acting decision-maker)' })
  specialCategoryIncluded: boolean;
}

/** A hearing's rearrangement (process.md §1; ERA 1999 s10(4)–(5)). */
export class SummaryHearingRearrangement {
  @ApiProperty({ enum: REARRANGEMENT_BASES }) basis: RearrangementBasis;
  @ApiProperty({ format: 'date-time' }) previousScheduledFor: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ nullable: true, type: String, description: 'the chair’s reason; null for the subject’s own request, or withheld' }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class SummaryHearingAttendee {
  @ApiProperty() name: string;
  @ApiProperty() capacity: string;
}

export class SummaryHearingCompanion {
  @ApiProperty() name: string;
  @ApiProperty({ enum: COMPANION_CATEGORIES }) category: CompanionCategory;
  @ApiProperty({ nullable: true, type: String }) adjustmentReason: string | null;
}

/** The hearing record, once held. */
export class SummaryHearingHeld {
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty() subjectAttended: boolean;
  @ApiProperty({ description: 'true: the decision was taken in the subject’s absence' }) decidedInAbsence: boolean;
  @ApiProperty({ type: SummaryHearingCompanion, nullable: true, description: 'who accompanied the subject, if anyone' })
  companion: SummaryHearingCompanion | null;
  @ApiProperty({ type: [SummaryHearingAttendee], nullable: true, description: 'null when withheld' }) attendees: SummaryHearingAttendee[] | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when none, or withheld' }) representations: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'why the decision was taken in the subject’s absence; null when none, or withheld' })
  absenceReason: string | null;
}

/** A disciplinary or appeal hearing (process.md §1; ACAS Code), superseded invitations included. */
export class SummaryHearing {
  @ApiProperty({ enum: HEARING_KINDS }) kind: HearingKind;
  @ApiProperty({ enum: ROLES, description: 'the role of the chair, who takes the decision it leads to' }) chairRole: Role;
  @ApiProperty({ format: 'date-time', description: 'when the invitation was made' }) invitedAt: string;
  @ApiProperty({ format: 'date-time' }) originalScheduledFor: string;
  @ApiProperty({ format: 'date-time', description: 'the time arranged (after any rearrangement)' }) scheduledFor: string;
  @ApiProperty() place: string;
  @ApiProperty({ description: 'the working days of notice the invitation gives' }) noticeWorkingDays: number;
  @ApiProperty({ description: 'every subject’s invitation letter was recorded as sent with the notice due' }) noticeGiven: boolean;
  @ApiProperty({ description: 'false: superseded by a later invitation' }) current: boolean;
  @ApiProperty(nullableDate) supersededAt: string | null;
  @ApiProperty({ type: [SummaryHearingRearrangement] }) rearrangements: SummaryHearingRearrangement[];
  @ApiProperty({ type: SummaryHearingHeld, nullable: true, description: 'null: not held (yet)' }) held: SummaryHearingHeld | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read what was said at it (as in the case view)' }) withheld: boolean;
}

export class SummarySuspensionReview {
  @ApiProperty({ format: 'date-time' }) reviewedAt: string;
  @ApiProperty({ enum: REVIEW_DECISIONS }) decision: ReviewDecision;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) reasons: string | null;
  @ApiProperty({ ...nullableDate, description: 'continue: the next review date' }) reviewBy: string | null;
}

/** A precautionary suspension on full pay (process.md §1: not a sanction). */
export class SummarySuspension {
  @ApiProperty({ nullable: true, type: String, description: 'the person suspended' }) subjectName: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: SUSPENSION_GROUNDS, isArray: true }) grounds: SuspensionGround[];
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) reasons: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) alternativesConsidered: string | null;
  @ApiProperty({ format: 'date-time', description: 'the review date in force' }) reviewBy: string;
  @ApiProperty({ type: [SummarySuspensionReview], description: 'oldest first' }) reviews: SummarySuspensionReview[];
  @ApiProperty({ enum: SUSPENSION_STATUSES }) status: SuspensionStatus;
  @ApiProperty({ ...nullableDate, description: 'when it ended; for a lapsed one, its review date' }) endedAt: string | null;
  @ApiProperty({ enum: [...SUSPENSION_END_REASONS, 'lapsed', null], nullable: true, type: String }) endReason: SuspensionEndReason | 'lapsed' | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the reasons (as in the case view)' }) withheld: boolean;
}

/** A pause of the disciplinary process for the grievance, and its resumption (process.md §4). */
export class SummaryProcessPause {
  @ApiProperty({ format: 'date-time' }) pausedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'why; null when withheld' }) reason: string | null;
  @ApiProperty({ ...nullableDate, description: 'null: still paused' }) resumedAt: string | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read why (as in the case view)' }) withheld: boolean;
}

export class SummaryGrievanceDecision {
  @ApiProperty({ enum: GRIEVANCE_OUTCOMES }) outcome: GrievanceOutcome;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) reasons: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ enum: ['headteacher', 'governor'], nullable: true, type: String, description: 'the role in which the decider heard it' })
  heardByRole: string | null;
}

/** A grievance of the subject about how the policy was applied (§6, process.md §4). */
export class SummaryGrievance {
  @ApiProperty({ nullable: true, type: String, description: 'the subject who lodged it' }) lodgedBy: string | null;
  @ApiProperty({ format: 'date-time' }) lodgedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'what it says; null when withheld' }) summary: string | null;
  @ApiProperty({ description: 'about the disciplinary process of this case' }) relatedToProcess: boolean;
  @ApiProperty({ type: SummaryGrievanceDecision, nullable: true, description: 'null until decided' }) decision: SummaryGrievanceDecision | null;
  @ApiProperty({ type: [SummaryProcessPause], description: 'the pauses of the process for it, oldest first' }) pauses: SummaryProcessPause[];
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read what it says nor the reasons (as in the case view)' }) withheld: boolean;
}

export class SummaryLadoConsultation {
  @ApiProperty({ format: 'date-time' }) consultedAt: string;
  @ApiProperty() ladoName: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) advice: string | null;
  @ApiProperty() thresholdMet: boolean;
  @ApiProperty({ description: 'consulted after the due time (one working day after the report)' }) late: boolean;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the advice (as in the case view)' }) withheld: boolean;
}

export class SummaryReferralDecision {
  @ApiProperty({ enum: BARRING_BODIES }) body: BarringBody;
  @ApiProperty() referred: boolean;
  @ApiProperty(nullableDate) referredAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when referred, or withheld' }) reasonNotReferred: string | null;
  @ApiProperty({ format: 'date-time', description: 'when the decision was recorded' }) decidedAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the reason (as in the case view)' }) withheld: boolean;
}

/** KCSIE Part 4 (process.md §3); the findings in its categories are the allegations’. */
export class SummaryKcsie {
  @ApiProperty({ ...nullableDate, description: 'a safeguarding case: the LADO is consulted by then' }) ladoDueBy: string | null;
  @ApiProperty() ladoOverdue: boolean;
  @ApiProperty({ type: [SummaryLadoConsultation] }) ladoConsultations: SummaryLadoConsultation[];
  @ApiProperty({ type: [SummaryReferralDecision], description: 'DBS / TRA referral decisions, oldest first; the latest per body stands' })
  referralDecisions: SummaryReferralDecision[];
  @ApiProperty({ enum: BARRING_BODIES, isArray: true, description: 'referral decisions still missing before the case may close' })
  referralDecisionsRequired: BarringBody[];
}

/** A letter of a written step (process.md §2). */
export class SummaryLetter {
  @ApiProperty({ enum: LETTER_KIND_NAMES, type: String }) kind: string;
  @ApiProperty({ example: 'Outcome of the disciplinary process' }) title: string;
  @ApiProperty({ nullable: true, type: String, description: 'the subject it is to' }) to: string | null;
  @ApiProperty({ format: 'date-time' }) firstGeneratedAt: string;
  @ApiProperty({ ...nullableDate, description: 'null: not recorded as sent' }) sentAt: string | null;
  @ApiProperty({ enum: SENT_METHODS, nullable: true, type: String }) sentMethod: SentMethod | null;
}

/** The HR case summary (domain.md "HR exports"): a document a person would file. */
export class CaseSummaryResponse {
  @ApiProperty({ enum: [false] }) erased: false;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ description: 'the organisation' }) school: string;
  @ApiProperty({ example: 'SMP-2026-0007' }) reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ description: '§5 safeguarding matter' }) safeguarding: boolean;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: SummaryDates }) dates: SummaryDates;
  @ApiProperty({ type: [SummaryPerson] }) subjects: SummaryPerson[];
  @ApiProperty({ type: [SummaryReport] }) reports: SummaryReport[];
  @ApiProperty({ type: SummaryTriage, nullable: true }) triage: SummaryTriage | null;
  @ApiProperty({ type: [SummaryAllegation] }) allegations: SummaryAllegation[];
  @ApiProperty({ type: [SummarySubjectResponse], description: "the subject's response(s) to the allegations" }) subjectResponses: SummarySubjectResponse[];
  @ApiProperty({ type: SummaryInvestigationReport, nullable: true }) investigationReport: SummaryInvestigationReport | null;
  @ApiProperty({ type: SummaryOutcome, nullable: true }) outcome: SummaryOutcome | null;
  @ApiProperty({ type: SummaryAppeal, nullable: true }) appeal: SummaryAppeal | null;
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String, description: 'after any appeal' }) sanctionInForce: Sanction | null;
  @ApiProperty({ type: SummaryEvidence }) evidence: SummaryEvidence;
  @ApiProperty({ type: [SummaryHearing], description: 'disciplinary and appeal hearings, oldest first, superseded invitations included' })
  hearings: SummaryHearing[];
  @ApiProperty({ type: [SummarySuspension], description: 'precautionary suspensions, oldest first' }) suspensions: SummarySuspension[];
  @ApiProperty({ type: [SummaryGrievance], description: 'grievances, oldest first, each with the pauses of the process for it' })
  grievances: SummaryGrievance[];
  @ApiProperty({ type: SummaryKcsie }) kcsie: SummaryKcsie;
  @ApiProperty({ type: [SummaryLetter], description: 'the letters of the written steps, oldest first, and whether and how each was sent' })
  letters: SummaryLetter[];
}

/** What is left of a case whose content was erased under retention (§13). */
export class CaseTombstoneResponse {
  @ApiProperty({ enum: [true] }) erased: true;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ type: SummaryDates }) dates: SummaryDates;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the sanction in force, or the triage decision of a case closed at triage' })
  outcomeCategory: string | null;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

export type CaseSummaryDocument = CaseSummaryResponse | CaseTombstoneResponse;
