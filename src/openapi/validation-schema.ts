import { getMetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

type Schema = Record<string, unknown>;

/** The validation metadata of a DTO class (its own and inherited), by property. */
export function validationsOf(target: Function): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
  }
  return byProperty;
}

/** Every class class-validator knows (the DTOs), by name. */
export function validatedClasses(): Map<string, Function> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, unknown> };
  return new Map([...storage.validationMetadatas.keys()].map((target) => [target.name, target]));
}

const isRef = (schema: Schema) => '$ref' in schema || 'allOf' in schema || 'anyOf' in schema || 'oneOf' in schema;

/**
 * Writes what class-validator checks into a property's JSON Schema, so the document says what
 * the API refuses (issue 10: request schemas as strict as the validation). Only the validators
 * with a JSON Schema equivalent; rules across fields (ExactlyOneOf …) and dates against the
 * clock (NotInFuture) stay in the descriptions.
 */
export function constrainProperty(property: Schema, validations: readonly ValidationMetadata[]): void {
  if (isRef(property)) return;
  for (const validation of validations) {
    if (validation.type !== 'customValidation' || !validation.name) continue;
    const array = property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'));
    const target: Schema = validation.each && array ? ((property.items as Schema | undefined) ?? (property.items = {})) : property;
    if (isRef(target)) continue;
    const [first, second] = (validation.constraints ?? []) as unknown[];
    switch (validation.name) {
      case 'maxLength':
        target.maxLength = Math.min(Number(first), (target.maxLength as number | undefined) ?? Infinity);
        break;
      case 'minLength':
        target.minLength = Math.max(Number(first), (target.minLength as number | undefined) ?? 0);
        break;
      case 'isLength':
        target.minLength = Math.max(Number(first), (target.minLength as number | undefined) ?? 0);
        if (second !== undefined) target.maxLength = Math.min(Number(second), (target.maxLength as number | undefined) ?? Infinity);
        break;
      case 'notBlank':
        target.minLength = Math.max(1, (target.minLength as number | undefined) ?? 0);
        target.pattern ??= '\\S';
        break;
      case 'isUuid':
        target.format ??= 'uuid';
        break;
      case 'isEmail':
        target.format ??= 'email';
        break;
      case 'isTimestamp':
        target.format ??= 'date-time';
        break;
      case 'isIn':
        if (Array.isArray(first) && !target.enum) target.enum = [...first];
        break;
      case 'isInt':
        if (target.type === 'number' || target.type === undefined) target.type = 'integer';
        break;
      case 'min':
        target.minimum = Number(first);
        break;
      case 'max':
        target.maximum = Number(first);
        break;
      case 'arrayMinSize':
        property.minItems = Number(first);
        break;
      case 'arrayMaxSize':
        property.maxItems = Number(first);
        break;
      case 'arrayUnique':
        property.uniqueItems = true;
        break;
    }
  }
}

/**
 * A request DTO's component schema, as strict as its validation: the constraints of each
 * property, and no other property (the validation pipe refuses unknown fields, api.md).
 */
export function constrainObjectSchema(schema: Schema, target: Function): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, validations] of validationsOf(target)) {
    if (properties[name]) constrainProperty(properties[name], validations);
  }
  schema.additionalProperties = false;
}
