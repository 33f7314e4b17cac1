import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsId } from '../../common/validation/is-id';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { MONITORING_REASONS, MONITORING_SCOPES, MonitoringReason, MonitoringScope } from '../monitoring.rules';
import { NotBlank } from '../../common/validation/not-blank';

export class MonitoringRequestBody {
  @ApiProperty({ enum: MONITORING_SCOPES, description: 'school_systems (§9) or personal_social_media (§11)' })
  @IsIn(MONITORING_SCOPES)
  scope: MonitoringScope;

  @ApiProperty({ enum: MONITORING_REASONS, description: '§9 valid reasons only' })
  @IsIn(MONITORING_REASONS)
  reason: MonitoringReason;

  @ApiProperty({ description: 'why monitoring is needed' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  justification: string;

  @ApiProperty({ description: 'why less intrusive means will not do (§5 fair and proportionate)' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  proportionality: string;

  @ApiProperty({ format: 'date-time', description: 'start of the period to be reviewed' })
  @IsTimestamp()
  periodFrom: string;

  @ApiProperty({ format: 'date-time', description: 'end of the period to be reviewed (after periodFrom)' })
  @IsTimestamp()
  periodTo: string;

  @ApiProperty({ type: [String], description: 'systems or accounts covered' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  systems: string[];

  @ApiProperty({ format: 'date-time', description: 'when the authorisation lapses (in the future)' })
  @IsTimestamp()
  expiresAt: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'required for personal_social_media: allegations of this case (§11)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsId({ each: true })
  allegationIds?: string[];
}

export class ApproveBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class RejectBody {
  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  reason: string;
}

export class DisclosureBody {
  @ApiProperty({ example: 'Local authority HR adviser' })
  @IsString()
  @NotBlank()
  @MaxLength(300)
  recipient: string;

  @ApiProperty({ example: 'advice on further action (§9)' })
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  purpose: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  disclosedAt: string;
}

export class DisclosureResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() recipient: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ format: 'date-time' }) disclosedAt: string;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class MonitoringAuthorisationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: MONITORING_SCOPES }) scope: string;
  @ApiProperty({ enum: MONITORING_REASONS }) reason: string;
  @ApiProperty() justification: string;
  @ApiProperty() proportionality: string;
  @ApiProperty({ format: 'date-time' }) periodFrom: string;
  @ApiProperty({ format: 'date-time' }) periodTo: string;
  @ApiProperty({ type: [String] }) systems: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'past expiresAt: can no longer be used' }) expired: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) allegationIds: string[];
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: string;
  @ApiProperty({ format: 'uuid' }) requestedByUserId: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedByUserId: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['headteacher', 'governor'] }) decidedByRole: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'approval note or rejection reason' }) decisionNote: string | null;
  @ApiProperty({ type: [DisclosureResponse] }) disclosures: DisclosureResponse[];
}

/** POST /monitoring-requests/:id/disclosures: the authorisation, naming the disclosure recorded (`Location` is its path). */
export class DisclosureCreatedResponse extends MonitoringAuthorisationResponse {
  @ApiProperty({ format: 'uuid', description: 'the id of the disclosure this request recorded' }) createdId: string;
}
