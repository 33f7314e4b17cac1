import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination';
import { IsId } from '../../common/validation/is-id';
import { PeriodBound } from '../../common/validation/period-bound';
import { QueryBoolean } from '../../common/validation/query-boolean';
import { MISUSE_CATEGORIES, PLATFORMS, POLICY_STANDARDS } from '../../policy/vocabulary';
import { CASE_STATUSES, CaseStatus, TRIAGE_DECISIONS } from '../lifecycle';
import { HearingResponse } from '../../hearings/dto/hearing.dto';
import { CASE_ACTIONS, CaseAction } from '../case-guidance';
import { Role, ROLES } from '../../access/roles';
import { SUBMISSION_STEPS, SubmissionStep } from '../../investigations/investigation.rules';
import {
  AllegationResponse,
  AssignmentResponse,
  FactResponse,
  InterviewResponse,
  SubjectNotificationResponse,
  SubjectResponseResponse,
} from './case-sections.dto';
import { EvidenceResponse } from '../../evidence/dto/evidence.dto';
import { MonitoringAuthorisationResponse } from '../../monitoring/dto/monitoring.dto';
import { AppealResponse, OutcomeResponse } from '../../outcomes/dto/outcome.dto';
import { Sanction, SANCTIONS } from '../../outcomes/outcome.rules';
import { CaseLetterResponse } from '../../letters/dto/letter.dto';
import { GrievanceResponse, ProcessPauseResponse } from '../../grievances/dto/grievance.dto';
import { KcsieResponse } from '../../kcsie/dto/kcsie.dto';
import { InvestigationMeetingResponse } from '../../investigations/dto/investigation-meeting.dto';
import { SuspensionResponse } from '../../suspensions/dto/suspension.dto';

/** `?q=`: shorter searches cannot use the trigram indexes (three characters make a trigram). */
export const CASE_SEARCH_MIN_LENGTH = 3;
export const CASE_SEARCH_MAX_LENGTH = 100;

/** GET /cases filters (docs/case-list.md): each narrows the cases visible to the caller; together they all apply. */
export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({
    minLength: CASE_SEARCH_MIN_LENGTH,
    maxLength: CASE_SEARCH_MAX_LENGTH,
    description: `the reference (SMP-2026-0007, or any part of it) or a subject's name (any part of it), ignoring case; at least ${CASE_SEARCH_MIN_LENGTH} characters once trimmed`,
    example: 'SMP-2026-0007',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(CASE_SEARCH_MIN_LENGTH, CASE_SEARCH_MAX_LENGTH, {
    message: `q must be ${CASE_SEARCH_MIN_LENGTH} to ${CASE_SEARCH_MAX_LENGTH} characters (leading and trailing spaces do not count)`,
  })
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'cases with this staff member among their subjects' })
  @IsOptional()
  @IsId()
  subjectStaffId?: string;

  @QueryBoolean('true: safeguarding cases only (§5: flagged at report, or referred); false: the others')
  safeguarding?: boolean;

  @QueryBoolean(
    "true: cases past a deadline — today one: a safeguarding case not referred by its referralDueBy (the case view's safeguarding.referralOverdue), erased cases excepted; false: the others",
  )
  overdue?: boolean;

  @QueryBoolean('true: cases of which the caller is the current investigating manager; false: the others')
  assignedToMe?: boolean;

  @PeriodBound('from', 'reported on or after')
  from?: string;

  @PeriodBound('to', 'reported up to')
  to?: string;
}

export class PersonRef {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) staffId: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) jobTitle?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) relationship?: string | null;
}

export class ReportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PLATFORMS }) platform: string;
  @ApiProperty({ nullable: true, type: String }) platformOther: string | null;
  @ApiProperty({ format: 'date-time' }) observedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ enum: MISUSE_CATEGORIES }) category: string;
  @ApiProperty({ enum: POLICY_STANDARDS, isArray: true }) policyStandards: string[];
  @ApiProperty() involvesPupils: boolean;
  @ApiProperty() mayMeetHarmThreshold: boolean;
  @ApiProperty({ format: 'uuid' }) loggedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: "true: the reporter's statement, which a witness of the case does not read" }) withheld: boolean;
}

export class TriageResponse {
  @ApiProperty({ enum: TRIAGE_DECISIONS }) decision: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once erased (§13)' }) rationale: string | null;
  @ApiProperty({ format: 'date-time' }) triagedAt: string;
  @ApiProperty({ format: 'uuid' }) triagedByUserId: string;
}

