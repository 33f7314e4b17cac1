import { rmSync } from 'node:fs';
import { DatabaseServer, dropDatabase, withAdmin } from '../../src/database/server';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__smpTest as { server: DatabaseServer; dataDir?: string } | undefined;
  if (!state) return;
  const runId = process.env.SMP_TEST_RUN!;
  const leftovers = await withAdmin(state.server.adminUrl, async (c) =>
    (await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${runId}%`])).rows.map((r) => r.datname),
  );
  for (const name of leftovers) await dropDatabase(state.server.adminUrl, name);
  await state.server.embedded?.stop();
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
}
