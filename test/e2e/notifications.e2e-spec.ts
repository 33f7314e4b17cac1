import { DataSource } from 'typeorm';
import { Waiting, TASK_LISTER, TaskLister } from '../../src/notifications/notification.types';
import { NotificationsService } from '../../src/notifications/notifications.service';
import { JobQueue } from '../../src/jobs/job-queue.service';
import { DIGEST_JOB } from '../../src/notifications/notification-jobs.service';
import { DEMO, reportBody, startTestApp, TestApp } from '../support/test-app';
import { eventually, TestSmtp } from '../support/smtp';

const APP_URL = 'https://casework.werrington.test';
/** Free text of the case that must never reach an e-mail. */
const SECRET = {
  description: 'Zanzibar-quokka posted about Mrs Threlfall-Ogunbanjo in the staff room group',
  url: 'https://facebook.example/posts/zanzibar-quokka',
  reporter: 'Perpetua Winterbottom',
};

const env = (smtp: TestSmtp, extra: Record<string, string> = {}) => ({
  SMTP_URL: smtp.url,
  SMTP_FROM: 'Casework <casework@werrington.test>',
  APP_URL,
  JOBS: 'on',
  JOBS_POLL_SECONDS: '1',
  EMAIL_RETRY_SECONDS: '1',
  EMAIL_MAX_ATTEMPTS: '3',
  ...extra,
});

