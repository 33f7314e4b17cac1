import { registerDecorator, ValidationOptions } from 'class-validator';

/** Required text with something in it: not empty, not only whitespace. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'notBlank',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} must not be blank`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
}
