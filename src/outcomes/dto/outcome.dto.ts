import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { APPEAL_RESULTS, AppealResult, SANCTIONS, Sanction } from '../outcome.rules';
import { NotBlank } from '../../common/validation/not-blank';

export class OutcomeRequest {
  @ApiProperty({ enum: SANCTIONS, description: '§6, §12' })
  @IsIn(SANCTIONS)
  sanction: Sanction;

  @ApiProperty({ description: 'required true for summary_dismissal (§12)' })
  @IsBoolean()
  grossMisconduct: boolean;

  @ApiProperty({ description: 'why; for gross misconduct and dismissal it cites the substantiated findings' })
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  rationale: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  decidedAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the decision was given in writing' })
  @IsOptional()
  @IsTimestamp()
  @NotInFuture()
  communicatedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'required for warnings' })
  @IsOptional()
  @IsTimestamp()
  warningExpiresAt?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'required for any sanction above no_action: at least APPEAL_DEADLINE_MIN_WORKING_DAYS (5) working days and at most APPEAL_DEADLINE_MAX_MONTHS (3) months after communicatedAt (or decidedAt)',
  })
  @IsOptional()
  @IsTimestamp()
  appealDeadline?: string;

  @ApiPropertyOptional({ description: 'why the investigating manager also decides (small school; audited)' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  separationWaiverReason?: string;
}

export class AppealRequest {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  lodgedAt: string;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  grounds: string;

  @ApiPropertyOptional({
    description: 'required when the appeal is entered after the appeal deadline has passed, whatever lodgedAt says (and only then); audited',
  })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  lateEntryReason?: string;
}

export class AppealDecisionRequest {
  @ApiProperty({
    enum: APPEAL_RESULTS,
    description: 'upheld: the appeal succeeds and the sanction is withdrawn; varied: a lesser sanction; dismissed: the sanction stands',
  })
  @IsIn(APPEAL_RESULTS)
  result: AppealResult;

  @ApiProperty()
  @IsString()
  @NotBlank()
  @MaxLength(20_000)
  rationale: string;

  @ApiPropertyOptional({ enum: SANCTIONS, description: 'required when varied; less severe than the original' })
  @IsOptional()
  @IsIn(SANCTIONS)
  newSanction?: Sanction;

  @ApiPropertyOptional({ format: 'date-time', description: 'required when varied to a warning' })
  @IsOptional()
  @IsTimestamp()
  warningExpiresAt?: string;
}

export class CloseRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}

export class OutcomeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SANCTIONS }) sanction: string;
  @ApiProperty() grossMisconduct: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'null once erased under retention' }) rationale: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) communicatedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) warningExpiresAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) appealDeadline: string | null;
  @ApiProperty({ nullable: true, type: String }) separationWaiverReason: string | null;
  @ApiProperty({ format: 'uuid' }) decidedByUserId: string;
  @ApiProperty({ enum: ['headteacher', 'governor'] }) decidedByRole: string;
}

export class AppealResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) lodgedAt: string;
  @ApiProperty({ nullable: true, type: String }) grounds: string | null;
  @ApiProperty({ format: 'uuid' }) lodgedByUserId: string;
  @ApiProperty({ enum: APPEAL_RESULTS, nullable: true, type: String }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ enum: SANCTIONS, nullable: true, type: String }) newSanction: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) newWarningExpiresAt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedByUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedByRole: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
}
