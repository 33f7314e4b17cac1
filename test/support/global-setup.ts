import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, withDataSource } from '../../src/database/bootstrap';
import { createDatabase, openServer, uniqueDatabaseName } from '../../src/database/server';
import { seedDemo } from '../../src/demo/demo-seed';
import { TEST_PASSWORD, TEST_PASSWORD_COST } from './constants';

/**
 * Migrate once: builds a template database (schema + demo organisations) that each test
 * file clones. On DATABASE_URL's server when set, otherwise on an embedded PostgreSQL in
 * a temporary directory. Test databases never touch any other database.
 */
export default async function globalSetup(): Promise<void> {
  const runId = uniqueDatabaseName('smp_test');
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'smp-test-'));
  const server = await openServer(process.env.DATABASE_URL, dataDir ?? '');
  const template = `${runId}_template`;
  const url = await createDatabase(server.adminUrl, template);
  await migrate(url);
  await withDataSource(url, (dataSource) => seedDemo(dataSource, TEST_PASSWORD, TEST_PASSWORD_COST));
  process.env.SMP_TEST_ADMIN_URL = server.adminUrl;
  process.env.SMP_TEST_TEMPLATE = template;
  process.env.SMP_TEST_RUN = runId;
  (globalThis as Record<string, unknown>).__smpTest = { server, dataDir };
}
