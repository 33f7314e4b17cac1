import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CASE_STATUSES, CaseStatus } from '../../cases/lifecycle';
import { PeriodBound } from '../../common/validation/period-bound';

export class CasesCsvQuery {
  @PeriodBound('from', 'cases reported on or after')
  from?: string;

  @PeriodBound('to', 'cases reported up to')
  to?: string;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;
}
