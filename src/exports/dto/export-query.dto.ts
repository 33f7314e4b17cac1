import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INCLUDE_VALUES, IncludeValue } from '../special-category';

/** `?include=special`: special-category content, for the headteacher only (§13; audited). */
export class IncludeQuery {
  @ApiPropertyOptional({ enum: INCLUDE_VALUES, description: 'headteacher only (403 for anyone else): include special-category content; audited' })
  @IsOptional()
  @IsIn(INCLUDE_VALUES)
  include?: IncludeValue;
}
