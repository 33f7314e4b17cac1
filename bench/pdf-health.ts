/**
 * /health latency while large summary PDFs render (issue 9, finding 15): rendering runs on
 * worker threads, so /health must answer within 100 ms (p99) while PDF_RENDER_THREADS
 * summaries render and more wait in the queue. Also how long one large summary takes, which
 * is how long the event loop stalled when it rendered on the main thread.
 */
import { Client } from 'pg';
import { Seeded, benchToken } from './seed';
import { ServerProcess } from './servers';

export interface PdfHealthOptions {
  /** Evidence items added to the case whose summary is rendered. */
  items: number;
  /** Summaries requested at once, in a loop, while /health is probed. */
  concurrent: number;
  seconds: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { samples: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

async function timed(url: string, token?: string): Promise<{ ms: number; status: number; bytes: number }> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, status: response.status, bytes };
}

/** /health one request after another (a pause of 10 ms between), for `seconds` or until `stop`. */
async function probeHealth(api: ServerProcess, seconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const { ms, status } = await timed(`${api.url}/health`);
    if (status !== 200) throw new Error(`/health answered ${status}`);
    latencies.push(ms);
    await new Promise((r) => setTimeout(r, 10));
  }
  return latencies;
}

export async function healthWhilePdfsRender(
  api: ServerProcess,
  url: string,
  seeded: Seeded,
  secret: string,
  options: PdfHealthOptions,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const org = seeded.small;
  const token = benchToken(secret, org.headUserId, org.id);
  // a case of the small organisation the headteacher may read the summary of
  let caseId = '';
  for (const id of org.caseIds.slice(0, 50)) {
    if ((await timed(`${api.url}/cases/${id}/summary`, token)).status === 200) {
      caseId = id;
      break;
    }
  }
  if (!caseId) throw new Error('no case whose summary the headteacher may read');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, kind, description, source, captured_at, sensitivity, sha256, size, media_type, original_filename)
       SELECT c.organisation_id, c.id, $2, 'screenshot', 'Screenshot ' || g || ' of the thread, ' || repeat('with replies naming the colleague and the school. ', 4),
              'the parent', now() - interval '4 days', 'personal', encode(sha256(('bench-item' || g)::bytea), 'hex'), 2048 + g, 'image/png', 'post-' || g || '.png'
       FROM cases c, generate_series(1, $3::int) g WHERE c.id = $1`,
      [caseId, org.headUserId, options.items],
    );
  } finally {
    await client.end();
  }
  const pdfUrl = `${api.url}/cases/${caseId}/summary.pdf`;

  await timed(pdfUrl, token); // warm-up: the render threads load their fonts
  const single = await timed(pdfUrl, token);
  if (single.status !== 200) throw new Error(`summary.pdf answered ${single.status}`);
  const idle = stats(await probeHealth(api, Math.min(3, options.seconds)));

  let stop = false;
  const renders = { ok: 0, busy: 0, ms: [] as number[] };
  const loops = Array.from({ length: options.concurrent }, async () => {
    while (!stop) {
      const r = await timed(pdfUrl, token);
      if (r.status === 200) {
        renders.ok++;
        renders.ms.push(r.ms);
      } else if (r.status === 503) renders.busy++;
      else throw new Error(`summary.pdf answered ${r.status}`);
    }
  });
  const loaded = stats(await probeHealth(api, options.seconds));
  stop = true;
  await Promise.all(loops);

  const fmt = (n: number) => n.toFixed(1);
  log(
    `\n/health while summary PDFs render: one summary of ${options.items} evidence items is ${(single.bytes / 1024).toFixed(0)} KiB and takes ${fmt(single.ms / 1000)} s` +
      ` (what the event loop stalled for when it rendered on the main thread)`,
  );
  log(`  idle:                         /health p50 ${fmt(idle.p50)} ms, p99 ${fmt(idle.p99)} ms, max ${fmt(idle.max)} ms (${idle.samples} requests)`);
  log(
    `  ${options.concurrent} summaries rendering at once: /health p50 ${fmt(loaded.p50)} ms, p99 ${fmt(loaded.p99)} ms, max ${fmt(loaded.max)} ms (${loaded.samples} requests; ` +
      `${renders.ok} PDFs in ${options.seconds} s, ${renders.busy} answered 503 busy) — target p99 < 100 ms`,
  );
  return {
    items: options.items,
    pdfBytes: single.bytes,
    singleRenderMs: single.ms,
    concurrent: options.concurrent,
    idle,
    whileRendering: loaded,
    renders: { ok: renders.ok, busy: renders.busy },
  };
}
