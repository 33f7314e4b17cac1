import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { TestClock } from '../../src/common/clock/clock';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { RETENTION_JOB } from '../../src/jobs/retention-job';
import { DIGEST_JOB } from '../../src/notifications/notification-jobs.service';
import { TASK_LISTER, TaskLister, Waiting } from '../../src/notifications/notification.types';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { eventually, TestSmtp } from '../support/smtp';
import { DEMO, reportBody, startTestApp, TestApp, testConfig } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Another API instance on the same database as `t` (what a second server, or a restart, is). */
async function anotherInstance(t: TestApp, env: Record<string, string>): Promise<{ app: NestFastifyApplication; close(): Promise<void> }> {
  const url = (t.db as unknown as { options: { connectionString: string } }).options.connectionString;
  const dataDir = mkdtempSync(join(tmpdir(), 'smp-app-'));
  const config = testConfig(dataDir, env);
  const app = await createApp(config, url, { logger: ['error'], clock: new TestClock() });
  return {
    app,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function newCase(t: TestApp): Promise<{ id: string; reference: string }> {
  const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t));
  expect(res.status).toBe(201);
  // the investigator may see it (a notification is shown only on a case its reader may see): appointed by SQL,
  // so that the case runner tells nobody of it and the notifications here are the test's own
  await t.db.query(`UPDATE cases SET status = 'investigation', investigator_user_id = $2 WHERE id = $1`, [res.body.id, t.ids.users[DEMO.investigator]]);
  const { rows } = await t.db.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [res.body.id]);
  return { id: res.body.id, reference: rows[0].reference };
}

function tasksFor(t: TestApp, c: { id: string; reference: string }) {
  return async (_org: string, userId: string): Promise<Array<Waiting & { overdue: boolean }>> =>
    userId === t.ids.users[DEMO.investigator]
      ? [
          {
            organisationId: t.ids.org.werrington,
            userId,
            caseId: c.id,
            reference: c.reference,
            kind: 'investigate',
            what: 'Investigate the case',
            dueAt: null,
            overdue: false,
          },
        ]
      : [];
}

