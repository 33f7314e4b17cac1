/**
 * npm run bench [-- --short] [-- --keep] [-- --check-sql] [-- --only=compare,list,export,verify,pdf,cold]
 *
 * Seeds a realistic volume with COPY, then measures, in one run and interleaving rounds:
 * the API against a floor server (bare Fastify + pg, the same SQL) on GET /cases/:id,
 * GET /cases and POST /reports; list latency at SMALL vs BIG cases; the CSV export against
 * COPY of the same rows; /audit/verify against hashing the same bytes; /health latency while
 * large summary PDFs render (bench/pdf-health.ts); cold start.
 * Prints ratios and writes bench/results/latest.json. See docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { linkText } from '../src/audit/audit-chain';
import { migrate } from '../src/database/bootstrap';
import { createDatabase, dropDatabase, openServer, uniqueDatabaseName } from '../src/database/server';
import { median, RequestPlan, round, RoundResult, summarise } from './load';
import { healthWhilePdfsRender } from './pdf-health';
import { benchToken, seedBenchmark, Seeded } from './seed';
import { ServerProcess, startServer, waitForHealth } from './servers';

const args = new Set(process.argv.slice(2));
const SHORT = args.has('--short');
/** `--only=list,verify`: run just these parts (names: compare, list, export, verify, pdf, cold). */
const ONLY = new Set((process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '').split(',').filter(Boolean));
const part = (name: string) => ONLY.size === 0 || ONLY.has(name);
const SIZES = SHORT
  ? { small: 10_000, big: 100_000, fillerOrganisations: 10, fillerCases: 200 }
  : { small: 10_000, big: 1_000_000, fillerOrganisations: 48, fillerCases: 1_000 };
const ROUNDS = SHORT ? 2 : 3;
const SECONDS = SHORT ? 3 : 6;
const CONNECTIONS = 8;
const EXPORT_ROWS = SHORT ? 20_000 : 100_000;
/** Four summaries asked for at once (the render threads busy, the rest queued), each of a case with many evidence items. */
const PDF_LOAD = SHORT ? { items: 1_000, concurrent: 4, seconds: 5 } : { items: 2_000, concurrent: 4, seconds: 15 };

const results: Record<string, unknown> = {};
const log = (message: string) => console.log(message);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const started = Date.now();
  log(`Benchmark (${SHORT ? 'short' : 'full'}): ${cpus().length} CPUs (${cpus()[0]?.model}), ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`);
  const scratch = mkdtempSync(join(tmpdir(), 'smp-bench-'));
  chmodSync(scratch, 0o755);
  const server = await openServer(process.env.DATABASE_URL, join(scratch, 'pg'));
  const dbName = uniqueDatabaseName('smp_bench');
  const url = await createDatabase(server.adminUrl, dbName);
  const servers: ServerProcess[] = [];
  try {
    await withClient(url, async (c) => log(`PostgreSQL: ${(await c.query('SHOW server_version')).rows[0].server_version}`));
    await migrate(url);
    log(`Seeding ${fmt(SIZES.small)} + ${fmt(SIZES.big)} cases and ${SIZES.fillerOrganisations} other organisations with COPY…`);
    const seedStart = Date.now();
    const seeded = await seedBenchmark(url, SIZES, log);
    results.seed = { seconds: (Date.now() - seedStart) / 1000, ...SIZES };
    log(`Seeded in ${fmt((Date.now() - seedStart) / 1000, 1)} s`);

    const secret = randomBytes(48).toString('base64url');
    // sessions that neither idle out nor end during a run (the seeded ones: bench/seed.ts)
    const env = {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      JWT_SECRET: secret,
      SWAGGER_ENABLED: 'false',
      DATA_DIR: join(scratch, 'api'),
      SESSION_IDLE_MINUTES: '1440',
      SESSION_MAX_HOURS: '24',
    };
    const api = await startServer('api', 'src/main.js', env);
    servers.push(api);
    const floor = await startServer('floor', 'bench/floor-server.js', env);
    servers.push(floor);

    const headSmall = benchToken(secret, seeded.small.headUserId, seeded.small.id);
    const plans = makePlans(seeded, secret, headSmall);
    await checkSameSql(api, floor, plans);
    if (args.has('--check-sql')) return;
    if (part('compare')) await apiVersusFloor(api, floor, plans);
    if (part('list')) await listScaling(api, seeded, secret);
    if (part('export')) await exportVersusCopy(api, url, seeded, secret);
    if (part('verify')) await verifyVersusHashing(api, url, seeded, secret);
    if (part('pdf')) results.pdfHealth = await healthWhilePdfsRender(api, url, seeded, secret, PDF_LOAD, log);
    for (const s of servers.splice(0)) await s.stop();
    if (part('cold')) await coldStart(scratch);
  } finally {
    for (const s of servers) await s.stop();
    if (!args.has('--keep')) await dropDatabase(server.adminUrl, dbName);
    else log(`kept database ${dbName}`);
    await server.embedded?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  results.totalSeconds = (Date.now() - started) / 1000;
  mkdirSync(join(process.cwd(), 'bench', 'results'), { recursive: true });
  writeFileSync(join(process.cwd(), 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2));
  log(`\nDone in ${fmt((Date.now() - started) / 1000)} s; figures in bench/results/latest.json`);
}

