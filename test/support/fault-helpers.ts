import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Pool } from 'pg';
import { checkLink, GENESIS_HASH, StoredLink } from '../../src/audit/audit-chain';
import { withDatabase } from '../../src/database/data-source-options';
import { createDatabase, dropDatabase } from '../../src/database/server';

/**
 * Test-only helpers for test/slow/faults.slow-spec.ts: HTTP calls classified the way the
 * fault tests judge them, the API as a real child process, and the database invariants that
 * must hold after any fault (no partial case, no change without its event, no event without
 * its change, a gapless chain, gapless references).
 */

export type Outcome = 'ok' | 'unavailable' | 'refused' | 'connection' | 'unexpected';

export interface CallResult {
  outcome: Outcome;
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: string;
}

/**
 * One request. ok: 2xx; unavailable: 503 application/problem+json; refused: 409 problem+json
 * (the caller decides whether that is allowed); connection: no HTTP answer at all (refused,
 * reset, closed); unexpected: anything else, including a 503 that is not problem+json and a
 * request that hangs past `timeoutMs`.
 */
export async function call(base: string, token: string | null, method: string, path: string, body?: unknown, timeoutMs = 20_000): Promise<CallResult> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError')
      return { outcome: 'unexpected', status: 0, body: null, error: `no answer within ${timeoutMs} ms` };
    return { outcome: 'connection', status: 0, body: null, error: e.cause?.code ?? e.cause?.message ?? e.message };
  }
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    return { outcome: 'connection', status: response.status, body: null, error: `body cut off: ${(error as Error).message}` };
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // keep the text
  }
  const problem = (response.headers.get('content-type') ?? '').includes('application/problem+json');
  if (response.status >= 200 && response.status < 300) return { outcome: 'ok', status: response.status, body: parsed };
  if (response.status === 503 && problem && (parsed as { status?: number })?.status === 503) return { outcome: 'unavailable', status: 503, body: parsed };
  if (response.status === 409 && problem) return { outcome: 'refused', status: 409, body: parsed };
  return { outcome: 'unexpected', status: response.status, body: parsed, error: `${response.status} ${response.headers.get('content-type')}` };
}

export interface UnexpectedAnswer {
  label: string;
  status: number;
  /** The problem's `code`, when the answer was problem+json. */
  code: string | null;
  detail: string;
}

/** Counts answers by outcome (and status); keeps every unexpected one. */
export class Tally {
  readonly counts: Record<string, number> = {};
  readonly unexpected: UnexpectedAnswer[] = [];
  add(label: string, result: CallResult): void {
    const key = result.outcome === 'ok' ? 'ok' : result.outcome === 'connection' ? `connection:${result.error}` : String(result.status || result.outcome);
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.counts.requests = (this.counts.requests ?? 0) + 1;
    if (result.outcome === 'unexpected') {
      const code = typeof result.body?.code === 'string' ? result.body.code : null;
      this.unexpected.push({ label, status: result.status, code, detail: `${result.error ?? ''} ${JSON.stringify(result.body)?.slice(0, 300)}` });
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A database of its own, cloned from the e2e template (schema + demo), for a server the test does not run in-process. */
export async function cloneTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.SMP_TEST_ADMIN_URL!;
  const name = `${process.env.SMP_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await createDatabase(adminUrl, name, process.env.SMP_TEST_TEMPLATE!);
      break;
    } catch (error) {
      if (attempt > 20 || !/being accessed by other users/.test(String(error))) throw error;
      await sleep(100 + Math.random() * 200);
    }
  }
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

const ROOT = join(__dirname, '..', '..');
const MAIN_JS = join(ROOT, 'dist', 'src', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How to start the API as a process: by default src/main.ts compiled on load
 * (test/support/run-ts.js: always the current sources); with FAULTS_SERVER=dist, the built
 * dist/src/main.js, after `npm run build` when it is missing or older than the sources.
 */
export function serverCommand(): string[] {
  if (process.env.FAULTS_SERVER !== 'dist') return [join(ROOT, 'test', 'support', 'run-ts.js'), 'src/main.ts'];
  const built = existsSync(MAIN_JS) ? statSync(MAIN_JS).mtimeMs : 0;
  if (built <= Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'migrations')))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  }
  return [MAIN_JS];
}

/** The API as a child process (see `serverCommand`) on `port`, its output appended to `logFile`. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
  readonly base: string;
  private readonly command = serverCommand();

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
    private readonly logFile: string,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  /** Starts it and waits for GET /health 200; returns the milliseconds that took. */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, this.command, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited while starting (see ${this.logFile})`);
      const health = await call(this.base, null, 'GET', '/health', undefined, 2_000);
      if (health.outcome === 'ok') return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`the server did not answer /health within ${timeoutMs} ms (see ${this.logFile})`);
      await sleep(50);
    }
  }

  /** Sends `signal` and waits for the process to exit; returns how it exited and how long that took. */
  async stop(signal: NodeJS.Signals, timeoutMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    if (!this.child || !this.exited) throw new Error('not running');
    const started = Date.now();
    this.child.kill(signal);
    const result = await Promise.race([this.exited, sleep(timeoutMs).then(() => null)]);
    if (!result) {
      this.child.kill('SIGKILL');
      await this.exited;
      throw new Error(`the server did not exit within ${timeoutMs} ms of ${signal}`);
    }
    this.child = null;
    return { ...result, ms: Date.now() - started };
  }

  get running(): boolean {
    return this.child !== null;
  }
}

