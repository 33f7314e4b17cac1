import { HealthCheckService } from '@nestjs/terminus';
import { DomainError } from '../../src/common/errors/domain-error';
import { PROBLEM_CODES, problemCodesOf } from '../../src/common/errors/problem-codes';
import { offlineOpenApiDocument } from '../../src/openapi/offline-document';
import { UsersService } from '../../src/people/users.service';
import type { OpenApiDocument } from '../support/contract';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 10 item 1, "the document as the contract": the rules the document keeps, and proof
 * that the check every other e2e test runs through (test/support/contract.ts, wired into the
 * test client) fails a test on an undeclared status, a body that does not match, an
 * undeclared field, a missing Location and an undeclared media type.
 */

type Operation = {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { $ref?: string; content?: Record<string, unknown>; headers?: Record<string, { required?: boolean }> }>;
};
const PUBLIC = ['POST /auth/login', 'POST /auth/refresh', 'GET /health', 'GET /auth/sso/{organisationId}/start', 'GET /auth/sso/callback'];

describe('the OpenAPI document as the contract (issue 10 item 1)', () => {
  let t: TestApp;
  let doc: OpenApiDocument & {
    servers?: Array<{ url: string }>;
    components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, unknown> };
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as Operation })),
    );

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('the document', () => {
    it('is OpenAPI 3.1 with a server, and the same document is built without a database (npm run lint:openapi)', async () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
      expect(JSON.parse(JSON.stringify(await offlineOpenApiDocument()))).toEqual(doc);
    });

    it('every operation has a summary, a readable unique operationId, and security ([] exactly on the public routes)', () => {
      const ids = operations().map(({ op }) => op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { key, op } of operations()) {
        expect({ key, summary: typeof op.summary === 'string' && op.summary.length > 0, operationId: op.operationId }).toEqual({
          key,
          summary: true,
          operationId: expect.stringMatching(
            /^(list|get|add|create|update|record|lodge|decide|approve|reject|request|assign|submit|triage|close|place|lift|run|export|verify|login|logout|refresh|change|end|reset|invite|rearrange|arrange|review|pause|resume|extend|start|confirm|switch|finish)[A-Z]?[A-Za-z]*$/,
          ),
        });
        expect({ key, security: op.security }).toEqual({ key, security: PUBLIC.includes(key) ? [] : [{ bearer: [] }] });
      }
    });

    it('operationIds read as what they do', () => {
      const byKey = Object.fromEntries(operations().map(({ key, op }) => [key, op.operationId]));
      expect(byKey).toEqual(
        expect.objectContaining({
          'GET /cases': 'listCases',
          'GET /cases/{id}': 'getCase',
          'POST /cases/{id}/allegations': 'addAllegation',
          'GET /cases/{id}/allegations/{allegationId}': 'getAllegation',
          'POST /appeals/{id}/decision': 'decideAppeal',
        }),
      );
    });

    it('declares every error as a problem+json of its status: the Problem schema, and each status’s codes', () => {
      expect(doc.components.schemas.Problem).toEqual(
        expect.objectContaining({
          required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
          properties: expect.objectContaining({ errors: expect.anything() }),
        }),
      );
      expect(doc.components.schemas.ConflictProblem).toEqual(
        expect.objectContaining({
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            expect.objectContaining({ properties: expect.objectContaining({ code: { type: 'string', enum: problemCodesOf(409) } }) }),
          ],
        }),
      );
      for (const { key, op } of operations()) {
        const errors = Object.keys(op.responses).filter((status) => Number(status) >= 400);
        expect({ key, has503: errors.includes('503'), has500: errors.includes('500') }).toEqual({ key, has503: true, has500: false });
        for (const status of errors) {
          const response = op.responses[status];
          const content = response.$ref
            ? (doc.components.responses[response.$ref.split('/').pop()!] as { content: Record<string, unknown> }).content
            : response.content;
          expect({ key, status, media: Object.keys(content ?? {}) }).toEqual({ key, status, media: ['application/problem+json'] });
        }
        if (!PUBLIC.includes(key)) expect({ key, has401: errors.includes('401') }).toEqual({ key, has401: true });
        if (key.includes('{')) expect({ key, has404: errors.includes('404') }).toEqual({ key, has404: true });
      }
      // every code is registered with a status the document declares somewhere (500 is never declared)
      for (const [code, { status }] of Object.entries(PROBLEM_CODES))
        if (status !== 500) expect({ code, declared: operations().some(({ op }) => String(status) in op.responses) }).toEqual({ code, declared: true });
    });

    it('request bodies are as strict as their validation: no unknown field, lengths and formats', () => {
      const schemas = doc.components.schemas;
      expect(schemas.AllegationRequest).toEqual(expect.objectContaining({ additionalProperties: false }));
      expect((schemas.AllegationRequest.properties as Record<string, unknown>).summary).toEqual(
        expect.objectContaining({ type: 'string', minLength: 1, maxLength: 5000 }),
      );
      expect((schemas.CreateReportRequest.properties as Record<string, unknown>).subjectStaffIds).toEqual(
        expect.objectContaining({ minItems: 1, maxItems: 20, uniqueItems: true, items: expect.objectContaining({ format: 'uuid' }) }),
      );
      expect((schemas.CreateUserRequest.properties as Record<string, unknown>).email).toEqual(expect.objectContaining({ format: 'email' }));
      // every request body schema is closed
      for (const { key, op } of operations()) {
        const ref = (op as { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }).requestBody?.content?.['application/json']?.schema
          ?.$ref;
        if (ref) expect({ key, closed: schemas[ref.split('/').pop()!].additionalProperties }).toEqual({ key, closed: false });
      }
    });

    it('nullable fields and enums say so (OpenAPI 3.1 types)', () => {
      const listItem = doc.components.schemas.CaseListItem.properties as Record<string, { type?: unknown; enum?: unknown[] }>;
      expect(listItem.category.type).toEqual(['string', 'null']);
      expect(listItem.category.enum).toContain(null);
      const monitoring = doc.components.schemas.MonitoringAuthorisationResponse.properties as Record<string, { enum?: unknown[] }>;
      expect(monitoring.decidedByRole.enum).toEqual(['headteacher', 'governor', null]);
    });

    it('every POST that answers 201 declares the Location header it sends', () => {
      for (const { key, op } of operations().filter(({ op }) => op.responses['201'])) {
        expect({ key, location: op.responses['201'].headers?.Location?.required }).toEqual({ key, location: true });
      }
    });

    it('evidence content is declared as served: its own media type, not application/octet-stream', () => {
      const content = (doc.paths['/cases/{id}/evidence/{evidenceId}/content'].get as Operation).responses['200'].content!;
      expect(Object.keys(content)).toEqual(['*/*']);
    });
  });

  describe('the check on every response of the e2e suite', () => {
    it('passes a response that keeps the contract', async () => {
      const res = await (await t.as(DEMO.head)).get('/auth/me');
      expect(res.status).toBe(200);
      expect(t.contract.problems({ method: 'GET', url: '/auth/me', status: 200, headers: res.headers, body: res.body, text: res.text })).toEqual([]);
    });

    it('fails the request (and so the test) on a status the operation does not declare', async () => {
      const client = await t.as(DEMO.head);
      jest.spyOn(t.app.get(UsersService), 'me').mockRejectedValueOnce(DomainError.conflict('duplicate', 'Made up for the test.'));
      await expect(client.get('/auth/me')).rejects.toThrow(/GET \/auth\/me → 409[\s\S]*status 409 is not declared for getMe/);
      // the same through the public route: GET /health declares 200 and 503 only
      jest.spyOn(t.app.get(HealthCheckService), 'check').mockRejectedValueOnce(DomainError.conflict('duplicate', 'Made up for the test.'));
      await expect(t.http().get('/health')).rejects.toThrow(/status 409 is not declared for getHealth/);
    });

    it('fails on a body that does not match its schema, and on a field the document does not declare', async () => {
      const client = await t.as(DEMO.head);
      const me = (await client.get('/auth/me')).body;
      jest.spyOn(t.app.get(UsersService), 'me').mockResolvedValueOnce({ ...me, id: 'not-a-uuid', roles: ['astronaut'] });
      await expect(client.get('/auth/me')).rejects.toThrow(
        /does not match[\s\S]*\/id must match format "uuid"[\s\S]*\/roles\/0 must be equal to one of the allowed values/,
      );
      jest.spyOn(t.app.get(UsersService), 'me').mockResolvedValueOnce({ ...me, passwordHash: 'scrypt$…' });
      await expect(client.get('/auth/me')).rejects.toThrow(/must NOT have unevaluated properties "passwordHash"/);
      const { email: _email, ...withoutEmail } = me;
      jest.spyOn(t.app.get(UsersService), 'me').mockResolvedValueOnce(withoutEmail);
      await expect(client.get('/auth/me')).rejects.toThrow(/must have required property 'email'/);
    });

    it('fails on a missing Location, an undeclared media type, a body where none is declared, and a success on an undocumented route', () => {
      const caseId = '0b8f1e6e-6d55-4a53-9d1e-2f1f2a0d6b11';
      const json = { 'content-type': 'application/json; charset=utf-8' };
      expect(t.contract.problems({ method: 'POST', url: `/cases/${caseId}/allegations`, status: 201, headers: json, body: {}, text: '{}' })).toEqual(
        expect.arrayContaining(['the required header Location is missing']),
      );
      expect(t.contract.problems({ method: 'GET', url: '/auth/me', status: 200, headers: { 'content-type': 'text/html' }, body: {}, text: '<html>' })).toEqual([
        'media type text/html is not declared (declared: application/json)',
      ]);
      expect(t.contract.problems({ method: 'POST', url: '/auth/logout', status: 204, headers: json, body: {}, text: '{"ok":true}' })).toEqual([
        'a body (application/json) where the document declares none',
      ]);
      expect(t.contract.problems({ method: 'GET', url: '/nowhere', status: 200, headers: json, body: {}, text: '{}' })).toEqual([
        'no operation GET /nowhere in the document, yet it answered 200',
      ]);
      // an unknown route's 404 is a problem, as any error
      expect(
        t.contract.problems({
          method: 'GET',
          url: '/nowhere',
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
          body: {},
          text: '{"type":"urn:smp:problem:not_found","title":"Not Found","status":404,"detail":"No such resource.","code":"not_found"}',
        }),
      ).toEqual([]);
    });

    it('a problem whose code is not one of its status’s fails', () => {
      const problem = { type: 'urn:smp:problem:duplicate', title: 'Conflict', status: 404, detail: 'x', code: 'duplicate' };
      const res = {
        method: 'GET',
        url: '/cases/0b8f1e6e-6d55-4a53-9d1e-2f1f2a0d6b11',
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
        body: problem,
        text: JSON.stringify(problem),
      };
      expect(t.contract.problems(res).join('\n')).toMatch(/\/code must be equal to one of the allowed values/);
    });
  });
});
