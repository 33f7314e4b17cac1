import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, CaseStatus } from '../../cases/lifecycle';
import { IsTimestamp } from '../../common/validation/is-timestamp';

export class CasesCsvQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'cases created at or after' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'cases created before' })
  @IsOptional()
  @IsTimestamp()
  to?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}
