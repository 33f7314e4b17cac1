import { randomBytes } from 'node:crypto';
import { HealthCheckService } from '@nestjs/terminus';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DomainError } from '../../src/common/errors/domain-error';
import { PROBLEM_CODES, problemCodesOf } from '../../src/common/errors/problem-codes';
import { EvidenceUploadFields } from '../../src/evidence/dto/evidence.dto';
import { EVIDENCE_KINDS } from '../../src/evidence/evidence.rules';
import { FILE_FIELD } from '../../src/evidence/multipart-upload';
import { LETTER_MEDIA_TYPES } from '../../src/letters/letter.rules';
import { offlineOpenApiDocument } from '../../src/openapi/offline-document';
import { appRoutes, MULTIPART } from '../../src/openapi/openapi-document';
import { validationsOf } from '../../src/openapi/validation-schema';
import { UsersService } from '../../src/people/users.service';
import type { OpenApiDocument } from '../support/contract';
import { buildCase, EvidenceSpec } from '../support/case-builder';
import { binaryParser } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';
import { deflated, GIF_HEAD, JPEG_HEAD, ole2With, openDocument, PDF_HEAD, PNG_HEAD, text, WEBP_HEAD, zipEntry } from '../support/file-samples';

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

    it('evidence content is declared as served: each media type an item can be stored as, not any type nor application/octet-stream', () => {
      const content = (doc.paths['/cases/{id}/evidence/{evidenceId}/content'].get as Operation).responses['200'].content!;
      expect(Object.keys(content)).toEqual(expect.arrayContaining(['image/png', 'application/pdf', 'text/plain', 'message/rfc822']));
      expect(Object.keys(content)).not.toContain('*/*');
      expect(Object.keys(content)).not.toContain('application/octet-stream');
    });
  });

  /**
   * Issue 10: content types declared as served, and multipart forms as strict as the server.
   * Served ⊆ declared is what the check on every response does; declared ⊆ served is shown
   * here by asking each file-serving route for every type it declares.
   */
  describe('media types and multipart forms', () => {
    type Content = Record<string, { schema?: { $ref?: string } & Record<string, unknown> }>;
    type FullOperation = Operation & { requestBody?: { content?: Content } };
    const successes = (op: Operation) => Object.entries(op.responses).filter(([status]) => Number(status) < 400);
    const mediaTypes = (op: Operation) => [...new Set(successes(op).flatMap(([, response]) => Object.keys(response.content ?? {})))].sort();

    /** The routes that write their own answer (a file); every other operation answers JSON as Nest serialises it. */
    const FILE_ROUTES = ['getEvidenceContent', 'getLetter', 'getCaseSummaryPdf', 'exportCasesCsv'];

    it('every operation but the file routes declares application/json (or no body) for its successes', () => {
      for (const { key, op } of operations()) {
        if (FILE_ROUTES.includes(op.operationId!)) continue;
        const types = mediaTypes(op);
        expect({ key, types }).toEqual({ key, types: types.length ? ['application/json'] : [] });
      }
      // and the file routes are what the document says they are
      const byId = Object.fromEntries(operations().map(({ op }) => [op.operationId, op]));
      for (const id of FILE_ROUTES) expect({ id, json: mediaTypes(byId[id]).includes('application/json') }).toEqual({ id, json: false });
    });

    /** One file of each media type evidence is declared to be served as, which the upload accepts as that type. */
    const SAMPLES: Record<string, () => Buffer> = {
      'image/png': () => PNG_HEAD,
      'image/jpeg': () => JPEG_HEAD,
      'image/gif': () => GIF_HEAD,
      'image/webp': () => WEBP_HEAD,
      'application/pdf': () => PDF_HEAD,
      'text/plain': () => text('Transcript of the post.\n'),
      'text/csv': () => text('name,date\nA Parent,2026-11-20\n'),
      'message/rfc822': () => text('From: A Parent <parent@example.com>\r\nTo: deputy@demo.school\r\nSubject: The post\r\n\r\nSee attached.\r\n'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': () => zipEntry('word/document.xml', deflated),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': () => zipEntry('xl/workbook.xml', deflated),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation': () => zipEntry('ppt/presentation.xml', deflated),
      'application/msword': () => ole2With('WordDocument'),
      'application/vnd.ms-excel': () => ole2With('Workbook'),
      'application/vnd.ms-powerpoint': () => ole2With('PowerPoint Document'),
    };
    const sampleOf = (mediaType: string): Buffer => {
      // unique content per item (stored once per SHA-256); text stays text
      const unique = text(`\n${randomBytes(8).toString('hex')}\n`);
      if (SAMPLES[mediaType]) return Buffer.concat([SAMPLES[mediaType](), unique]);
      if (mediaType.startsWith('application/vnd.oasis.opendocument.')) return Buffer.concat([openDocument(mediaType), unique]);
      throw new Error(`no sample file for ${mediaType}: the test cannot show the route serves it`);
    };
    const fetchFile = async (who: string, path: string) => {
      const res = await (await t.as(who)).get(path).buffer(true).parse(binaryParser);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      return String(res.headers['content-type']).split(';')[0].trim();
    };

    it('each media type a route declares, it really serves: evidence in each of its types, letters as PDF and DOCX, the summary PDF, the CSV, the subject-access export', async () => {
      const declared = (id: string) => mediaTypes(operations().find(({ op }) => op.operationId === id)!.op);
      const evidenceTypes = declared('getEvidenceContent');
      const evidence: EvidenceSpec[] = evidenceTypes.map((mediaType) => ({
        content: sampleOf(mediaType),
        contentType: mediaType,
        filename: `item.${mediaType.split(/[/.+-]/).pop()}`,
        kind: 'document',
      }));
      const built = await buildCase(t, { to: 'decided', evidence, label: 'served media types' });
      const served: Record<string, string[]> = {};
      const serve = (id: string, mediaType: string) => (served[id] = [...new Set([...(served[id] ?? []), mediaType])].sort());
      for (const evidenceId of built.evidenceIds)
        serve('getEvidenceContent', await fetchFile(built.decider, `/cases/${built.caseId}/evidence/${evidenceId}/content`));
      for (const format of Object.keys(LETTER_MEDIA_TYPES))
        serve('getLetter', await fetchFile(built.decider, `/cases/${built.caseId}/letters/outcome?format=${format}`));
      serve('getCaseSummaryPdf', await fetchFile(DEMO.head, `/cases/${built.caseId}/summary.pdf`));
      serve('exportCasesCsv', await fetchFile(DEMO.head, '/exports/cases.csv'));
      serve('exportSubjectAccess', await fetchFile(DEMO.hr, `/staff/${t.ids.staff['Sam Teacher']}/subject-access-export`));
      expect(served).toEqual({
        getEvidenceContent: evidenceTypes,
        getLetter: declared('getLetter'),
        getCaseSummaryPdf: declared('getCaseSummaryPdf'),
        exportCasesCsv: declared('exportCasesCsv'),
        exportSubjectAccess: declared('exportSubjectAccess'),
      });
      // and what the routes' own code says they serve
      expect(declared('getLetter')).toEqual(Object.values(LETTER_MEDIA_TYPES).sort());
      expect(declared('getCaseSummaryPdf')).toEqual(['application/pdf']);
      expect(declared('exportCasesCsv')).toEqual(['text/csv']);
      expect(declared('exportSubjectAccess')).toEqual(['application/json']);
    });

    const multipartOperations = () =>
      operations()
        .map(({ key, op }) => ({ key, op: op as FullOperation }))
        .filter(({ op }) => op.requestBody?.content?.[MULTIPART]);
    const formSchema = (op: FullOperation) => doc.components.schemas[op.requestBody!.content![MULTIPART].schema!.$ref!.split('/').pop()!];

    it('each multipart form is closed and lists as required exactly the parts its DTO requires; file parts are binary', () => {
      expect(multipartOperations().map(({ op }) => op.operationId)).toEqual(['addEvidence']);
      const routes = appRoutes(t.app);
      for (const { key, op } of multipartOperations()) {
        expect({ key, media: Object.keys(op.requestBody!.content!) }).toEqual({ key, media: [MULTIPART] });
        const schema = formSchema(op) as { properties: Record<string, Record<string, unknown>>; required: string[]; additionalProperties?: unknown };
        const form = routes.find((route) => route.handler === op.operationId)!.declaredBodyType!;
        expect({ key, form: form?.name }).toEqual({ key, form: expect.any(String) });
        const rules = validationsOf(form);
        const files = Object.keys(schema.properties).filter((name) => !rules.has(name));
        for (const name of files)
          expect({ key, name, file: schema.properties[name] }).toEqual({ key, name, file: expect.objectContaining({ type: 'string', format: 'binary' }) });
        const requiredByDto = [...rules.entries()].filter(([, list]) => !list.some((rule) => rule.type === 'conditionalValidation')).map(([name]) => name);
        expect({ key, closed: schema.additionalProperties, properties: Object.keys(schema.properties).sort() }).toEqual({
          key,
          closed: false,
          properties: [...rules.keys(), ...files].sort(),
        });
        expect({ key, required: [...schema.required].sort() }).toEqual({
          key,
          required: [...requiredByDto, ...files.filter((f) => schema.required.includes(f))].sort(),
        });
      }
      // the evidence upload: the fields its DTO validates and the file part validateFields requires
      const evidence = formSchema(multipartOperations()[0].op) as { properties: Record<string, Record<string, unknown>>; required: string[] };
      const fields = [...validationsOf(EvidenceUploadFields).entries()];
      expect([...evidence.required].sort()).toEqual(
        [...fields.filter(([, list]) => !list.some((rule) => rule.type === 'conditionalValidation')).map(([name]) => name), FILE_FIELD].sort(),
      );
      expect(evidence.required).toEqual(expect.arrayContaining(['kind', 'description', 'source', 'capturedAt', 'file']));
      expect(evidence.properties.kind.enum).toEqual([...EVIDENCE_KINDS]);
      expect(evidence.properties.description).toEqual(expect.objectContaining({ minLength: 1, maxLength: 5000 }));
      expect(evidence.properties.source).toEqual(expect.objectContaining({ minLength: 1, maxLength: 1000 }));
      expect(evidence.properties.capturedAt).toEqual(expect.objectContaining({ format: 'date-time' }));
      expect(evidence.properties.monitoringAuthorisationId).toEqual(expect.objectContaining({ format: 'uuid' }));
      expect(evidence.properties.redactsEvidenceId).toEqual(expect.objectContaining({ format: 'uuid' }));
    });

    it('the evidence form refuses what the server refuses, and takes what it takes', async () => {
      const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, validateFormats: true });
      addFormats(ajv);
      ajv.addFormat('binary', true);
      ajv.addSchema(doc as unknown as Record<string, unknown>, 'openapi');
      const validForm = ajv.compile({ $ref: 'openapi#/components/schemas/EvidenceUploadForm' });
      const built = await buildCase(t, { to: 'assigned', label: 'evidence form' });
      const upload = async (fields: Record<string, string>, file = true) => {
        let req = t
          .http()
          .post(`/cases/${built.caseId}/evidence`)
          .set('authorization', `Bearer ${await t.token(built.investigator!)}`);
        for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
        if (file) req = req.attach(FILE_FIELD, sampleOf('image/png'), { filename: 'post.png', contentType: 'image/png' });
        return req;
      };
      const good = { kind: 'screenshot', description: 'The post', source: 'A parent', capturedAt: new Date(Date.now() - 86_400_000).toISOString() };
      const cases: Array<[string, Record<string, string>, boolean, string | undefined]> = [
        ['an unknown part', { ...good, colour: 'red' }, true, 'colour'],
        ['no source', { kind: good.kind, description: good.description, capturedAt: good.capturedAt }, true, 'source'],
        ['a kind not in the list', { ...good, kind: 'rumour' }, true, 'kind'],
        ['a description over 5000 characters', { ...good, description: 'x'.repeat(5001) }, true, 'description'],
        ['a blank description', { ...good, description: '' }, true, 'description'],
        ['a monitoring authorisation that is no id', { ...good, monitoringAuthorisationId: 'not-an-id' }, true, 'monitoringAuthorisationId'],
        ['no file', good, false, FILE_FIELD],
      ];
      for (const [what, fields, file, field] of cases) {
        expect({ what, schemaTakesIt: validForm({ ...fields, ...(file ? { [FILE_FIELD]: '…' } : {}) }) }).toEqual({ what, schemaTakesIt: false });
        expectProblem(await upload(fields, file), 400, field);
      }
      expect(validForm({ ...good, sensitivity: 'personal', [FILE_FIELD]: '…' })).toBe(true);
      expect((await upload({ ...good, sensitivity: 'personal' })).status).toBe(201);
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
