import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { TestClock } from '../../src/common/clock/clock';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { RETENTION_JOB } from '../../src/jobs/retention-job';
import { DIGEST_JOB, EXPIRING_JOB, EXPIRING_WHAT, NotificationJobs, OVERDUE_JOB } from '../../src/notifications/notification-jobs.service';
import { TASK_LISTER, TaskLister, Waiting } from '../../src/notifications/notification.types';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { RetentionService } from '../../src/retention/retention.service';
import { eventually, TestSmtp } from '../support/smtp';
import { DEMO, monitoringRequestBody, reportBody, startTestApp, TestApp, testConfig } from '../support/test-app';

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

/** Holds each run until `n` runs are under way at once (or 15 s pass): with one worker per instance, the first two runs are one on each instance, overlapping. */
function meeting(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived >= n) open();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, 15_000)))]);
    clearTimeout(timer);
  };
}

type Job = () => Promise<unknown>;

/** Each instance's `service[method]` (what a job runs) spied on: which instance ran each run and what it returned, runs held until two overlap. */
function overlappingRuns(services: Record<string, object>, method: string): Array<{ instance: string; result?: unknown }> {
  const runs: Array<{ instance: string; result?: unknown }> = [];
  const meet = meeting(2);
  for (const [instance, service] of Object.entries(services)) {
    const target = service as Record<string, Job>;
    const original = target[method].bind(service);
    jest.spyOn(target, method).mockImplementation(async () => {
      const run: { instance: string; result?: unknown } = { instance };
      runs.push(run);
      await meet();
      run.result = await original();
      return run.result;
    });
  }
  return runs;
}

