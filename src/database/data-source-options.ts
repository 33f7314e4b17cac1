import { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';
import { SnakeNamingStrategy } from './naming-strategy';

/** One definition of how the app talks to PostgreSQL; schema only ever from migrations. */
export function dataSourceOptions(url: string, overrides: Partial<{ poolSize: number; applicationName: string }> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    // Failures surface through the problem filter, which logs what is unexpected.
    logging: false,
    poolSize: overrides.poolSize ?? 10,
    applicationName: overrides.applicationName ?? 'smp-casework',
    // JIT compilation pays 25–30 ms up front for plans PostgreSQL thinks expensive: never worth it
    // for a request's few-millisecond statements (docs/benchmarks.md, issue 10 filters).
    extra: { connectionTimeoutMillis: 5_000, options: '-c jit=off' },
  };
}

/** A connection URL for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
