import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { migrate, resolveDatabase, withDataSource } from './database/bootstrap';
import { formatLogins, hasOrganisation, seedDemo } from './demo/demo-seed';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  const config = loadConfig();
  const database = await resolveDatabase(config.databaseUrl, config.dataDir, (m) => logger.log(m));
  if (database.embedded) logger.log(`embedded PostgreSQL running for ${config.dataDir}`);
  let stopping = false;
  const stopDatabase = async () => {
    if (stopping) return;
    stopping = true;
    await database.embedded?.stop();
  };
  try {
    const applied = await migrate(database.url);
    if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
    if (config.nodeEnv !== 'production') {
      await withDataSource(database.url, async (dataSource) => {
        if (await hasOrganisation(dataSource)) return;
        const logins = await seedDemo(dataSource, config.demoPassword, config.passwordCost);
        console.log(`\n${formatLogins(logins, config.demoPassword, Boolean(process.env.DEMO_PASSWORD))}`);
      });
    }
    const app = await createApp(config, database.url);
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => stopDatabase());
    await app.listen({ port: config.port, host: config.host });
    console.log(`API listening on http://${config.host}:${config.port} (docs at /docs)`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
