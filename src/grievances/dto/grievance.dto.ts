import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotBlank } from '../../common/validation/not-blank';
import { NotInFuture } from '../../common/validation/not-in-future';
import { GRIEVANCE_OUTCOMES, GrievanceOutcome } from '../grievance.rules';

const TEXT = 20_000;

/** POST /cases/:id/grievances (§6, process.md §4). */
export class GrievanceRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'the subject of the case who lodged it (staff id); required when the case has several subjects' })
  @IsOptional()
  @IsId()
  subjectStaffId?: string;

  @ApiProperty({ format: 'date-time', description: 'when the subject lodged the grievance; not in the future, not before the reported activity was seen' })
  @IsTimestamp()
  @NotInFuture()
  lodgedAt: string;

  @ApiProperty({ description: 'what the grievance says: how the subject says the policy was applied to them' })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  summary: string;

  @ApiProperty({ description: 'whether it is about the disciplinary process of this case (only then may the decision-maker pause the process for it)' })
  @IsBoolean()
  relatedToProcess: boolean;
}

/** POST /cases/:id/grievances/:grievanceId/decision. */
export class GrievanceDecisionRequest {
  @ApiProperty({ enum: GRIEVANCE_OUTCOMES, description: 'upheld, partly upheld, or not upheld' })
  @IsIn(GRIEVANCE_OUTCOMES)
  outcome: GrievanceOutcome;

  @ApiProperty({ description: 'the reasons for the decision' })
  @IsString()
  @NotBlank()
  @MaxLength(TEXT)
  reasons: string;

  @ApiProperty({ format: 'date-time', description: 'when it was decided; not in the future, not before the grievance was lodged' })
  @IsTimestamp()
  @NotInFuture()
  decidedAt: string;
}

/** POST /cases/:id/pause. */
export class PauseRequest {
  @ApiProperty({ format: 'uuid', description: 'the related, undecided grievance of the case the process waits for' })
  @IsId()
  grievanceId: string;

  @ApiProperty({ description: 'why the process is paused' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  reason: string;
}

export class GrievanceDecisionResponse {
  @ApiProperty({ enum: GRIEVANCE_OUTCOMES }) outcome: GrievanceOutcome;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) reasons: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'uuid' }) decidedByUserId: string;
}

export class GrievanceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the subject who lodged it (staff id)' }) subjectStaffId: string;
  @ApiProperty({ format: 'date-time' }) lodgedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'null when withheld (a reporter or witness of the case)' }) summary: string | null;
  @ApiProperty() relatedToProcess: boolean;
  @ApiProperty({ type: GrievanceDecisionResponse, nullable: true, description: 'null until decided' }) decision: GrievanceDecisionResponse | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'true: a reporter or witness of the case does not read what it says nor the reasons' }) withheld: boolean;
}

/** The case view's `paused`: the disciplinary process waits for a grievance (process.md §4). */
export class ProcessPauseResponse {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ nullable: true, type: String, description: 'why; null when withheld (a reporter or witness of the case)' }) reason: string | null;
  @ApiProperty({ format: 'uuid' }) grievanceId: string;
  @ApiProperty({ format: 'uuid' }) pausedByUserId: string;
}
