import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ROLES } from '../../access/roles';
import { PARTY_CAPACITIES, PartyCapacity } from '../../cases/entities/case-party.entity';
import { CASE_STATUSES, CaseStatus } from '../../cases/lifecycle';
import { SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { SummaryAllegation, SummaryAppeal, SummaryDates, SummaryEvidence, SummaryOutcome, SummaryReport, SummarySubjectResponse } from './case-summary.dto';

const nullableString = { nullable: true, type: String } as const;

export class SarStaffRecord {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty(nullableString) email: string | null;
  @ApiProperty(nullableString) jobTitle: string | null;
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

export class SarInterview {
  @ApiProperty({ enum: ['subject', 'witness'] }) capacity: string;
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty(nullableString) accompaniedBy: string | null;
  @ApiProperty() statement: string;
}

export class SarSubjectNotification {
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ enum: ['letter', 'email', 'hand_delivered'] }) method: string;
  @ApiProperty({ description: 'allegations the notice covered' }) allegations: number;
}

/**
 * A case where the staff member is a party. Each section holds what concerns them in their
 * capacity: a subject gets the reports, allegations, findings, notice, response, outcome
 * and appeal; a reporter the reports; everyone their own interviews and the evidence list.
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
  @ApiProperty({ type: [SarInterview], description: 'their own interviews and statements' }) interviews: SarInterview[];
  @ApiProperty({ type: SummaryOutcome, nullable: true }) outcome: SummaryOutcome | null;
  @ApiProperty({ type: SummaryAppeal, nullable: true }) appeal: SummaryAppeal | null;
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String }) sanctionInForce: Sanction | null;
  @ApiProperty({ type: SummaryEvidence, description: 'metadata only' }) evidence: SummaryEvidence;
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
    description: 'cases where they are a subject, witness or reporter (erased ones as tombstones)',
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(SarCase) }, { $ref: getSchemaPath(SarCaseTombstone) }] },
  })
  cases: Array<SarCase | SarCaseTombstone>;
  @ApiProperty({ description: 'further cases held about them that the caller may not see (a conflicted headteacher)' }) furtherCasesHeld: number;
  @ApiProperty({ type: [SarAuditEvent], description: 'events where their login is the actor, oldest first' }) auditEvents: SarAuditEvent[];
  @ApiProperty({ description: 'further such events, on cases the caller may not see' }) auditEventsWithheld: number;
  @ApiProperty({ description: 'special-category evidence included (headteacher only)' }) specialCategoryIncluded: boolean;
}
