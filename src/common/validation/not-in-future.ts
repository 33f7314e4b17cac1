import { registerDecorator, ValidationOptions } from 'class-validator';

/** Clock skew tolerated between a client and the server. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A timestamp of something that has already happened. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} cannot be in the future`, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || Number.isNaN(Date.parse(value)) || Date.parse(value) <= Date.now() + CLOCK_SKEW_MS,
      },
    });
}
