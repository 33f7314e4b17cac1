import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotBlank } from '../../common/validation/not-blank';
import { MEETING_CAPACITIES, MeetingCapacity } from '../investigation-meeting.rules';

/** POST /cases/:id/investigation-meetings: a meeting arranged by the investigating manager (process.md §2). */
export class InvestigationMeetingRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'the staff member invited: a subject of the case (invited as subject) or anyone else of the staff directory (as a witness)',
  })
  @IsId()
  staffId: string;

  @ApiProperty({ format: 'date-time', description: 'when the meeting is to be held: after now (a meeting held is recorded as an interview)' })
  @IsTimestamp()
  scheduledFor: string;

  @ApiProperty({ description: 'where it is held', example: 'Meeting room 2, main building' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  place: string;

  @ApiProperty({ description: 'what the meeting is about, as the invitation says it', example: 'To hear your account of the concerns raised about a post' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  purpose: string;

  @ApiPropertyOptional({
    default: true,
    description: 'whether the invitee may bring a companion (ACAS: not a statutory right at an investigation meeting, but good practice; default true)',
  })
  @IsOptional()
  @IsBoolean()
  accompaniedAllowed?: boolean;
}

/** An investigation meeting arranged, in the case view (`investigationMeetings`) and at its own path. */
export class InvestigationMeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty({ description: 'the invitee, as the staff directory writes the name' }) name: string;
  @ApiProperty({ enum: MEETING_CAPACITIES, description: 'subject: a subject of the case; witness: anyone else' }) capacity: MeetingCapacity;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null when withheld' }) scheduledFor: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) place: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld' }) purpose: string | null;
  @ApiProperty({ description: 'the invitee may be accompanied (ACAS good practice)' }) accompaniedAllowed: boolean;
  @ApiProperty({ format: 'date-time', description: 'when it was arranged: its invitation is sent after' }) arrangedAt: string;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ description: "true: another person's meeting, which a reporter or witness of the case does not read" }) withheld: boolean;
}
