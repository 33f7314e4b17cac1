import { randomBytes, randomUUID } from 'node:crypto';
import { Client, DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

const NON_ADMINS = [DEMO.deputy, DEMO.investigator, DEMO.investigator2, DEMO.head, DEMO.governor, DEMO.hr, DEMO.northHead];

describe('people: users and staff', () => {
  let t: TestApp;
  let admin: Client;
  let northAdmin: Client;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as(DEMO.admin);
    northAdmin = await t.as(DEMO.northAdmin);
  });
  afterAll(() => t.close());

  let counter = 0;
  const uniqueEmail = (prefix = 'person') => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}@demo.school`;
  const userBody = (overrides: Record<string, unknown> = {}) => ({
    email: uniqueEmail(),
    name: `New Person ${counter}`,
    password: 'a-long-enough-password',
    roles: ['investigating_manager'],
    ...overrides,
  });

  const actionsOn = async (entityId: string) =>
    (await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [entityId])).rows.map((r) => r.action);
  const auditCount = async () => Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events`)).rows[0].n);

  /** Runs `refuse` and checks it left the audit log exactly as it was. */
  async function writesNoAudit(refuse: () => Promise<void>): Promise<void> {
    const before = await auditCount();
    await refuse();
    expect(await auditCount()).toBe(before);
  }

  describe('POST /users', () => {
    it('admin creates a user (201), who can then sign in; the change is audited', async () => {
      const body = userBody({ email: uniqueEmail('Mixed.Case'), roles: ['deputy_head', 'hr'] });
      const res = await admin.post('/users', body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          email: body.email.toLowerCase(),
          name: body.name,
          roles: ['deputy_head', 'hr'],
          organisationId: t.ids.org.werrington,
          active: true,
        }),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
      const login = await t.http().post('/auth/login').send({ email: body.email, password: body.password });
      expect(login.status).toBe(200);
      expect(login.body.user.id).toBe(res.body.id);

      expect(await actionsOn(res.body.id)).toEqual(['user.created']);
      const event = (
        await t.db.query(`SELECT organisation_id, actor_user_id, actor_role, payload::text AS payload FROM audit_events WHERE entity_id = $1`, [res.body.id])
      ).rows[0];
      expect(event).toEqual(expect.objectContaining({ organisation_id: t.ids.org.werrington, actor_user_id: t.ids.users[DEMO.admin], actor_role: 'admin' }));
      expect(event.payload).not.toContain(body.password);
      expect(event.payload).not.toMatch(/scrypt/);
    });

    it('creates the user in the admin’s own organisation', async () => {
      const res = await northAdmin.post('/users', userBody({ email: uniqueEmail('north'), roles: ['governor'] }));
      expect(res.status).toBe(201);
      expect(res.body.organisationId).toBe(t.ids.org.northfield);
      const row = (await t.db.query(`SELECT organisation_id FROM users WHERE id = $1`, [res.body.id])).rows[0];
      expect(row.organisation_id).toBe(t.ids.org.northfield);
    });

    it.each(NON_ADMINS)('%s may not create users (403, nothing written)', async (email) => {
      const body = userBody();
      await writesNoAudit(async () => expectProblem(await (await t.as(email)).post('/users', body), 403));
      expect((await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).rowCount).toBe(0);
    });

    it('refuses an e-mail already taken, in any case and in any organisation (409, nothing written)', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.post('/users', userBody({ email: DEMO.deputy })), 409);
        expectProblem(await admin.post('/users', userBody({ email: DEMO.deputy.toUpperCase() })), 409);
        expectProblem(await admin.post('/users', userBody({ email: DEMO.northHead })), 409);
      });
      expect((await t.db.query(`SELECT 1 FROM users WHERE lower(email) = $1`, [DEMO.deputy])).rowCount).toBe(1);
    });

    it('concurrent creates with one e-mail: exactly one 201, the rest 409, one audit event', async () => {
      const email = uniqueEmail('race');
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => admin.post('/users', userBody({ email, name: `Racer ${i}` }))));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      for (const res of answers.filter((r) => r.status === 409)) expectProblem(res, 409);
      const created = answers.find((r) => r.status === 201)!;
      expect(await actionsOn(created.body.id)).toEqual(['user.created']);
      expect((await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).rowCount).toBe(1);
    });

    it.each(['email', 'name', 'password', 'roles'])('refuses a body without %s (400 naming it)', async (field) => {
      const body: Record<string, unknown> = userBody();
      delete body[field];
      await writesNoAudit(async () => expectProblem(await admin.post('/users', body), 400, field));
    });

    it.each([
      ['email', 'not-an-email'],
      ['email', 42],
      ['name', ''],
      ['name', 'x'.repeat(201)],
      ['roles', []],
      ['roles', ['wizard']],
      ['roles', 'admin'],
      ['roles', ['hr', 'hr']],
      ['password', 12345678901234],
    ])('refuses %s = %j (400 naming it)', async (field, value) => {
      await writesNoAudit(async () => expectProblem(await admin.post('/users', userBody({ [field]: value })), 400, field));
    });

    it('refuses a password shorter than 12 characters, accepts 12', async () => {
      expectProblem(await admin.post('/users', userBody({ password: 'elevenchars' })), 400, 'password');
      expect((await admin.post('/users', userBody({ password: 'twelve-chars' }))).status).toBe(201);
    });

    it('refuses an unknown field (400 naming it), e.g. an attempt to pick the organisation', async () => {
      const body = userBody({ organisationId: t.ids.org.northfield });
      await writesNoAudit(async () => expectProblem(await admin.post('/users', body), 400, 'organisationId'));
      expectProblem(await admin.post('/users', userBody({ active: false, isAdmin: true })), 400, 'isAdmin');
      expect((await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).rowCount).toBe(0);
    });
  });

  describe('GET /users', () => {
    it('lists only the admin’s own organisation', async () => {
      const res = await admin.get('/users?limit=200');
      expect(res.status).toBe(200);
      const emails: string[] = res.body.items.map((u: { email: string }) => u.email);
      for (const email of [DEMO.admin, DEMO.deputy, DEMO.investigator, DEMO.investigator2, DEMO.head, DEMO.governor, DEMO.hr]) expect(emails).toContain(email);
      expect(emails).not.toContain(DEMO.northAdmin);
      expect(emails).not.toContain(DEMO.northHead);
      expect(res.body.items.every((u: { organisationId: string }) => u.organisationId === t.ids.org.werrington)).toBe(true);
      expect(res.body.nextCursor).toBeNull();
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);

      const north = await northAdmin.get('/users?limit=200');
      const northEmails: string[] = north.body.items.map((u: { email: string }) => u.email);
      expect(northEmails).toEqual(expect.arrayContaining([DEMO.northAdmin, DEMO.northHead]));
      expect(northEmails).not.toContain(DEMO.admin);
    });

    it('lists newest first', async () => {
      const created = await admin.post('/users', userBody());
      expect(created.status).toBe(201);
      const res = await admin.get('/users?limit=1');
      expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
    });

    it('pages with limit and cursor: disjoint pages covering the whole list, nextCursor null on the last', async () => {
      const all: string[] = (await admin.get('/users?limit=200')).body.items.map((u: { id: string }) => u.id);
      expect(all.length).toBeGreaterThan(4);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.get(`/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        expect(res.body.items.length).toBeGreaterThan(0);
        for (const item of res.body.items) expect(seen).not.toContain(item.id);
        seen.push(...res.body.items.map((u: { id: string }) => u.id));
        cursor = res.body.nextCursor;
        pages++;
        expect(pages).toBeLessThan(50);
      } while (cursor !== null);
      expect(pages).toBe(Math.ceil(all.length / 2));
      expect(seen).toEqual(all);
    });

    it('refuses a bad limit or cursor (400 naming it)', async () => {
      expectProblem(await admin.get('/users?limit=0'), 400, 'limit');
      expectProblem(await admin.get('/users?limit=201'), 400, 'limit');
      expectProblem(await admin.get('/users?limit=two'), 400, 'limit');
      expectProblem(await admin.get('/users?cursor=not-a-cursor'), 400, 'cursor');
      expectProblem(await admin.get('/users?sort=name'), 400, 'sort');
    });

    it.each(NON_ADMINS)('%s may not list users (403)', async (email) => {
      expectProblem(await (await t.as(email)).get('/users'), 403);
    });
  });

  describe('PATCH /users/:id', () => {
    let subject: { id: string; email: string; password: string };
    beforeEach(async () => {
      const body = userBody({ roles: ['deputy_head'] });
      const res = await admin.post('/users', body);
      expect(res.status).toBe(201);
      subject = { id: res.body.id, email: body.email, password: body.password };
    });

    it('changes roles, name and active, answering the updated user; each change is audited', async () => {
      const roles = await admin.patch(`/users/${subject.id}`, { roles: ['headteacher', 'governor'] });
      expect(roles.status).toBe(200);
      expect(roles.body).toEqual(expect.objectContaining({ id: subject.id, roles: ['headteacher', 'governor'], active: true }));

      const name = await admin.patch(`/users/${subject.id}`, { name: 'Renamed Person' });
      expect(name.status).toBe(200);
      expect(name.body).toEqual(expect.objectContaining({ name: 'Renamed Person', roles: ['headteacher', 'governor'] }));

      const off = await admin.patch(`/users/${subject.id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);

      const row = (await t.db.query(`SELECT name, roles::text[] AS roles, active FROM users WHERE id = $1`, [subject.id])).rows[0];
      expect(row).toEqual({ name: 'Renamed Person', roles: ['headteacher', 'governor'], active: false });
      expect(await actionsOn(subject.id)).toEqual(['user.created', 'user.updated', 'user.updated', 'user.updated']);

      const listed = (await admin.get('/users?limit=200')).body.items.find((u: { id: string }) => u.id === subject.id);
      expect(listed).toEqual(expect.objectContaining({ name: 'Renamed Person', active: false }));

      const on = await admin.patch(`/users/${subject.id}`, { active: true });
      expect(on.body.active).toBe(true);
      expect((await t.http().post('/auth/login').send({ email: subject.email, password: subject.password })).status).toBe(200);
    });

    it('answers 404 for a user of another organisation, and changes nothing', async () => {
      const northId = t.ids.users[DEMO.northHead];
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/users/${northId}`, { active: false }), 404);
        expectProblem(await northAdmin.patch(`/users/${subject.id}`, { name: 'Hijacked' }), 404);
      });
      expect((await t.db.query(`SELECT active FROM users WHERE id = $1`, [northId])).rows[0].active).toBe(true);
      expect((await t.db.query(`SELECT name FROM users WHERE id = $1`, [subject.id])).rows[0].name).not.toBe('Hijacked');
    });

    it('answers 404 for an unknown id and 400 naming id for a malformed one', async () => {
      expectProblem(await admin.patch(`/users/${randomUUID()}`, { name: 'Nobody' }), 404);
      expectProblem(await admin.patch('/users/not-a-uuid', { name: 'Nobody' }), 400, 'id');
      expectProblem(await admin.patch(`/users/${subject.id}x`, { name: 'Nobody' }), 400, 'id');
    });

    it('admin cannot deactivate themselves or drop their own admin role (409, nothing written)', async () => {
      const me = t.ids.users[DEMO.admin];
      const before = await actionsOn(me);
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/users/${me}`, { active: false }), 409);
        expectProblem(await admin.patch(`/users/${me}`, { roles: ['hr'] }), 409);
      });
      expect(await actionsOn(me)).toEqual(before);
      const row = (await t.db.query(`SELECT active, roles::text[] AS roles FROM users WHERE id = $1`, [me])).rows[0];
      expect(row).toEqual({ active: true, roles: ['admin'] });
      expect((await admin.get('/auth/me')).status).toBe(200);
      // renaming oneself is fine
      expect((await admin.patch(`/users/${me}`, { name: 'Ada Admin' })).status).toBe(200);
    });

    it('refuses invalid and unknown fields and an empty change (400), writing nothing', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/users/${subject.id}`, { roles: ['wizard'] }), 400, 'roles');
        expectProblem(await admin.patch(`/users/${subject.id}`, { roles: [] }), 400, 'roles');
        expectProblem(await admin.patch(`/users/${subject.id}`, { active: 'no' }), 400, 'active');
        expectProblem(await admin.patch(`/users/${subject.id}`, { name: '' }), 400, 'name');
        expectProblem(await admin.patch(`/users/${subject.id}`, { email: 'new@demo.school' }), 400, 'email');
        expectProblem(await admin.patch(`/users/${subject.id}`, { password: 'a-new-long-password' }), 400, 'password');
        expectProblem(await admin.patch(`/users/${subject.id}`, {}), 400);
      });
      expect(await actionsOn(subject.id)).toEqual(['user.created']);
    });

    it.each(NON_ADMINS)('%s may not change users (403, nothing written)', async (email) => {
      await writesNoAudit(async () => expectProblem(await (await t.as(email)).patch(`/users/${subject.id}`, { roles: ['admin'] }), 403));
      expect((await t.db.query(`SELECT roles::text[] AS roles FROM users WHERE id = $1`, [subject.id])).rows[0].roles).toEqual(['deputy_head']);
    });
  });

  describe('POST /staff', () => {
    it('admin adds a staff member (201); audited', async () => {
      const res = await admin.post('/staff', { name: 'Pat Cook', email: 'Pat.Cook@demo.school', jobTitle: 'Cook' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Pat Cook',
        email: 'pat.cook@demo.school',
        jobTitle: 'Cook',
        userId: null,
        organisationId: t.ids.org.werrington,
      });
      expect(await actionsOn(res.body.id)).toEqual(['staff.created']);
      const minimal = await admin.post('/staff', { name: 'Just A Name' });
      expect(minimal.status).toBe(201);
      expect(minimal.body).toEqual(expect.objectContaining({ name: 'Just A Name', email: null, jobTitle: null, userId: null }));
    });

    it('links a user of the same organisation; the user then shows the link', async () => {
      const user = await admin.post('/users', userBody());
      expect(user.body.staffId).toBeNull();
      const res = await admin.post('/staff', { name: user.body.name, userId: user.body.id });
      expect(res.status).toBe(201);
      expect(res.body.userId).toBe(user.body.id);
      const listed = (await admin.get('/users?limit=200')).body.items.find((u: { id: string }) => u.id === user.body.id);
      expect(listed.staffId).toBe(res.body.id);
      expect(await actionsOn(res.body.id)).toEqual(['staff.created']);
    });

    it('refuses a userId of another organisation’s user (400 naming userId), writing nothing', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.post('/staff', { name: 'Cross Org', userId: t.ids.users[DEMO.northHead] }), 400, 'userId');
        expectProblem(await admin.post('/staff', { name: 'Nobody', userId: randomUUID() }), 400, 'userId');
        expectProblem(await admin.post('/staff', { name: 'Bad Id', userId: 'not-a-uuid' }), 400, 'userId');
      });
      expect((await t.db.query(`SELECT 1 FROM staff_members WHERE name IN ('Cross Org', 'Nobody', 'Bad Id')`)).rowCount).toBe(0);
    });

    it('refuses a user already linked to a staff member (409), writing nothing', async () => {
      await writesNoAudit(async () => expectProblem(await admin.post('/staff', { name: 'Dee Again', userId: t.ids.users[DEMO.deputy] }), 409));
      expect((await t.db.query(`SELECT count(*)::int AS n FROM staff_members WHERE user_id = $1`, [t.ids.users[DEMO.deputy]])).rows[0].n).toBe(1);
    });

    it('concurrent links of one user: exactly one 201, the rest 409', async () => {
      const user = await admin.post('/users', userBody());
      const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => admin.post('/staff', { name: `Linker ${i}`, userId: user.body.id })));
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      for (const res of answers.filter((r) => r.status === 409)) expectProblem(res, 409);
      expect((await t.db.query(`SELECT 1 FROM staff_members WHERE user_id = $1`, [user.body.id])).rowCount).toBe(1);
    });

    it('refuses missing, invalid and unknown fields (400 naming them)', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.post('/staff', { jobTitle: 'Caretaker' }), 400, 'name');
        expectProblem(await admin.post('/staff', { name: '' }), 400, 'name');
        expectProblem(await admin.post('/staff', { name: 'Bad Mail', email: 'nope' }), 400, 'email');
        expectProblem(await admin.post('/staff', { name: 'Extra', organisationId: t.ids.org.northfield }), 400, 'organisationId');
      });
    });

    it.each(NON_ADMINS)('%s may not add staff (403, nothing written)', async (email) => {
      const name = `Refused ${randomBytes(3).toString('hex')}`;
      await writesNoAudit(async () => expectProblem(await (await t.as(email)).post('/staff', { name }), 403));
      expect((await t.db.query(`SELECT 1 FROM staff_members WHERE name = $1`, [name])).rowCount).toBe(0);
    });
  });

  describe('GET /staff', () => {
    it.each([DEMO.admin, DEMO.deputy, DEMO.head, DEMO.investigator])('%s lists the own organisation’s staff only', async (email) => {
      const res = await (await t.as(email)).get('/staff?limit=200');
      expect(res.status).toBe(200);
      const names: string[] = res.body.items.map((s: { name: string }) => s.name);
      expect(names).toEqual(expect.arrayContaining(['Sam Teacher', 'Taylor Assistant', 'Dee Deputy', 'Helen Head']));
      expect(names).not.toContain('Robin Teacher');
      expect(names).not.toContain('Noel Head');
      expect(res.body.items.every((s: { organisationId: string }) => s.organisationId === t.ids.org.werrington)).toBe(true);
      expect(res.body.nextCursor).toBeNull();
    });

    it('the other organisation sees only its own', async () => {
      const res = await (await t.as(DEMO.northHead)).get('/staff?limit=200');
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['Nina Admin', 'Noel Head', 'Robin Teacher']);
    });

    it('pages with limit and cursor', async () => {
      const all: string[] = (await admin.get('/staff?limit=200')).body.items.map((s: { id: string }) => s.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await admin.get(`/staff?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        for (const item of res.body.items) expect(seen).not.toContain(item.id);
        seen.push(...res.body.items.map((s: { id: string }) => s.id));
        cursor = res.body.nextCursor;
      } while (cursor !== null && seen.length <= all.length);
      expect(seen).toEqual(all);
    });

    it.each([DEMO.governor, DEMO.hr])('%s may not list staff (403)', async (email) => {
      expectProblem(await (await t.as(email)).get('/staff'), 403);
    });

    it('needs a token (401)', async () => {
      expectProblem(await t.http().get('/staff'), 401);
    });
  });
});
