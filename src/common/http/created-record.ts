import { applyDecorators, CallHandler, ExecutionContext, HttpCode, Injectable, NestInterceptor, SetMetadata, Type, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';

const CREATED_RECORD = 'http:created-record';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CreatedRecordOptions {
  /** The answer's schema: the record itself, or the parent that names it with `createdId`. */
  type: Type;
  /**
   * Where `{placeholders}` of the location that are not the route's own path parameters come
   * from: a field of the answer (`{ allegationId: 'createdId' }`, `{ caseId: 'id' }`).
   */
  from?: Record<string, string>;
  description?: string;
}

interface CreatedRecord {
  location: string;
  from: Record<string, string>;
}

/**
 * api.md "Conventions": a POST that creates a record answers 201 with a `Location` naming it
 * (and that path answers GET with it). `location` is the record's path in OpenAPI style,
 * `/cases/{id}/allegations/{allegationId}`: each placeholder is the route's path parameter of
 * that name, or the answer's field named in `from`. The header is declared in the document.
 */
export function CreatesRecord(location: string, options: CreatedRecordOptions): MethodDecorator {
  return applyDecorators(
    HttpCode(201),
    SetMetadata(CREATED_RECORD, { location, from: options.from ?? {} } satisfies CreatedRecord),
    UseInterceptors(LocationInterceptor),
    ApiCreatedResponse({
      type: options.type,
      description: options.description ?? `created: the new record is at ${location}`,
      headers: {
        Location: { description: `the new record: ${location}`, required: true, schema: { type: 'string', format: 'uri-reference' } },
      },
    }),
  );
}

/** The location of a created record, from the route's parameters and the answer (see `CreatesRecord`). */
export function resolveLocation(template: string, params: Record<string, string>, answer: unknown, from: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const field = from[name];
    const value = field !== undefined ? (answer as Record<string, unknown> | null)?.[field] : params[name];
    // A programming error: the route's answer does not name what it created.
    if (typeof value !== 'string' || value === '') throw new Error(`Location ${template}: no value for {${name}}${field ? ` (the answer's ${field})` : ''}`);
    // an id from the path, as the client spelled it: in the form the API answers ids
    return encodeURIComponent(UUID.test(value) ? value.toLowerCase() : value);
  });
}

@Injectable()
export class LocationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const record = this.reflector.get<CreatedRecord | undefined>(CREATED_RECORD, context.getHandler());
    if (!record) return next.handle();
    const http = context.switchToHttp();
    const params = (http.getRequest<FastifyRequest>().params ?? {}) as Record<string, string>;
    return next.handle().pipe(
      map((answer: unknown) => {
        http.getResponse<FastifyReply>().header('Location', resolveLocation(record.location, params, answer, record.from));
        return answer;
      }),
    );
  }
}