function makePlans(seeded: Seeded, secret: string, headSmall: string): Record<'read' | 'list' | 'write', RequestPlan> {
  const ids = seeded.small.caseIds;
  const writers = seeded.fillers.map((o) => ({ token: benchToken(secret, o.deputyUserId, o.id), staff: o.staffIds.slice(2) }));
  let n = 0;
  return {
    read: { method: 'GET', next: () => ({ path: `/cases/${ids[Math.floor(Math.random() * ids.length)]}`, token: headSmall }) },
    list: { method: 'GET', next: () => ({ path: '/cases?limit=50', token: headSmall }) },
    write: {
      method: 'POST',
      next: () => {
        const writer = writers[n++ % writers.length];
        return {
          path: '/reports',
          token: writer.token,
          body: JSON.stringify({
            subjectStaffIds: [writer.staff[n % writer.staff.length]],
            platform: 'facebook',
            observedAt: '2026-11-20T18:30:00Z',
            description: 'Public post criticising a colleague by name.',
            category: 'disrepute',
            policyStandards: ['7.5'],
            involvesPupils: false,
            reporter: { name: 'A Parent', relationship: 'parent' },
          }),
        };
      },
    },
  };
}

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Before measuring: the floor must send exactly the statements the API sends. */
async function checkSameSql(api: ServerProcess, floor: ServerProcess, plans: Record<string, RequestPlan>) {
  const same: Record<string, boolean> = {};
  for (const [name, plan] of Object.entries(plans)) {
    const request = plan.next();
    const send = (server: ServerProcess) => () =>
      fetch(`${server.url}${request.path}`, {
        method: plan.method,
        headers: { authorization: `Bearer ${request.token}`, ...(request.body ? { 'content-type': 'application/json' } : {}) },
        body: request.body,
      }).then((r) => {
        if (!r.ok) throw new Error(`${server.name} ${plan.method} ${request.path}: ${r.status}`);
      });
    const fromApi = (await api.recordSql(send(api))).map(normalise);
    const fromFloor = (await floor.recordSql(send(floor))).map(normalise);
    same[name] = JSON.stringify(fromApi) === JSON.stringify(fromFloor);
    log(`same SQL for ${name}: ${same[name] ? 'yes' : 'NO'} (${fromApi.length} statements)`);
    if (!same[name]) {
      const at = fromApi.findIndex((sql, i) => sql !== fromFloor[i]);
      log(`  first difference at statement ${at + 1}:\n  api:   ${fromApi[at]?.slice(0, 300)}\n  floor: ${fromFloor[at]?.slice(0, 300)}`);
    }
  }
  results.sameSql = same;
}

async function apiVersusFloor(api: ServerProcess, floor: ServerProcess, plans: Record<'read' | 'list' | 'write', RequestPlan>) {
  const table: Record<string, unknown> = {};
  log(`\nAPI vs floor: ${ROUNDS} interleaved rounds of ${SECONDS} s, ${CONNECTIONS} connections (median of rounds)`);
  log('route            server   req/s     p50 ms  p99 ms  CPU µs/req');
  for (const [name, route] of [
    ['read', 'GET /cases/:id'],
    ['list', 'GET /cases'],
    ['write', 'POST /reports'],
  ] as const) {
    const byServer: Record<string, RoundResult[]> = { api: [], floor: [] };
    await round(api, plans[name], 1, CONNECTIONS); // warm-up
    await round(floor, plans[name], 1, CONNECTIONS);
    for (let i = 0; i < ROUNDS; i++) {
      for (const server of i % 2 ? [floor, api] : [api, floor]) byServer[server.name].push(await round(server, plans[name], SECONDS, CONNECTIONS));
    }
    const a = summarise(byServer.api);
    const f = summarise(byServer.floor);
    for (const [label, r] of [
      ['api', a],
      ['floor', f],
    ] as const) {
      log(
        `${route.padEnd(16)} ${label.padEnd(8)} ${fmt(r.requestsPerSecond).padStart(7)}  ${fmt(r.p50, 1).padStart(6)}  ${fmt(r.p99, 1).padStart(6)}  ${fmt(r.cpuMicrosPerRequest).padStart(9)}${r.non2xx + r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`,
      );
    }
    const ratio = a.requestsPerSecond / f.requestsPerSecond;
    const cpuRatio = f.cpuMicrosPerRequest / a.cpuMicrosPerRequest;
    log(`${route.padEnd(16)} ratio API/floor: throughput ${fmt(ratio, 2)}×, CPU efficiency ${fmt(cpuRatio, 2)}×`);
    table[name] = { route, api: a, floor: f, throughputRatio: ratio, cpuEfficiencyRatio: cpuRatio };
  }
  results.apiVersusFloor = table;
}

