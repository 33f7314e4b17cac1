import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { TestClock } from '../../src/common/clock/clock';
import { AppConfig, loadConfig } from '../../src/config/config';
import { createDatabase, dropDatabase } from '../../src/database/server';
import { createOpenApiDocument } from '../../src/openapi/openapi-document';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from './constants';
import { Contract, contractAssertion, OpenApiDocument } from './contract';

export interface DemoIds {
  org: { werrington: string; northfield: string };
  /** user id by e-mail */
  users: Record<string, string>;
  /** staff id by person name (and by e-mail for people with a login) */
  staff: Record<string, string>;
}

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  /** Direct access to this file's database (for setting up and inspecting, never for the app). */
  db: Pool;
  ids: DemoIds;
  /** The app's clock (src/common/clock): real time until a test sets or advances it. */
  clock: TestClock;
  /** The OpenAPI document the app serves, as the contract every response of `http()` and `as()` is checked against (contract.ts). */
  contract: Contract;
  http(): ReturnType<typeof request>;
  /**
   * The same client, its answers not checked against the contract: only for requests a test
   * breaks the app on purpose (an injected fault answers 500, a bug by definition).
   */
  httpUnchecked(): ReturnType<typeof request>;
  token(email: string): Promise<string>;
  /** Drops the cached token of `email`: the next token() signs in again (after a test ended their sessions). */
  forget(email: string): void;
  as(email: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  get(path: string): request.Test;
  post(path: string, body?: object): request.Test;
  patch(path: string, body?: object): request.Test;
  put(path: string, body?: object): request.Test;
  delete(path: string): request.Test;
}

