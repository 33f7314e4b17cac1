import { createHash, randomBytes, randomUUID } from 'node:crypto';
import passport from 'passport';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { JwtStrategy } from '../../src/auth/jwt.strategy';
import { REFRESH_RETRY_GRACE_SECONDS } from '../../src/auth/sessions.service';
import { TEST_PASSWORD } from '../support/constants';
import { ROUTE_PERMISSIONS } from '../support/route-permissions';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Sessions and passwords (api.md "Sessions and passwords", docs/sessions.md, issue 10 item 5):
 * refresh-token delivery (cookie or body), rotation, reuse detection, logout, the caller's
 * sessions, password change, admin reset, idle and absolute limits on the controllable clock,
 * password rules, and the audit trail of all of it, without a secret in it.
 */

const MINUTE = 60_000;
/** Past the allowance for a refresh retried after its answer was lost (sessions.service.ts). */
const PAST_GRACE = (REFRESH_RETRY_GRACE_SECONDS + 1) * 1000;
const HOUR = 60 * MINUTE;
const COOKIE = 'smp_refresh';

/** Every secret this file handles: none may appear in an audit event or a session row. */
const secrets = new Set<string>();
const keep = <T extends string>(secret: T): T => (secrets.add(secret), secret);

/** The `smp_refresh` Set-Cookie of a response, split into its value and attributes. */
function refreshCookie(res: Response): { value: string; attributes: Record<string, string | true>; raw: string } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const raw = headers.find((h) => h.startsWith(`${COOKIE}=`));
  if (!raw) return undefined;
  const [pair, ...rest] = raw.split(';').map((p) => p.trim());
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const [name, ...value] = part.split('=');
    attributes[name.toLowerCase()] = value.length ? value.join('=') : true;
  }
  return { value: decodeURIComponent(pair.slice(COOKIE.length + 1)), attributes, raw };
}

const claimsOf = (accessToken: string) => JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;

