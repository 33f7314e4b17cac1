/**
 * Operator commands (npm run cli -- <command>):
 *   migrate                                   apply pending migrations
 *   seed-demo                                 seed the demo organisations (npm run seed:demo)
 *   create-organisation --name <school> --admin-email <e-mail> --admin-name <name>
 *                                             a real organisation and its first admin; the password
 *                                             comes from ADMIN_PASSWORD or is generated and printed once
 * They use DATABASE_URL, or the embedded PostgreSQL in DATA_DIR when it is unset.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hashPassword } from '../auth/password';
import { ConfigError, loadConfig } from '../config/config';
import { migrate, resolveDatabase, withDataSource } from '../database/bootstrap';
import { DEMO_ORGANISATIONS, formatLogins, seedDemo } from '../demo/demo-seed';
import { OrganisationSetup } from '../organisations/organisations.service';

const USAGE = `usage: npm run cli -- migrate | seed-demo | create-organisation --name <school> --admin-email <e-mail> --admin-name <name>`;

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  const database = await resolveDatabase(config.databaseUrl, config.dataDir, () => undefined);
  try {
    const applied = await migrate(database.url);
    if (applied.length) console.log(`applied migrations: ${applied.join(', ')}`);
    switch (command) {
      case 'migrate':
        return;
      case 'seed-demo':
        return await withDataSource(database.url, async (dataSource) => {
          const names = DEMO_ORGANISATIONS.map((o) => o.name);
          const existing = await dataSource.query(`SELECT name FROM organisations WHERE name = ANY($1)`, [names]);
          if (existing.length) {
            console.log('The demo organisations are already there; nothing to do.');
            return;
          }
          const logins = await seedDemo(dataSource, config.demoPassword, config.passwordCost);
          console.log(formatLogins(logins, config.demoPassword, Boolean(process.env.DEMO_PASSWORD)));
        });
      case 'create-organisation':
        return await createOrganisation(rest, config.passwordCost, database.url);
      default:
        throw new UsageError(USAGE);
    }
  } finally {
    await database.embedded?.stop();
  }
}

async function createOrganisation(args: string[], passwordCost: number, url: string): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
    strict: true,
  });
  const name = values.name?.trim();
  const email = values['admin-email']?.trim().toLowerCase();
  const adminName = values['admin-name']?.trim();
  if (!name || !email || !adminName || !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(USAGE);
  const generated = !process.env.ADMIN_PASSWORD;
  const password = process.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  if (password.length < 12) throw new UsageError('ADMIN_PASSWORD must be at least 12 characters');
  const passwordHash = await hashPassword(password, passwordCost);
  await withDataSource(url, async (dataSource) => {
    // a person who already has an account (another school's) joins with it, keeping their own password
    const existing = (await dataSource.query(`SELECT 1 FROM accounts WHERE email = $1`, [email])).length > 0;
    const organisationId = await dataSource.transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const id = await setup.createOrganisation(name);
      await setup.createPerson(id, { email, name: adminName, roles: ['admin'], passwordHash, jobTitle: 'Administrator' });
      return id;
    });
    console.log(`Organisation "${name}" created (${organisationId}).`);
    const shown = existing
      ? '  (an existing account: they sign in with their own password)'
      : generated
        ? `  password: ${password}  (shown once: store it safely)`
        : '';
    console.log(`First admin: ${email}${shown}`);
  });
}

class UsageError extends Error {}

run(process.argv.slice(2))
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof UsageError || error instanceof ConfigError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  });