/** A fresh database cloned from the migrated, seeded template, and an app on it. */
/** A test app's configuration: its own data folder and signing secret, the demo password, a cheap password hash; `env` over them. */
export function testConfig(dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEMO_PASSWORD: TEST_PASSWORD,
    PASSWORD_COST: String(TEST_PASSWORD_COST),
    ...env,
  });
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const adminUrl = process.env.SMP_TEST_ADMIN_URL!;
  const template = process.env.SMP_TEST_TEMPLATE!;
  const name = `${process.env.SMP_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  const url = await cloneTemplate(adminUrl, name, template);
  const dataDir = mkdtempSync(join(tmpdir(), 'smp-app-'));
  const config = testConfig(dataDir, env);
  const clock = new TestClock();
  const app = await createApp(config, url, { logger: ['error'], clock });
  await app.getHttpAdapter().getInstance().ready();
  const db = new Pool({ connectionString: url, max: 4 });
  // The file's database is dropped WITH (FORCE) at the end: a connection still closing then
  // hears "terminating connection", which must not become an unhandled 'error' event.
  db.on('error', () => undefined);
  db.on('connect', (client) => client.on('error', () => undefined));
  const ids = await demoIds(db);
  const contract = await contractOf(app, config);
  const tokens = new Map<string, string>();
  const http = () => checked(request(app.getHttpServer()), contract);
  const token = async (email: string) => {
    if (!tokens.has(email)) {
      const response = await http().post('/auth/login').send({ email, password: TEST_PASSWORD });
      if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
      tokens.set(email, response.body.accessToken);
    }
    return tokens.get(email)!;
  };
  return {
    app,
    config,
    db,
    ids,
    clock,
    contract,
    http,
    forget: (email: string) => void tokens.delete(email),
    httpUnchecked: () => request(app.getHttpServer()),
    token,
    async as(email: string) {
      const auth = `Bearer ${await token(email)}`;
      return {
        get: (path) => http().get(path).set('authorization', auth),
        post: (path, body) =>
          http()
            .post(path)
            .set('authorization', auth)
            .send(body ?? {}),
        patch: (path, body) =>
          http()
            .patch(path)
            .set('authorization', auth)
            .send(body ?? {}),
        put: (path, body) =>
          http()
            .put(path)
            .set('authorization', auth)
            .send(body ?? {}),
        delete: (path) => http().delete(path).set('authorization', auth),
      };
    },
    async close() {
      await app.close();
      await db.end();
      await dropDatabase(adminUrl, name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Contracts compiled in this test file, by document: each is compiled once. */
const contracts = new Map<string, Contract>();

/** The document /docs-json serves (or would, where a test turns Swagger off), compiled. */
async function contractOf(app: NestFastifyApplication, config: AppConfig): Promise<Contract> {
  const doc = (config.swaggerEnabled ? (await request(app.getHttpServer()).get('/docs-json')).body : createOpenApiDocument(app)) as OpenApiDocument;
  const key = JSON.stringify(doc);
  if (!contracts.has(key)) contracts.set(key, new Contract(doc));
  return contracts.get(key)!;
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** supertest's agent whose every request checks its response against the contract first (a failure rejects the request). */
function checked(agent: ReturnType<typeof request>, contract: Contract): ReturnType<typeof request> {
  const assertion = contractAssertion(contract);
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !(VERBS as readonly string[]).includes(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => (value as (...a: unknown[]) => request.Test).apply(target, args).expect(assertion);
    },
  });
}

async function cloneTemplate(adminUrl: string, name: string, template: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await createDatabase(adminUrl, name, template);
    } catch (error) {
      // Two files cloning the template at the same instant: PostgreSQL may say it is in use.
      if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

async function demoIds(db: Pool): Promise<DemoIds> {
  const orgs = (await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows;
  // a person in both schools (hr@demo.school) is named by their Werrington membership and staff record here (listed last, so they win)
  const users = (
    await db.query<{ id: string; email: string }>(
      `SELECT u.id, u.email FROM users u JOIN organisations o ON o.id = u.organisation_id ORDER BY o.name LIKE 'Werrington%', u.created_at`,
    )
  ).rows;
  const staff = (
    await db.query<{ id: string; name: string; email: string | null }>(
      `SELECT s.id, s.name, s.email FROM staff_members s JOIN organisations o ON o.id = s.organisation_id ORDER BY o.name LIKE 'Werrington%', s.created_at`,
    )
  ).rows;
  return {
    org: {
      werrington: orgs.find((o) => o.name.startsWith('Werrington'))!.id,
      northfield: orgs.find((o) => o.name.startsWith('Northfield'))!.id,
    },
    users: Object.fromEntries(users.map((u) => [u.email, u.id])),
    staff: Object.fromEntries(staff.flatMap((s) => [[s.name, s.id], ...(s.email ? [[s.email, s.id]] : [])])),
  };
}

export const DEMO = {
  admin: 'admin@demo.school',
  deputy: 'deputy@demo.school',
  investigator: 'investigator@demo.school',
  investigator2: 'investigator2@demo.school',
  head: 'head@demo.school',
  governor: 'governor@demo.school',
  hr: 'hr@demo.school',
  northAdmin: 'admin@northfield.demo',
  northHead: 'head@northfield.demo',
} as const;

/** A valid POST /reports body about Sam Teacher, reported by a parent. */
export function reportBody(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    subjectStaffIds: [t.ids.staff['Sam Teacher']],
    platform: 'facebook',
    observedAt: '2026-11-02T18:30:00Z',
    description: 'Public post criticising a colleague by name.',
    url: 'https://facebook.example/posts/1',
    category: 'disrepute',
    policyStandards: ['7.5'],
    involvesPupils: false,
    reporter: { name: 'A Parent', relationship: 'parent of a Year 4 pupil' },
    ...overrides,
  };
}

const DAY = 86_400_000;

/** A valid POST /cases/:id/monitoring-requests body (§9): the last fortnight of the web filter log. */
export function monitoringRequestBody(overrides: Record<string, unknown> = {}, now = Date.now()) {
  return {
    scope: 'school_systems',
    reason: 'working_time_use',
    justification: 'Reports of social media use during lessons',
    proportionality: 'A two-week window of the web filter log only; asking colleagues did not settle it',
    periodFrom: new Date(now - 14 * DAY).toISOString(),
    periodTo: new Date(now - DAY).toISOString(),
    systems: ['school web filter log'],
    expiresAt: new Date(now + 30 * DAY).toISOString(),
    ...overrides,
  };
}

export function expectProblem(response: request.Response, status: number, field?: string): void {
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({ status, type: expect.stringContaining('application/problem+json') });
  expect(response.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }));
  if (field) expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}