async function newCase(t: TestApp): Promise<{ id: string; reference: string }> {
  const res = await (
    await t.as(DEMO.deputy)
  ).post('/reports', reportBody(t, { description: SECRET.description, url: SECRET.url, reporter: { name: SECRET.reporter, relationship: 'parent' } }));
  expect(res.status).toBe(201);
  // the investigator may see it (a notification is shown only on a case its reader may see): appointed by SQL,
  // so that the case runner tells nobody of it and the notifications here are the test's own
  await t.db.query(`UPDATE cases SET status = 'investigation', investigator_user_id = $2 WHERE id = $1`, [res.body.id, t.ids.users[DEMO.investigator]]);
  // the report told the deputy head (a task: triage) by e-mail: let that mail go before a test counts or refuses mails
  await eventually(
    async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_deliveries WHERE status IN ('pending', 'sending')`)).rows[0].n,
    (pending) => pending === 0,
  );
  const { rows } = await t.db.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [res.body.id]);
  return { id: res.body.id, reference: rows[0].reference };
}

function waitingFor(t: TestApp, email: string, c: { id: string; reference: string }, overrides: Partial<Waiting> = {}): Waiting {
  return {
    organisationId: t.ids.org.werrington,
    userId: t.ids.users[email],
    caseId: c.id,
    reference: c.reference,
    kind: 'investigate',
    what: 'Investigate the case',
    dueAt: '2026-12-04T17:00:00.000Z',
    ...overrides,
  };
}

/** What the lead's case changes do: notify inside the change's transaction. */
const notify = (t: TestApp, waiting: Waiting[]) => t.app.get(DataSource).transaction((em) => t.app.get(NotificationsService).notify(em, waiting));

function expectNoCaseContent(text: string): void {
  for (const secret of [SECRET.description, 'Zanzibar', 'Threlfall', SECRET.url, SECRET.reporter, 'Sam Teacher', 'facebook'])
    expect(text).not.toContain(secret);
}

describe('notifications: in the application and by e-mail (process.md §6)', () => {
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    t = await startTestApp(env(smtp));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('something waits for the investigator: an in-app notification and one immediate e-mail, with no case content', async () => {
    const c = await newCase(t);
    await notify(t, [waitingFor(t, DEMO.investigator, c)]);
    // Asked again (a retried change, a second instance): told once.
    await notify(t, [waitingFor(t, DEMO.investigator, c)]);

    const [mail] = await eventually(
      () => smtp.to(DEMO.investigator).filter((m) => m.subject.includes(c.reference)),
      (m) => m.length >= 1,
    );
    expect(mail.subject).toBe(`A case waits for you: ${c.reference} — Investigate the case, due 4 December 2026`);
    expect(mail.text).toContain(`${APP_URL}/app/cases/${c.id}`);
    expectNoCaseContent(mail.raw);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(DEMO.investigator).filter((m) => m.subject.includes(c.reference))).toHaveLength(1);

    const list = await (await t.as(DEMO.investigator)).get('/me/notifications');
    expect(list.status).toBe(200);
    const mine = list.body.items.filter((n: { caseId: string }) => n.caseId === c.id);
    expect(mine).toEqual([
      expect.objectContaining({
        event: 'waiting',
        reference: c.reference,
        kind: 'investigate',
        what: 'Investigate the case',
        dueAt: '2026-12-04T17:00:00.000Z',
        readAt: null,
      }),
    ]);
    expect(list.body.unread).toBeGreaterThanOrEqual(1);
  });

  it('a person reads their own notifications only: another person’s is 404, as if it did not exist', async () => {
    const c = await newCase(t);
    await notify(t, [waitingFor(t, DEMO.head, c, { kind: 'decide_monitoring', what: 'Decide the monitoring request' })]);
    const head = await t.as(DEMO.head);
    const [n] = (await head.get('/me/notifications')).body.items.filter((x: { caseId: string }) => x.caseId === c.id);
    const before = (await head.get('/me/notifications')).body.unread;

    expect((await (await t.as(DEMO.investigator)).post(`/me/notifications/${n.id}/read`)).status).toBe(404);
    expect((await (await t.as(DEMO.investigator)).get('/me/notifications')).body.items.map((x: { id: string }) => x.id)).not.toContain(n.id);

    const read = await head.post(`/me/notifications/${n.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await head.get('/me/notifications')).body.unread).toBe(before - 1);
    // Read again: unchanged.
    expect((await head.post(`/me/notifications/${n.id}/read`)).body.readAt).toBe(read.body.readAt);
  });

  it('preferences: both by default; digest only means no immediate e-mail, the in-app notification still comes', async () => {
    const hr = await t.as(DEMO.hr);
    expect((await hr.get('/me/notification-preferences')).body).toEqual({ email: 'both' });
    expect((await hr.put('/me/notification-preferences', { email: 'sometimes' })).status).toBe(400);
    expect((await hr.put('/me/notification-preferences', { email: 'digest' })).body).toEqual({ email: 'digest' });
    expect((await hr.get('/me/notification-preferences')).body).toEqual({ email: 'digest' });

    const c = await newCase(t);
    await notify(t, [
      waitingFor(t, DEMO.hr, c, { kind: 'lodge_appeal', what: 'Record the appeal' }),
      waitingFor(t, DEMO.governor, c, { kind: 'hear_appeal', what: 'Hear the appeal' }),
    ]);
    await eventually(
      () => smtp.to(DEMO.governor).filter((m) => m.subject.includes(c.reference)),
      (m) => m.length === 1,
    );
    expect(smtp.to(DEMO.hr).filter((m) => m.subject.includes(c.reference))).toHaveLength(0);
    expect((await hr.get('/me/notifications')).body.items.some((n: { caseId: string }) => n.caseId === c.id)).toBe(true);
  });

  it('retries after the server refuses, with backoff, then delivers once', async () => {
    const c = await newCase(t);
    smtp.refuse(2);
    const refusedBefore = smtp.refused;
    await notify(t, [waitingFor(t, DEMO.investigator2, c)]);
    const mails = await eventually(
      () => smtp.to(DEMO.investigator2).filter((m) => m.subject.includes(c.reference)),
      (m) => m.length === 1,
      30_000,
    );
    expect(mails).toHaveLength(1);
    expect(smtp.refused - refusedBefore).toBe(2);
    const { rows } = await t.db.query(`SELECT status, attempts, last_error FROM email_deliveries WHERE subject LIKE $1 AND recipient = $2`, [
      `%${c.reference}%`,
      DEMO.investigator2,
    ]);
    expect(rows).toEqual([{ status: 'sent', attempts: 3, last_error: null }]);
  });

  it('a delivery failing after the last attempt is marked failed and shown to the admin (recipient and error, no case content)', async () => {
    const c = await newCase(t);
    smtp.refuseAll();
    try {
      await notify(t, [waitingFor(t, DEMO.deputy, c, { kind: 'triage', what: 'Triage the report' })]);
      const admin = await t.as(DEMO.admin);
      const failed = await eventually(
        async () => (await admin.get('/notifications/failed-deliveries')).body.items as Array<Record<string, unknown>>,
        (items) => items.some((i) => i.recipient === DEMO.deputy),
        30_000,
      );
      const item = failed.find((i) => i.recipient === DEMO.deputy)!;
      expect(item).toEqual(expect.objectContaining({ kind: 'notification', attempts: 3, lastError: expect.stringContaining('451') }));
      expectNoCaseContent(JSON.stringify(failed));
      expect((await (await t.as(DEMO.head)).get('/notifications/failed-deliveries')).status).toBe(403);
    } finally {
      smtp.refuseAll(false);
    }
  });

  it('the digest at 07:00 London: one e-mail per person listing due and overdue tasks, in winter (GMT) and summer (BST); none for someone with nothing', async () => {
    const c = await newCase(t);
    const lister = t.app.get<TaskLister>(TASK_LISTER);
    const asked: Date[] = [];
    jest.spyOn(lister, 'tasksOf').mockImplementation(async (_org, userId, now) => {
      asked.push(now);
      if (userId !== t.ids.users[DEMO.investigator]) return [];
      return [
        { ...waitingFor(t, DEMO.investigator, c, { dueAt: '2026-12-01T17:00:00.000Z' }), overdue: true },
        {
          ...waitingFor(t, DEMO.investigator, c, { kind: 'subject_response', what: 'Record the subject’s response', dueAt: '2026-12-09T17:00:00.000Z' }),
          overdue: false,
        },
      ];
    });
    try {
      for (const [instant, day] of [
        ['2026-12-03T07:00:00.000Z', '3 December 2026'], // 07:00 GMT
        ['2026-07-01T06:00:00.000Z', '1 July 2026'], // 07:00 BST
      ] as const) {
        t.clock.set(instant);
        await t.app.get(JobQueue).send(DIGEST_JOB, {});
        const [mail] = await eventually(
          () => smtp.to(DEMO.investigator).filter((m) => m.subject.startsWith(`Your casework for ${day}`)),
          (m) => m.length === 1,
        );
        expect(mail.subject).toBe(`Your casework for ${day}: 1 overdue, 1 to do`);
        expect(mail.text).toContain(`- ${c.reference} — Investigate the case, was due 1 December 2026`);
        expect(mail.text).toContain(`- ${c.reference} — Record the subject’s response, due 9 December 2026`);
        expect(mail.text.indexOf('Overdue:')).toBeLessThan(mail.text.indexOf('To do:'));
        expect(mail.text).toContain(`${APP_URL}/app/cases/${c.id}`);
        expectNoCaseContent(mail.raw);
      }
      // Run again for the same day: no second digest.
      await t.app.get(JobQueue).send(DIGEST_JOB, {});
      await new Promise((r) => setTimeout(r, 2500));
      expect(smtp.to(DEMO.investigator).filter((m) => m.subject.startsWith('Your casework for 1 July 2026'))).toHaveLength(1);
      expect(smtp.mails.filter((m) => m.subject.startsWith('Your casework') && !m.to.includes(DEMO.investigator))).toEqual([]);
      expect(asked.length).toBeGreaterThan(0);
    } finally {
      jest.restoreAllMocks();
      t.clock.reset();
    }
  });
});

describe('notifications with e-mail off (no SMTP_URL)', () => {
  it('in-app notifications still work and nothing is queued for e-mail', async () => {
    const t = await startTestApp({ JOBS: 'on', JOBS_POLL_SECONDS: '1' });
    try {
      const c = await newCase(t);
      await notify(t, [waitingFor(t, DEMO.investigator, c)]);
      const list = await (await t.as(DEMO.investigator)).get('/me/notifications');
      expect(list.body.items.map((n: { caseId: string }) => n.caseId)).toContain(c.id);
      expect((await t.db.query('SELECT count(*)::int AS n FROM email_deliveries')).rows[0].n).toBe(0);
    } finally {
      await t.close();
    }
  });
});
