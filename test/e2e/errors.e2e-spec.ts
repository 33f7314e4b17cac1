import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TEST_PASSWORD } from '../support/constants';
import { Client, DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/** Stack frames, file positions, SQL and driver names: none may ever reach a client. */
const LEAKS = [
  /\n\s*at /,
  /\bat [\w.<>]+ \(/,
  /\.(ts|js):\d+/,
  /node_modules/,
  /\bSELECT\b/i,
  /\bINSERT\b/i,
  /\bUPDATE\b.*\bSET\b/i,
  /QueryFailed/,
  /TypeORM|postgres|pg_/i,
  /Error:/,
];

function expectNoLeak(res: request.Response): void {
  const text = res.text ?? '';
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
  if (res.body && typeof res.body.detail === 'string') {
    // stack frames look like "    at fn (file.ts:12:3)"
    expect(res.body.detail).not.toMatch(/(^|\n)\s*at \S/);
    expect(res.body.detail).not.toMatch(/SELECT/i);
  }
  expect(res.body?.stack).toBeUndefined();
}

const json = (t: TestApp, path: string, raw: string, type = 'application/json') => t.http().post(path).set('content-type', type).send(raw);

describe('errors', () => {
  let t: TestApp;
  let admin: Client;
  let head: Client;
  /** Every error response seen in this file, checked for leaks at the end. */
  const seen: request.Response[] = [];
  const keep = (res: request.Response) => {
    seen.push(res);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(DEMO.admin);
    head = await t.as(DEMO.head);
  });
  afterAll(() => t.close());

  describe('bodies', () => {
    it('malformed JSON is a 400 problem+json', async () => {
      for (const raw of ['{"email":', '{email: "a@b.cd"}', "{'email':'a@b.cd'}", '{"email":"a@b.cd",}', 'nul']) {
        const res = keep(await json(t, '/auth/login', raw));
        expectProblem(res, 400);
      }
      expectProblem(keep(await admin.patch(`/users/${t.ids.users[DEMO.deputy]}`).set('content-type', 'application/json').send('{"name": "Dee"')), 400);
    });

    it('an empty JSON body is a 400 problem+json', async () => {
      expectProblem(keep(await json(t, '/auth/login', '')), 400);
    });

    it('text/plain and other non-JSON bodies are 415 problem+json', async () => {
      expectProblem(keep(await json(t, '/auth/login', `email=${DEMO.head}&password=${TEST_PASSWORD}`, 'text/plain')), 415);
      expectProblem(keep(await json(t, '/auth/login', '<login/>', 'application/xml')), 415);
      expectProblem(keep(await admin.post('/users').set('content-type', 'text/plain').send('hello')), 415);
      // a text/plain login with the right credentials still does not sign anyone in
      const sneaky = keep(await json(t, '/auth/login', JSON.stringify({ email: DEMO.head, password: TEST_PASSWORD }), 'text/plain'));
      expectProblem(sneaky, 415);
      expect(sneaky.body.accessToken).toBeUndefined();
    });

    it('a JSON array, string, number or null body is a 400 naming body', async () => {
      for (const raw of ['[]', JSON.stringify([{ email: DEMO.head, password: TEST_PASSWORD }]), '"x"', '42', 'null']) {
        expectProblem(keep(await json(t, '/auth/login', raw)), 400, 'body');
      }
      expectProblem(keep(await admin.post('/users', [{ email: 'a@demo.school' }])), 400, 'body');
      expectProblem(keep(await admin.post('/staff', [])), 400, 'body');
    });

    it('a missing body is a 400', async () => {
      expectProblem(keep(await t.http().post('/auth/login')), 400);
    });

    it('a body over the limit is a 413 problem+json', async () => {
      const res = keep(
        await t
          .http()
          .post('/auth/login')
          .send({ email: DEMO.head, password: 'x'.repeat(2 * 1024 * 1024) }),
      );
      expectProblem(res, 413);
    });

    it('an unknown field is a 400 naming it, in bodies and in queries', async () => {
      const login = keep(await t.http().post('/auth/login').send({ email: DEMO.head, password: TEST_PASSWORD, rememberMe: true }));
      expectProblem(login, 400, 'rememberMe');
      expect(login.body.accessToken).toBeUndefined();
      expectProblem(keep(await admin.post('/staff', { name: 'Someone', department: 'Maths' })), 400, 'department');
      expectProblem(
        keep(await admin.patch(`/users/${t.ids.users[DEMO.deputy]}`, { name: 'Dee', organisationId: t.ids.org.northfield })),
        400,
        'organisationId',
      );
      expectProblem(keep(await admin.get('/users?orderBy=email')), 400, 'orderBy');
      expectProblem(keep(await head.get('/cases?include=all')), 400, 'include');
    });

    it('__proto__ and constructor keys are refused, not merged', async () => {
      expectProblem(keep(await json(t, '/auth/login', `{"email":"${DEMO.head}","password":"${TEST_PASSWORD}","__proto__":{"roles":["admin"]}}`)), 400);
      expectProblem(keep(await json(t, '/auth/login', `{"email":"${DEMO.head}","password":"x","constructor":{"prototype":{"polluted":1}}}`)), 400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).roles).toBeUndefined();
    });

    it('validation messages never echo the submitted values', async () => {
      const secret = 'hunter2-x';
      const res = keep(await admin.post('/users', { email: 'echo@demo.school', name: 'Echo', password: secret, roles: ['hr'] }));
      expectProblem(res, 400, 'password');
      expect(res.text).not.toContain(secret);
      const role = keep(await admin.post('/users', { email: 'echo@demo.school', name: 'Echo', password: 'a-long-enough-password', roles: ['wizard-role'] }));
      expectProblem(role, 400, 'roles');
      expect(role.text).not.toContain('wizard-role');
      const mail = keep(await admin.post('/users', { email: 'echo-at-demo.school', name: 'Echo', password: 'a-long-enough-password', roles: ['hr'] }));
      expectProblem(mail, 400, 'email');
      expect(mail.text).not.toContain('echo-at-demo.school');
      const wrong = keep(await t.http().post('/auth/login').send({ email: DEMO.head, password: secret }));
      expectProblem(wrong, 401);
      expect(wrong.text).not.toContain(secret);
    });
  });

  describe('routes and parameters', () => {
    it('an unknown route is a 404 problem+json, with or without a token', async () => {
      expectProblem(keep(await t.http().get('/no-such-route')), 404);
      expectProblem(keep(await admin.get('/no-such-route')), 404);
      expectProblem(keep(await admin.post('/users/extra/segments', {})), 404);
    });

    it('an unsupported method on a known path is a 404 or 405 problem+json, never a 5xx', async () => {
      const res = keep(await admin.delete('/users'));
      expect([404, 405]).toContain(res.status);
      expectProblem(res, res.status);
      const put = keep(await t.http().put('/auth/login').send({}));
      expect([404, 405]).toContain(put.status);
      expectProblem(put, put.status);
    });

    it('a malformed UUID in the path is a 400 naming id', async () => {
      expectProblem(keep(await admin.patch('/users/not-a-uuid', { name: 'x' })), 400, 'id');
      expectProblem(keep(await admin.patch(`/users/${randomUUID().slice(0, 35)}`, { name: 'x' })), 400, 'id');
      expectProblem(keep(await admin.patch("/users/1' OR '1'='1", { name: 'x' })), 400, 'id');
      expectProblem(keep(await head.get('/cases/123')), 400, 'id');
      expectProblem(keep(await head.post('/cases/abc/triage', { decision: 'investigate', rationale: 'Needs a look.' })), 400, 'id');
      expectProblem(keep(await head.post('/cases/abc/safeguarding-referral', { referredTo: 'LADO', referredAt: '2026-11-20T10:00:00Z' })), 400, 'id');
    });

    it('a well-formed but unknown id is a 404', async () => {
      expectProblem(keep(await admin.patch(`/users/${randomUUID()}`, { name: 'x' })), 404);
      expectProblem(keep(await head.get(`/cases/${randomUUID()}`)), 404);
    });

    it('bad query values are a 400 naming the parameter', async () => {
      expectProblem(keep(await admin.get('/users?limit=abc')), 400, 'limit');
      expectProblem(keep(await admin.get('/users?limit=1.5')), 400, 'limit');
      expectProblem(keep(await admin.get('/users?limit=2&limit=3')), 400, 'limit');
      expectProblem(keep(await admin.get('/users?cursor=%00%01')), 400, 'cursor');
      expectProblem(keep(await head.get('/cases?status=pending')), 400, 'status');
      expectProblem(keep(await head.get('/audit?from=yesterday')), 400, 'from');
      expectProblem(keep(await head.get('/audit?caseId=abc')), 400, 'caseId');
    });

    describe('a cursor with an impossible timestamp', () => {
      /** Who may read each list (api.md); every GET with a cursor in the OpenAPI document must be here. */
      const LISTS: Record<string, string> = {
        '/cases': DEMO.head,
        '/users': DEMO.admin,
        '/staff': DEMO.admin,
        '/people/investigating-managers': DEMO.head,
        '/people/case-managers': DEMO.deputy,
        '/audit': DEMO.head,
        '/retention/due': DEMO.head,
        '/auth/sessions': DEMO.head,
        '/me/notifications': DEMO.head,
        '/notifications/failed-deliveries': DEMO.admin,
      };
      const cursor = (at: string) => Buffer.from(JSON.stringify([at, randomUUID()])).toString('base64url');
      const IMPOSSIBLE = ['2026-13-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-02-31T09:30:00.000Z', '2026-03-02T24:00:00.000Z'];

      it('the lists checked here are every list the API serves', async () => {
        const doc = (await t.http().get('/docs-json')).body as {
          paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
        };
        const lists = Object.entries(doc.paths)
          .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'))
          .map(([path]) => path);
        expect(lists.sort()).toEqual(Object.keys(LISTS).sort());
      });

      it.each(Object.entries(LISTS))('GET %s answers 400 naming cursor (month 13, year 0000, 31 February, hour 24), never a 500', async (path, who) => {
        const client = await t.as(who);
        for (const at of IMPOSSIBLE) {
          const res = keep(await client.get(`${path}?cursor=${cursor(at)}`));
          expectProblem(res, 400, 'cursor');
        }
      });
    });

    it('401 and 403 are problem+json too', async () => {
      expectProblem(keep(await t.http().get('/users')), 401);
      expectProblem(keep(await t.http().get('/users').set('authorization', 'Bearer nope')), 401);
      expectProblem(keep(await head.get('/users')), 403);
    });
  });

  describe('what never reaches a client', () => {
    it('a NUL character in a text field is a 400 naming the field, not a 500 from PostgreSQL', async () => {
      const users = keep(await admin.post('/users', { email: 'nul@demo.school', name: 'Nul\u0000Byte', password: 'a-long-enough-password', roles: ['hr'] }));
      expectProblem(users, 400, 'name');
      expectProblem(keep(await admin.post('/staff', { name: 'Nul\u0000Byte' })), 400, 'name');
      expectProblem(keep(await admin.patch(`/users/${t.ids.users[DEMO.deputy]}`, { name: 'Dee\u0000' })), 400, 'name');
      const login = keep(await t.http().post('/auth/login').send({ email: 'nul\u0000@demo.school', password: 'x' }));
      expect(login.status).toBeGreaterThanOrEqual(400);
      expect(login.status).toBeLessThan(500);
    });

    it('an unpaired UTF-16 surrogate in a text field is a 400, neither a 500 from the jsonb audit payload nor silently stored as U+FFFD', async () => {
      expectProblem(
        keep(await admin.post('/users', { email: 'surrogate@demo.school', name: 'Bad\ud800Name', password: 'a-long-enough-password', roles: ['hr'] })),
        400,
        'name',
      );
      expectProblem(keep(await admin.post('/staff', { name: 'Bad\udc00Name' })), 400, 'name');
    });

    it('a deeply nested JSON body is a 400, not a 500 from class-transformer overflowing the stack', async () => {
      const depth = 5000;
      const res = keep(await json(t, '/auth/login', `{"email":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`));
      expectProblem(res, 400);
    });

    it('no error response carries a stack trace, a file position or SQL', async () => {
      // a few more error paths on top of everything this file has collected
      keep(await admin.post('/users', { email: DEMO.deputy, name: 'Dup', password: 'a-long-enough-password', roles: ['hr'] }));
      keep(await admin.post('/staff', { name: 'Linked twice', userId: t.ids.users[DEMO.deputy] }));
      keep(await admin.patch(`/users/${t.ids.users[DEMO.admin]}`, { active: false }));
      keep(await admin.get(`/users?cursor=${Buffer.from('["not-a-date","x"]').toString('base64url')}`));
      keep(await head.get(`/cases?cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url')}`));
      keep(await head.post(`/cases/${randomUUID()}/triage`, { decision: 'investigate', rationale: 'x' }));
      const errors = seen.filter((res) => res.status >= 400);
      expect(errors.length).toBeGreaterThan(5);
      for (const res of errors) {
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expectNoLeak(res);
      }
      // Inputs that would reach PostgreSQL or overflow the stack if let through (see the tests
      // above): whatever the status, the answer is a problem+json without internals.
      const nasty = [
        await admin.post('/users', { email: 'nul@demo.school', name: 'Nul\u0000Byte', password: 'a-long-enough-password', roles: ['hr'] }),
        await t.http().post('/auth/login').send({ email: 'nul\u0000@demo.school', password: 'x' }),
        await admin.post('/users', { email: 'surrogate@demo.school', name: 'Bad\ud800Name', password: 'a-long-enough-password', roles: ['hr'] }),
        await json(t, '/auth/login', `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`),
      ];
      for (const res of nasty) {
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expectNoLeak(res);
      }
    });
  });

  describe('Cache-Control: no-store (api.md "Casework answers carry Cache-Control: no-store")', () => {
    it('on lists, a case, a POST, a 404, a 400, a 401 and a 403', async () => {
      const deputy = await t.as(DEMO.deputy);
      const created = await deputy.post('/reports', reportBody(t));
      expect(created.status).toBe(201);
      const answers = {
        'GET /cases': await head.get('/cases'),
        'GET /cases/:id': await head.get(`/cases/${created.body.id}`),
        'POST /reports': created,
        'POST /cases/:id/triage': await deputy.post(`/cases/${created.body.id}/triage`, { decision: 'investigate', rationale: 'Needs a look.' }),
        'GET /users': await admin.get('/users'),
        'GET /auth/me': await head.get('/auth/me'),
        'POST /auth/login': await t.http().post('/auth/login').send({ email: DEMO.head, password: TEST_PASSWORD }),
        404: await head.get(`/cases/${randomUUID()}`),
        '400 (bad id)': await head.get('/cases/123'),
        '400 (bad body)': await deputy.post('/reports', {}),
        401: await t.http().get('/cases'),
        403: await head.get('/users'),
      };
      const seenStatuses = Object.values(answers).map((res) => res.status);
      expect(seenStatuses).toEqual(expect.arrayContaining([200, 201, 400, 401, 403, 404]));
      expect(Object.fromEntries(Object.entries(answers).map(([name, res]) => [name, res.headers['cache-control']]))).toEqual(
        Object.fromEntries(Object.keys(answers).map((name) => [name, 'no-store'])),
      );
    });
  });

  describe('security headers (helmet)', () => {
    const expectHelmet = (res: request.Response) => {
      expect(res.headers).toEqual(
        expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'referrer-policy': 'no-referrer',
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'cross-origin-opener-policy': 'same-origin',
          'x-dns-prefetch-control': 'off',
        }),
      );
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    };

    it('on JSON answers, problem answers and the docs page', async () => {
      expectHelmet(await t.http().get('/health'));
      expectHelmet(await admin.get('/users'));
      expectHelmet(await t.http().post('/auth/login').send({ email: DEMO.head, password: TEST_PASSWORD }));
      expectHelmet(await t.http().get('/no-such-route'));
      expectHelmet(await t.http().get('/users'));
      expectHelmet(await json(t, '/auth/login', '{bad'));
      expectHelmet(await t.http().get('/docs'));
    });
  });
});
