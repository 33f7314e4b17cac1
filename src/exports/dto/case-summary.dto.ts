import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CaseStatus, TRIAGE_DECISIONS, TriageDecision } from '../../cases/lifecycle';
import { EVIDENCE_KINDS, EvidenceKind, SENSITIVITIES, Sensitivity } from '../../evidence/evidence.rules';
import { APPEAL_RESULTS, AppealResult, SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { RECORDABLE_FINDINGS } from '../../investigations/investigation.rules';

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
