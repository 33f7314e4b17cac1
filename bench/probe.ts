/**
 * Preloaded (`node -r`) into the API and floor server processes: answers the benchmark's
 * IPC questions — CPU used so far, and which SQL statements were sent while recording —
 * so the two servers can be compared on the same footing.
 */
import pg from 'pg';

const statements: string[] = [];
/** The same statements with their parameters, for EXPLAIN (bench/run.ts, the list plans). */
const queries: Array<{ text: string; values: unknown[] }> = [];
let recording = false;
const original = pg.Client.prototype.query;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
(pg.Client.prototype as any).query = function (this: unknown, config: unknown, ...rest: unknown[]) {
  if (recording) {
    const text = typeof config === 'string' ? config : (config as { text?: string })?.text;
    const values = typeof config === 'string' ? rest[0] : (config as { values?: unknown[] })?.values;
    if (text) {
      statements.push(text);
      queries.push({ text, values: Array.isArray(values) ? values : [] });
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (original as any).call(this, config, ...rest);
};

process.on('message', (message: { type: string }) => {
  if (message.type === 'cpu') process.send?.({ type: 'cpu', usage: process.cpuUsage(), memory: process.memoryUsage().rss });
  if (message.type === 'sql-start') {
    statements.length = 0;
    queries.length = 0;
    recording = true;
    process.send?.({ type: 'sql-started' });
  }
  if (message.type === 'sql-stop') {
    recording = false;
    process.send?.({ type: 'sql', statements: [...statements], queries: [...queries] });
  }
});