/**
 * Keyset pagination: the first page and a deep page cost the same at SMALL and BIG cases.
 * Measured one request at a time with a microsecond clock (load tools round to milliseconds).
 */
async function listScaling(api: ServerProcess, seeded: Seeded, secret: string) {
  const out: Record<string, unknown> = {};
  const samples = SHORT ? 200 : 500;
  log(`\nList p50 (${samples} sequential requests each): ${fmt(seeded.small.cases)} vs ${fmt(seeded.big.cases)} cases in the organisation`);
  const p50 = async (path: string, token: string) => {
    const times: number[] = [];
    for (let i = 0; i < samples + 20; i++) {
      const start = process.hrtime.bigint();
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      await response.arrayBuffer();
      if (i >= 20) times.push(Number(process.hrtime.bigint() - start) / 1e6); // the first 20 warm up
    }
    return median(times);
  };
  for (const org of [seeded.small, seeded.big]) {
    const token = benchToken(secret, org.headUserId, org.id);
    // A cursor 20 pages down, as a client paging deep would hold.
    const deepCursor = await cursorAt(api.url, token, 20);
    const first = await p50('/cases?limit=50', token);
    const deep = await p50(`/cases?limit=50&cursor=${deepCursor}`, token);
    out[org.cases] = { firstPageP50: first, deepPageP50: deep };
    log(`  ${fmt(org.cases).padStart(9)} cases: first page p50 ${fmt(first, 2)} ms, page 21 p50 ${fmt(deep, 2)} ms`);
  }
  const small = out[seeded.small.cases] as { firstPageP50: number };
  const big = out[seeded.big.cases] as { firstPageP50: number };
  const ratio = big.firstPageP50 / small.firstPageP50;
  log(`  p50 at ${fmt(seeded.big.cases)} / p50 at ${fmt(seeded.small.cases)}: ${fmt(ratio, 2)}× (target ≤ 1.5×)`);
  results.listScaling = { ...out, ratio };
}