describe('sessions and passwords', () => {
  let t: TestApp;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    await t.token(DEMO.admin);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    t.clock.reset();
    // failed attempts (wrong current passwords) must not throttle the next test
    await t.db.query(`DELETE FROM login_attempts WHERE NOT succeeded`);
  });

  const login = (email: string, password: string, extra: Record<string, unknown> = {}, userAgent = 'jest/sessions') =>
    t
      .http()
      .post('/auth/login')
      .set('user-agent', userAgent)
      .send({ email, password, ...extra });
  const refreshWithBody = (refreshToken: string) => t.http().post('/auth/refresh').send({ refreshToken });
  const refreshWithCookie = (value: string) => t.http().post('/auth/refresh').set('cookie', `${COOKIE}=${value}`);
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set('authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => t.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    delete: (path: string) => t.http().delete(path).set('authorization', `Bearer ${token}`),
  });
  const me = (token: string) => as(token).get('/auth/me');

  /** A fresh account (via the API). */
  async function newUser(roles: string[] = ['deputy_head']): Promise<{ id: string; email: string; password: string }> {
    const email = `session-${++counter}-${randomBytes(3).toString('hex')}@demo.school`;
    const password = keep(`pw-${randomBytes(8).toString('hex')}`);
    const res = await (await t.as(DEMO.admin)).post('/users', { email, name: `Session User ${counter}`, password, roles });
    expect(res.status).toBe(201);
    return { id: res.body.id, email, password };
  }

  /** Signs in with the refresh token in the body. */
  async function signIn(
    user: { email: string; password: string },
    userAgent?: string,
  ): Promise<{ accessToken: string; refreshToken: string; sessionId: string }> {
    const res = await login(user.email, user.password, { tokenDelivery: 'body' }, userAgent);
    expect(res.status).toBe(200);
    return { accessToken: keep(res.body.accessToken), refreshToken: keep(res.body.refreshToken), sessionId: claimsOf(res.body.accessToken).sid as string };
  }

  async function refreshed(refreshToken: string): Promise<{ accessToken: string; refreshToken: string }> {
    const res = await refreshWithBody(refreshToken);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: expect.objectContaining({ accessToken: expect.any(String) }) });
    return { accessToken: keep(res.body.accessToken), refreshToken: keep(res.body.refreshToken) };
  }

  const sessionRow = async (id: string) =>
    (await t.db.query(`SELECT revoked_at, revoked_reason, last_used_at, rotations FROM sessions WHERE id = $1`, [id])).rows[0] as {
      revoked_at: Date | null;
      revoked_reason: string | null;
      last_used_at: Date;
      rotations: number;
    };
  const events = async (userId: string) =>
    (
      await t.db.query<{ action: string; reason: string | null; entity_type: string; entity_id: string; actor: string | null }>(
        `SELECT action, reason, entity_type, entity_id::text, actor_user_id::text AS actor FROM audit_events WHERE organisation_id = $1
           AND (actor_user_id = $2 OR entity_id = $2) ORDER BY seq`,
        [t.ids.org.werrington, userId],
      )
    ).rows;

  describe('sign-in: where the refresh token goes', () => {
    it('by default an HttpOnly, SameSite=Strict cookie scoped to /auth, lasting as long as the session may; never in the body', async () => {
      const user = await newUser();
      const res = await login(user.email, user.password);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual([
        'accessToken',
        'expiresIn',
        'organisationName',
        'passwordChangeRequired',
        'secondFactor',
        'sessionExpiresIn',
        'sessionIdleExpiresIn',
        'user',
      ]);
      const cookie = refreshCookie(res)!;
      keep(cookie.value);
      expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
      expect(cookie.attributes).toEqual({ httponly: true, samesite: 'Strict', path: '/auth', 'max-age': String(t.config.sessionMaxHours * 3600) });
      // not Secure outside production (see the production test below)
      expect(cookie.attributes.secure).toBeUndefined();
      expect(cookie.value.split('.')[0]).toBe(claimsOf(res.body.accessToken).sid);
    });

    it('in the body only when the client asks ({"tokenDelivery":"body"}), and then no cookie', async () => {
      const user = await newUser();
      const res = await login(user.email, user.password, { tokenDelivery: 'body' });
      expect(res.status).toBe(200);
      expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
      keep(res.body.refreshToken);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect((await login(user.email, user.password, { tokenDelivery: 'cookie' })).body.refreshToken).toBeUndefined();
      expectProblem(await login(user.email, user.password, { tokenDelivery: 'header' }), 400, 'tokenDelivery');
    });

    it('the cookie is Secure in the production configuration', async () => {
      const production = await startTestApp({ NODE_ENV: 'production', JWT_SECRET: randomBytes(24).toString('base64url') });
      try {
        expect(production.config.cookieSecure).toBe(true);
        const res = await production.http().post('/auth/login').send({ email: DEMO.head, password: TEST_PASSWORD });
        expect(res.status).toBe(200);
        const cookie = refreshCookie(res)!;
        keep(cookie.value);
        expect(cookie.attributes).toEqual(expect.objectContaining({ secure: true, httponly: true, samesite: 'Strict', path: '/auth' }));
      } finally {
        await production.close();
        // passport keeps one 'jwt' strategy per process: the last app built replaced ours
        passport.use('jwt', t.app.get(JwtStrategy));
      }
    });

    it('the session keeps a SHA-256 hash of the refresh token, never the token', async () => {
      const user = await newUser();
      const { refreshToken, sessionId } = await signIn(user, 'Mozilla/5.0 (test)');
      const secret = refreshToken.split('.')[1];
      const { rows } = await t.db.query(`SELECT refresh_token_hash, user_agent, sign_in_method, row_to_json(s)::text AS json FROM sessions s WHERE id = $1`, [
        sessionId,
      ]);
      expect(rows[0].refresh_token_hash).toEqual(createHash('sha256').update(secret).digest());
      expect(rows[0].json).not.toContain(secret);
      expect(rows[0]).toEqual(expect.objectContaining({ user_agent: 'Mozilla/5.0 (test)', sign_in_method: 'password' }));
    });
  });

  describe('POST /auth/refresh: rotation', () => {
    it('a refresh token is used once: each refresh answers a new access token and a new refresh token; the old one is then refused', async () => {
      const user = await newUser();
      const first = await signIn(user);
      const second = await refreshed(first.refreshToken);
      const third = await refreshed(second.refreshToken);
      expect(new Set([first.refreshToken, second.refreshToken, third.refreshToken]).size).toBe(3);
      expect(claimsOf(third.accessToken).sid).toBe(first.sessionId);
      expect((await me(third.accessToken)).status).toBe(200);
      expect((await sessionRow(first.sessionId)).rotations).toBe(2);
      t.clock.advance(PAST_GRACE);
      const again = await refreshWithBody(second.refreshToken);
      expectProblem(again, 401);
      expect(again.body.code).toBe('invalid_refresh_token');
    });

    it('from the cookie: the new refresh token goes back in the cookie, not the body; answers carry the user', async () => {
      const user = await newUser();
      const cookie = refreshCookie(await login(user.email, user.password))!;
      const res = await refreshWithCookie(keep(cookie.value));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: t.config.jwtTtlSeconds,
        user: expect.objectContaining({ id: user.id }),
        passwordChangeRequired: false,
        secondFactor: 'not_required',
        organisationName: 'Werrington Primary School (demo)',
        // a refresh is a use: the idle limit starts again (the web app's timeout warning counts from it)
        sessionIdleExpiresIn: t.config.sessionIdleMinutes * 60,
        sessionExpiresIn: expect.any(Number),
      });
      expect(res.body.sessionExpiresIn).toBeLessThanOrEqual(t.config.sessionMaxHours * 3600);
      expect(res.body.sessionExpiresIn).toBeGreaterThan(t.config.sessionMaxHours * 3600 - 60);
      const rotated = refreshCookie(res)!;
      keep(rotated.value);
      expect(rotated.value).not.toBe(cookie.value);
      expect(rotated.attributes).toEqual(expect.objectContaining({ httponly: true, samesite: 'Strict', path: '/auth' }));
      expect((await refreshWithCookie(rotated.value)).status).toBe(200);
    });

    it('a refresh is a use of the session (its idle limit starts again)', async () => {
      const user = await newUser();
      const { refreshToken, sessionId } = await signIn(user);
      const before = (await sessionRow(sessionId)).last_used_at;
      t.clock.advance(10 * MINUTE);
      await refreshed(refreshToken);
      expect((await sessionRow(sessionId)).last_used_at.getTime() - before.getTime()).toBeGreaterThanOrEqual(10 * MINUTE);
    });

    it('no refresh token: 400 naming refreshToken; a malformed or unknown one: 401', async () => {
      expectProblem(await t.http().post('/auth/refresh'), 400, 'refreshToken');
      expectProblem(await t.http().post('/auth/refresh').send({}), 400, 'refreshToken');
      expectProblem(await refreshWithBody('garbage'), 401);
      expectProblem(await refreshWithBody(`${randomUUID()}.${randomBytes(32).toString('base64url')}`), 401);
      expectProblem(await refreshWithBody(12345 as unknown as string), 400, 'refreshToken');
      // a real session with a secret that was never its own: refused, audited, the session goes on
      const user = await newUser();
      const session = await signIn(user);
      expectProblem(await refreshWithBody(`${session.sessionId}.${randomBytes(32).toString('base64url')}`), 401);
      expect((await events(user.id)).filter((e) => e.action === 'auth.refresh_refused')).toEqual([expect.objectContaining({ reason: 'unknown_token' })]);
      expect((await refreshWithBody(session.refreshToken)).status).toBe(200);
    });

    it('a refused cookie is cleared', async () => {
      const res = await refreshWithCookie(`${randomUUID()}.${randomBytes(32).toString('base64url')}`);
      expectProblem(res, 401);
      const cleared = refreshCookie(res)!;
      expect(cleared.value).toBe('');
      expect(cleared.attributes.path).toBe('/auth');
    });
  });

  describe('reuse detection', () => {
    it(`a retry: the token replaced last, presented again within ${REFRESH_RETRY_GRACE_SECONDS} s while its successor was never redeemed (the answer lost on the way), rotates again instead of ending the session`, async () => {
      const user = await newUser();
      const first = await signIn(user);
      const lost = await refreshed(first.refreshToken);
      t.clock.advance((REFRESH_RETRY_GRACE_SECONDS - 1) * 1000);
      const retried = await refreshed(first.refreshToken);
      expect(claimsOf(retried.accessToken).sid).toBe(first.sessionId);
      expect((await me(retried.accessToken)).status).toBe(200);
      expect((await sessionRow(first.sessionId)).revoked_at).toBeNull();
      // the answer that never arrived is spent: presented later, it is a reuse and ends the session
      t.clock.advance(PAST_GRACE);
      expectProblem(await refreshWithBody(lost.refreshToken), 401);
      expect(await sessionRow(first.sessionId)).toEqual(expect.objectContaining({ revoked_reason: 'refresh_token_reuse' }));
      expect((await events(user.id)).filter((e) => e.entity_id === first.sessionId).map((e) => [e.action, e.reason])).toEqual([
        ['auth.signed_in', null],
        ['auth.session_refreshed', null],
        ['auth.session_refreshed', 'refresh_retried'],
        ['auth.refresh_token_reused', 'refresh_token_reuse'],
      ]);
    });

    it('no retry once the successor has been redeemed, nor after the grace: the session ends', async () => {
      const user = await newUser();
      const first = await signIn(user);
      const second = await refreshed(first.refreshToken);
      await refreshed(second.refreshToken);
      expectProblem(await refreshWithBody(first.refreshToken), 401);
      expect(await sessionRow(first.sessionId)).toEqual(expect.objectContaining({ revoked_reason: 'refresh_token_reuse' }));

      const late = await signIn(user);
      await refreshed(late.refreshToken);
      t.clock.advance((REFRESH_RETRY_GRACE_SECONDS + 1) * 1000);
      expectProblem(await refreshWithBody(late.refreshToken), 401);
      expect(await sessionRow(late.sessionId)).toEqual(expect.objectContaining({ revoked_reason: 'refresh_token_reuse' }));
    });

    it('presenting an already-rotated refresh token ends the whole session: its newest refresh token and its access tokens stop working', async () => {
      const user = await newUser();
      const stolen = await signIn(user);
      const other = await signIn(user);
      const legitimate = await refreshed(stolen.refreshToken);
      expect((await me(legitimate.accessToken)).status).toBe(200);

      t.clock.advance(PAST_GRACE);
      const replay = await refreshWithBody(stolen.refreshToken);
      expectProblem(replay, 401);
      expect(await sessionRow(stolen.sessionId)).toEqual(expect.objectContaining({ revoked_reason: 'refresh_token_reuse', revoked_at: expect.any(Date) }));
      expectProblem(await refreshWithBody(legitimate.refreshToken), 401);
      expectProblem(await me(legitimate.accessToken), 401);
      expectProblem(await me(stolen.accessToken), 401);
      // the user's other session is not touched
      expect((await me(other.accessToken)).status).toBe(200);
      expect((await events(user.id)).filter((e) => e.entity_id === stolen.sessionId).map((e) => [e.action, e.reason])).toEqual([
        ['auth.signed_in', null],
        ['auth.session_refreshed', null],
        ['auth.refresh_token_reused', 'refresh_token_reuse'],
        ['auth.refresh_refused', 'session_ended'],
      ]);
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the current session at once: its refresh token (cookie) and its access token stop working; the cookie is cleared', async () => {
      const user = await newUser();
      const res = await login(user.email, user.password);
      const accessToken = keep(res.body.accessToken as string);
      const cookie = keep(refreshCookie(res)!.value);
      const out = await as(accessToken).post('/auth/logout');
      expect(out.status).toBe(204);
      expect(refreshCookie(out)).toEqual(expect.objectContaining({ value: '', attributes: expect.objectContaining({ path: '/auth' }) }));
      expectProblem(await refreshWithCookie(cookie), 401);
      expectProblem(await me(accessToken), 401);
      expect((await sessionRow(claimsOf(accessToken).sid as string)).revoked_reason).toBe('logout');
      expect((await events(user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['auth.signed_in', 'auth.signed_out']));
    });

    it('needs an access token (401 without)', async () => {
      expectProblem(await t.http().post('/auth/logout'), 401);
    });
  });

  describe('GET /auth/sessions and DELETE /auth/sessions/:id', () => {
    it('lists the caller’s open sessions, newest first, marking the current one', async () => {
      const user = await newUser();
      const laptop = await signIn(user, 'Laptop browser');
      const phone = await signIn(user, 'Phone app');
      await signIn(user, 'Tablet');
      const ended = await signIn(user, 'Ended');
      expect((await as(ended.accessToken).post('/auth/logout')).status).toBe(204);
      const res = await as(laptop.accessToken).get('/auth/sessions');
      expect(res.status).toBe(200);
      expect(res.body.nextCursor).toBeNull();
      const listed = res.body.items as Array<Record<string, unknown>>;
      expect(listed.map((s) => s.userAgent)).toEqual(['Tablet', 'Phone app', 'Laptop browser']);
      expect(listed.find((s) => s.id === laptop.sessionId)).toEqual({
        id: laptop.sessionId,
        createdAt: expect.any(String),
        lastUsedAt: expect.any(String),
        expiresAt: expect.any(String),
        idleExpiresAt: expect.any(String),
        userAgent: 'Laptop browser',
        ip: expect.any(String),
        signInMethod: 'password',
        current: true,
      });
      expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([laptop.sessionId]);
      const created = Date.parse(listed[2].createdAt as string);
      expect(Date.parse(listed[2].expiresAt as string) - created).toBe(t.config.sessionMaxHours * HOUR);
      expect(Date.parse(listed[2].idleExpiresAt as string) - Date.parse(listed[2].lastUsedAt as string)).toBe(t.config.sessionIdleMinutes * MINUTE);
      // nobody else's sessions, and none of theirs is shown to another user
      const others = await (await t.as(DEMO.deputy)).get('/auth/sessions');
      expect(others.body.items.map((s: { id: string }) => s.id)).not.toContain(phone.sessionId);
      // a page at a time
      const page = await as(laptop.accessToken).get('/auth/sessions?limit=2');
      expect(page.body.items).toHaveLength(2);
      const next = await as(laptop.accessToken).get(`/auth/sessions?limit=2&cursor=${page.body.nextCursor}`);
      expect(next.body.items.map((s: { id: string }) => s.id)).toEqual([laptop.sessionId]);
    });

    it('ends one of the caller’s sessions: its refresh and access tokens stop working; the others go on', async () => {
      const user = await newUser();
      const mine = await signIn(user);
      const lost = await signIn(user, 'Lost phone');
      const res = await as(mine.accessToken).delete(`/auth/sessions/${lost.sessionId}`);
      expect(res.status).toBe(204);
      expect(res.headers['set-cookie']).toBeUndefined();
      expectProblem(await me(lost.accessToken), 401);
      expectProblem(await refreshWithBody(lost.refreshToken), 401);
      expect((await me(mine.accessToken)).status).toBe(200);
      expect((await sessionRow(lost.sessionId)).revoked_reason).toBe('ended_by_user');
      const listed = await as(mine.accessToken).get('/auth/sessions');
      expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([mine.sessionId]);
      expect((await events(user.id)).filter((e) => e.action === 'auth.session_ended')).toEqual([
        expect.objectContaining({ reason: 'ended_by_user', entity_type: 'session', entity_id: lost.sessionId }),
      ]);
    });

    it('another person’s session, an ended one or one that does not exist: 404; not a UUID: 400', async () => {
      const user = await newUser();
      const mine = await signIn(user);
      const someoneElse = await signIn(await newUser());
      const northfield = claimsOf(await t.token(DEMO.northHead)).sid as string;
      for (const id of [someoneElse.sessionId, northfield, randomUUID()]) expectProblem(await as(mine.accessToken).delete(`/auth/sessions/${id}`), 404);
      expect((await me(someoneElse.accessToken)).status).toBe(200);
      const ended = await signIn(user);
      expect((await as(mine.accessToken).delete(`/auth/sessions/${ended.sessionId}`)).status).toBe(204);
      expectProblem(await as(mine.accessToken).delete(`/auth/sessions/${ended.sessionId}`), 404);
      expectProblem(await as(mine.accessToken).delete('/auth/sessions/not-a-uuid'), 400, 'id');
    });

    it('ending the current session is a sign-out (and clears the cookie)', async () => {
      const user = await newUser();
      const mine = await signIn(user);
      const res = await as(mine.accessToken).delete(`/auth/sessions/${mine.sessionId}`);
      expect(res.status).toBe(204);
      expect(refreshCookie(res)?.value).toBe('');
      expectProblem(await me(mine.accessToken), 401);
    });
  });

  describe('POST /auth/password', () => {
    it('changes the password; ends every other session; access tokens issued before it stop working, the current one goes on', async () => {
      const user = await newUser();
      const current = await signIn(user);
      const other = await signIn(user);
      // a later access token of the current session (tokens carry whole seconds)
      t.clock.advance(5_000);
      const later = await refreshed(current.refreshToken);
      const newPassword = keep(`new-${randomBytes(8).toString('hex')}`);

      const res = await as(later.accessToken).post('/auth/password', { currentPassword: user.password, newPassword });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');

      expect((await me(later.accessToken)).status).toBe(200);
      expectProblem(await me(current.accessToken), 401);
      expectProblem(await me(other.accessToken), 401);
      expectProblem(await refreshWithBody(other.refreshToken), 401);
      expect((await sessionRow(other.sessionId)).revoked_reason).toBe('password_changed');
      // the current session goes on: its refresh token works, and so do the tokens it issues
      const afterwards = await refreshed(later.refreshToken);
      expect((await me(afterwards.accessToken)).status).toBe(200);

      expectProblem(await login(user.email, user.password), 401);
      expect((await login(user.email, newPassword)).status).toBe(200);
      const changed = (await events(user.id)).filter((e) => e.action === 'auth.password_changed');
      expect(changed).toEqual([expect.objectContaining({ entity_type: 'user', entity_id: user.id, actor: user.id })]);
    });

    it('a wrong current password: 400 naming currentPassword, audited, nothing changed; it counts towards the sign-in throttle', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user);
      const other = await signIn(user);
      const res = await as(accessToken).post('/auth/password', {
        currentPassword: 'not-the-password',
        newPassword: keep(`new-${randomBytes(8).toString('hex')}`),
      });
      expectProblem(res, 400, 'currentPassword');
      expect(res.body.code).toBe('wrong_password');
      expect((await me(other.accessToken)).status).toBe(200);
      expect((await login(user.email, user.password)).status).toBe(200);
      expect((await events(user.id)).filter((e) => e.action === 'auth.password_change_failed')).toEqual([
        expect.objectContaining({ reason: 'wrong_password' }),
      ]);
      for (let i = 0; i < 4; i++) await as(accessToken).post('/auth/password', { currentPassword: `wrong-${i}`, newPassword: 'another-fine-passphrase' });
      expectProblem(await as(accessToken).post('/auth/password', { currentPassword: user.password, newPassword: 'another-fine-passphrase' }), 429);
    });

    it('the new password must follow the rules (400 naming newPassword) and differ from the current one', async () => {
      const user = await newUser();
      const { accessToken } = await signIn(user);
      const local = user.email.split('@')[0];
      for (const newPassword of ['short-one', 'password1234', 'Password2026!', user.email, `${local}-2026`, 'aaaaaaaaaaaaaaaa', user.password]) {
        const res = await as(accessToken).post('/auth/password', { currentPassword: user.password, newPassword });
        expect({ newPassword, status: res.status }).toEqual({ newPassword, status: 400 });
        expectProblem(res, 400, 'newPassword');
      }
      expectProblem(await as(accessToken).post('/auth/password', { currentPassword: user.password }), 400, 'newPassword');
      expectProblem(await as(accessToken).post('/auth/password', { currentPassword: user.password, newPassword: 'x'.repeat(12), extra: 1 }), 400);
      expect((await login(user.email, user.password)).status).toBe(200);
    });
  });

  describe('POST /users/:id/password-reset', () => {
    it('gives a temporary password once, ends every session of the user, and forces a change at the next sign-in', async () => {
      const user = await newUser(['deputy_head', 'hr']);
      const a = await signIn(user);
      const b = await signIn(user);
      const res = await (await t.as(DEMO.admin)).post(`/users/${user.id}/password-reset`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['temporaryPassword']);
      const temporary = keep(res.body.temporaryPassword as string);
      expect(temporary.split('-')).toHaveLength(5);
      for (const session of [a, b]) {
        expectProblem(await me(session.accessToken), 401);
        expectProblem(await refreshWithBody(session.refreshToken), 401);
        expect((await sessionRow(session.sessionId)).revoked_reason).toBe('password_reset');
      }
      expectProblem(await login(user.email, user.password), 401);

      const signedIn = await login(user.email, temporary, { tokenDelivery: 'body' });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.passwordChangeRequired).toBe(true);
      const token = keep(signedIn.body.accessToken as string);
      keep(signedIn.body.refreshToken as string);

      // every route but POST /auth/password, GET /auth/me and POST /auth/logout answers 403 password_change_required —
      // and the second factor's own (process.md §7: where a school asks for one, it comes before the new password)
      const open = [
        'POST /auth/password',
        'GET /auth/me',
        'POST /auth/logout',
        'POST /auth/second-factor/enrolment',
        'POST /auth/second-factor/enrolment/confirm',
        'POST /auth/second-factor/verify',
      ];
      const refused: string[] = [];
      for (const [key, route] of Object.entries(ROUTE_PERMISSIONS)) {
        if (route.scope === 'public' || open.includes(key) || key.includes('?')) continue;
        const [method, path] = key.split(' ');
        const url = path.replace(/\{\w+\}/g, () => randomUUID());
        const answer = await t
          .http()
          [method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](url)
          .set('authorization', `Bearer ${token}`)
          .send(method === 'GET' || method === 'DELETE' ? undefined : {});
        if (answer.status !== 403 || answer.body.code !== 'password_change_required') refused.push(`${key}: ${answer.status} ${answer.body.code}`);
      }
      expect(refused).toEqual([]);
      expect(Object.keys(ROUTE_PERMISSIONS).length).toBeGreaterThan(40);
      expect((await me(token)).status).toBe(200);

      // the reset's own rules apply to the new password too; then everything opens again
      expectProblem(await as(token).post('/auth/password', { currentPassword: temporary, newPassword: 'password1234' }), 400, 'newPassword');
      const chosen = keep(`chosen-${randomBytes(8).toString('hex')}`);
      expect((await as(token).post('/auth/password', { currentPassword: temporary, newPassword: chosen })).status).toBe(204);
      expect((await as(token).get('/staff')).status).toBe(200);
      expect((await as(token).get('/auth/sessions')).status).toBe(200);
      const again = await login(user.email, chosen);
      expect(again.body.passwordChangeRequired).toBe(false);

      expect((await events(user.id)).filter((e) => e.action === 'user.password_reset')).toEqual([
        expect.objectContaining({ entity_type: 'user', entity_id: user.id, actor: t.ids.users[DEMO.admin] }),
      ]);
    });

    it('while a change is required, the user may sign out', async () => {
      const user = await newUser();
      const temporary = keep((await (await t.as(DEMO.admin)).post(`/users/${user.id}/password-reset`)).body.temporaryPassword as string);
      const { accessToken } = await signIn({ email: user.email, password: temporary });
      expectProblem(await as(accessToken).get('/staff'), 403);
      expect((await as(accessToken).post('/auth/logout')).status).toBe(204);
      expectProblem(await me(accessToken), 401);
    });

    it('admins only, in their own organisation, never their own account', async () => {
      const user = await newUser();
      expectProblem(await (await t.as(DEMO.head)).post(`/users/${user.id}/password-reset`), 403);
      expectProblem(await (await t.as(DEMO.northAdmin)).post(`/users/${user.id}/password-reset`), 404);
      expectProblem(await (await t.as(DEMO.admin)).post(`/users/${randomUUID()}/password-reset`), 404);
      const own = await (await t.as(DEMO.admin)).post(`/users/${t.ids.users[DEMO.admin]}/password-reset`);
      expectProblem(own, 409);
      expect(own.body.code).toBe('own_password_reset');
      expect((await login(user.email, user.password)).status).toBe(200);
    });
  });

  describe('session limits, on the controllable clock (the session row decides; JWT exp is only an upper bound)', () => {
    it(`idle: a session unused (not refreshed) for SESSION_IDLE_MINUTES ends; each refresh starts the count again`, async () => {
      expect(t.config.sessionIdleMinutes).toBe(30);
      const user = await newUser();
      const session = await signIn(user);
      t.clock.advance(29 * MINUTE);
      expect((await me(session.accessToken)).status).toBe(200);
      let tokens = await refreshed(session.refreshToken);
      t.clock.advance(29 * MINUTE);
      tokens = await refreshed(tokens.refreshToken);
      t.clock.advance(31 * MINUTE);
      expectProblem(await me(tokens.accessToken), 401);
      expectProblem(await refreshWithBody(tokens.refreshToken), 401);
      expect((await sessionRow(session.sessionId)).revoked_reason).toBe('idle_timeout');
      expect((await events(user.id)).filter((e) => e.action === 'auth.refresh_refused')).toEqual([expect.objectContaining({ reason: 'idle_timeout' })]);
      // idle sessions are not listed
      t.clock.reset();
      const fresh = await signIn(user);
      expect((await as(fresh.accessToken).get('/auth/sessions')).body.items.map((s: { id: string }) => s.id)).toEqual([fresh.sessionId]);
    });

    it('absolute: SESSION_MAX_HOURS after sign-in the session ends, however recently it was used; access tokens never outlive it', async () => {
      expect(t.config.sessionMaxHours).toBe(12);
      const user = await newUser();
      const session = await signIn(user);
      let tokens = { accessToken: session.accessToken, refreshToken: session.refreshToken };
      for (let elapsed = 25; elapsed < 12 * 60; elapsed += 25) {
        t.clock.advance(25 * MINUTE);
        const res = await refreshWithBody(tokens.refreshToken);
        expect({ elapsed, status: res.status }).toEqual({ elapsed, status: 200 });
        tokens = { accessToken: keep(res.body.accessToken), refreshToken: keep(res.body.refreshToken) };
      }
      // 11 h 50 min after sign-in: the access token ends with the session, 10 minutes later, not JWT_TTL_SECONDS after the refresh
      t.clock.advance(10 * MINUTE);
      const last = await refreshWithBody(tokens.refreshToken);
      expect(last.status).toBe(200);
      tokens = { accessToken: keep(last.body.accessToken), refreshToken: keep(last.body.refreshToken) };
      expect(last.body.expiresIn).toBeLessThanOrEqual(10 * 60);
      expect(last.body.expiresIn).toBeGreaterThan(9 * 60);
      // the session's limits as the client is told them: both the 10 minutes left, not the 30-minute idle limit
      expect(last.body.sessionExpiresIn).toBe(last.body.sessionIdleExpiresIn);
      expect(last.body.sessionExpiresIn).toBeLessThanOrEqual(10 * 60);
      expect(last.body.sessionExpiresIn).toBeGreaterThan(9 * 60);
      const signedInAt = (await t.db.query(`SELECT created_at FROM sessions WHERE id = $1`, [session.sessionId])).rows[0].created_at as Date;
      expect((claimsOf(tokens.accessToken).exp as number) * 1000).toBeLessThanOrEqual(signedInAt.getTime() + 12 * HOUR);
      t.clock.advance(11 * MINUTE);
      expectProblem(await me(tokens.accessToken), 401);
      expectProblem(await refreshWithBody(tokens.refreshToken), 401);
      expect((await sessionRow(session.sessionId)).revoked_reason).toBe('absolute_timeout');
    });
  });

  describe('password rules on POST /users (NCSC)', () => {
    const body = (password: string, email = `rules-${randomBytes(3).toString('hex')}@demo.school`) => ({ email, name: 'Rita Rules', password, roles: ['hr'] });

    it.each([
      ['shorter than 12 characters', 'elevenchars'],
      ['a commonly used password', 'password1234'],
      ['a common password with digits around it', 'Qwerty123456789'],
      ['the e-mail', 'rita.rules@demo.school'],
      ['containing the e-mail’s local part', 'rita.rules-is-my-password'],
      ['the name', 'Rita Rules!!!'],
      ['one character repeated', 'zzzzzzzzzzzzzzzz'],
    ])('refuses %s: 400 naming password', async (_label, password) => {
      const res = await (await t.as(DEMO.admin)).post('/users', body(password, 'rita.rules@demo.school'));
      expectProblem(res, 400, 'password');
      expect(JSON.stringify(res.body)).not.toContain(password);
    });

    it('accepts a long uncommon password without composition rules (lower-case words only)', async () => {
      expect((await (await t.as(DEMO.admin)).post('/users', body('violet harbour ladder'))).status).toBe(201);
    });
  });

  it('an ordinary request costs no extra round trip: the session is checked in the statement that loads the caller', async () => {
    const { accessToken } = await signIn(await newUser());
    const manager = t.app.get(DataSource).manager;
    const spy = jest.spyOn(manager, 'query');
    try {
      expect((await me(accessToken)).status).toBe(200);
      // one statement loads the caller and checks the session; one reads the account for the answer
      expect(spy.mock.calls.map(([sql]) => /FROM sessions/.test(String(sql)))).toEqual([true, false]);
    } finally {
      spy.mockRestore();
    }
  });

  describe('the audit trail', () => {
    it('every sign-in, failure, refresh, reuse, logout, ended session, password change and reset is an event of the organisation', async () => {
      const { rows } = await t.db.query<{ action: string; reasons: string[] }>(
        `SELECT action, array_agg(DISTINCT coalesce(reason, '-')) AS reasons FROM audit_events
         WHERE organisation_id = $1 AND (action LIKE 'auth.%' OR action = 'user.password_reset') GROUP BY action`,
        [t.ids.org.werrington],
      );
      const seen = Object.fromEntries(rows.map((r) => [r.action, [...r.reasons].sort()]));
      expect(seen).toEqual({
        'auth.signed_in': ['-'],
        'auth.sign_in_failed': ['wrong_password'],
        'auth.session_refreshed': ['-', 'refresh_retried'],
        'auth.refresh_token_reused': ['refresh_token_reuse'],
        'auth.refresh_refused': expect.arrayContaining(['absolute_timeout', 'idle_timeout', 'session_ended', 'unknown_token']),
        'auth.signed_out': ['logout'],
        'auth.session_ended': ['ended_by_user'],
        'auth.password_changed': ['-'],
        'auth.password_change_failed': ['wrong_password'],
        'user.password_reset': ['-'],
      });
    });

    it('a failed sign-in with an unknown e-mail belongs to no organisation: login_attempts only', async () => {
      const before = Number((await t.db.query(`SELECT count(*) AS n FROM audit_events`)).rows[0].n);
      expectProblem(await login('nobody-at-all@demo.school', 'whatever-it-is'), 401);
      expect(Number((await t.db.query(`SELECT count(*) AS n FROM audit_events`)).rows[0].n)).toBe(before);
      expect((await t.db.query(`SELECT 1 FROM login_attempts WHERE email = 'nobody-at-all@demo.school'`)).rowCount).toBe(1);
    });

    it('no token and no password in any event or session row', async () => {
      expect(secrets.size).toBeGreaterThan(40);
      const { rows } = await t.db.query<{ text: string }>(`SELECT row_to_json(a)::text AS text FROM audit_events a`);
      const sessionRows = await t.db.query<{ text: string }>(`SELECT row_to_json(s)::text AS text FROM sessions s`);
      const everything = [...rows, ...sessionRows.rows].map((r) => r.text).join('\n');
      expect(everything).toContain('auth.signed_in');
      const found = [...secrets, TEST_PASSWORD].filter((secret) => everything.includes(secret) || everything.includes(secret.split('.').pop()!));
      expect(found).toEqual([]);
    });

    it('the chain still verifies', async () => {
      const verify = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(verify.body).toEqual(expect.objectContaining({ valid: true }));
    });
  });
});
