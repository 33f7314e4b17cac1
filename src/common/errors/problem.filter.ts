import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FieldProblem } from './domain-error';
import { ProblemCode } from './problem-codes';

/** RFC 9457 problem details. `code` and `errors` are extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance?: string;
  errors?: FieldProblem[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const typeUri = (code: ProblemCode) => `urn:smp:problem:${code}`;

/** The code of an HttpException Nest or a library throws (a route that does not exist, mostly), by status. */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ProblemCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'concurrent_change',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** PostgreSQL errors that are the caller's or the moment's, not a bug. */
const PG_TRANSIENT = new Set(['40001', '40P01', '55P03']); // serialization failure, deadlock, lock not available
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004', '53300']);

/**
 * Turns anything thrown into problem+json. Expected refusals carry their code; unknown
 * errors are logged with their stack and answered 500 with no detail.
 */
export function toProblem(error: unknown, logger: Logger, instance?: string): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof DomainError) {
    return {
      problem: {
        type: typeUri(error.code),
        title: TITLES[error.status] ?? 'Error',
        status: error.status,
        detail: error.message,
        code: error.code,
        instance,
        ...(error.errors.length ? { errors: error.errors } : {}),
      },
      headers: error.headers,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_EXCEPTION_CODES[status] ?? (status >= 500 ? 'internal' : 'bad_request');
    const detail = status === 401 ? 'A valid bearer token is required.' : status === 404 ? 'No such resource.' : error.message;
    return { problem: { type: typeUri(code), title: TITLES[status] ?? 'Error', status, detail, code, instance }, headers: {} };
  }
  const e = error as { statusCode?: number; code?: string; message?: string; driverError?: { code?: string } };
  // Fastify's own client errors (malformed JSON, body too large, bad content type).
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500 && typeof e.code === 'string' && e.code.startsWith('FST_')) {
    const code: ProblemCode = e.statusCode === 413 ? 'payload_too_large' : e.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
    return {
      problem: { type: typeUri(code), title: TITLES[e.statusCode] ?? 'Error', status: e.statusCode, detail: clientMessage(e.code, e.message), code, instance },
      headers: {},
    };
  }
  const pgCode = e.driverError?.code ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
  if (pgCode && PG_TRANSIENT.has(pgCode)) {
    return {
      problem: {
        type: typeUri('concurrent_change'),
        title: TITLES[409],
        status: 409,
        detail: 'The case changed at the same time; reload and try again.',
        code: 'concurrent_change',
        instance,
      },
      headers: {},
    };
  }
  if (pgCode === '23505') {
    // A uniqueness rule raced another request and lost: the same answer the check would have given.
    return {
      problem: { type: typeUri('duplicate'), title: TITLES[409], status: 409, detail: 'That already exists.', code: 'duplicate', instance },
      headers: {},
    };
  }
  if ((pgCode && PG_UNAVAILABLE.has(pgCode)) || isConnectionError(error)) {
    logger.warn(`database unavailable: ${e.message}`);
    return {
      problem: {
        type: typeUri('unavailable'),
        title: TITLES[503],
        status: 503,
        detail: 'The service is briefly unavailable; try again.',
        code: 'unavailable',
        instance,
      },
      headers: { 'Retry-After': '1' },
    };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return {
    problem: { type: typeUri('internal'), title: TITLES[500], status: 500, detail: 'An unexpected error occurred.', code: 'internal', instance },
    headers: {},
  };
}

function clientMessage(code: string, message = ''): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/.test(message)) return 'The body is not valid JSON.';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The body is too large.';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Unsupported content type.';
  return 'The request could not be read.';
}

function isConnectionError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: string }).code;
  const name = error instanceof Error ? error.name : '';
  return (
    // TypeORM, when the connection was lost between two statements of a transaction
    name === 'QueryRunnerAlreadyReleasedError' ||
    name === 'QueryRunnerProviderAlreadyReleasedError' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    /Connection terminated|terminating connection|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)
  );
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { problem, headers } = toProblem(exception, this.logger, request?.url?.split('?')[0]);
    sendProblem(reply, problem, headers);
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): void {
  if (reply.sent) return;
  reply
    .status(problem.status ?? HttpStatus.INTERNAL_SERVER_ERROR)
    .headers({ ...headers, 'content-type': 'application/problem+json; charset=utf-8' })
    .send(JSON.stringify(problem));
}
