import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { call, CallResult, checkInvariants, cloneTestDatabase, freePort, ServerProcess, sleep, Tally } from '../support/fault-helpers';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from '../support/constants';
import { DEMO, monitoringRequestBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 6, "Faults" (slow: `npm run test:slow`). Under faults a caller gets success or 503
 * problem+json (or, when the process itself is gone, no answer), never a 500 and never a
 * partial case; afterwards there is no change without its audit event and no event without
 * its change, the chain verifies and is gapless, and every acknowledged write is there.
 *
 * FAULT_SECONDS scales how long each scenario writes (default 12).
 *
 * FOUND AND FIXED (docs/reliability.md): these tests found four faults in src/. They are
 * fixed, and each is now counted and must be zero; FAULTS_STRICT=0 would tolerate them again
 * (each by a narrow test, so that anything else still fails), for bisecting.
 *   B1  a pooled connection terminated just as it connects emits 'error' with no listener
 *       (pg-pool has dropped its idle listener, TypeORM attaches its own a tick later): an
 *       uncaught exception that ends the process. The test attaches a listener to every new
 *       connection of the app's pool and counts the events only it received.
 *   B2  a connection lost between two statements of a transaction: TypeORM has released the
 *       query runner, the next statement throws QueryRunner(Provider)AlreadyReleasedError,
 *       which the problem filter does not know: 500 instead of 503. Tolerated only as a 500
 *       problem with code "internal" matched one-for-one by such a logged error.
 *   B3  a connection lost while the bearer token's user is loaded (JwtStrategy.validate →
 *       ActorLoader): AccessGuard.handleRequest turns any error into 401 "A valid bearer token
 *       is required", so a client with a good token is told to sign in again. Tolerated only
 *       as 401 "unauthorized" for tokens that still work once the faults stop.
 *   B4  during a graceful stop (SIGTERM), a request on a kept-alive connection gets Fastify's
 *       own 503 {"error":"Service Unavailable","message":"Service Unavailable","statusCode":503}
 *       as application/json, not problem+json. Tolerated only in exactly that shape (scenario b).
 */
const SECONDS = Number(process.env.FAULT_SECONDS ?? 12);
const STRICT = process.env.FAULTS_STRICT !== '0';
const RELEASED_RUNNER = /^QueryRunner(Provider)?AlreadyReleasedError/;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const summary: string[] = [];
const say = (line: string) => summary.push(line);

type Who = 'deputy' | 'head' | 'investigator';
type Tokens = Record<Who, string>;

/** A write the API acknowledged (2xx): it must be in the database afterwards, whatever happened next. */
type Ack =
  | { kind: 'report'; caseId: string }
  | { kind: 'triage'; caseId: string; decision: string }
  | { kind: 'assign'; caseId: string; investigatorUserId: string }
  | { kind: 'allegation'; caseId: string; allegationId: string }
  | { kind: 'finding'; caseId: string; allegationId: string; finding: string };

interface Writer {
  base: () => string;
  tokens: Tokens;
  ids: TestApp['ids'];
  tally: Tally;
  acks: Ack[];
}

const oneOf = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];

function reportBody(ids: TestApp['ids']) {
  return {
    subjectStaffIds: [ids.staff['Sam Teacher']],
    platform: 'facebook',
    observedAt: iso(Date.now() - DAY),
    description: 'Public post criticising a colleague by name.',
    category: 'disrepute',
    policyStandards: ['7.5'],
    involvesPupils: Math.random() < 0.3,
    reporter: { name: 'A Parent', relationship: 'parent' },
  };
}

/**
 * One case's worth of writes, each touching several rows and the audit chain: report (case,
 * report, parties, reference counter), triage (case, closure and retention when closed),
 * appointment, allegation, finding. The chain stops at the first write that is not a success:
 * after a 503 the client does not know whether it happened, so it starts a new case.
 */
