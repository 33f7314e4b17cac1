/**
 * npm run bench [-- --short] [-- --keep] [-- --check-sql] [-- --only=compare,list,export,verify,pdf,tasks,statistics,cold] [-- --reuse=<database> --only=statistics]
 *
 * Seeds a realistic volume with COPY, then measures, in one run and interleaving rounds:
 * the API against a floor server (bare Fastify + pg, the same SQL) on GET /cases/:id,
 * GET /cases and POST /reports; list latency at SMALL vs BIG cases, unfiltered and with each
 * GET /cases filter (plans printed; a sequential scan of cases fails the run); the CSV export against
 * COPY of the same rows; /audit/verify against hashing the same bytes; /health latency while
 * large summary PDFs render (bench/pdf-health.ts); GET /statistics over a term, a year and everything
 * at SMALL and BIG, against its own statement run bare (plans printed); cold start.
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
import { STATISTICS_WORK_MEM } from '../src/statistics/statistics.sql';
import { migrate } from '../src/database/bootstrap';
import { createDatabase, dropDatabase, openServer, uniqueDatabaseName } from '../src/database/server';
import { median, RequestPlan, round, RoundResult, summarise } from './load';
import { healthWhilePdfsRender } from './pdf-health';
import { benchToken, seedBenchmark, Seeded, SeededOrganisation } from './seed';
import { RecordedQuery, ServerProcess, startServer, waitForHealth } from './servers';

const args = new Set(process.argv.slice(2));
const SHORT = args.has('--short');
/** `--only=list,verify`: run just these parts (names: compare, list, export, verify, pdf, tasks, statistics, cold). */
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
  // `--reuse=<database>`: a database a run with --keep left, seeded already (only --only=statistics measures it)
  const reuse = process.argv.find((a) => a.startsWith('--reuse='))?.slice(8);
  const dbName = reuse ?? uniqueDatabaseName('smp_bench');
  const url = reuse ? server.adminUrl.replace(/\/[^/]*$/, `/${reuse}`) : await createDatabase(server.adminUrl, dbName);
  const servers: ServerProcess[] = [];
  try {
    await withClient(url, async (c) => log(`PostgreSQL: ${(await c.query('SHOW server_version')).rows[0].server_version}`));
    await migrate(url);
    log(`Seeding ${fmt(SIZES.small)} + ${fmt(SIZES.big)} cases and ${SIZES.fillerOrganisations} other organisations with COPY…`);
    const seedStart = Date.now();
    const seeded = reuse ? await seededAlready(url) : await seedBenchmark(url, SIZES, log);
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
      // no scheduled work: its polling would interleave with the probe's statements ("same SQL")
      // and the seeded organisations' digests and retention would run during the measurements
      JOBS: 'off',
    };
    const api = await startServer('api', 'src/main.js', env);
    servers.push(api);
    const floor = await startServer('floor', 'bench/floor-server.js', env);
    servers.push(floor);

    const headSmall = benchToken(secret, seeded.small.headUserId, seeded.small.id);
    const plans = reuse ? undefined : makePlans(seeded, secret, headSmall);
    if (plans) await checkSameSql(api, floor, plans);
    else if ([...ONLY].some((p) => p !== 'statistics')) throw new Error('--reuse measures --only=statistics');
    if (args.has('--check-sql')) return;
    if (part('compare')) await apiVersusFloor(api, floor, plans!);
    if (part('list')) await listScaling(api, url, seeded, secret);
    if (part('export')) await exportVersusCopy(api, url, seeded, secret);
    if (part('verify')) await verifyVersusHashing(api, url, seeded, secret);
    if (part('pdf')) results.pdfHealth = await healthWhilePdfsRender(api, url, seeded, secret, PDF_LOAD, log);
    if (part('tasks') && !reuse) await tasksScaling(api, seeded, secret);
    if (part('statistics')) await statisticsScaling(api, url, seeded, secret);
    for (const s of servers.splice(0)) await s.stop();
    if (part('cold')) await coldStart(scratch);
  } finally {
    for (const s of servers) await s.stop();
    if (!args.has('--keep') && !reuse) await dropDatabase(server.adminUrl, dbName);
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
 * Keyset pagination: the first page and a deep page cost the same at SMALL and BIG cases; and
 * each GET /cases filter (docs/case-list.md) the same at both, answered from indexes: the
 * plan of every filtered list at BIG is printed, and one with a sequential scan of cases fails
 * the run. Measured one request at a time with a microsecond clock (load tools round to
 * milliseconds).
 */
async function listScaling(api: ServerProcess, url: string, seeded: Seeded, secret: string) {
  const out: Record<string, unknown> = {};
  const samples = SHORT ? 200 : 500;
  log(
    `\nList p50 (${samples} sequential requests each, SMALL and BIG alternating): ${fmt(seeded.small.cases)} vs ${fmt(seeded.big.cases)} cases in the organisation`,
  );
  const p50s = pairedP50(api, samples);
  const headOf = (org: SeededOrganisation) => benchToken(secret, org.headUserId, org.id);
  // A cursor 20 pages down, as a client paging deep would hold.
  const deep = async (org: SeededOrganisation) => `/cases?limit=50&cursor=${await cursorAt(api.url, headOf(org), 20)}`;
  const [smallDeep, bigDeep] = [await deep(seeded.small), await deep(seeded.big)];
  const [smallFirst, bigFirst] = await p50s(['/cases?limit=50', headOf(seeded.small)], ['/cases?limit=50', headOf(seeded.big)]);
  const [smallDeepP50, bigDeepP50] = await p50s([smallDeep, headOf(seeded.small)], [bigDeep, headOf(seeded.big)]);
  out[seeded.small.cases] = { firstPageP50: smallFirst, deepPageP50: smallDeepP50 };
  out[seeded.big.cases] = { firstPageP50: bigFirst, deepPageP50: bigDeepP50 };
  for (const [cases, first, deepP50] of [
    [seeded.small.cases, smallFirst, smallDeepP50],
    [seeded.big.cases, bigFirst, bigDeepP50],
  ]) {
    log(`  ${fmt(cases).padStart(9)} cases: first page p50 ${fmt(first, 2)} ms, page 21 p50 ${fmt(deepP50, 2)} ms`);
  }
  const ratio = bigFirst / smallFirst;
  log(`  p50 at ${fmt(seeded.big.cases)} / p50 at ${fmt(seeded.small.cases)}: ${fmt(ratio, 2)}× (target ≤ 1.5×)`);
  results.listScaling = { ...out, ratio };
  await listFilters(api, url, seeded, secret, p50s);
}

/** p50 of each of two requests, sent in turn (which goes first alternating too), so that whatever else the machine does hits both alike. */
function pairedP50(api: ServerProcess, samples: number): PairedP50 {
  const time = async (path: string, token: string) => {
    const start = process.hrtime.bigint();
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  return async ([pathA, tokenA], [pathB, tokenB]) => {
    const a: number[] = [];
    const b: number[] = [];
    const budget = Date.now() + 20_000; // a slow request still gets 30 samples, not 500
    for (let i = 0; i < samples + 20 && (i < 50 || Date.now() < budget); i++) {
      const first = i % 2 ? await time(pathA, tokenA) : await time(pathB, tokenB);
      const second = i % 2 ? await time(pathB, tokenB) : await time(pathA, tokenA);
      if (i < 20) continue; // the first 20 warm up
      a.push(i % 2 ? first : second);
      b.push(i % 2 ? second : first);
    }
    return [median(a), median(b)];
  };
}

/**
 * Issue 13: GET /me/tasks at SMALL and BIG, paired — the headteacher (who owns the decisions of
 * every open case they may see) and an investigating manager (their own cases). The list reads at
 * most TASK_CASES_LIMIT open cases through the open-cases index, so its cost must not grow with
 * the organisation: BIG/SMALL ≤ 1.5×.
 */
async function tasksScaling(api: ServerProcess, seeded: Seeded, secret: string) {
  const samples = SHORT ? 100 : 300;
  const p50s = pairedP50(api, samples);
  log(`\nGET /me/tasks p50 (${samples} requests each, SMALL and BIG alternating): ${fmt(seeded.small.cases)} vs ${fmt(seeded.big.cases)} cases`);
  const out: Record<string, unknown> = {};
  for (const [who, userOf] of [
    ['headteacher', (o: SeededOrganisation) => o.headUserId],
    ['investigating manager', (o: SeededOrganisation) => o.investigatorUserIds[0]],
  ] as const) {
    const [small, big] = await p50s(
      ['/me/tasks', benchToken(secret, userOf(seeded.small), seeded.small.id)],
      ['/me/tasks', benchToken(secret, userOf(seeded.big), seeded.big.id)],
    );
    out[who] = { smallP50: small, bigP50: big, ratio: big / small };
    log(`  ${who.padEnd(22)} SMALL ${fmt(small, 2)} ms, BIG ${fmt(big, 2)} ms: ${fmt(big / small, 2)}× (target ≤ 1.5×)`);
  }
  results.tasksScaling = out;
}

type PairedP50 = (a: [path: string, token: string], b: [path: string, token: string]) => Promise<[number, number]>;

interface ListFilterRun {
  name: string;
  /** The query, for an organisation. */
  query: (org: SeededOrganisation) => string;
  /** Who asks: the headteacher, or one of the organisation's investigating managers. */
  as?: 'investigator';
  /** Measured and shown, not held to the target (see docs/benchmarks.md). */
  informational?: string;
}

/** One run per GET /cases filter, and a few together; the values come from each organisation's own data. */
const LIST_FILTER_RUNS: ListFilterRun[] = [
  { name: 'status', query: () => 'status=investigation' },
  { name: 'q: a reference', query: (o) => `q=${o.references[Math.floor(o.references.length * 0.9)]}` },
  { name: 'q: a year and number (2026-0123)', query: (o) => `q=${o.references[Math.floor(o.references.length * 0.9)].slice(4)}` },
  { name: 'q: a number (trigrams)', query: (o) => `q=${o.references[Math.floor(o.references.length * 0.9)].slice(9)}` },
  { name: "q: a person's name", query: (o) => `q=${encodeURIComponent(o.staffNames.get(o.staffIds[7])!)}` },
  { name: 'subjectStaffId', query: (o) => `subjectStaffId=${o.staffIds[7]}` },
  { name: 'safeguarding=true', query: () => 'safeguarding=true' },
  { name: 'overdue=true', query: () => 'overdue=true' },
  { name: 'assignedToMe=true (investigator)', query: () => 'assignedToMe=true', as: 'investigator' },
  { name: 'from=&to= (a month, dates)', query: () => 'from=2026-09-01&to=2026-09-30' },
  { name: 'combined: safeguarding, status, period', query: () => 'safeguarding=true&status=closed&from=2026-01-01&to=2026-06-30' },
  { name: 'combined: name and period', query: (o) => `q=${encodeURIComponent(o.staffNames.get(o.staffIds[7])!)}&from=2024-01-01&to=2026-12-31` },
  {
    name: 'q: a surname (many people)',
    query: (o) => `q=${encodeURIComponent(o.staffNames.get(o.staffIds[7])!.split(' ')[1])}`,
    informational: 'matches ~1% of the big organisation’s cases: cost grows with the matches',
  },
];

/**
 * EXPLAIN ANALYZE of the statements the API sent for the list (with their parameters), on the
 * same database: the directory lookup of a name search, when there is one, then the list.
 * With costs, so that a JIT compilation shows.
 */
async function listPlan(api: ServerProcess, url: string, path: string, token: string): Promise<string> {
  const queries = await api.recordQueries(async () => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
  });
  const list = queries.find((q) => /FROM cases c/.test(q.text) && /ORDER BY c\.created_at DESC/.test(q.text));
  if (!list) throw new Error(`${path}: no list statement recorded`);
  const staff = queries.find((q) => /FROM staff_members s WHERE s\.organisation_id/.test(q.text));
  return withClient(url, async (c) => {
    const explain = async (q: RecordedQuery) =>
      (await c.query(`EXPLAIN (ANALYZE) ${q.text}`, q.values)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    return `${staff ? `(the directory lookup)\n${await explain(staff)}\n(the list)\n` : ''}${await explain(list)}`;
  });
}

async function listFilters(api: ServerProcess, url: string, seeded: Seeded, secret: string, p50s: PairedP50) {
  const table: Array<Record<string, unknown>> = [];
  const plans: Record<string, string> = {};
  const tokenOf = (org: SeededOrganisation, run: ListFilterRun) =>
    benchToken(secret, run.as === 'investigator' ? org.investigatorUserIds[0] : org.headUserId, org.id);
  log(`\nList filters, first page p50: ${fmt(seeded.small.cases)} vs ${fmt(seeded.big.cases)} cases (headteacher unless said)`);
  log(`${'filter'.padEnd(42)} ${'small ms'.padStart(9)} ${'big ms'.padStart(9)} ${'ratio'.padStart(7)}  seq scan of cases, JIT`);
  for (const run of LIST_FILTER_RUNS) {
    const path = (org: SeededOrganisation) => `/cases?limit=50&${run.query(org)}`;
    const [small, big] = await p50s([path(seeded.small), tokenOf(seeded.small, run)], [path(seeded.big), tokenOf(seeded.big, run)]);
    const plan = await listPlan(api, url, path(seeded.big), tokenOf(seeded.big, run));
    const seqScan = /Seq Scan on (cases|case_figures)\b/.test(plan);
    const jit = /^JIT:/m.test(plan);
    plans[run.name] = plan;
    table.push({
      filter: run.name,
      query: run.query(seeded.big),
      smallP50: small,
      bigP50: big,
      ratio: big / small,
      seqScan,
      jit,
      informational: run.informational ?? null,
    });
    log(
      `${run.name.padEnd(42)} ${fmt(small, 2).padStart(9)} ${fmt(big, 2).padStart(9)} ${`${fmt(big / small, 2)}×`.padStart(7)}  ${seqScan ? 'YES' : 'no '}  ${jit ? 'JIT' : '   '}${run.informational ? `  (informational: ${run.informational})` : ''}`,
    );
  }
  const held = table.filter((r) => r.informational === null);
  const worst = Math.max(...held.map((r) => r.ratio as number));
  log(`  worst ratio over the filters held to the target: ${fmt(worst, 2)}× (target ≤ 1.5×)`);
  log(`\nPlans at ${fmt(seeded.big.cases)} cases (EXPLAIN ANALYZE of the statement the API sent):`);
  for (const [name, plan] of Object.entries(plans)) log(`\n--- ${name}\n${plan}`);
  results.listFilters = { runs: table, worstRatio: worst, plans };
  const scanned = table.filter((r) => r.seqScan).map((r) => r.filter);
  if (scanned.length) throw new Error(`a list plan scans the cases table sequentially: ${scanned.join(', ')}`);
}

/** What GET /statistics needs of a database seeded by an earlier run (`--reuse`): the two organisations and their headteachers. */
async function seededAlready(url: string): Promise<Seeded> {
  return withClient(url, async (c) => {
    const org = async (prefix: string): Promise<SeededOrganisation> => {
      const { rows } = await c.query(
        `SELECT o.id, o.name, (SELECT u.id FROM users u WHERE u.organisation_id = o.id AND 'headteacher' = ANY(u.roles) LIMIT 1) AS head,
           (SELECT count(*)::int FROM cases WHERE organisation_id = o.id) AS cases FROM organisations o WHERE o.name LIKE $1`,
        [`${prefix}%`],
      );
      const r = rows[0];
      return {
        id: r.id,
        name: r.name,
        headUserId: r.head,
        deputyUserId: '',
        investigatorUserIds: [],
        staffIds: [],
        staffNames: new Map(),
        caseIds: [],
        references: [],
        cases: r.cases,
      };
    };
    return { small: await org('Small Primary'), big: await org('Big Trust'), fillers: [] };
  });
}

/** GET /statistics periods (issue 12): the seed's cases end on 2026-11-01, spread evenly over five years. */
const STATISTICS_PERIODS = [
  { name: 'a term (September–October 2026)', query: 'from=2026-09-01&to=2026-10-31', bounded: true },
  // a fifth of the table at BIG: PostgreSQL rightly reads it whole, in parallel, rather than 200,000 rows through an index
  { name: 'a school year (2025–26)', query: 'from=2025-09-01&to=2026-08-31', bounded: false },
  { name: 'everything (no period)', query: '', bounded: false },
];

/**
 * Issue 12: GET /statistics as the headteacher, SMALL and BIG alternating, for each period. The
 * figures are counted over the period's cases, so the work grows with them: what must not grow
 * is the cost **per case** (BIG/SMALL ≤ 1.5×), and the API must cost little beyond its own
 * statement run bare on a pg client (the floor: the statement the API sent, captured by the
 * probe, with its parameters, JIT off as on the API's connections and the statement's work_mem). The plan at BIG is printed;
 * a term (3% of the table) whose plan scans `cases` or `case_figures` sequentially fails the run.
 */
async function statisticsScaling(api: ServerProcess, url: string, seeded: Seeded, secret: string) {
  const samples = SHORT ? 15 : 9;
  const headOf = (org: SeededOrganisation) => benchToken(secret, org.headUserId, org.id);
  const path = (query: string) => `/statistics${query ? `?${query}` : ''}`;
  const timeApi = async (p: string, token: string) => {
    const start = process.hrtime.bigint();
    const response = await fetch(`${api.url}${p}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { cases: { count: number | null } };
    if (!response.ok) throw new Error(`${p}: ${response.status}`);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, cases: body.cases.count };
  };
  const statementOf = async (p: string, token: string): Promise<RecordedQuery> => {
    const queries = await api.recordQueries(async () => void (await timeApi(p, token)));
    const statement = queries.find((q) => q.text.includes('GROUPING SETS'));
    if (!statement) throw new Error(`${p}: no statistics statement recorded`);
    return statement;
  };
  log(`
Statistics p50 (${samples} requests each after 3 to warm up, SMALL and BIG alternating), headteacher; the floor is the API's statement run bare`);
  log(
    `${'period'.padEnd(34)} ${'cases S'.padStart(8)} ${'cases B'.padStart(9)} ${'API S ms'.padStart(9)} ${'API B ms'.padStart(9)} ${'µs/case S'.padStart(10)} ${'µs/case B'.padStart(10)} ${'B/S'.padStart(6)} ${'SQL B ms'.padStart(9)} ${'API/SQL'.padStart(8)}  seq scan`,
  );
  const table: Array<Record<string, unknown>> = [];
  const plans: Record<string, string> = {};
  await withClient(url, async (c) => {
    // as on the API's connections, and in its statistics transaction
    await c.query('SET jit = off');
    await c.query(`SET work_mem = '${STATISTICS_WORK_MEM}'`);
    for (const period of STATISTICS_PERIODS) {
      const small: number[] = [];
      const big: number[] = [];
      const sqlBig: number[] = [];
      const sqlSmall: number[] = [];
      const statements = { small: await statementOf(path(period.query), headOf(seeded.small)), big: await statementOf(path(period.query), headOf(seeded.big)) };
      const timeSql = async (q: RecordedQuery) => {
        const start = process.hrtime.bigint();
        await c.query(q.text, q.values);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      let cases = { small: 0, big: 0 };
      // everything at BIG (a million cases) takes seconds a request: fewer samples
      for (let i = 0; i < (period.query ? samples : Math.min(samples, 5)) + 3; i++) {
        const order = i % 2 ? (['small', 'big'] as const) : (['big', 'small'] as const);
        for (const which of order) {
          const answer = await timeApi(path(period.query), headOf(seeded[which]));
          const sql = await timeSql(statements[which]);
          if (i < 3) continue;
          (which === 'small' ? small : big).push(answer.ms);
          (which === 'small' ? sqlSmall : sqlBig).push(sql);
          cases = { ...cases, [which]: answer.cases ?? 0 };
        }
      }
      const plan = (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${statements.big.text}`, statements.big.values)).rows
        .map((r: Record<string, string>) => r['QUERY PLAN'])
        .join('\n');
      const seqScan = /Seq Scan on (cases|case_figures)\b/.test(plan);
      plans[period.name] = plan;
      const [s, b, sb, ss] = [median(small), median(big), median(sqlBig), median(sqlSmall)];
      const perCase = { small: (s * 1000) / Math.max(1, cases.small), big: (b * 1000) / Math.max(1, cases.big) };
      table.push({
        period: period.name,
        query: period.query,
        cases,
        apiP50: { small: s, big: b },
        sqlP50: { small: ss, big: sb },
        microsecondsPerCase: perCase,
        perCaseRatio: perCase.big / perCase.small,
        apiOverSql: b / sb,
        seqScan,
        bounded: period.bounded,
      });
      log(
        `${period.name.padEnd(34)} ${fmt(cases.small).padStart(8)} ${fmt(cases.big).padStart(9)} ${fmt(s, 1).padStart(9)} ${fmt(b, 1).padStart(9)} ${fmt(perCase.small, 1).padStart(10)} ${fmt(perCase.big, 1).padStart(10)} ${`${fmt(perCase.big / perCase.small, 2)}×`.padStart(6)} ${fmt(sb, 1).padStart(9)} ${`${fmt(b / sb, 2)}×`.padStart(8)}  ${seqScan ? 'YES' : 'no'}`,
      );
    }
  });
  const worst = Math.max(...table.map((r) => r.perCaseRatio as number));
  log(
    `  worst cost per case, BIG / SMALL: ${fmt(worst, 2)}× (target ≤ 1.5×); API / its statement bare at BIG: ${table.map((r) => `${fmt(r.apiOverSql as number, 2)}×`).join(', ')}`,
  );
  log(`\nStatistics plans at ${fmt(seeded.big.cases)} cases (EXPLAIN ANALYZE of the statement the API sent):`);
  for (const [name, plan] of Object.entries(plans)) log(`\n--- ${name}\n${plan}`);
  results.statistics = { runs: table, worstPerCaseRatio: worst, plans };
  const scanned = table.filter((r) => r.bounded && r.seqScan).map((r) => r.period);
  if (scanned.length) throw new Error(`a statistics plan over a period scans cases or their figures sequentially: ${scanned.join(', ')}`);
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
