import pg from 'pg';

/**
 * The statements the server sends PostgreSQL while `request` is answered, counted on the pg
 * client the app uses (as bench/probe.ts does for the benchmark); the request must answer
 * `status`. The test's own database client must send none meanwhile.
 */
export async function statementsSent(request: () => PromiseLike<{ status: number }>, status: number): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const config = args[0];
    sent.push(typeof config === 'string' ? config : String((config as { text?: string } | undefined)?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    expect((await request()).status).toBe(status);
  } finally {
    spy.mockRestore();
  }
  return sent;
}