describe('scheduled work in PostgreSQL (pg-boss), several instances (process.md §6)', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await TestSmtp.start();
  });
  afterAll(async () => smtp?.stop());

  const env = () => ({
    SMTP_URL: smtp.url,
    APP_URL: 'https://casework.test',
    JOBS: 'on',
    JOBS_POLL_SECONDS: '1',
    EMAIL_RETRY_SECONDS: '1',
    EMAIL_MAX_ATTEMPTS: '4',
  });

  it('two instances on one database: a scheduled job is sent once per slot, and the digest mails each person once', async () => {
    // Clear of a minute's end: both instances' schedulers then look within the same slot.
    while (new Date().getSeconds() > 40) await sleep(1000);
    const e = { ...env(), DIGEST_CRON: '* * * * *' };
    const t = await startTestApp(e);
    const c = await newCase(t);
    const second = await anotherInstance(t, e);
    try {
      for (const app of [t.app, second.app]) jest.spyOn(app.get<TaskLister>(TASK_LISTER), 'tasksOf').mockImplementation(tasksFor(t, c));
      await sleep(5000);
      const slots = await t.db.query<{ slot: string; n: number }>(
        `SELECT date_trunc('minute', created_on)::text AS slot, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY 1`,
        [DIGEST_JOB],
      );
      expect(slots.rows.length).toBeGreaterThanOrEqual(1);
      expect(slots.rows.every((r) => r.n === 1)).toBe(true);
      // Asked of both instances at once (as a retried or doubled run would): one e-mail per person for the day.
      await Promise.all([t.app.get(JobQueue).send(DIGEST_JOB, {}), second.app.get(JobQueue).send(DIGEST_JOB, {}), t.app.get(JobQueue).send(DIGEST_JOB, {})]);
      await eventually(
        () => smtp.to(DEMO.investigator).filter((m) => m.subject.startsWith('Your casework')),
        (m) => m.length >= 1,
      );
      await sleep(3000);
      expect(smtp.to(DEMO.investigator).filter((m) => m.subject.startsWith('Your casework'))).toHaveLength(1);
      expect(smtp.mails.filter((m) => m.subject.startsWith('Your casework') && !m.to.includes(DEMO.investigator))).toEqual([]);
    } finally {
      jest.restoreAllMocks();
      await second.close();
      await t.close();
    }
  }, 120_000);

  it('no duplicate after a restart: the app closes mid-queue, another opens on the same database, each e-mail arrives once', async () => {
    const t = await startTestApp(env());
    let reopened: Awaited<ReturnType<typeof anotherInstance>> | undefined;
    try {
      const c = await newCase(t);
      const people = [DEMO.head, DEMO.governor, DEMO.hr, DEMO.investigator2];
      smtp.refuse(people.length); // first attempts refused: they wait for their retries
      await t.app.get(DataSource).transaction((em) =>
        t.app.get(NotificationsService).notify(
          em,
          people.map((p) => ({
            organisationId: t.ids.org.werrington,
            userId: t.ids.users[p],
            caseId: c.id,
            reference: c.reference,
            kind: 'restart',
            what: 'Decide the case',
            dueAt: null,
          })),
        ),
      );
      await eventually(
        async () =>
          (
            await t.db.query(`SELECT count(*)::int AS n FROM email_deliveries WHERE subject LIKE $1 AND recipient = ANY($2) AND attempts >= 1`, [
              `%${c.reference}%`,
              people,
            ])
          ).rows[0].n,
        (n) => n >= 1,
      );
      await t.app.close(); // mid-queue: retries pending
      reopened = await anotherInstance(t, env());
      // the reopened instance sweeps at start; a row left without its job in the last seconds is swept within the minute
      for (const p of people) {
        await eventually(
          () => smtp.to(p).filter((m) => m.subject.includes(c.reference)),
          (m) => m.length >= 1,
          75_000,
        );
      }
      await sleep(3000);
      for (const p of people) expect(smtp.to(p).filter((m) => m.subject.includes(c.reference))).toHaveLength(1);
      const { rows } = await t.db.query(`SELECT DISTINCT status FROM email_deliveries WHERE subject LIKE $1 AND recipient = ANY($2)`, [
        `%${c.reference}%`,
        people,
      ]);
      expect(rows).toEqual([{ status: 'sent' }]);
    } finally {
      await reopened?.close();
      await t.close().catch(() => undefined);
    }
  }, 180_000);

  it('the retention run, as the system: every due case not on hold erased, audited with no person acting', async () => {
    const t = await startTestApp(env());
    try {
      const due = await newCase(t);
      const held = await newCase(t);
      await t.db.query(
        `UPDATE cases SET status = 'closed', closed_at = now() - interval '2 years', retain_until = now() - interval '1 day' WHERE id = ANY($1)`,
        [[due.id, held.id]],
      );
      await t.db.query(`UPDATE cases SET legal_hold_reason = 'litigation' WHERE id = $1`, [held.id]);
      await t.app.get(JobQueue).send(RETENTION_JOB, {});
      await eventually(
        async () => (await t.db.query(`SELECT erased_at FROM cases WHERE id = $1`, [due.id])).rows[0].erased_at,
        (erasedAt) => erasedAt !== null,
      );
      expect((await t.db.query(`SELECT erased_at FROM cases WHERE id = $1`, [held.id])).rows[0].erased_at).toBeNull();
      const events = await t.db.query(`SELECT actor_user_id, actor_role, reason FROM audit_events WHERE case_id = $1 AND action = 'case.erased'`, [due.id]);
      expect(events.rows).toEqual([{ actor_user_id: null, actor_role: null, reason: 'retention_period_ended' }]);
      const verify = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(verify.body.valid).toBe(true);
    } finally {
      await t.close();
    }
  });
});