async function cursorAt(url: string, token: string, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i++) {
    const response = await fetch(`${url}/cases?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
    cursor = ((await response.json()) as { nextCursor: string }).nextCursor;
  }
  return cursor;
}

/** The streamed CSV export of EXPORT_ROWS cases against COPY of the same rows (what psql \copy does). */
async function exportVersusCopy(api: ServerProcess, url: string, seeded: Seeded, secret: string) {
  const token = benchToken(secret, seeded.big.headUserId, seeded.big.id);
  const window = await withClient(url, async (c) => {
    const { rows } = await c.query(`SELECT created_at FROM cases WHERE organisation_id = $1 ORDER BY created_at DESC OFFSET $2 LIMIT 1`, [
      seeded.big.id,
      EXPORT_ROWS - 1,
    ]);
    return rows[0].created_at as Date;
  });
  const path = `/exports/cases.csv?from=${encodeURIComponent(window.toISOString())}`;
  let exported = { bytes: 0, seconds: 0, rows: 0 };
  let copyStatement = '';
  const timed = async () => {
    const start = process.hrtime.bigint();
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`export: ${response.status} ${await response.text()}`);
    let bytes = 0;
    let rows = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) rows++;
    }
    return { bytes, rows: rows - 1, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  };
  let statements: string[];
  try {
    statements = await api.recordSql(async () => {
      exported = await timed();
    });
  } catch (error) {
    log(`\nCSV export: ${(error as Error).message}; skipped`);
    return;
  }
  copyStatement = statements.find((s) => /^\s*COPY/i.test(s)) ?? '';
  if (!copyStatement) {
    log('\nCSV export: the API sent no COPY statement; skipped');
    return;
  }
  const apiRuns = [exported.seconds];
  const copyRuns: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    copyRuns.push(await copyToNull(url, copyStatement, statements));
    apiRuns.push((await timed()).seconds);
  }
  const apiBest = Math.min(...apiRuns);
  const copyBest = Math.min(...copyRuns);
  const ratio = copyBest / apiBest;
  log(
    `\nCSV export of ${fmt(exported.rows)} cases (${fmt(exported.bytes / 2 ** 20, 1)} MiB): API ${fmt(apiBest, 2)} s, COPY of the same rows ${fmt(copyBest, 2)} s → ${fmt(ratio, 2)}× (target ≥ 0.5×)`,
  );
  results.export = { rows: exported.rows, bytes: exported.bytes, apiSeconds: apiBest, copySeconds: copyBest, ratio };
}

/** COPY the API's own statement to nowhere, with its parameters inlined by the same session settings. */
async function copyToNull(url: string, copyStatement: string, statements: string[]): Promise<number> {
  return withClient(url, async (c) => {
    // Replays the session setup the export ran before its COPY (e.g. SET statements), then times the COPY.
    for (const s of statements) if (/^\s*SET /i.test(s)) await c.query(s).catch(() => undefined);
    const start = process.hrtime.bigint();
    await pipeline(c.query(copyTo(copyStatement)), new Writable({ write: (_chunk, _enc, done) => done() }));
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
}

/** GET /audit/verify over the big organisation's chain against hashing the same link texts with raw crypto. */
async function verifyVersusHashing(api: ServerProcess, url: string, seeded: Seeded, secret: string) {
  const token = benchToken(secret, seeded.big.headUserId, seeded.big.id);
  const apiRuns: number[] = [];
  let events = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    const body = (await (await fetch(`${api.url}/audit/verify`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      valid: boolean;
      events: number;
    };
    apiRuns.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (!body.valid) throw new Error(`verify: ${JSON.stringify(body)}`);
    events = body.events;
  }
  // The same bytes the verification hashes: every payload's JSON text and every link text.
  const texts = await withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT seq, organisation_id, id, occurred_at, actor_user_id, actor_role, action, case_id, entity_type, entity_id, reason, payload_digest, prev_hash,
              payload::text AS payload_json
       FROM audit_events WHERE organisation_id = $1 ORDER BY seq`,
      [seeded.big.id],
    );
    return rows.map((r) => ({
      prev: r.prev_hash as string,
      payload: r.payload_json as string | null,
      text: linkText({
        seq: Number(r.seq),
        organisationId: r.organisation_id,
        id: r.id,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorRole: r.actor_role,
        action: r.action,
        caseId: r.case_id,
        entityType: r.entity_type,
        entityId: r.entity_id,
        reason: r.reason,
        payloadDigest: r.payload_digest,
      }),
    }));
  });
  const hashRuns: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = process.hrtime.bigint();
    for (const t of texts) {
      if (t.payload !== null) createHash('sha256').update(t.payload).digest('hex');
      createHash('sha256').update(t.prev).update('\n').update(t.text).digest('hex');
    }
    hashRuns.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const apiBest = Math.min(...apiRuns);
  const hashBest = Math.min(...hashRuns);
  const ratio = hashBest / apiBest;
  log(
    `\n/audit/verify over ${fmt(events)} events: ${fmt(apiBest, 2)} s; raw SHA-256 of the same links and payloads in Node ${fmt(hashBest, 2)} s → ${fmt(ratio, 2)}× (target ≥ 0.5×)`,
  );
  results.verify = { events, apiSeconds: apiBest, rawHashSeconds: hashBest, ratio };
}

/** Cold start on the embedded database: first run (initdb, migrations, demo) and a restart. */
async function coldStart(scratch: string) {
  const dataDir = join(scratch, 'cold');
  const timings: number[] = [];
  for (const label of ['first start (initdb, migrate, seed demo)', 'restart']) {
    const start = Date.now();
    const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '' };
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const child = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    });
    await waitForHealth(`http://127.0.0.1:${port}`, 60_000);
    const seconds = (Date.now() - start) / 1000;
    timings.push(seconds);
    log(`${timings.length === 1 ? '\n' : ''}Cold start to first /health 200, ${label}: ${fmt(seconds, 2)} s (target < 5 s)`);
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
  results.coldStart = { firstSeconds: timings[0], restartSeconds: timings[1] };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