async function writeOneCase(w: Writer): Promise<CallResult> {
  const post = async (who: Who, label: string, path: string, body: object) => {
    const result = await call(w.base(), w.tokens[who], 'POST', path, body);
    w.tally.add(label, result);
    return result;
  };
  const created = await post('deputy', 'POST /reports', '/reports', reportBody(w.ids));
  if (created.outcome !== 'ok') return created;
  const caseId: string = created.body.id;
  w.acks.push({ kind: 'report', caseId });
  const decision = oneOf(['investigate', 'investigate', 'no_further_action', 'informal_resolution']);
  const triaged = await post('deputy', 'POST /cases/:id/triage', `/cases/${caseId}/triage`, { decision, rationale: 'Triage under fault' });
  if (triaged.outcome !== 'ok') return triaged;
  w.acks.push({ kind: 'triage', caseId, decision });
  if (decision !== 'investigate') return triaged;
  const investigatorUserId = w.ids.users[DEMO.investigator];
  const assigned = await post('head', 'POST /cases/:id/assign', `/cases/${caseId}/assign`, { investigatorUserId });
  if (assigned.outcome !== 'ok') return assigned;
  w.acks.push({ kind: 'assign', caseId, investigatorUserId });
  const alleged = await post('investigator', 'POST /cases/:id/allegations', `/cases/${caseId}/allegations`, {
    policyStandard: '7.5',
    summary: 'Named a colleague',
  });
  if (alleged.outcome !== 'ok') return alleged;
  const allegationId: string = alleged.body.allegations[0].id;
  w.acks.push({ kind: 'allegation', caseId, allegationId });
  // KCSIE Part 4: a safeguarding allegation (pupils involved) takes KCSIE's categories
  const finding = created.body.safeguarding.flagged
    ? oneOf(['substantiated', 'unsubstantiated', 'unfounded', 'malicious', 'false'])
    : oneOf(['substantiated', 'not_substantiated', 'inconclusive']);
  const found = await post('investigator', 'POST /cases/:id/findings', `/cases/${caseId}/findings`, { allegationId, finding, reasoning: 'Screenshots' });
  if (found.outcome !== 'ok') return found;
  w.acks.push({ kind: 'finding', caseId, allegationId, finding });
  return found;
}

/** Acknowledged writes that are missing or different in the database. */
async function lostAcks(db: Pool, acks: Ack[]): Promise<string[]> {
  const lost: string[] = [];
  const cases = new Map(
    (await db.query(`SELECT id, triage_decision, investigator_user_id FROM cases`)).rows.map((r) => [
      r.id as string,
      r as { triage_decision: string | null; investigator_user_id: string | null },
    ]),
  );
  const allegations = new Map((await db.query(`SELECT id, finding FROM allegations`)).rows.map((r) => [r.id as string, r.finding as string | null]));
  for (const ack of acks) {
    const c = cases.get(ack.caseId);
    const ok =
      ack.kind === 'report'
        ? c !== undefined
        : ack.kind === 'triage'
          ? c?.triage_decision === ack.decision
          : ack.kind === 'assign'
            ? c?.investigator_user_id === ack.investigatorUserId
            : ack.kind === 'allegation'
              ? allegations.has(ack.allegationId)
              : allegations.get(ack.allegationId) === ack.finding;
    if (!ok) lost.push(JSON.stringify(ack));
  }
  return lost;
}

async function login(base: string): Promise<Tokens> {
  const tokens = {} as Tokens;
  for (const who of ['deputy', 'head', 'investigator'] as const) {
    const result = await call(base, null, 'POST', '/auth/login', { email: DEMO[who], password: TEST_PASSWORD });
    if (result.outcome !== 'ok') throw new Error(`login ${who}: ${result.status} ${JSON.stringify(result.body)}`);
    tokens[who] = result.body.accessToken;
  }
  return tokens;
}

async function waitForHealth(base: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await call(base, null, 'GET', '/health', undefined, 2_000)).outcome !== 'ok') {
    if (Date.now() > until) throw new Error('the API did not recover: /health is not 200');
    await sleep(50);
  }
}

