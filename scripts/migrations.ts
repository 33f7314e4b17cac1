/**
 * Migration tooling.
 *   npm run migration:generate -- <Name>   write migrations/<timestamp>-<Name>.ts from the entity diff
 *   npm run migration:check                fail (exit 1) when entities and migrations drift
 * Uses DATABASE_URL's server when set (creating and dropping a scratch database),
 * otherwise a throwaway embedded PostgreSQL.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { createDatabase, dropDatabase, openServer, uniqueDatabaseName } from '../src/database/server';

async function pendingSchemaChanges() {
  const scratchDir = mkdtempSync(join(tmpdir(), 'smp-migrations-'));
  const server = await openServer(process.env.DATABASE_URL, scratchDir);
  const name = uniqueDatabaseName('smp_migrations');
  try {
    const url = await createDatabase(server.adminUrl, name);
    const dataSource = new DataSource(dataSourceOptions(url, { poolSize: 2 }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      return await dataSource.driver.createSchemaBuilder().log();
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await dropDatabase(server.adminUrl, name);
    await server.embedded?.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

const quote = (sql: string) => sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
const call = (q: { query: string; parameters?: unknown[] }) =>
  `    await queryRunner.query(\`${quote(q.query)}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;

async function generate(name: string) {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Name the migration in PascalCase, e.g. AddEvidence');
  const diff = await pendingSchemaChanges();
  if (!diff.upQueries.length) {
    console.log('No changes: entities and migrations already match.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${diff.upQueries.map(call).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${[...diff.downQueries].reverse().map(call).join('\n')}
  }
}
`;
  writeFileSync(join('migrations', `${file}.ts`), source);
  const indexPath = join('migrations', 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/\nexport const MIGRATIONS/, `\nimport { ${className} } from './${file}';\nexport const MIGRATIONS`)
    .replace(/(export const MIGRATIONS: Function\[\] = \[)([^\]]*)\]/, (_m, head: string, list: string) => {
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `${head}${[...items, className].join(', ')}]`;
    });
  writeFileSync(indexPath, index);
  console.log(`Wrote migrations/${file}.ts (${diff.upQueries.length} statements). Review it, then commit.`);
}

async function check() {
  const diff = await pendingSchemaChanges();
  if (diff.upQueries.length) {
    console.error('Entities and migrations have drifted. Missing from migrations:');
    for (const q of diff.upQueries) console.error(`  ${q.query}`);
    console.error('Run `npm run migration:generate -- <Name>` and commit the result.');
    process.exit(1);
  }
  console.log('Migrations match the entities.');
}

const [command, arg] = process.argv.slice(2);
(command === 'generate' ? generate(arg ?? '') : command === 'check' ? check() : Promise.reject(new Error('usage: migrations generate <Name> | check')))
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
