import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';

/** A UUID, normalised to lower case so ids compare equal however a client spells them. */
export function IsId(options: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => lower(value)),
    IsUUID('all', { each: options.each }),
  );
}

function lower(value: unknown): unknown {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map(lower);
  return value;
}
