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

const isBinary = (property: Schema) => property.type === 'string' && (property.format === 'binary' || 'contentMediaType' in property);

/**
 * A multipart form's schema (the `@ApiBody` class of a handler that reads its parts itself,
 * as evidence uploads do), as strict as the server: each text field with its rules, required
 * exactly when the class does not mark it `@IsOptional`; the file parts (`format: binary`, no
 * validation of their own) as the class declares them; no other part, since unknown fields
 * are refused. A field that is neither validated nor a file is an error: the document would
 * accept a part the server refuses.
 */
export function constrainFormSchema(schema: Schema, form: Function): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const validations = validationsOf(form);
  const declared = new Set((schema.required ?? []) as string[]);
  const required: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    const rules = validations.get(name);
    if (!rules) {
      if (!isBinary(property)) throw new Error(`OpenAPI: the multipart field ${form.name}.${name} has no validation and is no file part`);
      if (declared.has(name)) required.push(name);
      continue;
    }
    constrainProperty(property, rules);
    if (!rules.some((rule) => rule.type === 'conditionalValidation')) required.push(name);
  }
  const undeclared = [...validations.keys()].filter((name) => !properties[name]);
  if (undeclared.length) throw new Error(`OpenAPI: ${form.name} validates ${undeclared.join(', ')} but does not declare them (@ApiProperty)`);
  schema.required = required;
  schema.additionalProperties = false;
}
