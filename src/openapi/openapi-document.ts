import { INestApplication, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../access/decorators';
import { Permission, rolesGranting } from '../access/permissions';
import { ROLES } from '../access/roles';
import { OPEN_DURING_PASSWORD_CHANGE } from '../auth/password-change';
import { OPEN_DURING_SECOND_FACTOR } from '../auth/second-factor-gate';
import { problemCodesOf } from '../common/errors/problem-codes';
import { problemStatuses, RouteFacts } from './problem-statuses';
import { constrainFormSchema, constrainObjectSchema, constrainProperty, validatedClasses, validationsOf } from './validation-schema';

type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown>; $ref?: string }>;
}

/** The bearer scheme's name in `components.securitySchemes`. */
export const BEARER = 'bearer';

/** Where @ApiBody (and @ApiParam, @ApiQuery) keep their options: @nestjs/swagger's DECORATORS.API_PARAMETERS, not exported by the package. */
const API_PARAMETERS = 'swagger/apiParameters';

/** A route handler, from Nest's metadata. */
export interface AppRoute {
  /** The handler's name: the operation's `operationId`. */
  handler: string;
  controller: string;
  method: RouteFacts['method'];
  /** OpenAPI style: /cases/{id}/triage */
  path: string;
  isPublic: boolean;
  permission?: Permission;
  openDuringPasswordChange: boolean;
  /** Still answers while the session waits for its second factor (GET /auth/me, logout, the second factor's own). */
  openDuringSecondFactor: boolean;
  bodyType?: Function;
  queryType?: Function;
  /**
   * The class its `@ApiBody({ type })` names, for a body the validation pipe does not see: a
   * multipart form the handler reads itself (evidence), validated against the same class.
   */
  declaredBodyType?: Function;
}

/** The media type of the request bodies the handlers read themselves (app.factory.ts: the only one besides JSON). */
export const MULTIPART = 'multipart/form-data';

const metadataOf = <T>(key: string, handler: Function, controller: Type): T | undefined =>
  Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);

