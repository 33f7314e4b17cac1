import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { verifyPassword } from '../../src/auth/password';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '../../src/database/server';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, process.md §7: people in several schools. One account (one e-mail, one password, one second factor),
 * a membership in each school with its own roles; a token acts in one school; switching; isolation unchanged; an
 * admin adding a person who has an account elsewhere learns nothing; a migration that loses nobody.
 * In the demo, hr@demo.school (the trust's HR adviser) belongs to Werrington and Northfield.
 */
describe('people in several schools (process.md §7)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const login = (email: string, password = TEST_PASSWORD, organisationId?: string) =>
    t
      .http()
      .post('/auth/login')
      .send({ email, password, ...(organisationId ? { organisationId } : {}) });
  const bearer = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
  });

  it('one account, a membership in each school: signs in to the first by default, to the other when asked; each lists both', async () => {
    const first = await login(DEMO.hr);
    expect(first.body.organisationName).toBe('Werrington Primary School (demo)');
    const north = await login(DEMO.hr, TEST_PASSWORD, t.ids.org.northfield);
    expect(north.status).toBe(200);
    expect(north.body.organisationName).toBe('Northfield Primary (demo)');
    expect(north.body.user.id).not.toBe(first.body.user.id);
    const list = await bearer(north.body.accessToken).get('/auth/organisations');
    expect(list.body.items).toEqual([
      { organisationId: t.ids.org.northfield, organisationName: 'Northfield Primary (demo)', roles: ['hr'], current: true },
      { organisationId: t.ids.org.werrington, organisationName: 'Werrington Primary School (demo)', roles: ['hr'], current: false },
    ]);
    // asking for a school they do not belong to tells nothing: the same answer as a wrong password
    const elsewhere = await login(DEMO.deputy, TEST_PASSWORD, t.ids.org.northfield);
    expectProblem(elsewhere, 401);
    expect(elsewhere.body.code).toBe('invalid_credentials');
  });

  it('isolation is absolute: acting in Northfield, Werrington’s cases are not there (404), whatever the same person may see in Werrington', async () => {
    const werringtonCase = (await (await t.as(DEMO.deputy)).post('/reports', reportBody(t))).body.id as string;
    expect((await (await t.as(DEMO.hr)).get(`/cases/${werringtonCase}`)).status).toBe(200);
    const north = (await login(DEMO.hr, TEST_PASSWORD, t.ids.org.northfield)).body.accessToken as string;
    expectProblem(await bearer(north).get(`/cases/${werringtonCase}`), 404);
    const cases = await bearer(north).get('/cases');
    expect(cases.body.items.map((c: { id: string }) => c.id)).not.toContain(werringtonCase);
    expect(JSON.stringify((await bearer(north).get('/staff?limit=200')).body)).not.toContain('Sam Teacher');
  });

  it('switching: the session ends and one starts in the other school; the old token stops working; both schools audit their own side only', async () => {
    const werrington = (await login(DEMO.hr)).body.accessToken as string;
    const switched = await bearer(werrington).post('/auth/organisation', { organisationId: t.ids.org.northfield, tokenDelivery: 'body' });
    expect(switched.status).toBe(200);
    expect(switched.body).toEqual(expect.objectContaining({ organisationName: 'Northfield Primary (demo)', refreshToken: expect.any(String) }));
    expect((await bearer(werrington).get('/auth/me')).status).toBe(401);
    const me = await bearer(switched.body.accessToken).get('/auth/me');
    expect(me.body).toEqual(expect.objectContaining({ organisationId: t.ids.org.northfield, email: DEMO.hr }));

    const events = await t.db.query(
      `SELECT organisation_id, action, reason, payload::text AS payload FROM audit_events WHERE actor_user_id = ANY($1::uuid[]) ORDER BY occurred_at DESC, seq DESC LIMIT 2`,
      [[t.ids.users[DEMO.hr], me.body.id]],
    );
    expect(events.rows.map((r) => [r.organisation_id, r.action, r.reason])).toEqual([
      [t.ids.org.northfield, 'auth.signed_in', null],
      [t.ids.org.werrington, 'auth.signed_out', 'switched_organisation'],
    ]);
    for (const row of events.rows) expect(row.payload).not.toMatch(new RegExp(`${t.ids.org.werrington}|${t.ids.org.northfield}|Northfield|Werrington`));

    expectProblem(await bearer(switched.body.accessToken).post('/auth/organisation', { organisationId: t.ids.org.northfield }), 400, 'organisationId');
    const deputy = (await login(DEMO.deputy)).body.accessToken as string;
    expectProblem(await bearer(deputy).post('/auth/organisation', { organisationId: t.ids.org.northfield }), 400, 'organisationId');
  });

  it('an admin adding a person who has an account at another school learns nothing: the same answer as for a new person; the person keeps their password', async () => {
    const northAdmin = await t.as(DEMO.northAdmin);
    const fresh = await northAdmin.post('/users', {
      email: 'brand-new@northfield.demo',
      name: 'Brand New',
      password: 'a password for the new person',
      roles: ['hr'],
    });
    const existing = await northAdmin.post('/users', {
      email: DEMO.governor,
      name: 'Gavin Governor',
      password: 'a password the admin chose',
      roles: ['governor'],
    });
    expect([fresh.status, existing.status]).toEqual([201, 201]);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(existing.body).toEqual(expect.objectContaining({ email: DEMO.governor, organisationId: t.ids.org.northfield, roles: ['governor'], staffId: null }));
    // the person's own password, not the admin's, still signs them in — now to either school
    expect((await login(DEMO.governor, 'a password the admin chose', t.ids.org.northfield)).status).toBe(401);
    expect((await login(DEMO.governor, TEST_PASSWORD, t.ids.org.northfield)).status).toBe(200);
    const audit = await t.db.query(`SELECT payload::text AS p FROM audit_events WHERE organisation_id = $1 AND action = 'user.created' AND entity_id = $2`, [
      t.ids.org.northfield,
      existing.body.id,
    ]);
    expect(audit.rows[0].p).not.toMatch(/Werrington|existing|account/i);
    // the same person twice in one school: 409 already_member, about this school only
    const again = await northAdmin.post('/users', { email: DEMO.governor.toUpperCase(), name: 'Gavin', password: 'a password the admin chose', roles: ['hr'] });
    expectProblem(again, 409);
    expect(again.body.code).toBe('already_member');
  });

  it('a password an admin set opens only that admin’s school until the person proves themselves with a second factor enrolled before', async () => {
    const email = 'two-schools@demo.school';
    const werringtonAdmin = await t.as(DEMO.admin);
    const created = await werringtonAdmin.post('/users', { email, name: 'Tess Two', password: TEST_PASSWORD, roles: ['hr'] });
    expect((await (await t.as(DEMO.northAdmin)).post('/users', { email, name: 'Tess Two', password: TEST_PASSWORD, roles: ['hr'] })).status).toBe(201);
    // set by Werrington's admin: Northfield is not opened by it
    const refused = await login(email, TEST_PASSWORD, t.ids.org.northfield);
    expectProblem(refused, 403);
    expect(refused.body.code).toBe('password_sign_in_not_allowed');
    const inWerrington = (await login(email)).body.accessToken as string;
    expect((await bearer(inWerrington).post('/auth/organisation', { organisationId: t.ids.org.northfield })).body.code).toBe('sign_in_there');

    // enrolled (the person's own factor), then reset by the admin: the temporary password + that factor lift it
    const enrolment = await bearer(inWerrington).post('/auth/second-factor/enrolment');
    const confirmed = await bearer(inWerrington).post('/auth/second-factor/enrolment/confirm', { code: generateSync({ secret: enrolment.body.secret }) });
    expect(confirmed.status).toBe(200);
    const temporary = (await werringtonAdmin.post(`/users/${created.body.id}/password-reset`)).body.temporaryPassword as string;
    const afterReset = (await login(email, temporary)).body.accessToken as string;
    expect((await bearer(afterReset).post('/auth/second-factor/verify', { code: confirmed.body.recoveryCodes[0] })).status).toBe(200);
    expect((await bearer(afterReset).post('/auth/password', { currentPassword: temporary, newPassword: 'my very own passphrase' })).status).toBe(204);
    expect((await login(email, 'my very own passphrase', t.ids.org.northfield)).status).toBe(200);
    const changed = await t.db.query(
      `SELECT payload->>'confinementLifted' AS lifted FROM audit_events WHERE action = 'auth.password_changed' ORDER BY seq DESC LIMIT 1`,
    );
    expect(changed.rows[0].lifted).toBe('true');
  });

  it('a password change without a second factor from before the reset does not lift it', async () => {
    const email = 'confined@demo.school';
    const created = await (await t.as(DEMO.admin)).post('/users', { email, name: 'Cora Confined', password: TEST_PASSWORD, roles: ['hr'] });
    await (await t.as(DEMO.northAdmin)).post('/users', { email, name: 'Cora Confined', password: TEST_PASSWORD, roles: ['hr'] });
    const token = (await login(email)).body.accessToken as string;
    expect((await bearer(token).post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a completely different passphrase' })).status).toBe(204);
    expect((await login(email, 'a completely different passphrase', t.ids.org.northfield)).body.code).toBe('password_sign_in_not_allowed');
    expect(created.status).toBe(201);
  });

  it('a sign-in failure is audited in each school of the person, as that school’s member; a success only where they signed in', async () => {
    const before = await t.db.query(`SELECT now() AS at`);
    expectProblem(await login(DEMO.hr, 'not the password'), 401);
    const failures = await t.db.query(
      `SELECT organisation_id FROM audit_events WHERE occurred_at >= $1 AND action = 'auth.sign_in_failed' ORDER BY organisation_id`,
      [before.rows[0].at],
    );
    expect(failures.rows.map((r) => r.organisation_id).sort()).toEqual([t.ids.org.werrington, t.ids.org.northfield].sort());
  });
});

