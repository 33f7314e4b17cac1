import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INCLUDE_VALUES, IncludeValue } from '../special-category';

/** `?include=special`: special-category content, only for someone who may read it — the acting decision-maker (§13; audited). */
export class IncludeQuery {
  @ApiPropertyOptional({
    enum: INCLUDE_VALUES,
    description:
      'include special-category content: only for someone who may read it (the acting decision-maker, the headteacher; 403 for anyone else); audited',
  })
  @IsOptional()
  @IsIn(INCLUDE_VALUES)
  include?: IncludeValue;
}