describe('faults (slow)', () => {
  afterAll(() => {
    const pg = process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded PostgreSQL';
    console.log([`faults: ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, ${pg}`, ...summary].join('\n'));
  });

  it('the invariant checker finds planted violations (so the scenarios below can fail)', async () => {
    const database = await cloneTestDatabase();
    const db = new Pool({ connectionString: database.url, max: 1 });
    try {
      expect((await checkInvariants(db)).violations).toEqual([]);
      const org = (await db.query(`SELECT id FROM organisations WHERE name LIKE 'Werrington%'`)).rows[0].id;
      // A case with no report, parties, event or counter; an event about a case that does not exist; an edited link.
      await db.query(`INSERT INTO cases (organisation_id, reference, status, safeguarding) VALUES ($1, 'SMP-2026-0001', 'reported', false)`, [org]);
      await db.query(`SELECT audit_append($1, NULL, NULL, 'case.triaged', gen_random_uuid(), 'case', gen_random_uuid(), 'investigate', '{}')`, [org]);
      const client = await db.connect();
      try {
        await client.query(`SET session_replication_role = replica`);
        await client.query(`UPDATE audit_events SET reason = 'rewritten' WHERE organisation_id = $1 AND seq = 1`, [org]);
      } finally {
        client.release();
      }
      const { violations } = await checkInvariants(db);
      const labels = violations.map((v) => v.split(':')[0]);
      expect(labels).toEqual(
        expect.arrayContaining([
          'cases without their report, parties or exactly one report.created event',
          'audit events about a case that does not exist',
          `chain of ${org} broken at seq 1`,
          'organisations and years whose case references are not 1..n, or whose counter differs',
        ]),
      );
    } finally {
      await db.end();
      await database.drop();
    }
  });

  it('a. the database connection killed mid-request: success or 503, never a partial case', async () => {
    const t = await startTestApp();
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.getHttpServer().address() as { port: number };
      const base = `http://127.0.0.1:${port}`;
      const version = (await t.db.query(`SHOW server_version`)).rows[0].server_version;
      const tokens = { deputy: await t.token(DEMO.deputy), head: await t.token(DEMO.head), investigator: await t.token(DEMO.investigator) };
      const writer: Writer = { base: () => base, tokens, ids: t.ids, tally: new Tally(), acks: [] };
      // B1: count the 'error' events that nobody but this listener received.
      let unhandledClientErrors = 0;
      const pool = (t.app.get(DataSource).driver as unknown as { master: Pool }).master;
      pool.on('connect', (client: PoolClient) =>
        client.on('error', () => {
          if (client.listenerCount('error') === 1) unhandledClientErrors++;
        }),
      );
      // B2: what the problem filter logged as unexpected (it logs every 500 with its stack).
      const logged: string[] = [];
      const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => void logged.push(String(message)));
      // At least SECONDS; longer (up to 8 times) until more than 20 writes got through between the kills, so that a
      // slower machine proves the same thing instead of failing on throughput (no timed assertion).
      const startedAt = Date.now();
      const stopAt = startedAt + SECONDS * 1000;
      const hardStopAt = Date.now() + SECONDS * 8 * 1000;
      const going = () => Date.now() < hardStopAt && (Date.now() < stopAt || (writer.tally.counts.ok ?? 0) <= 20);
      let kills = 0;
      let rounds = 0;
      const killer = (async () => {
        while (going()) {
          // past the first SECONDS, kills come less often: a slower machine's writes (a report is 13 statements) then get
          // through between them, proving the same thing instead of failing on throughput
          await sleep(Date.now() < stopAt ? 30 + Math.random() * 250 : 400 + Math.random() * 600);
          const { rows } = await t.db.query<{ pg_terminate_backend: boolean }>(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'smp-casework' AND pid <> pg_backend_pid()`,
          );
          kills += rows.filter((r) => r.pg_terminate_backend).length;
          rounds++;
        }
      })();
      const CLIENTS = 8;
      await Promise.all([
        killer,
        ...Array.from({ length: CLIENTS }, async () => {
          while (going()) await writeOneCase(writer);
        }),
      ]);
      const wroteFor = Math.round((Date.now() - startedAt) / 1000);
      await waitForHealth(base);
      const after = await call(base, tokens.deputy, 'POST', '/reports', reportBody(t.ids));
      writer.tally.add('POST /reports after the faults', after);
      if (after.outcome === 'ok') writer.acks.push({ kind: 'report', caseId: after.body.id });
      spy.mockRestore();
      const releasedRunner = logged.filter((m) => RELEASED_RUNNER.test(m)).length;
      const otherErrors = logged.filter((m) => !RELEASED_RUNNER.test(m));
      const isInternal = (u: { status: number; code: string | null }) => u.status === 500 && u.code === 'internal';
      const isUnauthorized = (u: { status: number; code: string | null }) => u.status === 401 && u.code === 'unauthorized';
      const internal500 = writer.tally.unexpected.filter(isInternal).length;
      const unauthorized401 = writer.tally.unexpected.filter(isUnauthorized).length;
      // The same tokens, once the faults stop: all still valid, so any 401 above was the fault's.
      const me = await Promise.all(Object.values(tokens).map((token) => call(base, token, 'GET', '/auth/me')));
      // B2 is tolerated only when every 500 is matched by a logged released-runner error, and nothing else was logged.
      const unexpected = writer.tally.unexpected.filter(
        (u) => STRICT || !((isInternal(u) && internal500 === releasedRunner) || (isUnauthorized(u) && me.every((r) => r.outcome === 'ok'))),
      );

      const { violations, counts } = await checkInvariants(t.db);
      const lost = await lostAcks(t.db, writer.acks);
      const verify = await call(base, await t.token(DEMO.head), 'GET', '/audit/verify');
      say(
        `a. pg_terminate_backend (PostgreSQL ${version}): ${CLIENTS} clients × ${wroteFor}s, ${rounds} kill rounds, ${kills} backends terminated; ` +
          `responses ${JSON.stringify(writer.tally.counts)}; acknowledged writes ${writer.acks.length}, lost ${lost.length}; ` +
          `database ${JSON.stringify(counts)}; /audit/verify ${JSON.stringify(verify.body)}`,
      );
      say(`   B1: ${unhandledClientErrors} connection 'error' events with no listener of the app's (each an uncaught exception without the test's listener)`);
      say(`   B2: ${internal500} requests answered 500 (${releasedRunner} QueryRunner(Provider)AlreadyReleasedError logged): a lost connection, should be 503`);
      say(`   B3: ${unauthorized401} requests with a valid token answered 401 when the connection was lost while loading the user: should be 503`);
      expect(me.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(otherErrors).toEqual([]);
      expect(unexpected).toEqual([]);
      if (STRICT) expect({ unhandledClientErrors, internal500, unauthorized401 }).toEqual({ unhandledClientErrors: 0, internal500: 0, unauthorized401: 0 });
      expect(Object.keys(writer.tally.counts).filter((k) => k.startsWith('connection'))).toEqual([]);
      expect(after.outcome).toBe('ok');
      expect(violations).toEqual([]);
      expect(lost).toEqual([]);
      expect(verify.body).toEqual(expect.objectContaining({ valid: true, events: counts.events - (await northfieldEvents(t.db)) }));
      // The faults really happened, and writes really got through between them.
      expect(kills).toBeGreaterThan(0);
      expect(writer.tally.counts['503'] ?? 0).toBeGreaterThan(0);
      expect(writer.tally.counts.ok ?? 0).toBeGreaterThan(20);
    } finally {
      await t.close();
    }
  }, 300_000);

  it('b. the server stopped (SIGTERM) and killed (SIGKILL) under writes, and restarted: success, 503 or no answer, never a partial case', async () => {
    const database = await cloneTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'smp-fault-'));
    const db = new Pool({ connectionString: database.url, max: 2 });
    const server = new ServerProcess(
      {
        DATABASE_URL: database.url,
        NODE_ENV: 'test',
        JWT_SECRET: 'fault-test-secret-that-survives-restarts-0123456789',
        DATA_DIR: dataDir,
        DEMO_PASSWORD: TEST_PASSWORD,
        PASSWORD_COST: String(TEST_PASSWORD_COST),
        SWAGGER_ENABLED: 'false',
      },
      await freePort(),
      join(dataDir, 'server.log'),
    );
    try {
      const firstStart = await server.start();
      const ids = await demoIds(db);
      const tokens = await login(server.base);
      const writer: Writer = { base: () => server.base, tokens, ids, tally: new Tally(), acks: [] };
      let writing = true;
      const CLIENTS = 6;
      const writers = Array.from({ length: CLIENTS }, async () => {
        while (writing) {
          const last = await writeOneCase(writer);
          if (last.outcome === 'connection') await sleep(25);
        }
      });
      const events: string[] = [`first start ${firstStart} ms`];
      const slice = (SECONDS * 1000) / 5;
      try {
        for (const signal of ['SIGTERM', 'SIGKILL', 'SIGTERM', 'SIGKILL'] as const) {
          await sleep(slice * (0.5 + Math.random()));
          const stopped = await server.stop(signal);
          const restart = await server.start();
          events.push(`${signal}: exited (${stopped.signal ?? stopped.code}) in ${stopped.ms} ms, back in ${restart} ms`);
        }
        await sleep(slice);
      } finally {
        writing = false;
        await Promise.all(writers);
      }
      const after = await call(server.base, tokens.deputy, 'POST', '/reports', reportBody(ids));
      writer.tally.add('POST /reports after the restarts', after);
      if (after.outcome === 'ok') writer.acks.push({ kind: 'report', caseId: after.body.id });

      const { violations, counts } = await checkInvariants(db);
      const lost = await lostAcks(db, writer.acks);
      const verify = await call(server.base, tokens.head, 'GET', '/audit/verify');
      say(
        `b. server stop/kill/restart: ${CLIENTS} clients; ${events.join('; ')}; responses ${JSON.stringify(writer.tally.counts)}; ` +
          `acknowledged writes ${writer.acks.length}, lost ${lost.length}; database ${JSON.stringify(counts)}; /audit/verify ${JSON.stringify(verify.body)}`,
      );
      const isFastifyClosing503 = (u: { status: number; detail: string }) =>
        u.status === 503 &&
        u.detail.startsWith('503 application/json') &&
        u.detail.endsWith('{"error":"Service Unavailable","message":"Service Unavailable","statusCode":503}');
      const closing503 = writer.tally.unexpected.filter(isFastifyClosing503).length;
      say(`   B4: ${closing503} requests during a graceful stop answered 503 application/json (Fastify's body), not problem+json`);
      expect(writer.tally.unexpected.filter((u) => STRICT || !isFastifyClosing503(u))).toEqual([]);
      expect(after.outcome).toBe('ok'); // the token signed before the restarts still works
      expect(violations).toEqual([]);
      expect(lost).toEqual([]);
      expect(verify.body).toEqual(expect.objectContaining({ valid: true }));
      // Requests really were cut off by the restarts, and writes really got through around them.
      expect(Object.keys(writer.tally.counts).some((k) => k.startsWith('connection'))).toBe(true);
      expect(writer.tally.counts.ok ?? 0).toBeGreaterThan(20);
    } finally {
      if (server.running) await server.stop('SIGTERM').catch(() => undefined);
      await db.end();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  it('c. 50 concurrent writers: every write succeeds or is a 409; the chain and the references stay gapless', async () => {
    const t = await startTestApp();
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.getHttpServer().address() as { port: number };
      const base = `http://127.0.0.1:${port}`;
      const deputy = await t.as(DEMO.deputy);
      const head = await t.as(DEMO.head);
      const ian = await t.as(DEMO.investigator);
      const WRITERS = 50;
      const OPS = 8;
      // One open investigation, with an allegation, per writer that works on a case.
      const cases: Array<{ id: string; allegationId: string; safeguarding: boolean }> = [];
      for (let i = 0; i < WRITERS; i++) {
        if (i % 3 === 0) continue;
        const { body } = await deputy.post('/reports', reportBody(t.ids)).expect(201);
        await deputy.post(`/cases/${body.id}/triage`, { decision: 'investigate', rationale: 'r' }).expect(200);
        await head.post(`/cases/${body.id}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }).expect(200);
        const alleged = await ian.post(`/cases/${body.id}/allegations`, { policyStandard: '7.5', summary: 's' }).expect(201);
        cases[i] = { id: body.id, allegationId: alleged.body.allegations[0].id, safeguarding: body.safeguarding.flagged };
      }
      const before = (await t.db.query(`SELECT action, count(*)::int AS n FROM audit_events GROUP BY action`)).rows;
      const tokens = { deputy: await t.token(DEMO.deputy), investigator: await t.token(DEMO.investigator) };
      const tally = new Tally();
      const succeeded = { report: 0, monitoring: 0, finding: 0 };
      const refused: string[] = [];
      let gate!: () => void;
      const go = new Promise<void>((resolve) => (gate = resolve));
      const started = Date.now();
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        await go;
        for (let op = 0; op < OPS; op++) {
          const now = Date.now();
          const [kind, result] =
            w % 3 === 0
              ? (['report', await call(base, tokens.deputy, 'POST', '/reports', reportBody(t.ids))] as const)
              : w % 3 === 1
                ? ([
                    'monitoring',
                    await call(
                      base,
                      tokens.investigator,
                      'POST',
                      `/cases/${cases[w].id}/monitoring-requests`,
                      monitoringRequestBody({ reason: 'policy_breach', systems: ['school email'] }, now),
                    ),
                  ] as const)
                : ([
                    'finding',
                    await call(base, tokens.investigator, 'POST', `/cases/${cases[w].id}/findings`, {
                      allegationId: cases[w].allegationId,
                      finding: op % 2 ? 'substantiated' : cases[w].safeguarding ? 'unsubstantiated' : 'inconclusive',
                      reasoning: `Round ${op}`,
                    }),
                  ] as const);
          tally.add(kind, result);
          if (result.outcome === 'ok') succeeded[kind]++;
          else if (result.outcome === 'refused') refused.push(`${kind}: ${result.body?.code}`);
        }
      });
      gate();
      await Promise.all(writers);
      const elapsed = Date.now() - started;
      const after = (await t.db.query(`SELECT action, count(*)::int AS n FROM audit_events GROUP BY action`)).rows;
      const delta = (actions: string[]) =>
        after.filter((r) => actions.includes(r.action)).reduce((s, r) => s + r.n, 0) -
        before.filter((r) => actions.includes(r.action)).reduce((s, r) => s + r.n, 0);
      const { violations, counts } = await checkInvariants(t.db);
      const verify = await head.get('/audit/verify');
      say(
        `c. ${WRITERS} concurrent writers × ${OPS} writes in ${elapsed} ms (${Math.round((WRITERS * OPS * 1000) / elapsed)} writes/s): ` +
          `responses ${JSON.stringify(tally.counts)}; succeeded ${JSON.stringify(succeeded)}; 409s ${refused.length}; ` +
          `database ${JSON.stringify(counts)}; /audit/verify ${JSON.stringify(verify.body)}`,
      );
      expect(tally.unexpected).toEqual([]);
      expect(tally.counts.requests).toBe(WRITERS * OPS);
      expect((tally.counts.ok ?? 0) + refused.length).toBe(WRITERS * OPS);
      // Exactly one event per success, none for a refusal.
      expect({
        report: delta(['report.created']),
        monitoring: delta(['monitoring.requested']),
        finding: delta(['finding.recorded', 'finding.revised']),
      }).toEqual(succeeded);
      expect(violations).toEqual([]);
      expect(verify.body).toEqual(expect.objectContaining({ valid: true }));
    } finally {
      await t.close();
    }
  }, 300_000);
});

async function northfieldEvents(db: Pool): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM audit_events e JOIN organisations o ON o.id = e.organisation_id WHERE o.name LIKE 'Northfield%'`,
  );
  return rows[0].n;
}

async function demoIds(db: Pool): Promise<TestApp['ids']> {
  const orgs = (await db.query<{ id: string; name: string }>('SELECT id, name FROM organisations')).rows;
  const users = (await db.query<{ id: string; email: string }>('SELECT id, email FROM users')).rows;
  const staff = (await db.query<{ id: string; name: string; email: string | null }>('SELECT id, name, email FROM staff_members')).rows;
  return {
    org: { werrington: orgs.find((o) => o.name.startsWith('Werrington'))!.id, northfield: orgs.find((o) => o.name.startsWith('Northfield'))!.id },
    users: Object.fromEntries(users.map((u) => [u.email, u.id])),
    staff: Object.fromEntries(staff.flatMap((s) => [[s.name, s.id], ...(s.email ? [[s.email, s.id]] : [])])),
  };
}
