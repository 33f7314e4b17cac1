import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryRows } from '../database/sql';

/**
 * pg-boss keeps its tables in this schema, which it creates and migrates itself when it starts
 * (under an advisory lock, so several instances starting at once are safe). It is the library's,
 * outside our TypeORM migrations and entities: `npm run migration:check` never looks at it.
 */
export const JOBS_SCHEMA = 'pgboss';

/** A kind of job: what runs it and, for scheduled work, when (a cron expression in `tz`). */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  name: string;
  run: (data: T) => Promise<void>;
  schedule?: { cron: string; tz: string };
  /** Retries of a run that throws (pg-boss, with its exponential backoff); default 2. */
  retryLimit?: number;
  /** Run once as soon as the queue starts, besides its schedule: work an instance that stopped left behind is picked up at once. */
  atStart?: boolean;
}

export interface SendOptions {
  /** Enqueue inside the caller's transaction: the job exists if and only if the transaction commits. */
  em?: EntityManager;
  startAfter?: Date;
}

/**
 * The one job queue (pg-boss on the app's database): modules define their jobs while the app
 * initialises; the queue starts once the app has (workers and schedules), and stops, letting
 * running jobs finish, before the database connections close. JOBS=off: nothing starts here,
 * and `send` is a no-op that says so (another instance, or the sweep, picks the work up).
 *
 * Several instances: pg-boss hands each job to one worker (SKIP LOCKED), and a schedule's job is
 * sent once per cron slot whichever instance's clock monitor fires (its `singletonKey` and
 * 60-second slot); what a job does is idempotent besides (docs/notifications.md).
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition<object>>();
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get enabled(): boolean {
    return this.config.jobs.enabled;
  }

  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} is defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  /** The definitions, for documentation and tests. */
  defined(): JobDefinition<object>[] {
    return [...this.definitions.values()];
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) {
      this.logger.log('scheduled work is off on this instance (JOBS=off)');
      return;
    }
    const poll = this.config.jobs.pollSeconds;
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url?: string }).url,
      schema: JOBS_SCHEMA,
      application_name: 'smp-casework-jobs',
      max: 4,
      pollingIntervalSeconds: poll,
      cronMonitorIntervalSeconds: poll,
      cronWorkerIntervalSeconds: poll,
    });
    // Errors of its own loops (a lost connection while polling): logged, the loops go on.
    boss.on('error', (error) => this.logger.warn(`job queue: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const definition of this.definitions.values()) {
      await boss.createQueue(definition.name, { name: definition.name, retryLimit: definition.retryLimit ?? 2, retryDelay: poll, retryBackoff: true });
      await boss.work<object>(definition.name, { pollingIntervalSeconds: poll, batchSize: 1 }, async ([job]) => {
        await definition.run(job.data ?? {});
      });
      if (definition.schedule) await boss.schedule(definition.name, definition.schedule.cron, {}, { tz: definition.schedule.tz });
      if (definition.atStart) await boss.send(definition.name, {});
    }
    this.logger.log(`scheduled work is on: ${[...this.definitions.keys()].join(', ')}`);
  }

  /** Runs when the app closes, before TypeORM's connections go: jobs under way finish first. */
  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    // jobs under way may still send theirs (a failed e-mail's retry): the queue is let go only once they are done
    await boss?.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
    this.boss = undefined;
  }

  /** Enqueues a job; false when the queue is off on this instance. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<boolean> {
    if (!this.boss) return false;
    const em = options.em;
    await this.boss.send(name, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      ...(em ? { db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await queryRows(em, text, values) }) } } : {}),
    });
    return true;
  }
}
