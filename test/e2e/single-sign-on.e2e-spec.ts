import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { OrganisationSetup } from '../../src/organisations/organisations.service';
import { TEST_PASSWORD } from '../support/constants';
import { TestOidcAccount, TestOidcProvider } from '../support/oidc-provider';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 14, process.md §7: single sign-on through a real OpenID provider (oidc-provider on a loopback port), the
 * whole redirect flow driven as a browser would — start, the provider's login, the callback with its cookie — and
 * the session that follows is the password's (refresh cookie, logout). A school of its own (Sso Academy), so the
 * demo's settings stay as they are.
 */
describe('single sign-on with OpenID Connect (process.md §7)', () => {
  let t: TestApp;
  let provider: TestOidcProvider;
  let school: string;
  const ADMIN = 'admin@sso-academy.example';
  const HR = 'hr@sso-academy.example';
  const HEAD = 'head@sso-academy.example';
  const OUTSIDER = 'outsider@elsewhere.example';
  const CLIENT = { clientId: 'casework', clientSecret: 'a-client-secret-of-the-school' };
  const accounts: TestOidcAccount[] = [
    { sub: 'hr-sub', email: HR, emailVerified: true, name: 'Hana HR', amr: ['pwd'] },
    { sub: 'head-sub', email: HEAD, emailVerified: true, name: 'Hugo Head', amr: ['pwd', 'mfa'] },
    { sub: 'stranger-sub', email: 'stranger@sso-academy.example', emailVerified: true },
    { sub: 'outsider-sub', email: OUTSIDER, emailVerified: true },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    provider = await TestOidcProvider.start({
      clients: [{ ...CLIENT, redirectUris: [`${t.config.email.appUrl}/auth/sso/callback`] }],
      accounts,
    });
    const passwordHash = (await t.db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.admin])).rows[0].password_hash as string;
    school = await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const id = await setup.createOrganisation('Sso Academy');
      await setup.createPerson(id, { email: ADMIN, name: 'Ada Admin', roles: ['admin'], passwordHash, jobTitle: 'Office manager' });
      await setup.createPerson(id, { email: HR, name: 'Hana HR', roles: ['hr'], passwordHash, jobTitle: 'HR' });
      await setup.createPerson(id, { email: HEAD, name: 'Hugo Head', roles: ['headteacher'], passwordHash, jobTitle: 'Headteacher' });
      await setup.createPerson(id, { email: OUTSIDER, name: 'Otto Outsider', roles: ['hr'], passwordHash, jobTitle: 'Consultant' });
      return id;
    });
    await configure({});
  });
  afterAll(async () => {
    await provider?.stop();
    await t?.close();
  });

  async function configure(settings: { passwordSignIn?: boolean; secondFactorRoles?: string[]; acceptProviderMfa?: boolean; issuer?: string }) {
    const res = await (
      await t.as(ADMIN)
    ).put('/organisation/sign-in', {
      passwordSignIn: settings.passwordSignIn ?? true,
      secondFactorRoles: settings.secondFactorRoles ?? [],
      acceptProviderMfa: settings.acceptProviderMfa ?? false,
      sso: { issuer: settings.issuer ?? provider.issuer, ...CLIENT, allowedDomains: ['sso-academy.example'] },
    });
    expect(res.status).toBe(200);
    return res;
  }

  const cookieOf = (res: Response, name: string) =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

  /** GET /auth/sso/{school}/start, as a browser: the provider's URL and the cookie that binds the answer to this browser. */
  async function start(organisationId = school) {
    const res = await t.http().get(`/auth/sso/${organisationId}/start`);
    expect(res.status).toBe(302);
    return { location: String(res.headers.location), cookie: cookieOf(res, 'smp_sso') };
  }

  /** The provider's redirect back, followed with the browser's cookie: where the app sends the browser next. */
  async function callback(back: URL, cookie: string | undefined) {
    let req = t.http().get(`${back.pathname}${back.search}`);
    if (cookie) req = req.set('cookie', cookie);
    const res = await req;
    expect(res.status).toBe(302);
    return { location: new URL(String(res.headers.location)), refresh: cookieOf(res, 'smp_refresh') };
  }

  /** The whole flow for `sub`; then the refresh cookie turned into a session's answer (as the web application does on load). */
  async function signIn(sub: string) {
    const begun = await start();
    const back = await provider.authorize(begun.location, sub);
    const landed = await callback(back, begun.cookie);
    if (!landed.refresh) return { error: landed.location.searchParams.get('sso_error'), landed };
    const refreshed = await t.http().post('/auth/refresh').set('cookie', landed.refresh);
    expect(refreshed.status).toBe(200);
    return { error: null, landed, session: refreshed.body, refreshCookie: landed.refresh };
  }

  const audit = async (action: string) =>
    (
      await t.db.query<{ reason: string | null; payload: Record<string, unknown>; actor_user_id: string | null }>(
        `SELECT reason, payload, actor_user_id FROM audit_events WHERE organisation_id = $1 AND action = $2 ORDER BY seq`,
        [school, action],
      )
    ).rows;

  it('signs a person in through the whole redirect flow: PKCE, state and nonce sent; a session like a password’s; the binding audited', async () => {
    const begun = await start();
    const url = new URL(begun.location);
    expect(url.origin).toBe(new URL(provider.issuer).origin);
    expect(Object.fromEntries(url.searchParams)).toEqual(
      expect.objectContaining({ response_type: 'code', client_id: CLIENT.clientId, code_challenge_method: 'S256', scope: 'openid email profile' }),
    );
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    expect(begun.cookie).toBeDefined();

    const result = await signIn('hr-sub');
    expect(result.error).toBeNull();
    expect(result.landed.location.pathname).toBe('/app/');
    expect(result.session).toEqual(expect.objectContaining({ user: expect.objectContaining({ email: HR }), secondFactor: 'not_required' }));
    const sessions = await t.http().get('/auth/sessions').set('authorization', `Bearer ${result.session.accessToken}`);
    expect(sessions.body.items[0]).toEqual(expect.objectContaining({ signInMethod: 'sso', current: true }));
    expect(await audit('auth.sso_bound')).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ issuer: provider.issuer, matchedBy: 'email' }) }),
    ]);
    expect((await audit('auth.signed_in')).at(-1)!.payload).toEqual(expect.objectContaining({ method: 'sso', issuer: provider.issuer }));
    const logout = await t.http().post('/auth/logout').set('authorization', `Bearer ${result.session.accessToken}`);
    expect(logout.status).toBe(204);
    expect((await t.http().post('/auth/refresh').set('cookie', result.refreshCookie!)).status).toBe(401);
  });

  it('once bound, the provider’s subject decides, not the e-mail: a changed address at the provider still signs the same person in', async () => {
    await signIn('hr-sub');
    provider.setAccounts(accounts.map((a) => (a.sub === 'hr-sub' ? { ...a, email: 'renamed@sso-academy.example' } : a)));
    try {
      const again = await signIn('hr-sub');
      expect(again.session.user.email).toBe(HR);
    } finally {
      provider.setAccounts(accounts);
    }
  });

  it('a wrong state, an answer for another browser, or the same answer twice: refused (sso_state_mismatch), nothing signed in', async () => {
    const tampered = await start();
    const back = await provider.authorize(tampered.location, 'hr-sub');
    back.searchParams.set('state', 'not-the-state-that-was-sent-0123456789');
    expect((await callback(back, tampered.cookie)).location.searchParams.get('sso_error')).toBe('sso_state_mismatch');

    const elsewhere = await start();
    const theirs = await provider.authorize(elsewhere.location, 'hr-sub');
    const other = await start();
    expect((await callback(theirs, other.cookie)).location.searchParams.get('sso_error')).toBe('sso_state_mismatch');
    expect((await callback(theirs, undefined)).location.searchParams.get('sso_error')).toBe('sso_state_mismatch');

    const once = await start();
    const answer = await provider.authorize(once.location, 'hr-sub');
    expect((await callback(answer, once.cookie)).refresh).toBeDefined();
    const replayed = await callback(answer, once.cookie);
    expect(replayed.refresh).toBeUndefined();
    expect(replayed.location.searchParams.get('sso_error')).toBe('sso_state_mismatch');
  });

  it('someone with no account here, or an e-mail outside the school’s domains: refused (sso_no_account), audited without a name', async () => {
    expect((await signIn('stranger-sub')).error).toBe('sso_no_account');
    expect((await signIn('outsider-sub')).error).toBe('sso_no_account');
    const refused = await audit('auth.sso_refused');
    expect(refused.slice(-2)).toEqual([
      expect.objectContaining({ reason: 'no_account', actor_user_id: null }),
      expect.objectContaining({ reason: 'no_account', actor_user_id: null }),
    ]);
    expect(JSON.stringify(refused)).not.toContain('stranger@');
  });

  it('an expired ID token is refused (sso_failed)', async () => {
    const shortLived = await TestOidcProvider.start({
      clients: [{ ...CLIENT, redirectUris: [`${t.config.email.appUrl}/auth/sso/callback`] }],
      accounts,
      idTokenTtlSeconds: 1,
    });
    try {
      await configure({ issuer: shortLived.issuer });
      const begun = await start();
      const back = await shortLived.authorize(begun.location, 'hr-sub');
      t.clock.advance(120_000);
      expect((await callback(back, begun.cookie)).location.searchParams.get('sso_error')).toBe('sso_failed');
      expect((await audit('auth.sso_refused')).at(-1)).toEqual(expect.objectContaining({ reason: 'sso_failed' }));
    } finally {
      t.clock.reset();
      await shortLived.stop();
      await configure({});
    }
  });

  it('a provider that is down: a clear error at the start and at the callback (sso_provider_unavailable), never a 500', async () => {
    const doomed = await TestOidcProvider.start({ clients: [{ ...CLIENT, redirectUris: [`${t.config.email.appUrl}/auth/sso/callback`] }], accounts });
    try {
      await configure({ issuer: doomed.issuer });
      const begun = await start();
      const back = await doomed.authorize(begun.location, 'hr-sub');
      await doomed.stop();
      expect((await callback(back, begun.cookie)).location.searchParams.get('sso_error')).toBe('sso_provider_unavailable');
      // a provider never reached before (its discovery document not yet known) is down at the start
      const never = await TestOidcProvider.start({ accounts });
      await never.stop();
      await configure({ issuer: never.issuer });
      const res = await t.http().get(`/auth/sso/${school}/start`);
      expect(res.status).toBe(302);
      expect(new URL(String(res.headers.location)).searchParams.get('sso_error')).toBe('sso_provider_unavailable');
    } finally {
      await doomed.stop();
      await configure({});
    }
  });

  it('a school without single sign-on sends the browser back with sso_not_configured (no such school: 404); an admin never sees the client secret', async () => {
    const res = await t.http().get(`/auth/sso/${t.ids.org.northfield}/start`);
    expect(new URL(String(res.headers.location)).searchParams.get('sso_error')).toBe('sso_not_configured');
    expectProblem(await t.http().get('/auth/sso/00000000-0000-4000-8000-000000000000/start'), 404);
    const settings = await (await t.as(ADMIN)).get('/organisation/sign-in');
    expect(settings.body.sso).toEqual({ issuer: provider.issuer, clientId: CLIENT.clientId, clientSecretSet: true, allowedDomains: ['sso-academy.example'] });
    expect(JSON.stringify(settings.body)).not.toContain(CLIENT.clientSecret);
    const events = await t.db.query(`SELECT payload::text AS p FROM audit_events WHERE organisation_id = $1 AND action = 'organisation.sign_in_updated'`, [
      school,
    ]);
    expect(events.rows.length).toBeGreaterThan(0);
    for (const row of events.rows) expect(row.p).not.toContain(CLIENT.clientSecret);
    const stored = await t.db.query(`SELECT sso_client_secret FROM sign_in_settings WHERE organisation_id = $1`, [school]);
    expect(stored.rows[0].sso_client_secret).not.toContain(CLIENT.clientSecret);
  });

  it('single sign-on only: a right password is told to use it (403), a wrong one learns nothing (401); settings without a provider refused', async () => {
    await configure({ passwordSignIn: false });
    try {
      const right = await t.http().post('/auth/login').send({ email: HR, password: TEST_PASSWORD });
      expectProblem(right, 403);
      expect(right.body.code).toBe('password_sign_in_not_allowed');
      expect((await t.http().post('/auth/login').send({ email: HR, password: 'not the password at all' })).body.code).toBe('invalid_credentials');
      expect((await signIn('hr-sub')).error).toBeNull();
      const noProvider = await (
        await t.as(ADMIN)
      ).put('/organisation/sign-in', { passwordSignIn: false, secondFactorRoles: [], acceptProviderMfa: false, sso: null });
      expectProblem(noProvider, 400, 'passwordSignIn');
    } finally {
      // the admin signs in by password for the other tests: their token was taken before
      await configure({});
    }
  });

  it('the provider’s MFA (amr) counts as the second factor only where the school says so', async () => {
    try {
      await configure({ secondFactorRoles: ['hr', 'headteacher'], acceptProviderMfa: true });
      const head = await signIn('head-sub');
      expect(head.session.secondFactor).toBe('passed');
      const hr = await signIn('hr-sub');
      expect(hr.session.secondFactor).toBe('enrol');
      const blocked = await t.http().get('/cases').set('authorization', `Bearer ${hr.session.accessToken}`);
      expectProblem(blocked, 403);
      expect(blocked.body.code).toBe('second_factor_required');

      await configure({ secondFactorRoles: ['hr', 'headteacher'], acceptProviderMfa: false });
      expect((await signIn('head-sub')).session.secondFactor).toBe('enrol');
      expect((await audit('auth.signed_in')).at(-1)!.payload).toEqual(expect.objectContaining({ secondFactorRequired: true, secondFactorByProvider: false }));
    } finally {
      await configure({});
    }
  });

  it('an http issuer off this machine is refused when set (https only)', async () => {
    const res = await (
      await t.as(ADMIN)
    ).put('/organisation/sign-in', {
      passwordSignIn: true,
      secondFactorRoles: [],
      acceptProviderMfa: false,
      sso: { issuer: 'http://login.example.org/tenant', ...CLIENT, allowedDomains: ['sso-academy.example'] },
    });
    expectProblem(res, 400, 'sso.issuer');
  });
});
