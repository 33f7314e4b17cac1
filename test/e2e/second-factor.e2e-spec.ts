import { generateSync } from 'otplib';
import { DataSource } from 'typeorm';
import { OrganisationSetup } from '../../src/organisations/organisations.service';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, process.md §7: TOTP (RFC 6238) with ten recovery codes, in a school that keeps the default — a second
 * factor for every role that reads casework — so the demo's (none asked) is not what is tested. Codes come from
 * otplib, as an authenticator app computes them, at instants the app's clock is set to.
 */
describe('two-factor authentication (process.md §7)', () => {
  let t: TestApp;
  let school: string;
  const ADMIN = 'admin@totp-academy.example';
  const HR = 'hr@totp-academy.example';
  const HEAD = 'head@totp-academy.example';
  let hrId = '';
  let headId = '';
  // a step a little ahead of real time (access tokens' expiry is checked against real time), so that steps either side are known
  const K = Math.floor(Date.now() / 30_000) + 100;
  const at = (step: number, second = 7) => new Date((step * 30 + second) * 1000);
  const code = (secret: string, step: number, second = 7) => generateSync({ secret, epoch: step * 30 + second });

  beforeAll(async () => {
    t = await startTestApp();
    const passwordHash = (await t.db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.admin])).rows[0].password_hash as string;
    school = await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const id = await setup.createOrganisation('Totp Academy');
      await setup.createPerson(id, { email: ADMIN, name: 'Tia Admin', roles: ['admin'], passwordHash, jobTitle: 'Office manager' });
      hrId = (await setup.createPerson(id, { email: HR, name: 'Tom HR', roles: ['hr'], passwordHash, jobTitle: 'HR' })).userId;
      headId = (await setup.createPerson(id, { email: HEAD, name: 'Tess Head', roles: ['headteacher'], passwordHash, jobTitle: 'Headteacher' })).userId;
      return id;
    });
  });
  afterEach(() => t.clock.reset());
  afterAll(async () => t?.close());

  const login = async (email: string) => {
    const res = await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return { token: res.body.accessToken as string, secondFactor: res.body.secondFactor as string };
  };
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body?: object) => {
      const req = t.http().post(path).set('authorization', `Bearer ${token}`);
      return body === undefined ? req : req.send(body);
    },
  });
  const audit = async (action: string) =>
    (await t.db.query(`SELECT reason, payload FROM audit_events WHERE organisation_id = $1 AND action = $2 ORDER BY seq`, [school, action])).rows;

  /** Signs in and enrols at `step` (each test at its own, past the others' failures): the secret and the recovery codes. */
  async function enrol(email: string, step = K) {
    t.clock.set(at(step));
    const { token } = await login(email);
    const started = await as(token).post('/auth/second-factor/enrolment');
    expect(started.status).toBe(200);
    const confirmed = await as(token).post('/auth/second-factor/enrolment/confirm', { code: code(started.body.secret, step) });
    expect(confirmed.status).toBe(200);
    return { token, secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  // the admin signs in at the clock's current time (a cached token's session would have idled out as the clock moved)
  const adminNow = async () => as((await login(ADMIN)).token);
  const reset = async (userId: string) => expect((await (await adminNow()).post(`/users/${userId}/second-factor-reset`)).status).toBe(204);

  it('the default asks every role that reads casework, not the admin; until passed, only the second factor, /auth/me and logout answer', async () => {
    expect((await login(ADMIN)).secondFactor).toBe('not_required');
    const { token, secondFactor } = await login(HR);
    expect(secondFactor).toBe('enrol');
    const blocked = await as(token).get('/cases');
    expectProblem(blocked, 403);
    expect(blocked.body.code).toBe('second_factor_required');
    expect((await as(token).post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' })).body.code).toBe(
      'second_factor_required',
    );
    expect((await as(token).get('/auth/me')).status).toBe(200);
    const settings = await (await adminNow()).get('/organisation/sign-in');
    expect(settings.body).toEqual(expect.objectContaining({ secondFactorRolesDefault: true }));
    expect(settings.body.secondFactorRoles.sort()).toEqual(['deputy_head', 'governor', 'headteacher', 'hr', 'investigating_manager']);
    expect((await as(token).post('/auth/logout')).status).toBe(204);
  });

  it('enrolment: a QR code and the secret, confirmed by a first code; ten different recovery codes shown once, stored only hashed; the secret sealed', async () => {
    t.clock.set(at(K));
    const { token } = await login(HR);
    const started = await as(token).post('/auth/second-factor/enrolment');
    expect(started.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = await as(token).post('/auth/second-factor/enrolment/confirm', { code: code(started.body.secret, K + 3) });
    expectProblem(wrong, 400, 'code');
    expect(wrong.body.code).toBe('second_factor_invalid');
    const confirmed = await as(token).post('/auth/second-factor/enrolment/confirm', { code: code(started.body.secret, K) });
    expect(confirmed.status).toBe(200);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(new Set(codes).size).toBe(10);
    expect((await as(token).get('/cases')).status).toBe(200);
    expectProblem(await as(token).post('/auth/second-factor/enrolment'), 409);

    const stored = await t.db.query(
      `SELECT a.totp_secret, (SELECT array_agg(code_hash) FROM recovery_codes r WHERE r.account_id = a.id) AS hashes FROM accounts a WHERE email = $1`,
      [HR],
    );
    expect(stored.rows[0].totp_secret).not.toContain(started.body.secret);
    expect(stored.rows[0].hashes).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored.rows[0])).not.toContain(c.replace('-', ''));
    expect(JSON.stringify(await audit('auth.second_factor_enrolled'))).not.toContain(codes[0]);
    await reset(hrId);
  });

  it('RFC 6238 windows: the step before and after are taken, two steps away refused, a code is good once; across the 30-second edge', async () => {
    const { secret } = await enrol(HR);
    const verifyAt = async (instant: Date, typed: string) => {
      t.clock.set(instant);
      const { token } = await login(HR);
      return as(token).post('/auth/second-factor/verify', { code: typed });
    };
    // step K was used by the confirmation: the same code again is a replay
    expectProblem(await verifyAt(at(K, 20), code(secret, K)), 400, 'code');
    // at the last second of step K+1, its own code; then the first second of K+2 takes K+1's neighbour K+3 (next step)
    expect((await verifyAt(at(K + 1, 29), code(secret, K + 1))).status).toBe(200);
    expect((await verifyAt(at(K + 2, 0), code(secret, K + 3))).status).toBe(200);
    // two steps away: refused either way
    expectProblem(await verifyAt(at(K + 10), code(secret, K + 12)), 400, 'code');
    expectProblem(await verifyAt(at(K + 10), code(secret, K + 8)), 400, 'code');
    // the step before: taken
    expect((await verifyAt(at(K + 20), code(secret, K + 19))).status).toBe(200);
    await reset(hrId);
  });

  it('a recovery code passes once (then used up); written with spaces or capitals it is the same code', async () => {
    const { recoveryCodes } = await enrol(HR);
    t.clock.set(at(K + 40));
    const first = await login(HR);
    expect(first.secondFactor).toBe('verify');
    const passed = await as(first.token).post('/auth/second-factor/verify', { code: ` ${recoveryCodes[0].toUpperCase()} ` });
    expect(passed.body).toEqual({ secondFactor: 'passed', recoveryCodesLeft: 9 });
    expect((await as(first.token).get('/cases')).status).toBe(200);
    const again = await login(HR);
    expectProblem(await as(again.token).post('/auth/second-factor/verify', { code: recoveryCodes[0] }), 400, 'code');
    expect((await audit('auth.second_factor_passed')).at(-1)!.payload).toEqual(expect.objectContaining({ method: 'recovery_code', recoveryCodesLeft: 9 }));
    await reset(hrId);
  });

  it('attempts are limited per person: the sixth wrong code in 15 minutes is 429 with Retry-After; each failure audited', async () => {
    await enrol(HEAD);
    t.clock.set(at(K + 100));
    const { token } = await login(HEAD);
    const before = (await audit('auth.second_factor_failed')).length;
    for (let i = 0; i < 5; i++) expectProblem(await as(token).post('/auth/second-factor/verify', { code: '000000' }), 400, 'code');
    const limited = await as(token).post('/auth/second-factor/verify', { code: '000000' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await audit('auth.second_factor_failed')).length).toBe(before + 5);
    // another session of the same person shares the limit
    expect((await as((await login(HEAD)).token).post('/auth/second-factor/verify', { code: '000000' })).status).toBe(429);
    t.clock.set(at(K + 100 + 31));
    await reset(headId);
  });

  it('an admin resets a second factor: every session of the person ends, they enrol again at their next sign-in; audited; never their own, never another school’s', async () => {
    const { token } = await enrol(HR, K + 200);
    expect((await as(token).get('/cases')).status).toBe(200);
    await reset(hrId);
    expect((await as(token).get('/cases')).status).toBe(401);
    expect((await login(HR)).secondFactor).toBe('enrol');
    expect((await audit('user.second_factor_reset')).at(-1)!.payload).toEqual(expect.objectContaining({ wasEnrolled: true, recoveryCodesRemoved: 10 }));
    const admin = await adminNow();
    const own = (await t.db.query(`SELECT id FROM users WHERE email = $1`, [ADMIN])).rows[0].id;
    expect((await admin.post(`/users/${own}/second-factor-reset`)).body.code).toBe('own_second_factor_reset');
    expectProblem(await admin.post(`/users/${t.ids.users[DEMO.deputy]}/second-factor-reset`), 404);
  });
});
