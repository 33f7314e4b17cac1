import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './data-source-options';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** A PostgreSQL server we may create throwaway databases on: `DATABASE_URL`'s, or an embedded one. */
export interface DatabaseServer {
  /** URL of the maintenance database (`postgres`) on that server. */
  adminUrl: string;
  embedded?: EmbeddedDatabase;
}

export async function openServer(databaseUrl: string | undefined, embeddedDataDir: string, log?: (m: string) => void): Promise<DatabaseServer> {
  if (databaseUrl) return { adminUrl: withDatabase(databaseUrl, 'postgres') };
  const embedded = await startEmbeddedPostgres(embeddedDataDir, { log });
  return { adminUrl: embedded.url, embedded };
}

export async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}${template ? ` TEMPLATE ${c.escapeIdentifier(template)}` : ''}`));
  return withDatabase(adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}