/**
 * Everything that must be true of the database after any fault. Returns the violations
 * (empty when all hold) and a few counts for the report.
 */
export async function checkInvariants(db: Pool): Promise<{ violations: string[]; counts: Record<string, number> }> {
  const violations: string[] = [];
  const rows = async (label: string, sql: string) => {
    const found = (await db.query(sql)).rows;
    if (found.length) violations.push(`${label}: ${found.length} e.g. ${JSON.stringify(found.slice(0, 3))}`);
  };

  // No partial case: the report, the subject(s) and the reporter, and exactly one report.created event.
  await rows(
    'cases without their report, parties or exactly one report.created event',
    `SELECT c.id, c.reference FROM cases c WHERE
       (SELECT count(*) FROM reports r WHERE r.case_id = c.id) <> 1
    OR (SELECT count(*) FROM case_parties p WHERE p.case_id = c.id AND p.capacity = 'subject') < 1
    OR (SELECT count(*) FROM case_parties p WHERE p.case_id = c.id AND p.capacity = 'reporter') <> 1
    OR (SELECT count(*) FROM audit_events e WHERE e.case_id = c.id AND e.action = 'report.created') <> 1
    OR (SELECT count(*) FROM audit_events e JOIN reports r ON r.id = e.entity_id WHERE e.case_id = c.id AND e.action = 'report.created' AND r.case_id = c.id) <> 1`,
  );
  // No event without its change.
  await rows(
    'audit events about a case that does not exist',
    `SELECT e.seq, e.action FROM audit_events e WHERE e.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)`,
  );
  await rows(
    'case.triaged events that do not match the case triage columns (or triaged cases without exactly one)',
    `SELECT c.id, c.triage_decision, t.n, t.reason FROM cases c
     CROSS JOIN LATERAL (SELECT count(*) AS n, max(e.reason) AS reason, max(e.actor_user_id::text) AS actor, max(e.payload->>'to') AS to_status
                         FROM audit_events e WHERE e.case_id = c.id AND e.action = 'case.triaged') t
     WHERE (c.triage_decision IS NULL AND t.n <> 0)
        OR (c.triage_decision IS NOT NULL AND (t.n <> 1 OR t.reason IS DISTINCT FROM c.triage_decision::text OR t.actor IS DISTINCT FROM c.triaged_by_user_id::text
            OR t.to_status <> CASE WHEN c.triage_decision = 'investigate' THEN 'investigation' ELSE 'closed' END))
        OR (c.triage_decision IN ('no_further_action', 'informal_resolution') AND (c.status <> 'closed' OR c.closed_at IS NULL OR c.retain_until IS NULL))`,
  );
  await rows(
    'appointments and case.assigned/case.reassigned events that differ',
    `SELECT c.id FROM cases c WHERE
       (SELECT count(*) FROM case_assignments a WHERE a.case_id = c.id)
    <> (SELECT count(*) FROM audit_events e WHERE e.case_id = c.id AND e.action IN ('case.assigned', 'case.reassigned'))
    OR (SELECT count(*) FROM case_assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL) <> (CASE WHEN c.investigator_user_id IS NULL THEN 0 ELSE 1 END)
    OR (c.investigator_user_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL AND a.investigator_user_id = c.investigator_user_id))`,
  );
  await rows(
    'allegations without exactly one allegation.added event, or events without their allegation',
    `SELECT a.id FROM allegations a WHERE (SELECT count(*) FROM audit_events e WHERE e.action = 'allegation.added' AND e.entity_id = a.id AND e.case_id = a.case_id) <> 1
     UNION ALL
     SELECT e.entity_id FROM audit_events e WHERE e.action = 'allegation.added' AND NOT EXISTS (SELECT 1 FROM allegations a WHERE a.id = e.entity_id)`,
  );
  await rows(
    'findings whose latest finding event differs (or events without a finding)',
    `SELECT a.id, a.finding, f.reason, f.n FROM allegations a
     CROSS JOIN LATERAL (SELECT count(*) AS n, (array_agg(e.reason ORDER BY e.seq DESC))[1] AS reason FROM audit_events e
                         WHERE e.entity_id = a.id AND e.action IN ('finding.recorded', 'finding.revised')) f
     WHERE (a.finding IS NULL AND f.n <> 0) OR (a.finding IS NOT NULL AND (f.n = 0 OR f.reason IS DISTINCT FROM a.finding::text))`,
  );
  await rows(
    'monitoring requests without exactly one monitoring.requested event, or events without their request',
    `SELECT m.id FROM monitoring_authorisations m WHERE (SELECT count(*) FROM audit_events e WHERE e.action = 'monitoring.requested' AND e.entity_id = m.id) <> 1
     UNION ALL
     SELECT e.entity_id FROM audit_events e WHERE e.action = 'monitoring.requested' AND NOT EXISTS (SELECT 1 FROM monitoring_authorisations m WHERE m.id = e.entity_id)`,
  );
  // The chain: gapless per organisation, the head in step, and every link verifying.
  await rows(
    'organisations whose chain has a gap or whose head is out of step',
    `SELECT h.organisation_id, h.last_seq, x.n, x.max FROM audit_chain_heads h
     CROSS JOIN LATERAL (SELECT count(*) AS n, COALESCE(max(seq), 0) AS max FROM audit_events e WHERE e.organisation_id = h.organisation_id) x
     WHERE x.n <> x.max OR x.n <> h.last_seq
        OR h.last_hash <> COALESCE((SELECT e.hash FROM audit_events e WHERE e.organisation_id = h.organisation_id ORDER BY e.seq DESC LIMIT 1), '${GENESIS_HASH}')`,
  );
  const broken = await verifyChains(db);
  violations.push(...broken);
  // References: unique, and gapless per organisation and year, in step with the counter.
  await rows(
    'organisations and years whose case references are not 1..n, or whose counter differs',
    `SELECT x.organisation_id, x.year, x.n, x.distinct_n, x.max, k.last FROM (
       SELECT organisation_id, split_part(reference, '-', 2)::int AS year, count(*) AS n, count(DISTINCT reference) AS distinct_n,
              max(split_part(reference, '-', 3)::int) AS max, min(split_part(reference, '-', 3)::int) AS min
       FROM cases GROUP BY 1, 2) x
     LEFT JOIN case_reference_counters k ON k.organisation_id = x.organisation_id AND k.year = x.year
     WHERE x.n <> x.distinct_n OR x.n <> x.max OR x.min <> 1 OR k.last IS DISTINCT FROM x.max::int`,
  );
  const counts = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM audit_events) AS events,
              (SELECT count(*)::int FROM allegations WHERE finding IS NOT NULL) AS findings,
              (SELECT count(*)::int FROM monitoring_authorisations) AS monitoring_requests`,
    )
  ).rows[0];
  return { violations, counts };
}

/** Walks every organisation's chain with the TypeScript reference of the chain format (independent of the database's audit_verify). */
async function verifyChains(db: Pool): Promise<string[]> {
  const problems: string[] = [];
  const orgs = (await db.query<{ organisation_id: string }>(`SELECT organisation_id FROM audit_chain_heads`)).rows;
  for (const { organisation_id } of orgs) {
    const { rows } = await db.query(
      `SELECT seq, organisation_id, id, occurred_at, actor_user_id, actor_role, action, case_id, entity_type, entity_id, reason,
              payload::text AS payload_json, payload_digest, prev_hash, hash
       FROM audit_events WHERE organisation_id = $1 ORDER BY seq`,
      [organisation_id],
    );
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const link: StoredLink = {
        seq: Number(row.seq),
        organisationId: row.organisation_id,
        id: row.id,
        occurredAt: row.occurred_at,
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        action: row.action,
        caseId: row.case_id,
        entityType: row.entity_type,
        entityId: row.entity_id,
        reason: row.reason,
        payloadJson: row.payload_json,
        payloadDigest: row.payload_digest,
        prevHash: row.prev_hash,
        hash: row.hash,
      };
      const problem = checkLink(link, i + 1, prev);
      if (problem) {
        problems.push(`chain of ${organisation_id} broken at seq ${i + 1}: ${problem}`);
        break;
      }
      prev = link.hash;
    }
  }
  return problems;
}
