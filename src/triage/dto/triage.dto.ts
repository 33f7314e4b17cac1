import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { TRIAGE_DECISIONS, TriageDecision } from '../../cases/lifecycle';
import { IsTimestamp } from '../../common/validation/is-timestamp';
import { NotInFuture } from '../../common/validation/not-in-future';
import { NotBlank } from '../../common/validation/not-blank';

export class TriageRequest {
  @ApiProperty({ enum: TRIAGE_DECISIONS })
  @IsIn(TRIAGE_DECISIONS)
  decision: TriageDecision;

  @ApiProperty({ description: 'why: recorded with the decision' })
  @IsString()
  @NotBlank()
  @MaxLength(5000)
  rationale: string;
}

export class SafeguardingReferralRequest {
  @ApiProperty({ example: 'Designated Safeguarding Lead' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  referredTo: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  @NotInFuture()
  referredAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