export class SafeguardingReferralResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() referredTo: string;
  @ApiProperty({ format: 'date-time' }) referredAt: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class SafeguardingResponse {
  @ApiProperty({ description: 'pupils involved or harm threshold possibly met (§5)' }) flagged: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'referral expected within one working day' })
  referralDueBy: string | null;
  @ApiProperty({ description: 'flagged, not referred, and past referralDueBy' }) referralOverdue: boolean;
  @ApiProperty({ type: [SafeguardingReferralResponse] }) referrals: SafeguardingReferralResponse[];
}

export class InvestigationReportResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) summary: string | null;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the investigation report' }) withheld: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'uuid' }) submittedByUserId: string;
}

export class LegalHoldResponse {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
  @ApiProperty({ format: 'uuid' }) placedByUserId: string;
}

export class RetentionResponse {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'set at closure (§13)' }) retainUntil: string | null;
  @ApiProperty({ type: LegalHoldResponse, nullable: true }) legalHold: LegalHoldResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'content erased: what remains is a tombstone' }) erasedAt: string | null;
}

/** One row of GET /cases: no case content (descriptions, names), so listing is not a read of a case. */
export class CaseListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SMP-2026-0007' }) reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty() safeguarding: boolean;
  @ApiProperty({ enum: [...MISUSE_CATEGORIES, null], nullable: true, type: String, description: 'null once erased (§13)' }) category: string | null;
  @ApiProperty({ enum: [...PLATFORMS, null], nullable: true, type: String, description: 'null once erased (§13)' }) platform: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    enum: [...ROLES, null],
    nullable: true,
    type: String,
    description:
      "the role the case waits for: its next step's `by` (GET /cases/:id guidance.nextStep.by), the same for every reader; null when nobody can act (the case's decisionBlocked) or nothing is left to do",
  })
  waitingFor: Role | null;
  @ApiProperty({ description: 'monitoring requests on the case waiting for a decision (§9, §11)', minimum: 0 })
  pendingMonitoringRequests: number;
}

