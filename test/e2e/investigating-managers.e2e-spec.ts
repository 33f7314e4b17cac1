import { addPerson } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * GET /people/investigating-managers: who may be appointed investigating manager (§4), for the
 * people who appoint — the headteacher, or the governors standing in (GET /users is the admin's).
 * The web application's appointment screen chooses from it; POST /cases/:id/assign still decides.
 */
describe('GET /people/investigating-managers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const list = async (email: string, query = '') => (await t.as(email)).get(`/people/investigating-managers${query}`);

  it('the headteacher and the governor get the organisation’s active investigating managers, each with their staff record', async () => {
    const both = await addPerson(t, { name: 'Ivy Both', roles: ['investigating_manager', 'hr'] });
    const off = await addPerson(t, { name: 'Olly Off', roles: ['investigating_manager'], active: false });
    const unlinked = await addPerson(t, { name: 'Una Unlinked', roles: ['investigating_manager'], linked: false });
    for (const who of [DEMO.head, DEMO.governor]) {
      const res = await list(who);
      expect(res.status).toBe(200);
      const byId = new Map((res.body.items as Array<{ userId: string }>).map((item) => [item.userId, item]));
      expect(byId.get(t.ids.users[DEMO.investigator])).toEqual({
        userId: t.ids.users[DEMO.investigator],
        name: expect.any(String),
        email: DEMO.investigator,
        staffId: t.ids.staff[DEMO.investigator],
        jobTitle: expect.anything(),
      });
      expect(byId.has(t.ids.users[DEMO.investigator2])).toBe(true);
      expect(byId.get(both.userId)).toEqual(expect.objectContaining({ staffId: both.staffId, jobTitle: 'Teacher' }));
      expect(byId.get(unlinked.userId)).toEqual(expect.objectContaining({ staffId: null, jobTitle: null }));
      // deactivated accounts, and people without the role, are not offered
      expect(byId.has(off.userId)).toBe(false);
      expect(byId.has(t.ids.users[DEMO.head])).toBe(false);
      expect(byId.has(t.ids.users[DEMO.deputy])).toBe(false);
      expect(res.body.nextCursor).toBeNull();
    }
    // another organisation's head sees none of them
    const north = await list(DEMO.northHead);
    expect(north.status).toBe(200);
    expect(north.body.items).toEqual([]);
  });

  it('pages newest first with limit and cursor: disjoint pages covering the list', async () => {
    const all = (await list(DEMO.head, '?limit=200')).body.items as Array<{ userId: string }>;
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(DEMO.head, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((item: { userId: string }) => item.userId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.userId));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('nobody else may list them (403): not the admin, deputy, investigator or HR', async () => {
    for (const who of [DEMO.admin, DEMO.deputy, DEMO.investigator, DEMO.hr]) expectProblem(await list(who), 403);
  });

  it('refuses a bad limit, a foreign cursor and an unknown parameter (400 naming it)', async () => {
    expectProblem(await list(DEMO.head, '?limit=0'), 400, 'limit');
    expectProblem(await list(DEMO.head, '?cursor=abc'), 400, 'cursor');
    expectProblem(await list(DEMO.head, '?role=admin'), 400, 'role');
  });
});

/**
 * GET /people/case-managers: who may be named case manager of a safeguarding allegation (KCSIE
 * Part 4), for those who record the LADO consultation — the deputy head, the headteacher, or the
 * governors standing in. POST /cases/:id/lado-consultations still decides (a party to the case: 409).
 */
describe('GET /people/case-managers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const list = async (email: string, query = '') => (await t.as(email)).get(`/people/case-managers${query}`);

  it('the deputy head, the headteacher and a governor get the active headteachers, deputy heads and governors, with those roles', async () => {
    const off = await addPerson(t, { name: 'Hal Former', roles: ['headteacher'], active: false });
    const both = await addPerson(t, { name: 'Dee Both', roles: ['deputy_head', 'hr'] });
    for (const who of [DEMO.deputy, DEMO.head, DEMO.governor]) {
      const res = await list(who, '?limit=200');
      expect(res.status).toBe(200);
      const byId = new Map((res.body.items as Array<{ userId: string; roles: string[] }>).map((item) => [item.userId, item]));
      expect(byId.get(t.ids.users[DEMO.head])).toEqual(expect.objectContaining({ email: DEMO.head, roles: ['headteacher'] }));
      expect(byId.get(t.ids.users[DEMO.deputy])?.roles).toEqual(['deputy_head']);
      expect(byId.get(t.ids.users[DEMO.governor])?.roles).toEqual(['governor']);
      // only the roles that lead casework are named
      expect(byId.get(both.userId)?.roles).toEqual(['deputy_head']);
      expect(byId.has(off.userId)).toBe(false);
      for (const other of [DEMO.investigator, DEMO.hr, DEMO.admin]) expect(byId.has(t.ids.users[other])).toBe(false);
    }
    expect((await list(DEMO.northHead)).body.items.map((item: { userId: string }) => item.userId)).not.toContain(t.ids.users[DEMO.head]);
  });

  it('nobody else may list them (403): not the admin, the investigator or HR', async () => {
    for (const who of [DEMO.admin, DEMO.investigator, DEMO.hr]) expectProblem(await list(who), 403);
  });
});
