import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { TEST_PASSWORD } from '../support/constants';
import { Client, DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

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
      // signed in first: a sign-in is an audit event of its own (docs/sessions.md)
      const caller = await t.as(email);
      await writesNoAudit(async () => expectProblem(await caller.post('/users', body), 403));
      expect((await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [body.email])).rowCount).toBe(0);
    });

    // process.md §7: a person of another school joins with their own account (test/e2e/memberships.e2e-spec.ts)
    it('refuses a person already at this school, in any case (409 already_member, nothing written)', async () => {
      await writesNoAudit(async () => {
        expect((await admin.post('/users', userBody({ email: DEMO.deputy }))).body.code).toBe('already_member');
        expectProblem(await admin.post('/users', userBody({ email: DEMO.deputy.toUpperCase() })), 409);
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
        teacher: false,
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
      expect(res.body.items.map((s: { name: string }) => s.name).sort()).toEqual(['Harriet HR', 'Nina Admin', 'Noel Head', 'Robin Teacher']);
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

    it('the governor may not list staff (403)', async () => {
      expectProblem(await (await t.as(DEMO.governor)).get('/staff'), 403);
    });

    it('hr lists the staff directory, to find whom a subject-access export is for (§13)', async () => {
      const res = await (await t.as(DEMO.hr)).get('/staff?q=sam');
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { name: string }) => s.name)).toContain('Sam Teacher');
    });

    it('needs a token (401)', async () => {
      expectProblem(await t.http().get('/staff'), 401);
    });
  });

  describe('Location and GET of what was created', () => {
    it('POST /users answers 201 with Location /users/{id}, and GET /users/{id} answers the same user', async () => {
      const res = await admin.post('/users', userBody());
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/users/${res.body.id}`);
      const got = await admin.get(res.headers.location);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
    });

    it('POST /staff answers 201 with Location /staff/{id}, and GET /staff/{id} answers the same record', async () => {
      const res = await admin.post('/staff', { name: 'Located Person', jobTitle: 'Librarian' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/staff/${res.body.id}`);
      const got = await admin.get(res.headers.location);
      expect(got.status).toBe(200);
      expect(got.body).toEqual(res.body);
    });

    it.each([DEMO.admin, DEMO.deputy, DEMO.head, DEMO.investigator, DEMO.hr])('%s reads a staff member of the own organisation', async (email) => {
      const res = await (await t.as(email)).get(`/staff/${t.ids.staff['Sam Teacher']}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: t.ids.staff['Sam Teacher'], name: 'Sam Teacher', organisationId: t.ids.org.werrington }));
    });

    it('the governor may not read staff members (403)', async () => {
      expectProblem(await (await t.as(DEMO.governor)).get(`/staff/${t.ids.staff['Sam Teacher']}`), 403);
    });

    it('another organisation’s or an unknown staff member or user answers 404; a malformed id 400', async () => {
      expectProblem(await admin.get(`/staff/${t.ids.staff['Robin Teacher']}`), 404);
      expectProblem(await northAdmin.get(`/staff/${t.ids.staff['Sam Teacher']}`), 404);
      expectProblem(await admin.get(`/staff/${randomUUID()}`), 404);
      expectProblem(await admin.get('/staff/not-a-uuid'), 400, 'id');
      expectProblem(await admin.get(`/users/${t.ids.users[DEMO.northHead]}`), 404);
      expectProblem(await northAdmin.get(`/users/${t.ids.users[DEMO.deputy]}`), 404);
      expectProblem(await admin.get(`/users/${randomUUID()}`), 404);
      expectProblem(await admin.get('/users/not-a-uuid'), 400, 'id');
    });

    it.each(NON_ADMINS)('%s may not read a user (403)', async (email) => {
      expectProblem(await (await t.as(email)).get(`/users/${t.ids.users[DEMO.deputy]}`), 403);
    });
  });

  describe('GET /staff?q= (searches names)', () => {
    const tag = `zq${randomBytes(3).toString('hex')}`;
    let ids: string[];
    beforeAll(async () => {
      ids = [];
      for (const name of [`Alex ${tag.toUpperCase()} Brown`, `blake ${tag} green`, `Casey ${tag}son`]) {
        const res = await admin.post('/staff', { name });
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }
      await admin.post('/staff', { name: 'Dana Elsewhere' });
    });

    it('finds a part of a name in any case, newest first', async () => {
      const res = await admin.get(`/staff?q=${tag.toUpperCase()}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([...ids].reverse());
      expect(res.body.nextCursor).toBeNull();
      const mixed = await admin.get(`/staff?q=${encodeURIComponent(`${tag}SON`)}`);
      expect(mixed.body.items.map((s: { id: string }) => s.id)).toEqual([ids[2]]);
    });

    it('is still keyset-paginated', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await admin.get(`/staff?q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((s: { id: string }) => s.id));
        cursor = res.body.nextCursor;
      } while (cursor !== null && seen.length < 10);
      expect(seen).toEqual([...ids].reverse());
    });

    it('treats % and _ as plain characters, and searches only the own organisation', async () => {
      expect((await admin.get('/staff?q=%25')).body.items).toEqual([]);
      expect((await admin.get('/staff?q=_')).body.items).toEqual([]);
      expect((await northAdmin.get(`/staff?q=${tag}`)).body.items).toEqual([]);
      expect((await northAdmin.get('/staff?q=sam')).body.items).toEqual([]);
      expect((await admin.get('/staff?q=robin')).body.items).toEqual([]);
    });

    it('refuses a q that is too long or repeated (400 naming q)', async () => {
      expectProblem(await admin.get(`/staff?q=${'x'.repeat(201)}`), 400, 'q');
      expectProblem(await admin.get('/staff?q=a&q=b'), 400, 'q');
    });
  });

  describe('PATCH /staff/:id', () => {
    let staffId: string;
    beforeEach(async () => {
      const res = await admin.post('/staff', { name: 'Morgan Patch', email: 'morgan.patch@demo.school', jobTitle: 'Cook' });
      expect(res.status).toBe(201);
      staffId = res.body.id;
    });

    it('changes name, e-mail and job title (null clears them), answering the record; audited as staff.updated with before and changes', async () => {
      const res = await admin.patch(`/staff/${staffId}`, { name: 'Morgan Renamed', email: 'Morgan.R@demo.school', jobTitle: null });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ id: staffId, name: 'Morgan Renamed', email: 'morgan.r@demo.school', jobTitle: null, userId: null }));
      expect((await admin.get(`/staff/${staffId}`)).body).toEqual(res.body);
      const cleared = await admin.patch(`/staff/${staffId}`, { email: null });
      expect(cleared.body.email).toBeNull();
      expect(await actionsOn(staffId)).toEqual(['staff.created', 'staff.updated', 'staff.updated']);
      const payload = (await t.db.query(`SELECT payload FROM audit_events WHERE entity_id = $1 AND action = 'staff.updated' ORDER BY seq LIMIT 1`, [staffId]))
        .rows[0].payload;
      expect(payload).toEqual({
        before: { name: 'Morgan Patch', email: 'morgan.patch@demo.school', jobTitle: 'Cook' },
        changes: { name: 'Morgan Renamed', email: 'morgan.r@demo.school', jobTitle: null },
      });
    });

    it('a change to what is already there answers the record and writes nothing', async () => {
      await writesNoAudit(async () => {
        const res = await admin.patch(`/staff/${staffId}`, { name: 'Morgan Patch', jobTitle: 'Cook', userId: null });
        expect(res.status).toBe(200);
      });
    });

    it('refuses an empty change, null for name, invalid and unknown fields (400), writing nothing', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/staff/${staffId}`, {}), 400);
        expectProblem(await admin.patch(`/staff/${staffId}`, { name: null }), 400, 'name');
        expectProblem(await admin.patch(`/staff/${staffId}`, { name: '' }), 400, 'name');
        expectProblem(await admin.patch(`/staff/${staffId}`, { email: 'nope' }), 400, 'email');
        expectProblem(await admin.patch(`/staff/${staffId}`, { userId: 'not-a-uuid' }), 400, 'userId');
        expectProblem(await admin.patch(`/staff/${staffId}`, { organisationId: t.ids.org.northfield }), 400, 'organisationId');
      });
    });

    it('another organisation’s or an unknown staff member answers 404; a malformed id 400; nothing written', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/staff/${t.ids.staff['Robin Teacher']}`, { name: 'Hijacked' }), 404);
        expectProblem(await northAdmin.patch(`/staff/${staffId}`, { name: 'Hijacked' }), 404);
        expectProblem(await admin.patch(`/staff/${randomUUID()}`, { name: 'Nobody' }), 404);
        expectProblem(await admin.patch('/staff/not-a-uuid', { name: 'Nobody' }), 400, 'id');
      });
      expect((await t.db.query(`SELECT 1 FROM staff_members WHERE name = 'Hijacked'`)).rowCount).toBe(0);
    });

    it('links an account of the organisation; the account then shows the link; audited', async () => {
      const user = await admin.post('/users', userBody());
      expect(user.body.staffId).toBeNull();
      const res = await admin.patch(`/staff/${staffId}`, { userId: user.body.id });
      expect(res.status).toBe(200);
      expect(res.body.userId).toBe(user.body.id);
      expect((await admin.get(`/users/${user.body.id}`)).body.staffId).toBe(staffId);
      const event = (await t.db.query(`SELECT action, payload FROM audit_events WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`, [staffId])).rows[0];
      expect(event).toEqual({ action: 'staff.updated', payload: { before: { userId: null }, changes: { userId: user.body.id } } });
    });

    it('refuses an account of another organisation or an unknown one (400 naming userId), writing nothing', async () => {
      await writesNoAudit(async () => {
        expectProblem(await admin.patch(`/staff/${staffId}`, { userId: t.ids.users[DEMO.northHead] }), 400, 'userId');
        expectProblem(await admin.patch(`/staff/${staffId}`, { userId: randomUUID() }), 400, 'userId');
      });
      expect((await admin.get(`/staff/${staffId}`)).body.userId).toBeNull();
    });

    it('one record per account: an account linked to another record is refused (409 user_already_linked), writing nothing', async () => {
      await writesNoAudit(async () => {
        const res = await admin.patch(`/staff/${staffId}`, { userId: t.ids.users[DEMO.deputy] });
        expectProblem(res, 409);
        expect(res.body.code).toBe('user_already_linked');
      });
      expect((await t.db.query(`SELECT id FROM staff_members WHERE user_id = $1`, [t.ids.users[DEMO.deputy]])).rows).toEqual([
        { id: t.ids.staff[DEMO.deputy] },
      ]);
    });

    it('one account per record: a linked record is not moved to another account (409 staff_already_linked); unlinked first, it is', async () => {
      const first = await admin.post('/users', userBody());
      const second = await admin.post('/users', userBody());
      expect((await admin.patch(`/staff/${staffId}`, { userId: first.body.id })).status).toBe(200);
      await writesNoAudit(async () => {
        const res = await admin.patch(`/staff/${staffId}`, { userId: second.body.id });
        expectProblem(res, 409);
        expect(res.body.code).toBe('staff_already_linked');
      });
      expect((await admin.get(`/staff/${staffId}`)).body.userId).toBe(first.body.id);
      expect((await admin.patch(`/staff/${staffId}`, { userId: null })).body.userId).toBeNull();
      expect((await admin.patch(`/staff/${staffId}`, { userId: second.body.id })).body.userId).toBe(second.body.id);
    });

    it('unlinking (userId: null) leaves the account without a record, free to be linked to another', async () => {
      const user = await admin.post('/users', userBody());
      await admin.patch(`/staff/${staffId}`, { userId: user.body.id });
      const res = await admin.patch(`/staff/${staffId}`, { userId: null });
      expect(res.status).toBe(200);
      expect(res.body.userId).toBeNull();
      expect((await admin.get(`/users/${user.body.id}`)).body.staffId).toBeNull();
      const payload = (await t.db.query(`SELECT payload FROM audit_events WHERE entity_id = $1 ORDER BY seq DESC LIMIT 1`, [staffId])).rows[0].payload;
      expect(payload).toEqual({ before: { userId: user.body.id }, changes: { userId: null } });
      const other = await admin.post('/staff', { name: 'Other Record' });
      expect((await admin.patch(`/staff/${other.body.id}`, { userId: user.body.id })).body.userId).toBe(user.body.id);
    });

    it('concurrent links of one account to two records: exactly one 200, the other 409 user_already_linked', async () => {
      for (let round = 0; round < 3; round++) {
        const user = await admin.post('/users', userBody());
        const other = await admin.post('/staff', { name: `Race Record ${round}` });
        const answers = await Promise.all([staffId, other.body.id].map((id) => admin.patch(`/staff/${id}`, { userId: user.body.id })));
        expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
        expect(answers.find((r) => r.status === 409)!.body.code).toBe('user_already_linked');
        expect((await t.db.query(`SELECT 1 FROM staff_members WHERE user_id = $1`, [user.body.id])).rowCount).toBe(1);
        await admin.patch(`/staff/${staffId}`, { userId: null });
      }
    });

    it('an admin never links or unlinks their own account (409 own_link): unlinking it would hide their own conflicts', async () => {
      await writesNoAudit(async () => {
        const unlink = await admin.patch(`/staff/${t.ids.staff[DEMO.admin]}`, { userId: null });
        expectProblem(unlink, 409);
        expect(unlink.body.code).toBe('own_link');
      });
      expect((await admin.get(`/staff/${t.ids.staff[DEMO.admin]}`)).body.userId).toBe(t.ids.users[DEMO.admin]);
      // their own record's other fields are fine
      expect((await admin.patch(`/staff/${t.ids.staff[DEMO.admin]}`, { jobTitle: 'Business Manager' })).status).toBe(200);
    });

    it.each(NON_ADMINS)('%s may not change staff members (403, nothing written)', async (email) => {
      await writesNoAudit(async () => expectProblem(await (await t.as(email)).patch(`/staff/${staffId}`, { userId: null, name: 'Refused' }), 403));
    });
  });

  describe('an account created with the e-mail of an unlinked staff record is linked to it', () => {
    it('links it in the same transaction, and the user answer says so (staffId); audited on both', async () => {
      const email = uniqueEmail('record');
      const record = await admin.post('/staff', { name: 'Robin Record', email });
      const user = await admin.post('/users', userBody({ email: email.toUpperCase(), name: 'Robin Record' }));
      expect(user.status).toBe(201);
      expect(user.body.staffId).toBe(record.body.id);
      expect((await admin.get(`/staff/${record.body.id}`)).body.userId).toBe(user.body.id);
      expect(await actionsOn(user.body.id)).toEqual(['user.created']);
      expect(await actionsOn(record.body.id)).toEqual(['staff.created', 'staff.updated']);
    });

    it('not a record already linked to another account, nor another organisation’s record', async () => {
      const email = uniqueEmail('linked');
      const other = await admin.post('/users', userBody());
      const linked = await admin.post('/staff', { name: 'Linked Elsewhere', email, userId: other.body.id });
      expect((await admin.post('/users', userBody({ email }))).body.staffId).toBeNull();
      expect((await admin.get(`/staff/${linked.body.id}`)).body.userId).toBe(other.body.id);

      const northEmail = uniqueEmail('north');
      const north = await northAdmin.post('/staff', { name: 'North Record', email: northEmail });
      expect((await admin.post('/users', userBody({ email: northEmail }))).body.staffId).toBeNull();
      expect((await northAdmin.get(`/staff/${north.body.id}`)).body.userId).toBeNull();
    });

    it('not when two unlinked records share the e-mail (which person it is would be a guess)', async () => {
      const email = uniqueEmail('twice');
      const a = await admin.post('/staff', { name: 'Same Mail A', email });
      const b = await admin.post('/staff', { name: 'Same Mail B', email });
      expect((await admin.post('/users', userBody({ email }))).body.staffId).toBeNull();
      for (const record of [a, b]) expect((await admin.get(`/staff/${record.body.id}`)).body.userId).toBeNull();
    });
  });

  describe('a subject never reads their own case: an existing staff record linked to a new account makes that person’s conflicts visible', () => {
    const visibleTo = async (client: Client, caseId: string) => {
      const one = await client.get(`/cases/${caseId}`);
      const list = await client.get('/cases?limit=200');
      expect(list.status).toBe(200);
      const listed = list.body.items.some((c: { id: string }) => c.id === caseId);
      expect({ one: one.status === 200, listed }).toEqual({ one: listed, listed });
      if (!listed) expectProblem(one, 404);
      return listed;
    };

    it('linked by e-mail at account creation: Sam Teacher, subject of a report, signs in with the hr role and neither reads nor lists the case', async () => {
      const sam = t.ids.staff['Sam Teacher'];
      const deputy = await t.as(DEMO.deputy);
      const report = await deputy.post('/reports', reportBody(t, { subjectStaffIds: [sam] }));
      expect(report.status).toBe(201);
      const caseId: string = report.body.id;
      expect(await visibleTo(await t.as(DEMO.hr), caseId)).toBe(true);

      expect((await admin.patch(`/staff/${sam}`, { email: 'sam.teacher@demo.school' })).status).toBe(200);
      const account = await admin.post('/users', { email: 'Sam.Teacher@demo.school', name: 'Sam Teacher', password: TEST_PASSWORD, roles: ['hr'] });
      expect(account.status).toBe(201);
      expect(account.body.staffId).toBe(sam);

      expect(await visibleTo(await t.as('sam.teacher@demo.school'), caseId)).toBe(false);
    });

    it('linked with PATCH /staff/:id: Taylor Assistant’s account read the case about them until the link, and not after it', async () => {
      const taylor = t.ids.staff['Taylor Assistant'];
      const report = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { subjectStaffIds: [taylor] }));
      expect(report.status).toBe(201);
      const caseId: string = report.body.id;
      const account = await admin.post('/users', { email: 'taylor.login@demo.school', name: 'Taylor Assistant', password: TEST_PASSWORD, roles: ['hr'] });
      expect(account.body.staffId).toBeNull();
      const taylorClient = await t.as('taylor.login@demo.school');
      // not linked yet: to the system this is any hr account (the finding of issue 9)
      expect(await visibleTo(taylorClient, caseId)).toBe(true);

      const link = await admin.patch(`/staff/${taylor}`, { userId: account.body.id });
      expect(link.status).toBe(200);
      expect(await visibleTo(taylorClient, caseId)).toBe(false);
    });
  });

  describe('administration is separated too (domain.md): own roles, own account, the last active admin', () => {
    let admin2: { id: string; email: string };
    let second: Client;
    const me = () => t.ids.users[DEMO.admin];
    const activeAdmins = async () =>
      (
        await t.db.query<{ id: string }>(`SELECT id FROM users WHERE organisation_id = $1 AND active AND 'admin' = ANY(roles) ORDER BY id`, [
          t.ids.org.werrington,
        ])
      ).rows.map((r) => r.id);

    beforeAll(async () => {
      const email = uniqueEmail('admin2');
      const res = await admin.post('/users', { email, name: 'Second Admin', password: TEST_PASSWORD, roles: ['admin'] });
      expect(res.status).toBe(201);
      admin2 = { id: res.body.id, email };
      second = await t.as(email);
    });

    /** Puts both admins back: active, admin only. */
    async function restore(): Promise<void> {
      await t.db.query(`UPDATE users SET active = true, roles = '{admin}' WHERE id = ANY($1::uuid[])`, [[me(), admin2.id]]);
    }
    afterEach(restore);

    it('an admin cannot change their own roles, not even to add one (409 own_roles), writing nothing', async () => {
      await writesNoAudit(async () => {
        for (const roles of [['admin', 'headteacher'], ['admin', 'hr'], ['hr'], ['deputy_head', 'investigating_manager']]) {
          const res = await admin.patch(`/users/${me()}`, { roles });
          expectProblem(res, 409);
          expect(res.body.code).toBe('own_roles');
        }
      });
      expect((await t.db.query(`SELECT roles::text[] AS roles FROM users WHERE id = $1`, [me()])).rows[0].roles).toEqual(['admin']);
      // the same roles again is no change
      expect((await admin.patch(`/users/${me()}`, { roles: ['admin'] })).status).toBe(200);
      // another admin may give them a role
      expect((await second.patch(`/users/${me()}`, { roles: ['admin', 'hr'] })).body.roles).toEqual(['admin', 'hr']);
    });

    it('an admin cannot deactivate themselves (409 own_deactivation), even with another admin active', async () => {
      await writesNoAudit(async () => {
        const res = await admin.patch(`/users/${me()}`, { active: false });
        expectProblem(res, 409);
        expect(res.body.code).toBe('own_deactivation');
      });
      expect(await activeAdmins()).toEqual([me(), admin2.id].sort());
    });

    it('one admin may deactivate or demote another while one active admin remains', async () => {
      expect((await admin.patch(`/users/${admin2.id}`, { roles: ['hr'] })).status).toBe(200);
      expect(await activeAdmins()).toEqual([me()]);
      await restore();
      expect((await second.patch(`/users/${me()}`, { active: false })).status).toBe(200);
      expect(await activeAdmins()).toEqual([admin2.id]);
    });

    /**
     * The acting admin is always an active admin, so "the last active admin" is only ever at
     * stake when two changes are under way at once. The test holds the organisation's lock while
     * both requests arrive (both past authentication), then lets them go.
     */
    async function bothUnderWay(requests: () => Array<PromiseLike<Response>>): Promise<Response[]> {
      const gate = await t.db.connect();
      let open = false;
      try {
        await gate.query('BEGIN');
        open = true;
        await gate.query('SELECT 1 FROM organisations WHERE id = $1 FOR NO KEY UPDATE', [t.ids.org.werrington]);
        const answers = Promise.all(requests());
        for (let waited = 0; ; waited += 20) {
          const { rows } = await t.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          if (rows[0].n >= 2) break;
          if (waited > 10_000) throw new Error('the two requests never waited for the organisation’s lock');
          await new Promise((r) => setTimeout(r, 20));
        }
        await gate.query('COMMIT');
        open = false;
        return await answers;
      } finally {
        if (open) await gate.query('ROLLBACK');
        gate.release();
      }
    }

    it.each([
      ['deactivating', { active: false }],
      ['removing the admin role of', { roles: ['hr'] }],
    ])('two admins %s each other at the same moment: one 200, the other 409 last_admin; one active admin remains', async (_what, change) => {
      const answers = await bothUnderWay(() => [admin.patch(`/users/${admin2.id}`, change), second.patch(`/users/${me()}`, change)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const refused = answers.find((r) => r.status === 409)!;
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('last_admin');
      expect((await activeAdmins()).length).toBe(1);
    });

    // Unordered, one request may finish before the other is even signed in: the loser is then
    // refused at the door (401, its account no longer active; 403, no longer an admin) instead of
    // by last_admin. Either way exactly one succeeds and one active admin remains.
    function expectOneWinner(round: number, answers: Response[], atTheDoor: number) {
      const statuses = answers.map((r) => r.status).sort();
      expect({ round, statuses }).toEqual({ round, statuses: statuses[1] === 409 ? [200, 409] : [200, atTheDoor] });
      const refused = answers.find((r) => r.status !== 200)!;
      expectProblem(refused, refused.status);
      if (refused.status === 409) expect(refused.body.code).toBe('last_admin');
    }

    it('two admins deactivating each other concurrently, again and again: exactly one 200, the other refused, and one active admin', async () => {
      for (let round = 0; round < 5; round++) {
        await restore();
        const answers = await Promise.all([admin.patch(`/users/${admin2.id}`, { active: false }), second.patch(`/users/${me()}`, { active: false })]);
        expectOneWinner(round, answers, 401);
        expect((await activeAdmins()).length).toBe(1);
      }
    });

    it('two admins removing each other’s admin role concurrently: exactly one 200, the other refused, and one active admin', async () => {
      for (let round = 0; round < 5; round++) {
        await restore();
        const answers = await Promise.all([admin.patch(`/users/${admin2.id}`, { roles: ['hr'] }), second.patch(`/users/${me()}`, { roles: ['hr'] })]);
        expectOneWinner(round, answers, 403);
        expect((await activeAdmins()).length).toBe(1);
      }
    });

    it('a new account may be given any roles, admin included (it is nobody’s own)', async () => {
      const res = await admin.post('/users', userBody({ roles: ['admin', 'headteacher'] }));
      expect(res.status).toBe(201);
      expect(res.body.roles).toEqual(['admin', 'headteacher']);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [res.body.id]);
    });
  });
});
