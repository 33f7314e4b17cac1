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
          : error.value === undefined && constraint !== 'exactlyOneOf'
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
    if (metadata.type === 'body' && metadata.metatype && metadata.metatype !== Object && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw DomainError.invalidField('body', 'must be a JSON object');
    }
    return super.transform(value, metadata);
  }
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