/** Every route handler of every controller of the app. */
export function appRoutes(app: INestApplication): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '')[0];
      const proto = controller.prototype as Record<string, Function>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number; data?: unknown }>;
        const types = (Reflect.getMetadata(PARAMTYPES_METADATA, proto, name) ?? []) as Function[];
        const argType = (kind: RouteParamtypes) => {
          const arg = Object.entries(args).find(([key, value]) => key.split(':')[0] === String(kind) && value.data === undefined);
          const type = arg ? types[arg[1].index] : undefined;
          return type && type !== Object ? type : undefined;
        };
        const declaredBody = ((Reflect.getMetadata(API_PARAMETERS, handler) ?? []) as Array<{ in?: string; type?: unknown }>).find(
          (parameter) => parameter.in === 'body' && typeof parameter.type === 'function',
        );
        for (const sub of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '')) {
          const path = `/${[base, sub].filter((s) => s && s !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
          routes.push({
            handler: name,
            controller: controller.name,
            method: RequestMethod[method] as AppRoute['method'],
            path,
            isPublic: metadataOf<boolean>(IS_PUBLIC, handler, controller) === true,
            permission: metadataOf<Permission>(REQUIRED_PERMISSION, handler, controller),
            openDuringPasswordChange: metadataOf<boolean>(OPEN_DURING_PASSWORD_CHANGE, handler, controller) === true,
            openDuringSecondFactor: metadataOf<boolean>(OPEN_DURING_SECOND_FACTOR, handler, controller) === true,
            bodyType: argType(RouteParamtypes.BODY),
            queryType: argType(RouteParamtypes.QUERY),
            declaredBodyType: declaredBody?.type as Function | undefined,
          });
        }
      }
    }
  }
  return routes;
}

/**
 * The OpenAPI document the API serves at /docs-json and the lint script writes: what
 * @nestjs/swagger reads from the decorators, completed by the rules below so that it is the
 * API's contract (api.md "Conventions", issue 10 item 1). Building it needs no database.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Social media policy casework API')
    .setDescription(
      'Disciplinary casework under the Werrington Primary School social media policy: report, investigation, monitoring, outcome, appeal. ' +
        'Errors are application/problem+json (RFC 9457) with a stable `code` (the `Problem` schemas; docs/api-contract.md). ' +
        'A POST that creates a record answers 201 with a `Location` naming it.',
    )
    .setVersion('1.0')
    .setOpenAPIVersion('3.1.0')
    .setLicense('UNLICENSED', 'https://spdx.org/licenses/')
    .addServer('/', 'this API, where it is served')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'the accessToken of POST /auth/login or /auth/refresh' }, BEARER)
    .build();
  // operationId: the handler's name, a verb and what it acts on (listCases, addAllegation); unique (checked below).
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: (_controller, handler) => handler });
  completeDocument(document, appRoutes(app));
  return document;
}

/** What each error status is called: its response component, its problem schema, and what it says. */
const ERRORS: Record<number, { name: string; description: string; retryAfter?: boolean }> = {
  400: { name: 'BadRequest', description: 'The request breaks a rule: `errors[]` names each field (unknown fields are refused, not ignored).' },
  401: { name: 'Unauthorized', description: 'No valid bearer token (or, on sign-in and refresh, wrong credentials).' },
  403: { name: 'Forbidden', description: 'Known, but the caller’s role (or their part in the case) does not allow this.' },
  404: { name: 'NotFound', description: 'Not found, or not visible to the caller (never told apart).' },
  409: { name: 'Conflict', description: 'The state does not allow this: the case’s status, a conflict of interest, a concurrent change (see `code`).' },
  413: { name: 'ContentTooLarge', description: 'The body or the uploaded file is too large.' },
  414: { name: 'UriTooLong', description: 'A path parameter is too long.' },
  415: { name: 'UnsupportedMediaType', description: 'A body, or an uploaded file, of a type this route does not take.' },
  422: { name: 'UnprocessableContent', description: 'Well formed, but its content cannot be used (a letter wording without a placeholder the system fills).' },
  429: { name: 'TooManyRequests', description: 'Too many failed attempts: wait `Retry-After` seconds.', retryAfter: true },
  503: {
    name: 'ServiceUnavailable',
    description: 'Briefly unavailable (the database, or every PDF renderer busy): retry after `Retry-After` seconds.',
    retryAfter: true,
  },
};

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function problemSchemas(): Record<string, Schema> {
  const schemas: Record<string, Schema> = {
    FieldProblem: {
      type: 'object',
      description: 'One field of the request and what is wrong with it.',
      required: ['field', 'message'],
      properties: {
        field: { type: 'string', description: 'the field, dotted for nested ones (`reporter.staffId`), or `body`/`query`', example: 'summary' },
        message: { type: 'string', example: 'summary is required' },
      },
    },
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details, with a stable machine-readable `code`; `errors[]` on validation problems.',
      required: ['type', 'title', 'status', 'detail', 'code'],
      properties: {
        type: { type: 'string', format: 'uri', description: '`urn:smp:problem:<code>`', example: 'urn:smp:problem:validation_failed' },
        title: { type: 'string', description: 'the status’s reason phrase', example: 'Bad Request' },
        status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
        detail: { type: 'string', description: 'for a person: what is wrong and, where it helps, what to do' },
        instance: { type: 'string', description: 'the path of the request' },
        code: {
          type: 'string',
          description: 'stable, machine-readable: see each status’s enumeration, and docs/api-contract.md',
          example: 'validation_failed',
        },
        errors: { type: 'array', items: schemaRef('FieldProblem') },
      },
    },
  };
  for (const [status, error] of Object.entries(ERRORS)) {
    schemas[`${error.name}Problem`] = {
      description: `A ${status} problem: ${error.description}`,
      allOf: [
        schemaRef('Problem'),
        {
          type: 'object',
          required: ['status', 'code'],
          properties: { status: { type: 'integer', const: Number(status) }, code: { type: 'string', enum: problemCodesOf(Number(status)) } },
        },
      ],
    };
  }
  return schemas;
}

function problemResponse(status: number, description?: string): Record<string, unknown> {
  const error = ERRORS[status];
  if (!error) throw new Error(`OpenAPI: no problem response for status ${status}`);
  return {
    description: description ?? error.description,
    ...(error.retryAfter
      ? { headers: { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } } } }
      : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: schemaRef(`${error.name}Problem`) } },
  };
}

/**
 * The rules that make the generated document the contract:
 * - every operation has a summary and a unique operationId (the handler's name);
 * - `security`: the bearer scheme, or `[]` on the public routes;
 * - every error status the route can answer (problem-statuses.ts), as a problem+json of its
 *   status's Problem schema; the `Problem` schemas and the response components they use;
 * - request bodies and query parameters as strict as their class-validator rules, multipart
 *   forms included (their `@ApiBody` class: its fields' rules, required exactly when not
 *   `@IsOptional`, no other part).
 */
export function completeDocument(document: OpenAPIObject, routes: readonly AppRoute[]): void {
  const byHandler = new Map<string, AppRoute[]>();
  for (const route of routes) byHandler.set(route.handler, [...(byHandler.get(route.handler) ?? []), route]);
  const duplicated = [...byHandler.entries()].filter(([, list]) => list.length > 1);
  if (duplicated.length) {
    throw new Error(
      `OpenAPI: operationIds are the handlers' names and must be unique: ${duplicated.map(([name, list]) => `${name} (${list.map((r) => `${r.controller}: ${r.method} ${r.path}`).join(', ')})`).join('; ')}`,
    );
  }
  const classes = validatedClasses();
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  const missing: string[] = [];
  const referenced = new Set<number>();
  const forms = new Map<string, Function>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = raw as Operation;
      const route = byHandler.get(operation.operationId ?? '')?.[0];
      if (!route) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} (${operation.operationId}) is no route handler of the app`);
      if (!operation.summary) missing.push(`${method.toUpperCase()} ${path}: no summary (@ApiOperation)`);
      operation.security = route.isPublic ? [] : [{ [BEARER]: [] }];
      const declared = Object.keys(operation.responses)
        .map(Number)
        .filter((status) => status >= 400);
      const parameters = operation.parameters ?? [];
      const everyRole = route.permission !== undefined && rolesGranting(route.permission).length === ROLES.length;
      const statuses = problemStatuses({
        method: route.method,
        isPublic: route.isPublic,
        neverForbidden: everyRole && route.openDuringPasswordChange && route.openDuringSecondFactor,
        hasPathParameters: parameters.some((p) => p.in === 'path'),
        hasQueryParameters: parameters.some((p) => p.in === 'query'),
        declared,
      });
      for (const status of statuses) {
        const own = operation.responses[status];
        if (!own) referenced.add(status);
        operation.responses[status] = own ? problemResponse(status, own.description) : { $ref: `#/components/responses/${ERRORS[status].name}` };
      }
      // Query parameters as strict as the query DTO's validation.
      if (route.queryType) {
        const validations = validationsOf(route.queryType);
        for (const parameter of parameters.filter((p) => p.in === 'query')) {
          const rules = validations.get(parameter.name);
          if (rules && parameter.schema) constrainProperty(parameter.schema, rules);
        }
      }
      if (route.bodyType && !classes.has(route.bodyType.name)) classes.set(route.bodyType.name, route.bodyType);
      const form = operation.requestBody?.content?.[MULTIPART];
      if (form) {
        const name = String(form.schema?.$ref ?? '')
          .split('/')
          .pop();
        if (!route.declaredBodyType || route.declaredBodyType.name !== name) {
          missing.push(`${method.toUpperCase()} ${path}: a ${MULTIPART} body needs @ApiBody({ type }) naming the class its fields are validated against`);
        } else forms.set(name, route.declaredBodyType);
      }
    }
  }
  if (missing.length) throw new Error(`OpenAPI: ${missing.join('; ')}`);
  // Request bodies (and the objects nested in them): every class the validation pipe checks.
  for (const [name, target] of classes) {
    const schema = schemas[name] as Schema | undefined;
    if (schema && 'properties' in schema) constrainObjectSchema(schema, target);
  }
  for (const [name, form] of forms) constrainFormSchema(schemas[name] as Schema, form);
  Object.assign(schemas, problemSchemas());
  document.components.responses = {
    ...document.components.responses,
    ...Object.fromEntries([...referenced].map((status) => [ERRORS[status].name, problemResponse(status)])),
  } as NonNullable<OpenAPIObject['components']>['responses'];
}