export class CasePage {
  @ApiProperty({ type: [CaseListItem] }) items: CaseListItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class NextStepResponse {
  @ApiProperty({ description: 'what happens next in the process, in words' }) description: string;
  @ApiProperty({
    enum: ['admin', 'deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr', null],
    nullable: true,
    type: String,
    description: 'the role that takes it; null when nobody can (see decisionBlocked) or nothing is left to do',
  })
  by: string | null;
}

/** One thing missing before the investigation report may go: the step of the investigation it belongs to, in words. */
export class SubmissionBlockerResponse {
  @ApiProperty({
    enum: SUBMISSION_STEPS,
    description: 'the step of the investigation where it is done: allegations, the written notice, the subject’s response, the findings',
  })
  step: SubmissionStep;
  @ApiProperty({ description: 'what is missing, in words (the same words as in `blockers`)' }) description: string;
}

export class SubmissionReadinessResponse {
  @ApiProperty({ description: 'the investigation report may go to the decision-maker now' }) ready: boolean;
  @ApiProperty({ type: [String], description: 'what still stands between the investigation and the decision (domain.md "Investigation")' })
  blockers: string[];
  @ApiProperty({
    type: [SubmissionBlockerResponse],
    description: 'the same blockers, each with the step it belongs to (so a task list can show each step what it lacks)',
  })
  missing: SubmissionBlockerResponse[];
}

/** What the case says to the person reading it: the API decides, a client explains. */
export class CaseGuidanceResponse {
  @ApiProperty({ enum: CASE_ACTIONS, isArray: true, description: 'what the reader may do on the case now' }) actions: CaseAction[];
  @ApiProperty({
    enum: ['subject', 'reporter', 'witness', 'investigator', 'outcome_decider'],
    isArray: true,
    description: 'how the reader is involved in the case (their own conflicts of interest)',
  })
  involvement: string[];
  @ApiProperty({ type: NextStepResponse }) nextStep: NextStepResponse;
  @ApiProperty({ type: SubmissionReadinessResponse }) submission: SubmissionReadinessResponse;
  @ApiProperty({
    description:
      'true: the reader investigated this case and holds a deciding role: they may record its outcome only with a separation waiver (`separationWaiverReason`: ACAS, a small school; audited)',
  })
  separationWaiver: boolean;
  @ApiProperty({
    enum: SANCTIONS,
    isArray: true,
    description:
      'the sanctions the reader may record as the outcome now (process.md §1, ACAS Code): only no_action before a disciplinary hearing is held; after it, all of them for its chair (with separationWaiver true: only with a separationWaiverReason); empty when the reader may not record the outcome',
  })
  outcomeSanctions: Sanction[];
}

/** GET /cases/:id and the answer to every state change of a case: the core, then one field per section. */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ example: 'SMP-2026-0007' }) reference: string;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ type: SafeguardingResponse }) safeguarding: SafeguardingResponse;
  @ApiProperty({ type: [PersonRef] }) subjects: PersonRef[];
  @ApiProperty({ type: PersonRef, nullable: true }) reporter: PersonRef | null;
  @ApiProperty({ type: [PersonRef] }) witnesses: PersonRef[];
  @ApiProperty({ type: TriageResponse, nullable: true }) triage: TriageResponse | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) investigatorUserId: string | null;
  @ApiProperty({ type: InvestigationReportResponse, nullable: true, description: "the investigating manager's report (§4)" })
  investigationReport: InvestigationReportResponse | null;
  @ApiProperty({
    enum: ['headteacher', 'governor'],
    nullable: true,
    type: String,
    description: 'who decides: an unconflicted active headteacher; the governors when every headteacher is conflicted; null when nobody can',
  })
  decisionMakerRole: 'headteacher' | 'governor' | null;
  @ApiProperty({ nullable: true, type: String, description: 'when nobody can take decisions on the case: what is missing' })
  decisionBlocked: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiProperty({ type: RetentionResponse }) retention: RetentionResponse;
  // Sections, each read by the module that owns its table (src/cases/case-view.ts):
  @ApiProperty({ type: [ReportResponse] }) reports: ReportResponse[];
  @ApiProperty({ type: [AssignmentResponse] }) assignments: AssignmentResponse[];
  @ApiProperty({ type: [AllegationResponse] }) allegations: AllegationResponse[];
  @ApiProperty({ type: [FactResponse] }) facts: FactResponse[];
  @ApiProperty({ type: [InterviewResponse] }) interviews: InterviewResponse[];
  @ApiProperty({ type: [SubjectNotificationResponse] }) subjectNotifications: SubjectNotificationResponse[];
  @ApiProperty({ type: [SubjectResponseResponse] }) subjectResponses: SubjectResponseResponse[];
  @ApiProperty({
    type: [InvestigationMeetingResponse],
    description: 'investigation meetings arranged (whom, when, where, what about), earliest first: each makes its invitation letter (process.md §2)',
  })
  investigationMeetings: InvestigationMeetingResponse[];
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceResponse[];
  @ApiProperty({ type: [MonitoringAuthorisationResponse], description: 'authorisations with status, decider, period, expiry and disclosures (§9, §11)' })
  monitoring: MonitoringAuthorisationResponse[];
  @ApiProperty({ type: OutcomeResponse, nullable: true }) outcome: OutcomeResponse | null;
  @ApiProperty({ type: [AppealResponse] }) appeals: AppealResponse[];
  @ApiProperty({
    type: [HearingResponse],
    description: 'the disciplinary and appeal hearings, oldest first, superseded invitations included (process.md §1; ACAS Code)',
  })
  hearings: HearingResponse[];
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String, description: 'after any appeal: upheld withdraws it (no_action), varied replaces it' })
  sanctionInForce: Sanction | null;
  @ApiProperty({ type: KcsieResponse, description: 'KCSIE Part 4: the LADO consultation and the DBS / TRA referral decisions (process.md §3)' })
  kcsie: KcsieResponse;
  @ApiProperty({
    type: [SuspensionResponse],
    description: 'precautionary suspensions of the subjects on full pay, with their reviews, oldest first (process.md §1; not a sanction)',
  })
  suspensions: SuspensionResponse[];
  @ApiProperty({ type: [CaseLetterResponse], description: 'letters of the written steps generated, and whether and how each was sent (process.md §2)' })
  letters: CaseLetterResponse[];
  @ApiProperty({
    type: [GrievanceResponse],
    description: 'grievances of the subject about how the policy was applied, each with its decision (§6, process.md §4)',
  })
  grievances: GrievanceResponse[];
  @ApiProperty({
    type: ProcessPauseResponse,
    nullable: true,
    description: 'the disciplinary process is paused pending a grievance (since when, why, which grievance); null when it runs (process.md §4)',
  })
  paused: ProcessPauseResponse | null;
  @ApiProperty({ type: CaseGuidanceResponse, nullable: true, description: 'for the reader: what they may do, the next step and who takes it' })
  guidance: CaseGuidanceResponse | null;
}

/** The parts of the case view that other modules contribute, by name. */
export type CaseSections = Pick<
  CaseResponse,
  | 'reports'
  | 'assignments'
  | 'allegations'
  | 'facts'
  | 'interviews'
  | 'subjectNotifications'
  | 'subjectResponses'
  | 'investigationMeetings'
  | 'evidence'
  | 'monitoring'
  | 'outcome'
  | 'appeals'
  | 'hearings'
  | 'sanctionInForce'
  | 'kcsie'
  | 'suspensions'
  | 'letters'
  | 'grievances'
  | 'paused'
>;
