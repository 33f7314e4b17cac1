import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from '../errors/domain-error';

/** Flattens nested class-validator errors into `{field: "reporter.staffId", message}`. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      message:
        constraint === 'whitelistValidation'
          ? `${field} is not an accepted field`
          : error.value === undefined && constraint !== 'exactlyOneOf' && constraint !== 'atLeastOneOf'
            ? `${field} is required`
            : message.replace(error.property, field),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates and converts every body and query against its DTO class. Unknown fields are
 * refused, not ignored (api.md); a body must be a JSON object.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      metadata.metatype !== Object &&
      (value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw DomainError.invalidField('body', 'must be a JSON object');
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      if (depth(value, 0) > MAX_DEPTH) throw DomainError.invalidField(metadata.type, `is nested more than ${MAX_DEPTH} levels deep`);
      const field = unstorableText(value, '');
      if (field !== null) throw DomainError.invalidField(field || metadata.type, 'contains a NUL character or broken Unicode');
    }
    return super.transform(value, metadata);
  }
}

/** No request of this API nests deeper; deeper JSON is refused before anything recurses into it. */
const MAX_DEPTH = 8;

function depth(value: unknown, level: number): number {
  if (value === null || typeof value !== 'object' || level > MAX_DEPTH) return level;
  let deepest = level;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depth(child, level + 1));
  return deepest;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Path of the first string PostgreSQL could not store (NUL, lone surrogate), or null. */
function unstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') || LONE_SURROGATE.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\0') || LONE_SURROGATE.test(key)) return path || 'body';
    // class-transformer drops keys such as `toString` or `constructor` before the whitelist
    // can refuse them: no DTO has such a property, so they are refused here.
    if (key in Object.prototype || key === 'prototype') throw DomainError.invalidField(path ? `${path}.${key}` : key, 'is not an accepted field');
    const found = unstorableText(child, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // values are read to tell 'missing' from 'wrong'; they are never echoed back
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      return DomainError.badRequest('validation_failed', `Invalid request: ${problems.map((p) => p.message).join('; ')}`, problems);
    },
  });
}
