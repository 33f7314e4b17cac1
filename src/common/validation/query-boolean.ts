import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/**
 * An optional `?flag=true|false` query parameter, read as a boolean. Only those two words:
 * `1`, `yes`, an empty value or a repeated parameter stay as they came and fail `IsBoolean`
 * (400 naming the parameter).
 */
export function QueryBoolean(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsOptional(),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}