describe('the migration to memberships (process.md §7: nobody lost)', () => {
  const adminUrl = process.env.SMP_TEST_ADMIN_URL!;
  const name = uniqueDatabaseName('smp_membership_migration');
  let url = '';
  beforeAll(async () => {
    url = await createDatabase(adminUrl, name);
  });
  afterAll(async () => dropDatabase(adminUrl, name));

  it('moves every account to an account with one membership, passwords kept; and back', async () => {
    const signIn = MIGRATIONS.findIndex((m) => m.name.startsWith('SignIn'));
    const before = new DataSource({ ...dataSourceOptions(url, { poolSize: 1 }), migrations: MIGRATIONS.slice(0, signIn) });
    await before.initialize();
    const hash = 'scrypt$10$8$1$c2FsdHNhbHRzYWx0c2FsdA==$' + Buffer.alloc(32, 1).toString('base64');
    try {
      await before.runMigrations({ transaction: 'each' });
      const [org] = await before.query(`INSERT INTO organisations (name) VALUES ('Old School') RETURNING id`);
      for (const [email, changeRequired] of [
        ['a@old.example', false],
        ['b@old.example', true],
      ] as const) {
        await before.query(
          `INSERT INTO users (organisation_id, email, name, password_hash, roles, password_change_required) VALUES ($1, $2, 'X', $3, '{hr}', $4)`,
          [org.id, email, hash, changeRequired],
        );
      }
    } finally {
      await before.destroy();
    }
    const after = new DataSource(dataSourceOptions(url, { poolSize: 1 }));
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = await after.query(
        `SELECT u.email, u.account_id = u.id AS same_id, a.password_hash, a.password_change_required FROM users u JOIN accounts a ON a.id = u.account_id ORDER BY u.email`,
      );
      expect(rows).toEqual([
        { email: 'a@old.example', same_id: true, password_hash: hash, password_change_required: false },
        { email: 'b@old.example', same_id: true, password_hash: hash, password_change_required: true },
      ]);
      expect(await verifyPassword('x', rows[0].password_hash)).toBe(false);
      // back through SignIn, and whatever migrations came after it
      for (let undone = MIGRATIONS.length; undone > signIn; undone--) await after.undoLastMigration({ transaction: 'each' });
      const back = await after.query(`SELECT email, password_hash, password_change_required FROM users ORDER BY email`);
      expect(back).toEqual([
        { email: 'a@old.example', password_hash: hash, password_change_required: false },
        { email: 'b@old.example', password_hash: hash, password_change_required: true },
      ]);
    } finally {
      await after.destroy();
    }
  });
});
