import { randomUUID } from 'node:crypto';
import { buildCase, CaseSpec } from '../support/case-builder';
import { Client, DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * GET /cases and GET /cases/:id (api.md "Reports and cases", "Lists"; domain.md "People and
 * roles", "Conflicts of interest"): who sees which case, in the list and one by one.
 */

interface Summary {
  id: string;
  reference: string;
  status: string;
  createdAt: string;
}

/** Every item of a list, page by page, checking each page's size. */
async function listAll(client: Client, query = '', limit = 200): Promise<Summary[]> {
  const items: Summary[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const sep = query ? '&' : '';
    const res = await client.get(`/cases?${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error('the list never ended');
}

const CASE_READERS = [DEMO.deputy, DEMO.investigator, DEMO.investigator2, DEMO.head, DEMO.governor, DEMO.hr, DEMO.northHead] as const;
const LISTERS = [DEMO.investigator, DEMO.investigator2, DEMO.head, DEMO.governor, DEMO.northHead] as const;
/** Cases of this file the headteacher may not see (a party to them, or their investigator). */
const HEAD_CONFLICTED = ['headSubject', 'headInvestigates', 'headReporter', 'headWitness', 'headSubjectGovernorReporter'];

describe('cases', () => {
  let t: TestApp;
  /** Cases created in this file, by label, in creation order. */
  const cases: Record<string, string> = {};
  const order: string[] = [];

  /** A case of this file, taken `to` a stage by the API (report overrides). */
  async function report(label: string, overrides: Record<string, unknown> = {}, spec: Partial<CaseSpec> = {}): Promise<string> {
    const { caseId } = await buildCase(t, { to: 'reported', report: overrides, ...spec });
    cases[label] = caseId;
    order.push(caseId);
    return caseId;
  }

  // An investigator on a case still `reported` (no appointment row): a state the API never makes, set directly so that only
  // the current-investigator rule can show the case to them, and so that the status filters below keep their shape.
  const assign = (caseId: string, email: string) => t.db.query('UPDATE cases SET investigator_user_id = $2 WHERE id = $1', [caseId, t.ids.users[email]]);
  const staff = (key: string) => t.ids.staff[key];

  beforeAll(async () => {
    t = await startTestApp();
    await report('plain');
    await report('plain2', { subjectStaffIds: [staff('Taylor Assistant')], platform: 'twitter', category: 'confidentiality' });
    await report('investigating', {}, { to: 'triaged', triage: { rationale: 'Needs the facts established.' } });
    await report('closed', {}, { to: 'closed', closeVia: 'triage', triage: { decision: 'no_further_action', rationale: 'Not a breach.' } });
    await report('headSubject', { subjectStaffIds: [staff('head@demo.school')] });
    await report('hrSubject', { subjectStaffIds: [staff('hr@demo.school')] });
    await assign(await report('assigned'), DEMO.investigator);
    await assign(await report('headInvestigates'), DEMO.head);
    await report('headReporter', { reporter: { staffId: staff('head@demo.school') } });
    const witnessed = await report('headWitness');
    await t.db.query(`INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id) VALUES ($1, $2, 'witness', $3)`, [
      t.ids.org.werrington,
      witnessed,
      staff('head@demo.school'),
    ]);
    await report('headSubjectGovernorReporter', { subjectStaffIds: [staff('head@demo.school')], reporter: { staffId: staff('governor@demo.school') } });
    await assign(await report('investigatorSubject', { subjectStaffIds: [staff('investigator@demo.school')] }), DEMO.investigator2);
    await assign(await report('assignedButSubject', { subjectStaffIds: [staff('investigator@demo.school')] }), DEMO.investigator);
    await report('deputyReporter', { reporter: { staffId: staff('deputy@demo.school') } });
  });
  afterAll(() => t.close());

  describe('GET /cases', () => {
    /** The cases of this file the headteacher sees, newest first. */
    const headVisible = () => [...order].reverse().filter((id) => !HEAD_CONFLICTED.some((label) => cases[label] === id));

    it('lists newest first, as summaries', async () => {
      const items = await listAll(await t.as(DEMO.head));
      expect(items.map((i) => i.id)).toEqual(headVisible());
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
      }
      expect(items.find((i) => i.id === cases.plain2)).toEqual({
        id: cases.plain2,
        reference: expect.stringMatching(/^SMP-\d{4}-\d{4}$/),
        status: 'reported',
        safeguarding: false,
        category: 'confidentiality',
        platform: 'twitter',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        waitingFor: 'deputy_head',
        pendingMonitoringRequests: 0,
      });
    });

    it('a new case comes first', async () => {
      const id = await report('newest');
      const res = await (await t.as(DEMO.head)).get('/cases?limit=1');
      expect(res.status).toBe(200);
      expect(res.body.items.map((i: Summary) => i.id)).toEqual([id]);
      expect(res.body.nextCursor).toEqual(expect.any(String));
    });

    it('filters by ?status=', async () => {
      const head = await t.as(DEMO.head);
      expect((await listAll(head, 'status=investigation')).map((i) => i.id)).toEqual([cases.investigating]);
      expect((await listAll(head, 'status=closed')).map((i) => i.id)).toEqual([cases.closed]);
      const reported = await listAll(head, 'status=reported');
      expect(reported.every((i) => i.status === 'reported')).toBe(true);
      expect(reported.map((i) => i.id)).toEqual(headVisible().filter((id) => id !== cases.investigating && id !== cases.closed));
      expect(await listAll(head, 'status=decided')).toEqual([]);
      // with small pages: the same answer
      expect((await listAll(head, 'status=reported', 2)).map((i) => i.id)).toEqual(reported.map((i) => i.id));
    });

    it('refuses an unknown status or an unknown query parameter (400 naming it)', async () => {
      const head = await t.as(DEMO.head);
      expectProblem(await head.get('/cases?status=open'), 400, 'status');
      expectProblem(await head.get('/cases?organisationId=' + t.ids.org.northfield), 400, 'organisationId');
    });

    it('paginates with limit and cursor: disjoint pages, same order, nextCursor null at the end', async () => {
      const head = await t.as(DEMO.head);
      const all = (await listAll(head)).map((i) => i.id);
      expect(all.length).toBeGreaterThan(7);
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const res = await head.get(`/cases?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        pages.push(res.body.items.map((i: Summary) => i.id));
        cursor = res.body.nextCursor;
        if (cursor !== null) expect(res.body.items).toHaveLength(3);
      } while (cursor !== null && pages.length < 50);
      expect(cursor).toBeNull();
      const flat = pages.flat();
      expect(new Set(flat).size).toBe(flat.length);
      expect(flat).toEqual(all);
      expect(pages.length).toBe(Math.ceil(all.length / 3));
      // Exactly one page's worth: no cursor to an empty page.
      const exact = await head.get(`/cases?limit=${all.length}`);
      expect(exact.body.items).toHaveLength(all.length);
      expect(exact.body.nextCursor).toBeNull();
    });

    it('a page after a cursor holds only older cases, even when newer ones arrive meanwhile', async () => {
      const head = await t.as(DEMO.head);
      const first = await head.get('/cases?limit=2');
      const newer = await report('arrivedWhilePaging');
      const second = await head.get(`/cases?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.status).toBe(200);
      const seen = [...first.body.items, ...second.body.items].map((i: Summary) => i.id);
      expect(seen).not.toContain(newer);
      expect(new Set(seen).size).toBe(4);
    });

    it('defaults to 50 items', async () => {
      const res = await (await t.as(DEMO.head)).get('/cases');
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBe(Math.min(50, headVisible().length));
    });

    it.each(['0', '201', '-1', 'ten', '2.5'])('limit=%s → 400 naming limit', async (limit) => {
      expectProblem(await (await t.as(DEMO.head)).get(`/cases?limit=${limit}`), 400, 'limit');
    });

    it.each([
      ['not base64 json', 'garbage!'],
      ['json of the wrong shape', Buffer.from(JSON.stringify([42])).toString('base64url')],
      ['a timestamp without an id', Buffer.from(JSON.stringify(['2026-11-20T18:30:00.000Z'])).toString('base64url')],
      ['an id that is not a uuid', Buffer.from(JSON.stringify(['2026-11-20T18:30:00.000Z', 'x'])).toString('base64url')],
    ])('a bad cursor (%s) → 400 naming cursor', async (_label, cursor) => {
      expectProblem(await (await t.as(DEMO.head)).get(`/cases?cursor=${encodeURIComponent(cursor)}`), 400, 'cursor');
    });

    it('GET /cases works for deputy_head and hr, whose visibility clause uses no parameter', async () => {
      for (const email of [DEMO.deputy, DEMO.hr]) {
        const res = await (await t.as(email)).get('/cases?limit=200');
        expect({ email, status: res.status }).toEqual({ email, status: 200 });
      }
      const items = await listAll(await t.as(DEMO.deputy));
      expect(items.map((i) => i.id)).toEqual([...order].reverse());
      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await (await t.as(DEMO.hr)).get(`/cases?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        pages.push(...res.body.items.map((i: Summary) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor !== null);
      expect(pages).toEqual([...order].reverse().filter((id) => id !== cases.hrSubject));
    });

    it('admins never read casework (403)', async () => {
      expectProblem(await (await t.as(DEMO.admin)).get('/cases'), 403);
      expectProblem(await (await t.as(DEMO.northAdmin)).get('/cases'), 403);
    });

    it('needs a token (401)', async () => {
      expectProblem(await t.http().get('/cases'), 401);
    });
  });

  describe('GET /cases/:id', () => {
    it('returns the full case', async () => {
      const res = await (await t.as(DEMO.head)).get(`/cases/${cases.headWitness}`);
      expect(res.status).toBe(404); // the headteacher is a witness: conflicted
      const full = await (await t.as(DEMO.deputy)).get(`/cases/${cases.headWitness}`);
      expect(full.status).toBe(200);
      expect(full.body).toEqual(
        expect.objectContaining({
          id: cases.headWitness,
          organisationId: t.ids.org.werrington,
          reference: expect.stringMatching(/^SMP-\d{4}-\d{4}$/),
          status: 'reported',
          safeguarding: { flagged: false, referralDueBy: null, referralOverdue: false, referrals: [] },
          subjects: [expect.objectContaining({ staffId: staff('Sam Teacher'), name: 'Sam Teacher' })],
          reporter: expect.objectContaining({ name: 'A Parent', relationship: 'parent of a Year 4 pupil' }),
          witnesses: [expect.objectContaining({ staffId: staff('head@demo.school'), name: 'Helen Head' })],
          reports: [expect.objectContaining({ platform: 'facebook', category: 'disrepute', policyStandards: ['7.5'], involvesPupils: false })],
          triage: null,
          investigatorUserId: null,
          decisionMakerRole: 'governor',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
          closedAt: null,
        }),
      );
    });

    it('shows triage and closure once triaged', async () => {
      const res = await (await t.as(DEMO.hr)).get(`/cases/${cases.closed}`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('closed');
      expect(res.body.closedAt).toEqual(expect.any(String));
      expect(res.body.triage).toEqual({
        decision: 'no_further_action',
        rationale: 'Not a breach.',
        triagedAt: expect.any(String),
        triagedByUserId: t.ids.users[DEMO.deputy],
      });
    });

    it('a random UUID → 404, a malformed id → 400 naming id', async () => {
      const deputy = await t.as(DEMO.deputy);
      expectProblem(await deputy.get(`/cases/${randomUUID()}`), 404);
      expectProblem(await deputy.get('/cases/not-a-uuid'), 400, 'id');
      expectProblem(await deputy.get(`/cases/${cases.plain}x`), 400, 'id');
    });

    it('admins get 403', async () => {
      expectProblem(await (await t.as(DEMO.admin)).get(`/cases/${cases.plain}`), 403);
    });

    it('every read writes a case.viewed audit event with the actor and the role', async () => {
      const events = async () =>
        (
          await t.db.query<{ actor_user_id: string; actor_role: string; entity_type: string; entity_id: string; organisation_id: string }>(
            `SELECT actor_user_id, actor_role, entity_type, entity_id, organisation_id FROM audit_events
             WHERE case_id = $1 AND action = 'case.viewed' ORDER BY seq`,
            [cases.plain2],
          )
        ).rows;
      const before = (await events()).length;
      expect((await (await t.as(DEMO.hr)).get(`/cases/${cases.plain2}`)).status).toBe(200);
      expect((await (await t.as(DEMO.head)).get(`/cases/${cases.plain2}`)).status).toBe(200);
      expect((await (await t.as(DEMO.hr)).get(`/cases/${cases.plain2}`)).status).toBe(200);
      const after = await events();
      expect(after).toHaveLength(before + 3);
      expect(after.slice(before)).toEqual([
        { actor_user_id: t.ids.users[DEMO.hr], actor_role: 'hr', entity_type: 'case', entity_id: cases.plain2, organisation_id: t.ids.org.werrington },
        {
          actor_user_id: t.ids.users[DEMO.head],
          actor_role: 'headteacher',
          entity_type: 'case',
          entity_id: cases.plain2,
          organisation_id: t.ids.org.werrington,
        },
        { actor_user_id: t.ids.users[DEMO.hr], actor_role: 'hr', entity_type: 'case', entity_id: cases.plain2, organisation_id: t.ids.org.werrington },
      ]);
    });

    it('a refused read writes no case.viewed event', async () => {
      const count = async () => Number((await t.db.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'case.viewed'`)).rows[0].n);
      const before = await count();
      expectProblem(await (await t.as(DEMO.investigator2)).get(`/cases/${cases.plain}`), 404);
      expectProblem(await (await t.as(DEMO.northHead)).get(`/cases/${cases.plain}`), 404);
      expectProblem(await (await t.as(DEMO.admin)).get(`/cases/${cases.plain}`), 403);
      expect(await count()).toBe(before);
    });
  });

  describe('visibility (domain.md "People and roles", "Conflicts of interest")', () => {
    const getStatus = async (email: string, caseId: string) => (await (await t.as(email)).get(`/cases/${caseId}`)).status;
    /** GET /cases/:id status and GET /cases membership, for a reader whose list works. */
    async function sees(email: string, caseId: string): Promise<{ get: number; listed: boolean }> {
      const client = await t.as(email);
      const get = (await client.get(`/cases/${caseId}`)).status;
      const listed = (await listAll(client)).some((i) => i.id === caseId);
      return { get, listed };
    }
    const visible = { get: 200, listed: true };
    const hidden = { get: 404, listed: false };

    it('deputy, headteacher and hr see a case; unassigned investigating managers and the governor do not', async () => {
      const id = await report('fresh');
      expect(await getStatus(DEMO.deputy, id)).toBe(200);
      expect(await getStatus(DEMO.hr, id)).toBe(200);
      expect(await sees(DEMO.head, id)).toEqual(visible);
      expect(await sees(DEMO.investigator, id)).toEqual(hidden);
      expect(await sees(DEMO.investigator2, id)).toEqual(hidden);
      expect(await sees(DEMO.governor, id)).toEqual(hidden);
    });

    it('the assigned investigating manager sees the case; the other still does not', async () => {
      const id = await report('toAssign');
      expect(await sees(DEMO.investigator, id)).toEqual(hidden);
      await assign(id, DEMO.investigator);
      expect(await sees(DEMO.investigator, id)).toEqual(visible);
      expect(await sees(DEMO.investigator2, id)).toEqual(hidden);
      // Reassigned: the first loses it, the second gains it.
      await assign(id, DEMO.investigator2);
      expect(await sees(DEMO.investigator, id)).toEqual(hidden);
      expect(await sees(DEMO.investigator2, id)).toEqual(visible);
    });

    it('a case about the headteacher: hidden from the head, seen by the governor acting in their place', async () => {
      expect(await getStatus(DEMO.head, cases.plain)).toBe(200);
      expect(await sees(DEMO.governor, cases.plain)).toEqual(hidden);
      expect(await sees(DEMO.head, cases.headSubject)).toEqual(hidden);
      expect(await sees(DEMO.governor, cases.headSubject)).toEqual(visible);
      const res = await (await t.as(DEMO.governor)).get(`/cases/${cases.headSubject}`);
      expect(res.body.decisionMakerRole).toBe('governor');
    });

    it('the headteacher as reporter, witness or investigator is conflicted: the governor acts', async () => {
      for (const label of ['headReporter', 'headWitness', 'headInvestigates']) {
        expect({ label, ...(await sees(DEMO.head, cases[label])) }).toEqual({ label, ...hidden });
        expect({ label, ...(await sees(DEMO.governor, cases[label])) }).toEqual({ label, ...visible });
      }
    });

    it('a conflicted governor does not act either (the headteacher a subject, the governor the reporter)', async () => {
      expect(await sees(DEMO.governor, cases.headSubjectGovernorReporter)).toEqual(hidden);
      expect(await sees(DEMO.head, cases.headSubjectGovernorReporter)).toEqual(hidden);
      expect(await getStatus(DEMO.deputy, cases.headSubjectGovernorReporter)).toBe(200);
    });

    it('a user linked to a subject never sees the case, whatever their role', async () => {
      expect(await getStatus(DEMO.hr, cases.hrSubject)).toBe(404);
      expect(await getStatus(DEMO.deputy, cases.hrSubject)).toBe(200);
      // assigned, but a subject: still hidden
      expect(await sees(DEMO.investigator, cases.assignedButSubject)).toEqual(hidden);
      expect(await sees(DEMO.investigator, cases.investigatorSubject)).toEqual(hidden);
      expect(await sees(DEMO.investigator2, cases.investigatorSubject)).toEqual(visible);
    });

    it('the deputy who reported a case still sees it', async () => {
      expect(await getStatus(DEMO.deputy, cases.deputyReporter)).toBe(200);
    });

    it("Northfield's headteacher never sees Werrington's cases", async () => {
      const north = await t.as(DEMO.northHead);
      const items = await listAll(north);
      for (const id of order) {
        expect(items.some((i) => i.id === id)).toBe(false);
        expectProblem(await north.get(`/cases/${id}`), 404);
      }
    });

    /** Which cases of this file each reader must see (domain.md), by label. */
    const expectedVisible = (email: string): string[] => {
      const all = Object.keys(cases);
      switch (email) {
        case DEMO.deputy:
          return all;
        case DEMO.hr:
          return all.filter((l) => l !== 'hrSubject');
        case DEMO.head:
          return all.filter((l) => !HEAD_CONFLICTED.includes(l));
        case DEMO.governor:
          return ['headSubject', 'headInvestigates', 'headReporter', 'headWitness'];
        case DEMO.investigator:
          return ['assigned'];
        case DEMO.investigator2:
          return all.filter((l) => ['investigatorSubject', 'toAssign'].includes(l));
        default:
          return [];
      }
    };

    it('GET /cases/:id matches the expected matrix for every reader and every case of this file', async () => {
      for (const email of CASE_READERS) {
        const seen: string[] = [];
        for (const [label, id] of Object.entries(cases)) if ((await getStatus(email, id)) === 200) seen.push(label);
        expect({ email, sees: seen.sort() }).toEqual({ email, sees: expectedVisible(email).sort() });
      }
    });

    it.each(LISTERS)('%s: list membership equals per-case visibility for every case of this file', async (email) => {
      expect(order.length).toBeGreaterThan(10);
      const client = await t.as(email);
      const listed = new Set((await listAll(client)).map((i) => i.id));
      expect({
        email,
        sees: Object.keys(cases)
          .filter((l) => listed.has(cases[l]))
          .sort(),
      }).toEqual({ email, sees: expectedVisible(email).sort() });
      for (const [label, id] of Object.entries(cases)) {
        const status = (await client.get(`/cases/${id}`)).status;
        expect([200, 404]).toContain(status);
        expect({ email, label, listed: listed.has(id) }).toEqual({ email, label, listed: status === 200 });
      }
    });

    it('deputy_head and hr: list membership equals per-case visibility', async () => {
      for (const email of [DEMO.deputy, DEMO.hr]) {
        const client = await t.as(email);
        const listed = new Set((await listAll(client)).map((i) => i.id));
        expect({
          email,
          sees: Object.keys(cases)
            .filter((l) => listed.has(cases[l]))
            .sort(),
        }).toEqual({ email, sees: expectedVisible(email).sort() });
        for (const [label, id] of Object.entries(cases)) {
          const status = (await client.get(`/cases/${id}`)).status;
          expect({ email, label, listed: listed.has(id) }).toEqual({ email, label, listed: status === 200 });
        }
      }
    });
  });
});

/**
 * GET /cases filters and search (api.md "Reports and cases"; issue 10 items 3 and 4;
 * docs/case-list.md): each filter alone and combined, never wider than what the caller may
 * see, keyset pages disjoint and in order under every filter, date periods across the clock
 * changes, and bad values refused naming the parameter. A database of its own.
 */
describe('GET /cases filters', () => {
  let t: TestApp;
  /** Cases by label. */
  const cases: Record<string, string> = {};
  const references: Record<string, string> = {};
  /** The subjects of each case, by name. */
  const subjects: Record<string, string[]> = {};
  let northCase: string;
  let sam: string;
  let taylor: string;

  const staff = (key: string) => t.ids.staff[key];
  const createdAt = (label: string, at: string) => t.db.query('UPDATE cases SET created_at = $2 WHERE id = $1', [cases[label], at]);

  /** A case of this block, taken `to` a stage by the API. */
  async function make(label: string, spec: Partial<CaseSpec> & { subjectNames?: string[] } = {}): Promise<string> {
    const names = spec.subjectNames ?? ['Sam Teacher'];
    const built = await buildCase(t, { to: 'reported', subjects: names.map(staff), ...spec });
    cases[label] = built.caseId;
    references[label] = built.reference;
    subjects[label] = names;
    return built.caseId;
  }

  /** The London-time instants of the period tests: [label, reported at (UTC), the London date]. */
  const DST: Array<[string, string, string]> = [
    ['mar28late', '2026-03-28T23:30:00.000Z', '2026-03-28'], // 23:30 GMT
    ['mar29late', '2026-03-29T22:30:00.000Z', '2026-03-29'], // 23:30 BST: the 29th lasts 23 hours
    ['mar30early', '2026-03-29T23:30:00.000Z', '2026-03-30'], // 00:30 BST
    ['oct24late', '2026-10-24T22:30:00.000Z', '2026-10-24'], // 23:30 BST
    ['oct25early', '2026-10-24T23:30:00.000Z', '2026-10-25'], // 00:30 BST: already the 25th in London
    ['oct25late', '2026-10-25T23:30:00.000Z', '2026-10-25'], // 23:30 GMT: the 25th lasts 25 hours
    ['oct26', '2026-10-26T00:00:00.000Z', '2026-10-26'], // 00:00 GMT
  ];

  beforeAll(async () => {
    t = await startTestApp();
    sam = staff('Sam Teacher');
    taylor = staff('Taylor Assistant');
    // A directory name with LIKE's wildcards in it: they must be plain characters in a search.
    const admin = await t.as(DEMO.admin);
    const pat = await admin.post('/staff', { name: 'Pat 100%_Off', jobTitle: 'Cover Supervisor' });
    expect(pat.status).toBe(201);
    t.ids.staff['Pat 100%_Off'] = pat.body.id;

    await make('sam');
    await make('samInvestigation', { to: 'triaged' });
    await make('taylor', { subjectNames: ['Taylor Assistant'], report: { platform: 'twitter' } });
    await make('both', { subjectNames: ['Sam Teacher', 'Taylor Assistant'] });
    await make('pct', { subjectNames: ['Pat 100%_Off'] });
    await make('aboutHead', { subjectNames: ['Helen Head'] });
    await make('deputyReporter', { subjectNames: ['Taylor Assistant'], reporter: staff('deputy@demo.school') });
    await make('assigned', { to: 'assigned' });
    await make('assignedButSubject', { subjectNames: ['Ian Investigator'] });
    await t.db.query('UPDATE cases SET investigator_user_id = $2 WHERE id = $1', [cases.assignedButSubject, t.ids.users[DEMO.investigator]]);
    // Safeguarding (§5): reported on Friday 20 November 2026, due by the end of Monday 23; today is later.
    await make('sgOverdue', { subjectNames: ['Taylor Assistant'], report: { involvesPupils: true } });
    await make('sgReferred', { report: { involvesPupils: true } });
    const referral = await (
      await t.as(DEMO.deputy)
    ).post(`/cases/${cases.sgReferred}/safeguarding-referral`, {
      referredTo: 'Designated safeguarding lead',
      referredAt: new Date().toISOString(),
    });
    expect([200, 201]).toContain(referral.status);
    await make('sgErased', { report: { involvesPupils: true } });
    for (const label of ['sgOverdue', 'sgReferred', 'sgErased']) await createdAt(label, '2026-11-20T10:00:00.000Z');
    await t.db.query('UPDATE cases SET erased_at = now() WHERE id = $1', [cases.sgErased]);
    await make('sgFresh', { report: { involvesPupils: true } }); // reported now: due by the end of the next working day
    for (const [label, at] of DST) {
      await make(label);
      await createdAt(label, at);
    }
    // Northfield: a case about Robin Teacher, reported there (the demo gives Northfield no deputy head: written directly).
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO cases (organisation_id, reference, status, safeguarding, created_at, updated_at)
       VALUES ($1, $2, 'reported', TRUE, '2026-10-25T12:00:00Z', '2026-10-25T12:00:00Z') RETURNING id`,
      [t.ids.org.northfield, references.sam],
    );
    northCase = rows[0].id;
    await t.db.query(`INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id) VALUES ($1, $2, 'subject', $3)`, [
      t.ids.org.northfield,
      northCase,
      staff('Robin Teacher'),
    ]);
  });
  afterAll(() => t.close());

  const ids = async (email: string, query: string, limit = 200) => (await listAll(await t.as(email), query, limit)).map((i) => i.id);
  const labelsOf = (list: string[]) => list.map((id) => Object.keys(cases).find((l) => cases[l] === id) ?? (id === northCase ? 'north' : id));
  /** The labels a reader finds with a query, newest first. */
  const find = async (email: string, query: string) => labelsOf(await ids(email, query));
  /** Every case of this block the deputy head sees (all of Werrington's), newest first. */
  const all = () => find(DEMO.deputy, '');
  const sorted = (labels: string[]) => [...labels].sort();

  describe('?q= searches the reference and the subjects’ names', () => {
    it('a reference, whole or in part, in any case', async () => {
      expect(await find(DEMO.deputy, `q=${references.sam}`)).toEqual(['sam']);
      expect(await find(DEMO.deputy, `q=${references.sam.toLowerCase()}`)).toEqual(['sam']);
      // a part of it: every reference that contains it
      const part = references.taylor.slice(4, 11); // e.g. "2026-00"
      const expected = (await all()).filter((l) => references[l]?.toLowerCase().includes(part.toLowerCase()));
      expect(expected.length).toBeGreaterThan(1);
      expect(await find(DEMO.deputy, `q=${part}`)).toEqual(expected);
      // the number alone, and the prefix in lower case: the same rule, whichever index answers it
      const number = references.sam.slice(9); // e.g. "0001"
      expect(await find(DEMO.deputy, `q=${number}`)).toEqual((await all()).filter((l) => references[l]?.includes(number)));
      expect(await find(DEMO.deputy, `q=smp-${part}`)).toEqual(expected);
      expect(await find(DEMO.deputy, `q=MP-${part}`)).toEqual(expected);
    });

    it('a subject’s name, whole or in part, in any case', async () => {
      const withSubject = async (name: string) => (await all()).filter((l) => subjects[l]?.includes(name));
      expect(await find(DEMO.deputy, 'q=Sam%20Teacher')).toEqual(await withSubject('Sam Teacher'));
      expect(await find(DEMO.deputy, 'q=sam%20teach')).toEqual(await withSubject('Sam Teacher'));
      expect(await find(DEMO.deputy, 'q=TAYLOR')).toEqual(await withSubject('Taylor Assistant'));
      expect(await find(DEMO.deputy, 'q=%20%20ssist%20')).toEqual(await withSubject('Taylor Assistant')); // trimmed
      expect(sorted(await find(DEMO.deputy, 'q=Teacher'))).toEqual(sorted(await withSubject('Sam Teacher'))); // not Northfield's Robin Teacher
    });

    it('% and _ are plain characters, not wildcards', async () => {
      expect(await find(DEMO.deputy, 'q=100%25')).toEqual(['pct']);
      expect(await find(DEMO.deputy, 'q=0%25_O')).toEqual(['pct']);
      expect(await find(DEMO.deputy, 'q=Pat%20_00')).toEqual([]);
      expect(await find(DEMO.deputy, 'q=S%25M')).toEqual([]);
    });

    it('only subjects: a reporter’s or witness’s name finds nothing', async () => {
      expect(await find(DEMO.deputy, 'q=Dee%20Deputy')).toEqual([]);
    });

    it('never finds a case the caller may not see', async () => {
      expect(await find(DEMO.deputy, 'q=Helen%20Head')).toEqual(['aboutHead']);
      expect(await find(DEMO.governor, 'q=Helen%20Head')).toEqual(['aboutHead']);
      expect(await find(DEMO.head, 'q=Helen%20Head')).toEqual([]); // the head is its subject
      expect(await find(DEMO.investigator, 'q=Ian%20Investigator')).toEqual([]); // assigned, but a subject
      expect(await find(DEMO.investigator, 'q=Sam%20Teacher')).toEqual(['assigned']); // only the case they investigate
      expect(await find(DEMO.investigator2, 'q=Sam%20Teacher')).toEqual([]);
      expect(await find(DEMO.deputy, 'q=Robin')).toEqual([]); // Northfield's
      expect(await find(DEMO.northHead, 'q=Robin')).toEqual(['north']);
      // the same reference in both schools: each finds its own
      expect(await find(DEMO.northHead, `q=${references.sam}`)).toEqual(['north']);
      expect(await find(DEMO.deputy, `q=${references.sam}`)).toEqual(['sam']);
    });
  });

  describe('?subjectStaffId=', () => {
    it('the cases with that staff member among their subjects', async () => {
      expect(await find(DEMO.deputy, `subjectStaffId=${taylor}`)).toEqual((await all()).filter((l) => subjects[l]?.includes('Taylor Assistant')));
      expect(await find(DEMO.deputy, `subjectStaffId=${sam.toUpperCase()}`)).toEqual((await all()).filter((l) => subjects[l]?.includes('Sam Teacher')));
      expect(await find(DEMO.head, `subjectStaffId=${staff('head@demo.school')}`)).toEqual([]);
      expect(await find(DEMO.deputy, `subjectStaffId=${staff('Robin Teacher')}`)).toEqual([]);
      expect(await find(DEMO.deputy, `subjectStaffId=${randomUUID()}`)).toEqual([]);
    });
  });

  describe('?safeguarding=, ?overdue=, ?assignedToMe= (true, or false for the others)', () => {
    const SAFEGUARDING = ['sgOverdue', 'sgReferred', 'sgErased', 'sgFresh'];

    it('safeguarding=true: the flagged cases; false: the rest', async () => {
      expect(sorted(await find(DEMO.deputy, 'safeguarding=true'))).toEqual(sorted(SAFEGUARDING));
      expect(sorted(await find(DEMO.deputy, 'safeguarding=false'))).toEqual(sorted((await all()).filter((l) => !SAFEGUARDING.includes(l))));
    });

    it('overdue=true: a safeguarding case not referred by its due time (not one referred, still within time, or erased)', async () => {
      expect(await find(DEMO.deputy, 'overdue=true')).toEqual(['sgOverdue']);
      expect(sorted(await find(DEMO.deputy, 'overdue=false'))).toEqual(sorted((await all()).filter((l) => l !== 'sgOverdue')));
      expect(await find(DEMO.head, 'overdue=true')).toEqual(['sgOverdue']);
      expect(await find(DEMO.investigator, 'overdue=true')).toEqual([]);
    });

    it("overdue=true agrees with each case's own safeguarding.referralOverdue (the erased one excepted: its referrals went with its content)", async () => {
      const deputy = await t.as(DEMO.deputy);
      const overdue = new Set(await ids(DEMO.deputy, 'overdue=true'));
      for (const [label, id] of Object.entries(cases)) {
        if (label === 'sgErased') continue;
        const view = await deputy.get(`/cases/${id}`);
        expect({ label, overdue: overdue.has(id) }).toEqual({ label, overdue: view.body.safeguarding.referralOverdue });
      }
    });

    it('assignedToMe=true: the cases the caller is the current investigator of — never one they may not see', async () => {
      expect(await find(DEMO.investigator, 'assignedToMe=true')).toEqual(['assigned']); // not assignedButSubject
      expect(await find(DEMO.investigator, 'assignedToMe=false')).toEqual([]);
      expect(await find(DEMO.investigator2, 'assignedToMe=true')).toEqual([]);
      expect(await find(DEMO.deputy, 'assignedToMe=true')).toEqual([]);
      expect(await find(DEMO.deputy, 'assignedToMe=false')).toEqual(await all());
    });
  });

  describe('?from=&to= (reported): dates are whole days in Europe/London, `to` included', () => {
    const dated = (...dates: string[]) =>
      DST.filter(([, , date]) => dates.includes(date))
        .map(([label]) => label)
        .reverse();

    it('across the clocks going forward (29 March 2026, a 23-hour day) and back (25 October 2026, a 25-hour day)', async () => {
      for (const date of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
        expect({ date, found: await find(DEMO.deputy, `from=${date}&to=${date}`) }).toEqual({ date, found: dated(date) });
      }
      // 23:30 UTC on 24 October is 00:30 on the 25th in London
      expect(await find(DEMO.deputy, 'from=2026-10-25&to=2026-10-25')).toContain('oct25early');
      expect(await find(DEMO.deputy, 'to=2026-10-24&from=2026-10-01')).toEqual(['oct24late']);
    });

    it('`to` alone includes its whole day; `from` alone starts at its midnight', async () => {
      expect(await find(DEMO.deputy, 'to=2026-03-29')).toEqual(dated('2026-03-28', '2026-03-29'));
      expect(await find(DEMO.deputy, 'from=2026-03-30&to=2026-10-25')).toEqual(dated('2026-03-30', '2026-10-24', '2026-10-25'));
      const after = await find(DEMO.deputy, 'from=2026-10-26');
      expect(after).toContain('oct26');
      expect(after).not.toContain('oct25late');
    });

    it('a date-time is an instant: `from` included, `to` excluded; any offset understood', async () => {
      expect(await find(DEMO.deputy, 'from=2026-10-24T23:30:00Z&to=2026-10-25T23:30:00Z')).toEqual(['oct25early']);
      expect(await find(DEMO.deputy, 'from=2026-10-25T00:30:00%2B01:00&to=2026-10-25')).toEqual(['oct25late', 'oct25early']);
      expect(await find(DEMO.deputy, 'from=2026-10-25&to=2026-10-26T00:00:00.001Z')).toEqual(['oct26', 'oct25late', 'oct25early']);
    });

    it('never finds a case the caller may not see', async () => {
      expect(await find(DEMO.investigator, 'from=2026-01-01&to=2026-12-31')).toEqual(['assigned']);
      expect(await find(DEMO.deputy, 'from=2026-10-25&to=2026-10-25')).not.toContain('north');
      expect(await find(DEMO.northHead, 'from=2026-10-25&to=2026-10-25')).toEqual(['north']);
    });
  });

  describe('combined', () => {
    /** One query per filter, each finding some of this block's cases and leaving others. */
    const single = () => [
      'q=Sam%20Teacher',
      'q=taylor',
      `q=${references.sam.slice(0, 9)}`,
      `subjectStaffId=${taylor}`,
      'safeguarding=true',
      'safeguarding=false',
      'overdue=true',
      'overdue=false',
      'assignedToMe=true',
      'assignedToMe=false',
      'from=2026-10-25&to=2026-10-26',
      'from=2026-11-01',
      'status=investigation',
      'status=reported',
    ];

    it.each([DEMO.deputy, DEMO.head, DEMO.governor, DEMO.hr, DEMO.investigator, DEMO.northHead])(
      '%s: every filter finds only cases the caller sees, and two filters find what both find',
      async (email) => {
        const visible = await ids(email, '');
        const found = new Map<string, string[]>();
        for (const query of single()) {
          const list = await ids(email, query);
          expect({ query, outside: list.filter((id) => !visible.includes(id)) }).toEqual({ query, outside: [] });
          expect({ query, order: list }).toEqual({ query, order: visible.filter((id) => list.includes(id)) });
          found.set(query, list);
        }
        const queries = single();
        for (let i = 0; i < queries.length; i++) {
          for (let j = i + 1; j < queries.length; j++) {
            const [a, b] = [queries[i], queries[j]];
            if (a.split('=')[0] === b.split('=')[0]) continue; // the same parameter twice is refused
            const both = await ids(email, `${a}&${b}`);
            expect({ query: `${a}&${b}`, both }).toEqual({ query: `${a}&${b}`, both: found.get(a)!.filter((id) => found.get(b)!.includes(id)) });
          }
        }
      },
    );

    it('all of them at once', async () => {
      expect(
        await find(
          DEMO.deputy,
          `q=taylor&subjectStaffId=${taylor}&safeguarding=true&overdue=true&assignedToMe=false&status=reported&from=2026-11-20&to=2026-11-20`,
        ),
      ).toEqual(['sgOverdue']);
      expect(await find(DEMO.deputy, `q=sam&safeguarding=true&overdue=true`)).toEqual([]);
    });
  });

  describe('keyset pages under filters', () => {
    it.each([
      ['no filter', ''],
      ['a name', 'q=Sam%20Teacher'],
      ['a reference part', 'q=SMP'],
      ['a subject', 'subjectStaffId=SAM'],
      ['not safeguarding', 'safeguarding=false'],
      ['not overdue, in a period', 'overdue=false&from=2026-03-01&to=2026-12-31'],
    ])('%s: pages of 1, 2 and 3 are disjoint, newest first, and together the whole list', async (_label, raw) => {
      const query = raw.replace('SAM', sam);
      const whole = await ids(DEMO.deputy, query);
      expect(whole.length).toBeGreaterThan(3);
      for (const limit of [1, 2, 3]) {
        const paged = await ids(DEMO.deputy, query, limit);
        expect(new Set(paged).size).toBe(paged.length);
        expect(paged).toEqual(whole);
      }
      // newest first: createdAt, then id, descending
      const items = await listAll(await t.as(DEMO.deputy), query);
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
      }
    });

    it('a cursor from one filter used with another still answers only older cases that match it', async () => {
      const deputy = await t.as(DEMO.deputy);
      const first = await deputy.get('/cases?limit=3');
      const next = await deputy.get(`/cases?limit=200&safeguarding=true&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(next.status).toBe(200);
      const last = first.body.items[2] as Summary;
      for (const item of next.body.items as Array<Summary & { safeguarding: boolean }>) {
        expect(item.safeguarding).toBe(true);
        expect(item.createdAt < last.createdAt || (item.createdAt === last.createdAt && item.id < last.id)).toBe(true);
      }
    });
  });

  describe('bad values: 400 naming the parameter', () => {
    it.each([
      ['q=', 'q'],
      ['q=ab', 'q'],
      ['q=%20%20ab%20%20', 'q'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['q=sam&q=taylor', 'q'],
      ['subjectStaffId=sam', 'subjectStaffId'],
      ['safeguarding=yes', 'safeguarding'],
      ['safeguarding=', 'safeguarding'],
      ['safeguarding=true&safeguarding=true', 'safeguarding'],
      ['overdue=1', 'overdue'],
      ['assignedToMe=TRUE', 'assignedToMe'],
      ['from=2026-02-29', 'from'],
      ['from=29/03/2026', 'from'],
      ['to=2026-10-25T10:00:00', 'to'],
      ['to=2026-10', 'to'],
      ['from=2026-10-26&to=2026-10-25', 'to'],
      ['from=2026-10-25T12:00:00Z&to=2026-10-25T12:00:00Z', 'to'],
      ['from=2026-10-26T00:00:00Z&to=2026-10-25', 'to'],
      ['overdu=true', 'overdu'],
      ['subject=Sam', 'subject'],
    ])('?%s → 400 naming %s', async (query, field) => {
      expectProblem(await (await t.as(DEMO.deputy)).get(`/cases?${query}`), 400, field);
    });

    it('the same date for from and to is one day, not an empty period', async () => {
      expect((await (await t.as(DEMO.deputy)).get('/cases?from=2026-10-25&to=2026-10-25')).status).toBe(200);
      expect((await (await t.as(DEMO.deputy)).get('/cases?from=2026-10-25T23:59:00Z&to=2026-10-25')).status).toBe(200);
    });
  });
});