/** Sends `name` from both instances at once, three times in all (as a retried or doubled run would), and waits until every such job has finished. */
async function sendFromBoth(t: TestApp, second: NestFastifyApplication, name: string): Promise<Array<{ state: string }>> {
  await Promise.all([t.app.get(JobQueue).send(name, {}), second.get(JobQueue).send(name, {}), t.app.get(JobQueue).send(name, {})]);
  return eventually(
    async () => (await t.db.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = $1`, [name])).rows,
    (rows) => rows.length >= 3 && rows.every((r) => ['completed', 'failed', 'cancelled'].includes(r.state)),
    60_000,
  );
}

/**
 * Sends a scheduled job from both instances at once (sendFromBoth), with the service method it
 * runs made to meet its twin on the other instance (overlappingRuns): every job completes and
 * both instances ran it, overlapping. The runs, for what each did.
 */
async function runOnBoth<T extends object>(
  t: TestApp,
  second: NestFastifyApplication,
  service: Type<T>,
  method: keyof T & string,
  job: string,
): Promise<Array<{ instance: string; result?: unknown }>> {
  const runs = overlappingRuns({ first: t.app.get(service), second: second.get(service) }, method);
  const jobs = await sendFromBoth(t, second, job);
  expect(jobs.every((j) => j.state === 'completed')).toBe(true);
  expect(new Set(runs.map((r) => r.instance))).toEqual(new Set(['first', 'second']));
  return runs;
}

/** A case the deputy reports (status reported, triage due in 2 working days). */
async function reportedCase(t: TestApp): Promise<{ id: string; reference: string }> {
  const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t));
  expect(res.status).toBe(201);
  const { rows } = await t.db.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [res.body.id]);
  return { id: res.body.id, reference: rows[0].reference };
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

  it('two instances on one database: every schedule (digest, overdue flags, expiring authorisations, retention) sends its job once per cron slot', async () => {
    const names = [DIGEST_JOB, OVERDUE_JOB, EXPIRING_JOB, RETENTION_JOB];
    const e = { ...env(), DIGEST_CRON: '* * * * *' };
    const t = await startTestApp(e);
    const second = await anotherInstance(t, e);
    try {
      // Only the digest's time is configuration (DIGEST_CRON): the others' (hourly, daily) are set to every minute where
      // both instances' schedulers read them, pg-boss's schedule table, so that each sees every slot of the run.
      const updated = await t.db.query(`UPDATE pgboss.schedule SET cron = '* * * * *' WHERE name = ANY($1)`, [names]);
      expect(updated.rowCount).toBe(names.length);
      // Both schedulers run across a slot's boundary: the slot they were set in, and the whole start of the next.
      const { rows: now } = await t.db.query<{ s: number }>(`SELECT extract(second FROM now())::int AS s`);
      await sleep((60 - now[0].s + 8) * 1000);
      const slots = await t.db.query<{ name: string; slot: string; n: number }>(
        `SELECT name, date_trunc('minute', created_on)::text AS slot, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY 1, 2 ORDER BY 1, 2`,
        [names],
      );
      const perJob = names.map((name) => {
        const mine = slots.rows.filter((r) => r.name === name);
        return { name, slotsSeen: mine.length >= 2, slotsSentMoreThanOnce: mine.filter((r) => r.n !== 1).map((r) => `${r.slot}: ${r.n}`) };
      });
      expect(perJob).toEqual(names.map((name) => ({ name, slotsSeen: true, slotsSentMoreThanOnce: [] })));
    } finally {
      await second.close();
      await t.close();
    }
  }, 150_000);

  it('two instances on one database: the overdue flags, run on both at once, tell each owner of an overdue task once (in the app and by e-mail)', async () => {
    const t = await startTestApp(env());
    // the investigator's investigation (20 working days) and the deputy head's triage (2) both long overdue
    const investigating = await newCase(t);
    const reported = await reportedCase(t);
    await t.db.query(`UPDATE cases SET created_at = now() - interval '60 days' WHERE id = $1`, [investigating.id]);
    await t.db.query(`UPDATE cases SET created_at = now() - interval '10 days' WHERE id = $1`, [reported.id]);
    // the cases are made before the second instance starts, and it shares the first's signing secret (one deployment's configuration)
    const second = await anotherInstance(t, { ...env(), JWT_SECRET: t.config.jwtSecret });
    try {
      const runs = await runOnBoth(t, second.app, NotificationJobs, 'overdue', OVERDUE_JOB);
      expect(runs.length).toBeGreaterThanOrEqual(3);

      const told = await t.db.query<{ user_id: string; case_id: string; kind: string; n: number }>(
        `SELECT user_id, case_id, kind, count(*)::int AS n FROM notifications WHERE event = 'overdue' AND case_id = ANY($1) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [[investigating.id, reported.id]],
      );
      expect(told.rows).toEqual(
        expect.arrayContaining([
          { user_id: t.ids.users[DEMO.investigator], case_id: investigating.id, kind: 'investigate', n: 1 },
          { user_id: t.ids.users[DEMO.deputy], case_id: reported.id, kind: 'triage', n: 1 },
        ]),
      );
      expect(told.rows.filter((r) => r.n !== 1)).toEqual([]);
      // no overdue flag told twice to anyone, about any case of the demo either
      const twice = await t.db.query(`SELECT user_id, case_id, kind FROM notifications WHERE event = 'overdue' GROUP BY 1, 2, 3 HAVING count(*) > 1`);
      expect(twice.rows).toEqual([]);

      const overdueMails = (who: string, c: { reference: string }) =>
        smtp.to(who).filter((m) => m.subject.startsWith('Overdue: ') && m.subject.includes(c.reference));
      await eventually(
        () => [overdueMails(DEMO.investigator, investigating), overdueMails(DEMO.deputy, reported)],
        ([a, b]) => a.length >= 1 && b.length >= 1,
      );
      await sleep(3000);
      expect(overdueMails(DEMO.investigator, investigating)).toHaveLength(1);
      expect(overdueMails(DEMO.deputy, reported)).toHaveLength(1);
      const subjects = smtp.mails.filter((m) => m.subject.startsWith('Overdue: ')).map((m) => `${m.to.join(',')} ${m.subject}`);
      expect(subjects.filter((s, i) => subjects.indexOf(s) !== i)).toEqual([]);
    } finally {
      jest.restoreAllMocks();
      await second.close();
      await t.close();
    }
  }, 120_000);

  it('two instances on one database: the expiring-authorisation run, on both at once, tells whoever decided it once', async () => {
    const t = await startTestApp(env());
    // an authorisation the head approved, ending in two days (within 5 working days)
    const c = await newCase(t);
    const asked = await (
      await t.as(DEMO.investigator)
    ).post(`/cases/${c.id}/monitoring-requests`, monitoringRequestBody({ expiresAt: new Date(Date.now() + 2 * 86_400_000).toISOString() }));
    expect(asked.status).toBe(201);
    expect((await (await t.as(DEMO.head)).post(`/monitoring-requests/${asked.body.id}/approve`, {})).status).toBe(200);
    const second = await anotherInstance(t, { ...env(), JWT_SECRET: t.config.jwtSecret });
    try {
      await runOnBoth(t, second.app, NotificationJobs, 'expiring', EXPIRING_JOB);

      const told = await t.db.query(`SELECT user_id, kind, what FROM notifications WHERE event = 'expiring' AND case_id = $1`, [c.id]);
      expect(told.rows).toEqual([{ user_id: t.ids.users[DEMO.head], kind: 'monitoring_authorisation_expiry', what: EXPIRING_WHAT }]);
      const expiringMails = () => smtp.mails.filter((m) => m.subject.startsWith('A monitoring authorisation ends soon') && m.subject.includes(c.reference));
      await eventually(expiringMails, (m) => m.length >= 1);
      await sleep(3000);
      expect(expiringMails().map((m) => m.to)).toEqual([[DEMO.head]]);
    } finally {
      jest.restoreAllMocks();
      await second.close();
      await t.close();
    }
  }, 120_000);

  it('two instances on one database: the retention run, on both at once, erases each due case once — one audit event of its erasure, no error', async () => {
    const t = await startTestApp(env());
    const due: string[] = [];
    for (let i = 0; i < 6; i++) due.push((await newCase(t)).id);
    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() - interval '2 years', retain_until = now() - interval '1 day' WHERE id = ANY($1)`, [
      due,
    ]);
    const second = await anotherInstance(t, { ...env(), JWT_SECRET: t.config.jwtSecret });
    try {
      const runs = await runOnBoth(t, second.app, RetentionService, 'runAsSystem', RETENTION_JOB);
      // every run finished with no case failed, and between them erased each due case exactly once
      const results = runs.map((r) => r.result as { erased: string[]; failed: string[] });
      expect(results.flatMap((r) => r.failed)).toEqual([]);
      expect(results.flatMap((r) => r.erased).sort()).toEqual([...due].sort());

      const erased = await t.db.query(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1) AND erased_at IS NOT NULL`, [due]);
      expect(erased.rows[0].n).toBe(due.length);
      const events = await t.db.query<{ case_id: string; n: number }>(
        `SELECT case_id, count(*)::int AS n FROM audit_events WHERE case_id = ANY($1) AND action = 'case.erased' GROUP BY 1`,
        [due],
      );
      expect(events.rows.map((r) => r.n)).toEqual(due.map(() => 1));
      const verify = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(verify.body.valid).toBe(true);
    } finally {
      jest.restoreAllMocks();
      await second.close();
      await t.close();
    }
  }, 120_000);
});
