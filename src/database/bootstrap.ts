import { DataSource } from 'typeorm';
import { dataSourceOptions, withDatabase } from './data-source-options';
import { startEmbeddedPostgres, EmbeddedDatabase } from './embedded-postgres';
import { withAdmin } from './server';

export const EMBEDDED_DATABASE_NAME = 'smp';

/**
 * The database the app runs on: DATABASE_URL's, or an embedded PostgreSQL in DATA_DIR
 * (started now, stopped with the app, data kept between runs).
 */
export async function resolveDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
  log: (m: string) => void,
): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (databaseUrl) return { url: databaseUrl };
  const embedded = await startEmbeddedPostgres(dataDir, { log: (m) => (process.env.EMBEDDED_PG_LOG ? log(m) : undefined) });
  try {
    await withAdmin(embedded.url, async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE_NAME]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${EMBEDDED_DATABASE_NAME}`);
    });
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: withDatabase(embedded.url, EMBEDDED_DATABASE_NAME), embedded };
}

/** Applies pending migrations; returns their names. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 1, applicationName: 'smp-migrations' }));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 4, applicationName: 'smp-cli' }));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
