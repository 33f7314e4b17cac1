import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ROLES } from '../../access/roles';
import { PARTY_CAPACITIES, PartyCapacity } from '../../cases/entities/case-party.entity';
import { CASE_STATUSES, CaseStatus } from '../../cases/lifecycle';
import { SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { GrievanceResponse } from '../../grievances/dto/grievance.dto';
import { HearingResponse } from '../../hearings/dto/hearing.dto';
import { InvestigationMeetingResponse } from '../../investigations/dto/investigation-meeting.dto';
import { KcsieResponse } from '../../kcsie/dto/kcsie.dto';
import { SuspensionResponse } from '../../suspensions/dto/suspension.dto';
import { SummaryAllegation, SummaryAppeal, SummaryDates, SummaryEvidence, SummaryOutcome, SummaryReport, SummarySubjectResponse } from './case-summary.dto';

const nullableString = { nullable: true, type: String } as const;

export class SarStaffRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty(nullableString) email: string | null;
  @ApiProperty(nullableString) jobTitle: string | null;
  @ApiProperty({ description: 'a teacher (KCSIE Part 4: the TRA referral decision)' }) teacher: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The login of the staff member: never the password hash. */
export class SarUserAccount {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** One of their own interviews, as the case view shows it to the caller. */
export class SarInterview {
  @ApiProperty({ enum: ['subject', 'witness'] }) capacity: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty(nullableString) accompaniedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld from the caller (a reporter or witness of the case)' }) statement:
    string | null;
  @ApiProperty({ description: 'true: the caller may not read this statement (as in the case view)' }) withheld: boolean;
}

export class SarSubjectNotification {
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ enum: ['letter', 'email', 'hand_delivered'] }) method: string;
  @ApiProperty({ description: 'allegations the notice covered' }) allegations: number;
}

/** A letter sent to the person (process.md §2): which, made from which record, when and how it was sent. */
export class SarLetter {
  @ApiProperty({ example: 'outcome' }) kind: string;
  @ApiProperty({ format: 'uuid' }) recordId: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ enum: ['email', 'post', 'hand'] }) sentMethod: string;
}

/**
 * A case where the staff member is a party, holding only their own personal data (UK GDPR
 * Art. 15; domain.md "Data protection"), each section by capacity: a subject gets what they were
 * said to have done — the reports, allegations with findings, notice, their response, outcome,
 * appeal, sanction in force and the evidence list —; a reporter their report; everyone their own
 * interviews. A witness gets their own statements and the fact that they were a witness, never
 * other people's evidence or statements (third-party data). Everything is as the case view shows
 * it to the caller: what the caller may not read (special category, unless included on purpose;
 * other people's statements, when the caller is a reporter or witness) is withheld the same way.
 */
export class SarCase {
  @ApiProperty({ enum: [false] }) erased: false;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: PARTY_CAPACITIES, isArray: true }) capacities: PartyCapacity[];
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ type: SummaryDates }) dates: SummaryDates;
  @ApiProperty({ type: [SummaryReport] }) reports: SummaryReport[];
  @ApiProperty({ type: [SummaryAllegation], description: 'with findings (as subject)' }) allegations: SummaryAllegation[];
  @ApiProperty({ type: [SarSubjectNotification] }) subjectNotifications: SarSubjectNotification[];
  @ApiProperty({ type: [SummarySubjectResponse] }) subjectResponses: SummarySubjectResponse[];
  @ApiProperty({ type: [SarInterview], description: 'their own interviews and statements (a witness: only these)' }) interviews: SarInterview[];
  @ApiProperty({ type: [InvestigationMeetingResponse], description: 'in every capacity: the investigation meetings they were invited to (process.md §2)' })
  investigationMeetings: InvestigationMeetingResponse[];
  @ApiProperty({ type: SummaryOutcome, nullable: true }) outcome: SummaryOutcome | null;
  @ApiProperty({ type: SummaryAppeal, nullable: true }) appeal: SummaryAppeal | null;
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String }) sanctionInForce: Sanction | null;
  @ApiProperty({ type: SummaryEvidence, description: 'as subject only: metadata, never the content; empty for a witness or reporter' })
  evidence: SummaryEvidence;
  @ApiProperty({
    type: KcsieResponse,
    nullable: true,
    description: 'as subject: the LADO consultations and DBS / TRA referral decisions (KCSIE Part 4); null otherwise',
  })
  kcsie: KcsieResponse | null;
  @ApiProperty({ type: [SuspensionResponse], description: 'as subject: their precautionary suspensions, with the reviews (process.md §1)' })
  suspensions: SuspensionResponse[];
  @ApiProperty({ type: [GrievanceResponse], description: 'as subject: the grievances they lodged, with the decisions (§6, process.md §4)' })
  grievances: GrievanceResponse[];
  @ApiProperty({
    type: [HearingResponse],
    description: 'as subject: the hearings they were invited to, with the record of each once held (process.md §1); empty otherwise',
  })
  hearings: HearingResponse[];
  @ApiProperty({ type: [SarLetter], description: 'as subject: the letters of the written steps sent to them (process.md §2)' })
  letters: SarLetter[];
}

/** A case of theirs erased under retention (§13). */
export class SarCaseTombstone {
  @ApiProperty({ enum: [true] }) erased: true;
  @ApiProperty() reference: string;
  @ApiProperty({ enum: PARTY_CAPACITIES, isArray: true }) capacities: PartyCapacity[];
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ type: SummaryDates }) dates: SummaryDates;
  @ApiProperty(nullableString) outcomeCategory: string | null;
  @ApiProperty({ format: 'date-time' }) erasedAt: string;
}

/** An audit event the staff member's login performed (payloads, which hold case content about others, are left out). */
export class SarAuditEvent {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty() action: string;
  @ApiProperty(nullableString) actorRole: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) caseId: string | null;
  @ApiProperty(nullableString) entityType: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) entityId: string | null;
  @ApiProperty(nullableString) reason: string | null;
}

/** Everything held about a staff member in the caller's organisation (§13 subject access). */
export class SubjectAccessExportResponse {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ description: 'the organisation' }) school: string;
  @ApiProperty({ type: SarStaffRecord }) staff: SarStaffRecord;
  @ApiProperty({ type: SarUserAccount, nullable: true }) userAccount: SarUserAccount | null;
  @ApiProperty({
    description:
      'cases where they are a subject, witness or reporter that the caller may see (erased ones as tombstones). A case the caller may not see is ' +
      'neither shown nor counted (§13: nothing lets a person learn of a case they may not see): a complete export is run by someone unconflicted.',
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(SarCase) }, { $ref: getSchemaPath(SarCaseTombstone) }] },
  })
  cases: Array<SarCase | SarCaseTombstone>;
  @ApiProperty({
    type: [SarAuditEvent],
    description: 'events where their login is the actor, oldest first, as far as the caller may read the audit log (GET /audit: the same rule)',
  })
  auditEvents: SarAuditEvent[];
  @ApiProperty({ description: 'special-category evidence asked for (headteacher only); included in the cases where the caller may read it' })
  specialCategoryIncluded: boolean;
}
