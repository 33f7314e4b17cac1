import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, ValidationArguments } from 'class-validator';
import { instantRange, isNonEmptyRange } from '../../calendar/period';
import { isLocalDate } from '../../calendar/working-days';
import { isTimestamp } from './is-timestamp';

/**
 * A period filter's end (api.md "Conventions"): a date `YYYY-MM-DD` — a whole day in the
 * school's time zone — or an ISO-8601 date-time with a time zone. Years 1900–2999, as for
 * every date-time the API takes. What the ends mean: src/calendar/period.ts `instantRange`.
 */
export function isPeriodBound(value: unknown): value is string {
  if (isLocalDate(value)) {
    const year = Number(value.slice(0, 4));
    return year >= 1900 && year <= 2999;
  }
  return isTimestamp(value);
}

/** Validates a period end: a date or a date-time with a zone. */
export function IsPeriodBound(): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isPeriodBound',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone` },
      validator: { validate: isPeriodBound },
    });
}

/** On `to`: the period it closes with `from` holds at least one instant (checked once both ends are valid). */
function EndsAfter(fromProperty: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'periodEndsAfterStart',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} must end after ${fromProperty} (a date includes its whole day)` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const from = (args.object as Record<string, unknown>)[fromProperty];
          if (!isPeriodBound(value) || !isPeriodBound(from)) return true;
          return isNonEmptyRange(instantRange({ from, to: value }));
        },
      },
    });
}

const DESCRIPTION = {
  from: 'a date (YYYY-MM-DD: from the start of that day in Europe/London) or a date-time with a time zone (that instant, included)',
  to: 'a date (YYYY-MM-DD: up to the end of that day in Europe/London, included) or a date-time with a time zone (that instant, excluded)',
} as const;

/**
 * The `from` or `to` of a period filter on a query DTO: optional, documented as a date or a
 * date-time, validated; on `to`, the period must not be empty. `what` says what is filtered
 * (e.g. "when the case was reported"). Services read the pair with `instantRange`.
 */
export function PeriodBound(end: 'from' | 'to', what: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      oneOf: [
        { type: 'string', format: 'date' },
        { type: 'string', format: 'date-time' },
      ],
      description: `${what}: ${DESCRIPTION[end]}`,
      example: end === 'from' ? '2026-09-01' : '2026-12-31',
    }),
    IsOptional(),
    IsPeriodBound(),
    ...(end === 'to' ? [EndsAfter('from')] : []),
  );
}
