import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { localDateOf, startOfLocalDate } from '../../src/calendar/working-days';
import { Client, DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * The audit log (domain.md "Audit log"; §4, §5, §13): GET /audit, GET /audit/verify, the
 * database's refusal to change events, and the hash chain's detection of tampering.
 */

interface AuditItem {
  seq: number;
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  caseId: string | null;
  entityType: string | null;
  entityId: string | null;
  payload: unknown;
  hash: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function newCase(t: TestApp, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, overrides));
  expect(res.status).toBe(201);
  return res.body.id;
}

async function view(t: TestApp, email: string, caseId: string): Promise<void> {
  expect((await (await t.as(email)).get(`/cases/${caseId}`)).status).toBe(200);
}

async function auditAll(client: Client, query: string, limit = 200): Promise<AuditItem[]> {
  const items: AuditItem[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const res = await client.get(`/audit?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error('the audit list never ended');
}

async function rowCount(t: TestApp, organisationId: string): Promise<number> {
  return Number((await t.db.query('SELECT count(*) AS n FROM audit_events WHERE organisation_id = $1', [organisationId])).rows[0].n);
}

async function lastSeq(t: TestApp, organisationId: string): Promise<number> {
  return Number((await t.db.query('SELECT max(seq) AS s FROM audit_events WHERE organisation_id = $1', [organisationId])).rows[0].s);
}

async function verify(t: TestApp, email: string = DEMO.head) {
  const res = await (await t.as(email)).get('/audit/verify');
  expect(res.status).toBe(200);
  return res.body as { valid: boolean; events: number; headHash: string; firstBrokenAt: number | null };
}

describe('GET /audit', () => {
  let t: TestApp;
  const cases: string[] = [];
  let headSubjectCase: string;
  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 3; i++) cases.push(await newCase(t));
    headSubjectCase = await newCase(t, { subjectStaffIds: [t.ids.staff['head@demo.school']] });
  });
  afterAll(() => t.close());

  it.each([
    ['deputy_head', DEMO.deputy],
    ['investigating_manager', DEMO.investigator],
    ['governor', DEMO.governor],
    ['admin', DEMO.admin],
    ["Northfield's admin", DEMO.northAdmin],
  ])('%s → 403', async (_label, email) => {
    const client = await t.as(email);
    expectProblem(await client.get('/audit'), 403);
    expectProblem(await client.get('/audit/verify'), 403);
  });

  it('needs a token (401)', async () => {
    expectProblem(await t.http().get('/audit'), 401);
    expectProblem(await t.http().get('/audit/verify'), 401);
  });

  it('the headteacher reads it, newest first; the read itself is audited', async () => {
    const head = await t.as(DEMO.head);
    await view(t, DEMO.head, cases[0]);
    const first = await head.get('/audit?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ action: 'case.viewed', caseId: cases[0], actorUserId: t.ids.users[DEMO.head], actorRole: 'headteacher' }),
    ]);
    const second = await head.get('/audit?limit=1');
    expect(second.body.items).toEqual([
      expect.objectContaining({ action: 'audit.read', caseId: null, actorUserId: t.ids.users[DEMO.head], actorRole: 'headteacher' }),
    ]);
    expect(second.body.items[0].seq).toBeGreaterThan(first.body.items[0].seq);

    const all = await auditAll(head, '');
    for (let i = 1; i < all.length; i++) {
      expect(all[i].seq).toBeLessThan(all[i - 1].seq);
      expect(all[i].occurredAt <= all[i - 1].occurredAt).toBe(true);
    }
    // the seeding of the organisation is there too, at the very end
    expect(all[all.length - 1]).toEqual(expect.objectContaining({ seq: 1, action: 'organisation.created', actorUserId: null, actorName: null }));
    // each event names, for people reading it, who acted and the case's reference
    const reference = (await t.db.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [cases[0]])).rows[0].reference;
    expect(first.body.items[0]).toEqual(expect.objectContaining({ actorName: 'Helen Head', caseReference: reference }));
    expect(second.body.items[0]).toEqual(expect.objectContaining({ actorName: 'Helen Head', caseReference: null }));
    expect(all[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        occurredAt: expect.any(String),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        payload: expect.anything(),
      }),
    );
  });

  it('hr reads the audit log (the visibility predicate only binds the parameters its clauses use)', async () => {
    const res = await (await t.as(DEMO.hr)).get(`/audit?caseId=${cases[0]}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: AuditItem) => i.action)).toContain('report.created');
    // hr is not conflicted on a case about the headteacher
    const about = await (await t.as(DEMO.hr)).get(`/audit?caseId=${headSubjectCase}`);
    expect(about.body.items.map((i: AuditItem) => i.action)).toEqual(['report.created']);
  });

  it('filters by caseId: exactly the events of that case', async () => {
    await view(t, DEMO.head, cases[1]);
    await view(t, DEMO.head, cases[1]);
    const items = await auditAll(await t.as(DEMO.head), `caseId=${cases[1]}`);
    const { rows } = await t.db.query<{ seq: string }>('SELECT seq FROM audit_events WHERE case_id = $1 ORDER BY seq DESC', [cases[1]]);
    expect(items.map((i) => i.seq)).toEqual(rows.map((r) => Number(r.seq)));
    expect(items.map((i) => i.action)).toEqual(['case.viewed', 'case.viewed', 'report.created']);
    expect(items.every((i) => i.caseId === cases[1])).toBe(true);
  });

  it('does not show events of cases the reader may not see (the headteacher as subject)', async () => {
    const head = await t.as(DEMO.head);
    expect(await auditAll(head, `caseId=${headSubjectCase}`)).toEqual([]);
    const all = await auditAll(head, '');
    expect(all.some((i) => i.caseId === headSubjectCase)).toBe(false);
  });

  it('the audit log leaves out events about the reader as a subject (issue 9, finding 10): a subject-access export of them, a change to their staff record', async () => {
    const headStaff = t.ids.staff[DEMO.head];
    const hr = await t.as(DEMO.hr);
    // hr runs the head's subject-access export (it holds the case about the head), and an admin edits the head's staff record
    expect((await hr.get(`/staff/${headStaff}/subject-access-export`)).status).toBe(200);
    expect((await (await t.as(DEMO.admin)).patch(`/staff/${headStaff}`, { jobTitle: 'Headteacher (acting)' })).status).toBe(200);
    const { rows } = await t.db.query<{ seq: string; action: string }>(
      `SELECT seq, action FROM audit_events WHERE organisation_id = $1 AND entity_type = 'staff_member' AND entity_id = $2 ORDER BY seq`,
      [t.ids.org.werrington, headStaff],
    );
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['subject_access.exported', 'subject_access.case_exported', 'staff.updated']));

    const aboutHead = (items: AuditItem[]) => items.filter((i) => i.entityType === 'staff_member' && i.entityId === headStaff).map((i) => i.action);
    const forHead = await auditAll(await t.as(DEMO.head), '');
    expect(aboutHead(forHead)).toEqual([]);
    expect(forHead.some((i) => i.caseId === headSubjectCase)).toBe(false);
    // by every route into the log: filtered by actor, or by the case
    expect(aboutHead(await auditAll(await t.as(DEMO.head), `actorId=${t.ids.users[DEMO.hr]}`))).toEqual([]);
    expect(await auditAll(await t.as(DEMO.head), `caseId=${headSubjectCase}`)).toEqual([]);
    // others read them: hr, who is not the subject, sees the export and the per-case event, and the staff change
    expect(aboutHead(await auditAll(hr, ''))).toEqual(expect.arrayContaining(['subject_access.exported', 'subject_access.case_exported', 'staff.updated']));
  });

  it('no audit payload the reader gets carries a count of cases or events (issue 9, finding 10): events without a case are read by everyone', async () => {
    await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff['Sam Teacher']}/subject-access-export`);
    await (await t.as(DEMO.hr)).get(`/audit?actorId=${t.ids.users[DEMO.deputy]}`);
    const numbersIn = (value: unknown): number[] =>
      typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbersIn) : [];
    const items = await auditAll(await t.as(DEMO.head), '');
    const caseless = items.filter((i) => i.caseId === null);
    expect(caseless.map((i) => i.action)).toEqual(expect.arrayContaining(['subject_access.exported', 'audit.read']));
    expect(caseless.filter((i) => numbersIn(i.payload).length > 0).map((i) => ({ action: i.action, payload: i.payload }))).toEqual([]);
  });

  it('filters by actorId: only that actor’s events, all of those the reader may see', async () => {
    const items = await auditAll(await t.as(DEMO.head), `actorId=${t.ids.users[DEMO.deputy]}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.actorUserId === t.ids.users[DEMO.deputy])).toBe(true);
    const { rows } = await t.db.query<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE organisation_id = $1 AND actor_user_id = $2 AND (case_id IS NULL OR case_id <> $3) ORDER BY seq DESC`,
      [t.ids.org.werrington, t.ids.users[DEMO.deputy], headSubjectCase],
    );
    expect(items.map((i) => i.seq)).toEqual(rows.map((r) => Number(r.seq)));
    expect(items.filter((i) => i.action === 'report.created').map((i) => i.caseId)).toEqual([...cases].reverse());
  });

  it('filters by from and to (from inclusive, to exclusive)', async () => {
    const id = await newCase(t);
    const head = await t.as(DEMO.head);
    await sleep(30);
    const t1 = new Date().toISOString();
    await sleep(30);
    await view(t, DEMO.head, id);
    await sleep(30);
    const t2 = new Date().toISOString();
    await sleep(30);
    await view(t, DEMO.head, id);

    const between = await auditAll(head, `caseId=${id}&from=${t1}&to=${t2}`);
    expect(between.map((i) => i.action)).toEqual(['case.viewed']);
    expect(between[0].occurredAt >= t1 && between[0].occurredAt < t2).toBe(true);
    const after = await auditAll(head, `caseId=${id}&from=${t1}`);
    expect(after.map((i) => i.action)).toEqual(['case.viewed', 'case.viewed']);
    const before = await auditAll(head, `caseId=${id}&to=${t1}`);
    expect(before.map((i) => i.action)).toEqual(['report.created']);
    // from is inclusive: an event's own time finds it
    const exact = await auditAll(head, `caseId=${id}&from=${encodeURIComponent(between[0].occurredAt)}&to=${t2}`);
    expect(exact.map((i) => i.seq)).toEqual([between[0].seq]);
    // a time zone offset is understood
    const offset = new Date(t1).toISOString().replace('Z', '+00:00');
    expect((await auditAll(head, `caseId=${id}&from=${encodeURIComponent(offset)}`)).length).toBe(2);
  });

  it('filters by dates: whole days in Europe/London, `to` included (api.md "Conventions"; issue 10 item 3)', async () => {
    const id = await newCase(t);
    await view(t, DEMO.head, id);
    const head = await t.as(DEMO.head);
    const events = await auditAll(head, `caseId=${id}`);
    expect(events.map((e) => e.action)).toEqual(['case.viewed', 'report.created']);
    // the London date of each event (the two may straddle a midnight: the expectations follow them)
    const dayOf = (e: AuditItem) => localDateOf(new Date(e.occurredAt));
    const day = dayOf(events[0]);
    const dayBefore = localDateOf(new Date(startOfLocalDate(day).getTime() - 1));
    const dayAfter = localDateOf(startOfLocalDate(day, undefined, 1));
    const seqs = (items: AuditItem[]) => items.map((e) => e.seq);
    expect(seqs(await auditAll(head, `caseId=${id}&from=${day}&to=${day}`))).toEqual(seqs(events.filter((e) => dayOf(e) === day)));
    expect(seqs(await auditAll(head, `caseId=${id}&to=${day}`))).toEqual(seqs(events));
    expect(seqs(await auditAll(head, `caseId=${id}&to=${dayBefore}`))).toEqual(seqs(events.filter((e) => dayOf(e) <= dayBefore)));
    expect(await auditAll(head, `caseId=${id}&from=${dayAfter}`)).toEqual([]);
    // a date and a date-time together: from the start of the day up to (not including) the newest event
    expect(seqs(await auditAll(head, `caseId=${id}&from=${dayBefore}&to=${encodeURIComponent(events[0].occurredAt)}`))).toEqual(seqs(events.slice(1)));
    // the read is audited with the filters as they were asked for
    const { rows } = await t.db.query(`SELECT payload FROM audit_events WHERE action = 'audit.read' ORDER BY seq DESC LIMIT 1`);
    expect(rows[0].payload.filters).toEqual({ byCase: true, from: dayBefore, to: events[0].occurredAt });
  });

  it('paginates with limit and cursor: disjoint pages, newest first, nextCursor null at the end', async () => {
    const id = await newCase(t);
    for (let i = 0; i < 7; i++) await view(t, DEMO.head, id);
    const head = await t.as(DEMO.head);
    const all = await auditAll(head, `caseId=${id}`);
    expect(all).toHaveLength(8);
    const pages: AuditItem[][] = [];
    let cursor: string | null = null;
    do {
      const res = await head.get(`/audit?caseId=${id}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 10);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    const seqs = pages.flat().map((i) => i.seq);
    expect(new Set(seqs).size).toBe(8);
    expect(seqs).toEqual(all.map((i) => i.seq));
    // the unfiltered list pages the same way
    const firstPage = await head.get('/audit?limit=5');
    expect(firstPage.body.items).toHaveLength(5);
    const nextPage = await head.get(`/audit?limit=5&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`);
    expect(nextPage.body.items[0].seq).toBeLessThan(firstPage.body.items[4].seq);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['cursor=garbage!', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['2026-11-20T18:30:00.000Z', randomUUID()])).toString('base64url')}`, 'cursor'],
    ['caseId=case-1', 'caseId'],
    ['actorId=me', 'actorId'],
    ['from=yesterday', 'from'],
    ['to=2026-11-20T10:00:00', 'to'],
    ['from=2026-02-29', 'from'],
    ['to=20/11/2026', 'to'],
    ['from=2026-11-21&to=2026-11-20', 'to'],
    ['from=2026-11-20T10:00:00Z&to=2026-11-20T10:00:00Z', 'to'],
    ['organisationId=0b1c7a52-4a3e-4d7e-9a55-2f0c3f7f6a10', 'organisationId'],
  ])('?%s → 400 naming %s', async (query, field) => {
    expectProblem(await (await t.as(DEMO.head)).get(`/audit?${query}`), 400, field);
  });

  it("Northfield's headteacher reads only Northfield's events", async () => {
    const items = await auditAll(await t.as(DEMO.northHead), '');
    expect(items.length).toBeGreaterThan(0);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM audit_events WHERE organisation_id = $1', [t.ids.org.northfield]);
    const north = new Set(rows.map((r) => r.id));
    expect(items.every((i) => north.has(i.id))).toBe(true);
    expect(await auditAll(await t.as(DEMO.northHead), `caseId=${cases[0]}`)).toEqual([]);
  });
});

describe('GET /audit/verify', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await newCase(t);
    await newCase(t, { involvesPupils: true });
  });
  afterAll(() => t.close());

  it('answers {valid, events, headHash, firstBrokenAt} for the caller’s organisation', async () => {
    for (const email of [DEMO.head, DEMO.hr]) {
      const result = await verify(t, email);
      const { rows } = await t.db.query('SELECT hash FROM audit_events WHERE organisation_id = $1 ORDER BY seq DESC LIMIT 1', [t.ids.org.werrington]);
      expect(result).toEqual(
        expect.objectContaining({ valid: true, events: await rowCount(t, t.ids.org.werrington), headHash: rows[0].hash, firstBrokenAt: null }),
      );
    }
    const north = await verify(t, DEMO.northHead);
    expect(north).toEqual(expect.objectContaining({ valid: true, events: await rowCount(t, t.ids.org.northfield), firstBrokenAt: null }));
    expect(north.events).not.toBe((await verify(t)).events);
  });

  it('counts every new event', async () => {
    const before = (await verify(t)).events;
    await newCase(t);
    const after = await verify(t);
    expect(after.valid).toBe(true);
    expect(after.events).toBe(before + 1);
    expect(after.events).toBe(await rowCount(t, t.ids.org.werrington));
  });

  describe('the database refuses to change events', () => {
    const refused = { code: '42501', message: expect.stringMatching(/append-only/) };

    it('UPDATE', async () => {
      await expect(
        t.db.query(`UPDATE audit_events SET action = 'nothing.happened' WHERE organisation_id = $1 AND seq = 2`, [t.ids.org.werrington]),
      ).rejects.toMatchObject(refused);
      await expect(t.db.query(`UPDATE audit_events SET reason = 'x'`)).rejects.toMatchObject(refused);
    });

    it('UPDATE erasing a payload outside a retention run', async () => {
      await expect(t.db.query(`UPDATE audit_events SET payload = NULL WHERE organisation_id = $1 AND seq = 2`, [t.ids.org.werrington])).rejects.toMatchObject(
        refused,
      );
    });

    it('DELETE', async () => {
      await expect(t.db.query(`DELETE FROM audit_events WHERE organisation_id = $1 AND seq = 2`, [t.ids.org.werrington])).rejects.toMatchObject(refused);
      await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toMatchObject(refused);
    });

    it('TRUNCATE', async () => {
      await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toMatchObject(refused);
    });

    it('…and the chain is intact afterwards', async () => {
      const result = await verify(t);
      expect(result).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null, events: await rowCount(t, t.ids.org.werrington) }));
      const { rows } = await t.db.query(`SELECT action FROM audit_events WHERE organisation_id = $1 AND seq = 2`, [t.ids.org.werrington]);
      expect(rows[0].action).not.toBe('nothing.happened');
    });
  });
});

describe('GET /audit/verify detects tampering (one fresh database per case)', () => {
  /** A fresh app with a few cases, damaged through a session whose triggers are off. */
  async function tampered(damage: (db: PoolClient, org: string) => Promise<void>): Promise<TestApp> {
    const t = await startTestApp();
    for (let i = 0; i < 3; i++) {
      const id = await newCase(t, { description: `case ${i}` });
      await view(t, DEMO.head, id);
    }
    expect((await verify(t)).valid).toBe(true);
    const client = await t.db.connect();
    try {
      await client.query('SET session_replication_role = replica');
      await damage(client, t.ids.org.werrington);
    } finally {
      await client.query('RESET session_replication_role');
      client.release(true);
    }
    return t;
  }

  async function middleSeq(t: TestApp): Promise<number> {
    const { rows } = await t.db.query<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq LIMIT 1 OFFSET 1`,
      [t.ids.org.werrington],
    );
    return Number(rows[0].seq);
  }

  it('(a) editing one event’s action breaks the chain at that event; Northfield’s chain is unaffected', async () => {
    let seq = 0;
    const t = await tampered(async (db, org) => {
      const { rows } = await db.query<{ seq: string }>(
        `SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq LIMIT 1 OFFSET 1`,
        [org],
      );
      seq = Number(rows[0].seq);
      await db.query(`UPDATE audit_events SET action = 'case.viewed' WHERE organisation_id = $1 AND seq = $2`, [org, seq]);
    });
    try {
      expect(seq).toBeGreaterThan(1);
      expect(seq).toBeLessThan(await lastSeq(t, t.ids.org.werrington));
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: seq }));
      expect(await verify(t, DEMO.hr)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: seq }));
      expect(await verify(t, DEMO.northHead)).toEqual(
        expect.objectContaining({ valid: true, firstBrokenAt: null, events: await rowCount(t, t.ids.org.northfield) }),
      );
    } finally {
      await t.close();
    }
  });

  it('(b) deleting a middle event breaks the chain at its position', async () => {
    let seq = 0;
    const t = await tampered(async (db, org) => {
      const { rows } = await db.query<{ seq: string }>(
        `SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq LIMIT 1 OFFSET 1`,
        [org],
      );
      seq = Number(rows[0].seq);
      await db.query(`DELETE FROM audit_events WHERE organisation_id = $1 AND seq = $2`, [org, seq]);
    });
    try {
      expect(seq).toBeLessThan(await lastSeq(t, t.ids.org.werrington));
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: seq }));
      expect((await verify(t, DEMO.northHead)).valid).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('(c) swapping the payload digests of two events breaks the chain at the earlier one', async () => {
    let first = 0;
    const t = await tampered(async (db, org) => {
      const { rows } = await db.query<{ seq: string; payload_digest: string }>(
        `SELECT seq, payload_digest FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq`,
        [org],
      );
      const [a, b] = [rows[0], rows[2]];
      expect(a.payload_digest).not.toBe(b.payload_digest);
      first = Number(a.seq);
      await db.query(`UPDATE audit_events SET payload_digest = $3 WHERE organisation_id = $1 AND seq = $2`, [org, a.seq, b.payload_digest]);
      await db.query(`UPDATE audit_events SET payload_digest = $3 WHERE organisation_id = $1 AND seq = $2`, [org, b.seq, a.payload_digest]);
    });
    try {
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: first }));
    } finally {
      await t.close();
    }
  });

  it('(d) deleting the last event (the tail) is detected, one past the last remaining event', async () => {
    let last = 0;
    const t = await tampered(async (db, org) => {
      const { rows } = await db.query<{ s: string }>('SELECT max(seq) AS s FROM audit_events WHERE organisation_id = $1', [org]);
      last = Number(rows[0].s);
      await db.query(`DELETE FROM audit_events WHERE organisation_id = $1 AND seq = $2`, [org, last]);
    });
    try {
      expect(await lastSeq(t, t.ids.org.werrington)).toBe(last - 1);
      // The damaged position is the deleted event's: the last remaining seq + 1.
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: last }));
      expect((await verify(t, DEMO.northHead)).valid).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('(e) editing a payload while keeping its digest is detected at that event', async () => {
    let seq = 0;
    const t = await tampered(async (db, org) => {
      seq = Number(
        (await db.query<{ seq: string }>(`SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq LIMIT 1`, [org]))
          .rows[0].seq,
      );
      await db.query(`UPDATE audit_events SET payload = jsonb_set(payload::jsonb, '{safeguarding}', 'true')::json WHERE organisation_id = $1 AND seq = $2`, [
        org,
        seq,
      ]);
    });
    try {
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: seq }));
    } finally {
      await t.close();
    }
  });

  it('(f) reordering two events (swapping their seq) is detected at the earlier position', async () => {
    let first = 0;
    const t = await tampered(async (db, org) => {
      first = await middleSeqOf(db, org);
      await db.query(`UPDATE audit_events SET seq = -1 WHERE organisation_id = $1 AND seq = $2`, [org, first]);
      await db.query(`UPDATE audit_events SET seq = $2 WHERE organisation_id = $1 AND seq = $3`, [org, first, first + 1]);
      await db.query(`UPDATE audit_events SET seq = $2 WHERE organisation_id = $1 AND seq = -1`, [org, first + 1]);
    });
    try {
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: false, firstBrokenAt: first }));
    } finally {
      await t.close();
    }
  });

  async function middleSeqOf(db: PoolClient, org: string): Promise<number> {
    const { rows } = await db.query<{ seq: string }>(
      `SELECT seq FROM audit_events WHERE organisation_id = $1 AND action = 'report.created' ORDER BY seq LIMIT 1 OFFSET 1`,
      [org],
    );
    return Number(rows[0].seq);
  }

  it('an untouched chain in a fresh database verifies (control)', async () => {
    const t = await tampered(async () => undefined);
    try {
      expect(await verify(t)).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null, events: await rowCount(t, t.ids.org.werrington) }));
      expect(await middleSeq(t)).toBeGreaterThan(1);
    } finally {
      await t.close();
    }
  });
});

