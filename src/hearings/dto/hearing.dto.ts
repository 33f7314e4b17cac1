import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ROLES, Role } from '../../access/roles';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotBlank } from '../../common/validation/not-blank';
import { NotInFuture } from '../../common/validation/not-in-future';
import { SANCTIONS, Sanction } from '../../outcomes/outcome.rules';
import { COMPANION_CATEGORIES, CompanionCategory, HEARING_KINDS, HearingKind, REARRANGEMENT_BASES, RearrangementBasis } from '../hearing.rules';

const TEXT = 20_000;
const NAME = 200;

/** POST /cases/:id/hearings and POST /appeals/:id/hearings: the invitation (process.md §1; ACAS Code). */
export class HearingInvitationRequest {
  @ApiProperty({
    format: 'date-time',
    description: 'when the hearing is to be held: at least HEARING_NOTICE_WORKING_DAYS working days (default 5) after now, the invitation',
  })
  @IsTimestamp()
  scheduledFor: string;

  @ApiProperty({ description: 'where it is held', example: 'Meeting room 2, main building' })
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  place: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'the evidence of the case to be relied on at the hearing: listed in the invitation and sent with it (may be empty)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  evidenceIds: string[];

  @ApiProperty({
    enum: SANCTIONS,
    isArray: true,
    description: 'the possible outcomes the invitation warns of (ACAS Code: say when dismissal is possible)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SANCTIONS.length)
  @ArrayUnique()
  @IsIn(SANCTIONS, { each: true })
  possibleOutcomes: Sanction[];

  @ApiPropertyOptional({
    description:
      'ACAS (a small school): the investigating manager, holding a deciding role, chairs the hearing and decides the outcome themselves — why (audited); the same waiver as the outcome’s',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  separationWaiverReason?: string;
}

/** POST /appeals/:id/hearings: the invitation to the appeal hearing (process.md §1: the same rules, heard by someone uninvolved). */
export class AppealHearingInvitationRequest {
  @ApiProperty({
    format: 'date-time',
    description: 'when the appeal hearing is to be held: at least HEARING_NOTICE_WORKING_DAYS working days (default 5) after now, the invitation',
  })
  @IsTimestamp()
  scheduledFor: string;

  @ApiProperty({ description: 'where it is held', example: 'Meeting room 2, main building' })
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  place: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'the evidence of the case to be relied on at the appeal hearing (may be empty)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  evidenceIds: string[];
}

/** POST /hearings/:id/rearrangements (process.md §1; ERA 1999 s10(4)–(5)). */
export class HearingRearrangementRequest {
  @ApiProperty({
    enum: REARRANGEMENT_BASES,
    description:
      "companion_unavailable: the subject's companion cannot attend and the subject proposes this time (once, within 5 working days after the date first proposed); chair_decision: the chair moves it, with a reason",
  })
  @IsIn(REARRANGEMENT_BASES)
  basis: RearrangementBasis;

  @ApiProperty({ format: 'date-time', description: 'the new time: in the future' })
  @IsTimestamp()
  scheduledFor: string;

  @ApiPropertyOptional({ description: 'the new place, when it changes' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  place?: string;

  @ApiPropertyOptional({ description: 'why (chair_decision only)' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reason?: string;
}

export class HearingAttendeeInput {
  @ApiProperty({ example: 'A. Shah' })
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  name: string;

  @ApiProperty({ description: 'in which capacity they attended', example: 'note-taker (HR)' })
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  capacity: string;
}

export class CompanionInput {
  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(NAME)
  name: string;

  @ApiProperty({
    enum: COMPANION_CATEGORIES,
    description: 'ERA 1999 s10(3): a work colleague, a trade union representative or official; anyone else only as a reasonable adjustment',
  })
  @IsIn(COMPANION_CATEGORIES)
  category: CompanionCategory;

  @ApiPropertyOptional({ description: 'why someone outside the statutory categories was allowed (other_reasonable_adjustment only)' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  adjustmentReason?: string;
}

/** POST /hearings/:id/record: the hearing record (process.md §1). */
export class HearingRecordRequest {
  @ApiProperty({ format: 'date-time', description: 'when it was held: not before the time arranged, not in the future' })
  @IsTimestamp()
  @NotInFuture()
  heldAt: string;

  @ApiProperty({ description: 'false: the decision is taken in the subject’s absence (only at a rearranged hearing; give absenceReason)' })
  @IsBoolean()
  subjectAttended: boolean;

  @ApiProperty({ type: [HearingAttendeeInput], description: 'who attended, in which capacity (the chair and the subject are implied)' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => HearingAttendeeInput)
  attendees: HearingAttendeeInput[];

  @ApiPropertyOptional({ type: CompanionInput, description: 'the companion who accompanied the subject, if any' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CompanionInput)
  companion?: CompanionInput;

  @ApiProperty({ description: 'notes of the hearing' })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  notes: string;

  @ApiPropertyOptional({ description: 'the subject’s representations (what they or their companion put forward)' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  representations?: string;

  @ApiPropertyOptional({ description: 'subjectAttended false: why the decision is taken in their absence' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  absenceReason?: string;
}

export class HearingRearrangementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REARRANGEMENT_BASES }) basis: RearrangementBasis;
  @ApiProperty({ format: 'date-time' }) previousScheduledFor: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the subject’s own request, or withheld' }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class HearingAttendeeResponse {
  @ApiProperty() name: string;
  @ApiProperty() capacity: string;
}

export class CompanionResponse {
  @ApiProperty() name: string;
  @ApiProperty({ enum: COMPANION_CATEGORIES }) category: CompanionCategory;
  @ApiProperty({ nullable: true, type: String }) adjustmentReason: string | null;
}

export class HearingHeldResponse {
  @ApiProperty({ format: 'date-time' }) heldAt: string;
  @ApiProperty() subjectAttended: boolean;
  @ApiProperty({ type: [HearingAttendeeResponse], nullable: true, description: 'null when withheld' }) attendees: HearingAttendeeResponse[] | null;
  @ApiProperty({ type: CompanionResponse, nullable: true }) companion: CompanionResponse | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) notes: string | null;
  @ApiProperty({ nullable: true, type: String }) representations: string | null;
  @ApiProperty({ nullable: true, type: String }) absenceReason: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class HearingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: HEARING_KINDS }) kind: HearingKind;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the appeal an appeal hearing hears' }) appealId: string | null;
  @ApiProperty({ format: 'uuid', description: 'who chairs it, and takes the decision it leads to' }) chairUserId: string;
  @ApiProperty({ enum: ROLES }) chairRole: Role;
  @ApiProperty({ format: 'date-time', description: 'when the invitation was made' }) invitedAt: string;
  @ApiProperty({ format: 'date-time' }) originalScheduledFor: string;
  @ApiProperty({ format: 'date-time', description: 'the time now arranged' }) scheduledFor: string;
  @ApiProperty() place: string;
  @ApiProperty({
    description:
      'the working days of notice the invitation gives (the organisation’s hearingNoticeWorkingDays when it was made: at least HEARING_NOTICE_WORKING_DAYS)',
  })
  noticeWorkingDays: number;
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceIds: string[];
  @ApiProperty({ enum: SANCTIONS, isArray: true, description: 'the possible outcomes the invitation warns of (empty for an appeal hearing)' })
  possibleOutcomes: Sanction[];
  @ApiProperty({ description: 'the current hearing of its case or appeal (false: superseded by a later invitation)' }) current: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) supersededAt: string | null;
  @ApiProperty({
    description: 'every subject’s invitation letter was recorded as sent with the notice due (process.md §1, §2); a hearing is recorded as held only then',
  })
  noticeGiven: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'what the notice still lacks, or null' }) noticeProblem: string | null;
  @ApiProperty({ type: [HearingRearrangementResponse] }) rearrangements: HearingRearrangementResponse[];
  @ApiProperty({ type: HearingHeldResponse, nullable: true, description: 'the hearing record, once held' }) held: HearingHeldResponse | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read the hearing’s notes and representations' }) withheld: boolean;
}
