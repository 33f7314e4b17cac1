import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Put on one of a group of alternative properties: exactly one of `group` must be present.
 * `@ExactlyOneOf(['staffId', 'name'])` on `name` reports "give exactly one of staffId, name".
 */
export function ExactlyOneOf(group: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: group,
      options: { message: `give exactly one of ${group.join(', ')}`, ...options },
      validator: {
        validate(_value: unknown, args: ValidationArguments) {
          const object = args.object as Record<string, unknown>;
          return group.filter((key) => object[key] !== undefined && object[key] !== null).length === 1;
        },
      },
    });
}

/** The property may only be given when `condition` holds for the object. */
export function OnlyWhen(condition: (object: Record<string, unknown>) => boolean, message: string): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'onlyWhen',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: `${String(propertyKey)} ${message}` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return value === undefined || condition(args.object as Record<string, unknown>);
        },
      },
    });
}

/** Put on one of a group of properties: at least one of `group` must be present. */
export function AtLeastOneOf(group: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'atLeastOneOf',
      target: target.constructor,
      propertyName: propertyKey as string,
      constraints: group,
      options: { message: `give at least one of ${group.join(', ')}`, ...options },
      validator: {
        validate(_value: unknown, args: ValidationArguments) {
          const object = args.object as Record<string, unknown>;
          return group.some((key) => object[key] !== undefined && object[key] !== null);
        },
      },
    });
}