describe('the audit chain under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('verifies after 30 concurrent writes (and Northfield’s, written at the same time, too)', async () => {
    const caseIds = [await newCase(t), await newCase(t)];
    const before = await verify(t);
    const northBefore = await verify(t, DEMO.northHead);
    expect(before.valid).toBe(true);
    const [deputy, head, north] = [await t.as(DEMO.deputy), await t.as(DEMO.head), await t.as(DEMO.northHead)];
    const referral = { referredTo: 'LADO', referredAt: new Date(Date.now() - 60_000).toISOString() };
    const writes = [
      ...Array.from({ length: 10 }, (_, i) => deputy.post('/reports', reportBody(t, { description: `concurrent ${i}` }))),
      ...Array.from({ length: 10 }, (_, i) => head.get(`/cases/${caseIds[i % 2]}`)),
      ...Array.from({ length: 10 }, (_, i) => deputy.post(`/cases/${caseIds[i % 2]}/safeguarding-referral`, referral)),
    ];
    const northWrites = Array.from({ length: 5 }, () => north.get('/audit?limit=1'));
    const responses = await Promise.all([...writes, ...northWrites]);
    expect(responses.map((r) => r.status)).toEqual([...Array(10).fill(201), ...Array(10).fill(200), ...Array(10).fill(201), ...Array(5).fill(200)]);

    const after = await verify(t);
    expect(after).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null, events: before.events + 30 }));
    expect(after.events).toBe(await rowCount(t, t.ids.org.werrington));
    const { rows } = await t.db.query<{ seq: string }>('SELECT seq FROM audit_events WHERE organisation_id = $1 ORDER BY seq', [t.ids.org.werrington]);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: after.events }, (_, i) => i + 1));
    const head2 = await t.db.query('SELECT last_seq, last_hash FROM audit_chain_heads WHERE organisation_id = $1', [t.ids.org.werrington]);
    expect({ seq: Number(head2.rows[0].last_seq), hash: head2.rows[0].last_hash }).toEqual({ seq: after.events, hash: after.headHash });

    const northAfter = await verify(t, DEMO.northHead);
    expect(northAfter).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null, events: northBefore.events + 5 }));
  });
});
