import { ProblemCode, ProblemCodeOf } from './problem-codes';

/** A field-level problem in a request, reported as `errors[]` in problem+json. */
export interface FieldProblem {
  field: string;
  message: string;
}

export type DomainErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'too_many_requests'
  | 'service_unavailable';

export const STATUS_OF: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  service_unavailable: 503,
};

/**
 * An expected refusal, with a stable machine-readable `code` (e.g. `invalid_transition`,
 * `conflict_of_interest`). The one exception filter maps it to problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Registered in problem-codes.ts, with the status of `kind`. */
    readonly code: ProblemCode,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return STATUS_OF[this.kind];
  }

  static badRequest(code: ProblemCodeOf<400>, message: string, errors: FieldProblem[] = []) {
    return new DomainError('bad_request', code, message, errors);
  }
  /** A single invalid field. */
  static invalidField(field: string, message: string) {
    return new DomainError('bad_request', 'validation_failed', `${field}: ${message}`, [{ field, message }]);
  }
  static unauthorized(message = 'Authentication is required.') {
    return new DomainError('unauthorized', 'unauthorized', message);
  }
  static forbidden(message = 'Your role does not allow this.') {
    return new DomainError('forbidden', 'forbidden', message);
  }
  /** Also the answer for things that exist but are not visible to the caller. */
  static notFound(what = 'Resource') {
    return new DomainError('not_found', 'not_found', `${what} not found.`);
  }
  static conflict(code: ProblemCodeOf<409>, message: string) {
    return new DomainError('conflict', code, message);
  }
  static tooManyRequests(message: string, retryAfterSeconds: number) {
    return new DomainError('too_many_requests', 'rate_limited', message, [], { 'Retry-After': String(retryAfterSeconds) });
  }
}
