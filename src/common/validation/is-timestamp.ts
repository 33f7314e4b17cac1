import { registerDecorator, ValidationOptions } from 'class-validator';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_8601.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  // Reject impossible calendar dates that Date.parse rolls over (2026-02-31).
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && y >= 1900 && y <= 2999;
}

/** An ISO-8601 date-time with a time zone (`2026-11-23T09:30:00Z`). */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isTimestamp',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} must be an ISO-8601 date-time with a time zone`, ...options },
      validator: { validate: isTimestamp },
    });
}
