import { appendFileSync } from 'node:fs';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * The OpenAPI document as the contract (issue 10 item 1): every response a test receives
 * through the test client (test-app.ts `http()` and `as(email)`) is checked against the
 * document the app serves — the status must be declared for the operation, the media type
 * must be one the response declares, a JSON body must validate (ajv, JSON Schema 2020-12 as
 * OpenAPI 3.1 uses it, formats checked), required headers (`Location`) must be there. Object
 * schemas are read as closed (`unevaluatedProperties: false`): an answer carrying a field the
 * document does not declare fails too, since a generated client could not see it.
 *
 * A request to a path the document does not describe must be answered with a problem+json
 * 4xx (an unknown route is a 404); Swagger's own pages (/docs, /docs-json) are not checked.
 */

type Json = Record<string, unknown>;
interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  operationId?: string;
  responses?: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; responses?: Record<string, ResponseObject> };
}

/** What the contract needs of a response. */
export interface Exchange {
  method: string;
  /** the path and query the client asked for */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** the parsed body (JSON), when there is one */
  body: unknown;
  text: string | undefined;
}

const SWAGGER_PATHS = /^\/docs(?:-json|\/.*)?$/;
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  operation: Operation;
}

/** JSON pointer of `segments`, as a URI fragment. */
const pointer = (segments: string[]) => segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Object schemas of the components, read as closed: no property the document does not declare. */
function closeObjects(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc);
  for (const schema of Object.values(copy.components?.schemas ?? {})) {
    if (schema.properties && schema.additionalProperties === undefined && schema.unevaluatedProperties === undefined) schema.unevaluatedProperties = false;
  }
  return copy;
}

export class Contract {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDocument) {
    if (!/^3\.1\./.test(doc.openapi)) throw new Error(`contract: an OpenAPI 3.1 document is expected (JSON Schema 2020-12), got ${doc.openapi}`);
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema(closeObjects(doc) as unknown as Json, 'openapi');
    this.routes = Object.entries(doc.paths)
      .flatMap(([template, item]) =>
        Object.entries(item)
          .filter(([method]) => HTTP_METHODS.includes(method))
          .map(([method, operation]) => ({
            method: method.toUpperCase(),
            template,
            operation,
            pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`),
          })),
      )
      // literal paths before templated ones (/cases/{id}/summary.pdf is not /cases/{id}/summary)
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  }

  /** The problems of a response, each a sentence (empty when it keeps the contract). */
  problems(exchange: Exchange): string[] {
    const path = exchange.url.split('?')[0];
    if (exchange.method === 'GET' && SWAGGER_PATHS.test(path)) return [];
    const route = this.routes.find((r) => r.method === exchange.method && r.pattern.test(path));
    const mediaType = String(exchange.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!route) {
      // no such operation: the router's answer must be a problem
      if (exchange.status < 400 || exchange.status >= 500)
        return [`no operation ${exchange.method} ${path} in the document, yet it answered ${exchange.status}`];
      return this.validate(
        ['components', 'schemas', 'Problem'],
        exchange.text !== undefined ? parse(exchange.text) : exchange.body,
        mediaType === 'application/problem+json'
          ? []
          : [`a ${exchange.status} for an unknown route must be application/problem+json, not ${mediaType || 'no content type'}`],
      );
    }
    const responses = route.operation.responses ?? {};
    const key = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => responses[k]);
    if (!key) return [`status ${exchange.status} is not declared for ${route.operation.operationId} (declared: ${Object.keys(responses).join(', ')})`];
    let response = responses[key];
    let base = ['paths', route.template, route.method.toLowerCase(), 'responses', key];
    if (response.$ref) {
      const name = response.$ref.replace('#/components/responses/', '');
      response = this.doc.components?.responses?.[name] ?? {};
      base = ['components', 'responses', name];
    }
    const problems: string[] = [];
    for (const [header, declared] of Object.entries(response.headers ?? {})) {
      if (declared.required && exchange.headers[header.toLowerCase()] === undefined) problems.push(`the required header ${header} is missing`);
    }
    const content = response.content;
    const empty = exchange.text === undefined || exchange.text === '';
    if (!content || Object.keys(content).length === 0) {
      if (!empty) problems.push(`a body (${mediaType}) where the document declares none`);
      return problems;
    }
    const declared = Object.keys(content).find(
      (type) => type === mediaType || type === '*/*' || (type.endsWith('/*') && mediaType.startsWith(type.slice(0, -1))),
    );
    if (!declared) return [...problems, `media type ${mediaType || '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`];
    if (!isJson(mediaType) || !content[declared].schema) return problems;
    const body = exchange.text !== undefined ? parse(exchange.text) : exchange.body;
    return this.validate([...base, 'content', declared, 'schema'], body, problems);
  }

  private validate(segments: string[], body: unknown, problems: string[]): string[] {
    const ref = `openapi#/${pointer(segments)}`;
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    if (validate(body)) return problems;
    return [...problems, `the body does not match #/${segments.join('/')}:\n${describe(validate.errors ?? [], body)}`];
  }
}

function parse(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The first few ajv errors, with the offending value. */
function describe(errors: ErrorObject[], body: unknown): string {
  const valueAt = (path: string) =>
    path
      .split('/')
      .slice(1)
      .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), body);
  // anyOf/oneOf say "must match a schema" after their branches' own errors: the branches say more
  const useful = errors.filter((e) => !['anyOf', 'oneOf', 'allOf', 'if'].includes(e.keyword));
  return (useful.length ? useful : errors)
    .slice(0, 8)
    .map((e) => {
      const extra =
        e.keyword === 'unevaluatedProperties'
          ? ` "${String(e.params.unevaluatedProperty)}"`
          : e.keyword === 'enum'
            ? ` ${JSON.stringify(e.params.allowedValues)}`
            : '';
      const value = JSON.stringify(valueAt(e.instancePath));
      return `  ${e.instancePath || '(the body)'} ${e.message}${extra} (got ${value === undefined ? 'nothing' : value.length > 120 ? `${value.slice(0, 120)}…` : value})`;
    })
    .join('\n');
}

/** The contract's check as a supertest assertion: a failing response fails the request (and so the test that made it). */
export function contractAssertion(contract: Contract): (res: Response) => void {
  return (res: Response) => {
    const req = (res as unknown as { req: { method: string; path: string } }).req;
    const problems = contract.problems({
      method: req.method,
      url: req.path,
      status: res.status,
      headers: res.headers as Exchange['headers'],
      body: res.body,
      // a body read as binary (`.buffer().parse(…)`, as for PDFs): its text
      text: res.text ?? (Buffer.isBuffer(res.body) ? res.body.toString('utf8') : undefined),
    });
    if (problems.length === 0) return;
    if (process.env.CONTRACT_LOG)
      appendFileSync(process.env.CONTRACT_LOG, `${JSON.stringify({ method: req.method, path: req.path, status: res.status, problems })}\n`);
    const text = res.text ?? (Buffer.isBuffer(res.body) ? `(${res.body.length} bytes)` : '');
    throw new Error(
      `OpenAPI contract: ${req.method} ${req.path} → ${res.status} ${String(res.headers['content-type'] ?? '')}\n- ${problems.join('\n- ')}\n  body: ${text.length > 600 ? `${text.slice(0, 600)}…` : text}`,
    );
  };
}
