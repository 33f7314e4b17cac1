import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import passport from 'passport';
import { createApp } from '../../src/app.factory';
import { JWT_AUDIENCE, JWT_ISSUER, JwtStrategy } from '../../src/auth/jwt.strategy';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/** Builds a JWT by hand (node crypto only), so every part of it can be bent. */
function jwt(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string | null, hmac = 'sha256'): string {
  const head = Buffer.from(JSON.stringify(header)).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = secret === null ? '' : createHmac(hmac, secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);

describe('auth', () => {
  let t: TestApp;
  /** The address supertest's requests come from, as the app records it. */
  let address: string;
  let claims: (email: string, extra?: Record<string, unknown>) => Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.token(DEMO.admin);
    address = (await t.db.query<{ ip: string }>(`SELECT ip FROM login_attempts WHERE succeeded ORDER BY id DESC LIMIT 1`)).rows[0].ip;
    // hand-built tokens name a real session of their user (docs/sessions.md), so each refusal below is the forgery's doing
    const sid = async (email: string) => JSON.parse(Buffer.from((await t.token(email)).split('.')[1], 'base64url').toString()).sid as string;
    const sessions: Record<string, string> = { [DEMO.deputy]: await sid(DEMO.deputy), [DEMO.head]: await sid(DEMO.head) };
    claims = (email, extra = {}) => ({
      sub: t.ids.users[email],
      org: email.endsWith('@northfield.demo') ? t.ids.org.northfield : t.ids.org.werrington,
      sid: sessions[email],
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      iat: now(),
      exp: now() + 600,
      ...extra,
    });
  });
  afterAll(() => t.close());
  // Failures from one test must not throttle the next one (they all come from one address).
  afterEach(() => t.db.query(`DELETE FROM login_attempts WHERE NOT succeeded`));

  const login = (email: string, password: string, app: NestFastifyApplication = t.app) =>
    request(app.getHttpServer()).post('/auth/login').send({ email, password });
  const me = (token: string | undefined) => {
    const req = t.http().get('/auth/me');
    return token === undefined ? req : req.set('authorization', `Bearer ${token}`);
  };

  let counter = 0;
  /** A fresh account (via the API) that has never signed in. */
  async function newUser(roles: string[] = ['deputy_head']): Promise<{ id: string; email: string; password: string }> {
    const email = `auth-${++counter}-${randomBytes(3).toString('hex')}@demo.school`;
    const password = `pw-${randomBytes(8).toString('hex')}`;
    const res = await (await t.as(DEMO.admin)).post('/users', { email, name: `Auth User ${counter}`, password, roles });
    expect(res.status).toBe(201);
    return { id: res.body.id, email, password };
  }

  describe('POST /auth/login', () => {
    it('returns a token and the user', async () => {
      const res = await login(DEMO.head, TEST_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        expiresIn: t.config.jwtTtlSeconds,
        user: expect.objectContaining({
          id: t.ids.users[DEMO.head],
          email: DEMO.head,
          name: 'Helen Head',
          roles: ['headteacher'],
          organisationId: t.ids.org.werrington,
        }),
        passwordChangeRequired: false,
        secondFactor: 'not_required',
        organisationName: 'Werrington Primary School (demo)',
        sessionIdleExpiresIn: t.config.sessionIdleMinutes * 60,
        sessionExpiresIn: t.config.sessionMaxHours * 3600,
      });
      // the refresh token went to the cookie (sessions.e2e-spec.ts), not the body
      expect(res.headers['set-cookie']).toEqual([expect.stringMatching(/^smp_refresh=/)]);
      expect(JSON.stringify({ ...res.body, passwordChangeRequired: undefined })).not.toMatch(/password|scrypt/i);
      const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
      expect(header.alg).toBe('HS256');
      const payload = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(t.config.jwtTtlSeconds);
      expect((await me(res.body.accessToken)).status).toBe(200);
    });

    it('answers a wrong password and an unknown e-mail alike: 401 with the same detail', async () => {
      const wrong = await login(DEMO.head, 'not-the-password');
      const unknown = await login('nobody@demo.school', TEST_PASSWORD);
      expectProblem(wrong, 401);
      expectProblem(unknown, 401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
      expect(unknown.body.title).toBe(wrong.body.title);
      expect(wrong.body.accessToken).toBeUndefined();
    });

    it('treats the e-mail case-insensitively', async () => {
      const res = await login('HEAD@Demo.School', TEST_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(t.ids.users[DEMO.head]);
      expect(res.body.user.email).toBe(DEMO.head);
    });

    it('refuses a body without a password (400 naming it)', async () => {
      expectProblem(await t.http().post('/auth/login').send({ email: DEMO.head }), 400, 'password');
    });
  });

  describe('GET /auth/me', () => {
    it('returns the caller', async () => {
      const res = await (await t.as(DEMO.investigator)).get('/auth/me');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id: t.ids.users[DEMO.investigator],
          email: DEMO.investigator,
          name: 'Ian Investigator',
          roles: ['investigating_manager'],
          organisationId: t.ids.org.werrington,
        }),
      );
      const north = await (await t.as(DEMO.northHead)).get('/auth/me');
      expect(north.body).toEqual(expect.objectContaining({ id: t.ids.users[DEMO.northHead], organisationId: t.ids.org.northfield }));
    });
  });

  describe('bearer tokens', () => {
    it('accepts a well-formed HS256 token built by hand (the control for the refusals below)', async () => {
      const res = await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy), t.config.jwtSecret));
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(t.ids.users[DEMO.deputy]);
    });

    it('refuses a token without a session, with a session of another user, or with one that does not exist', async () => {
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { sid: undefined }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { sid: randomUUID() }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { sid: claims(DEMO.head).sid }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { sid: 'not-a-uuid' }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { iat: undefined }), t.config.jwtSecret)), 401);
    });

    it('refuses no token', async () => {
      expectProblem(await me(undefined), 401);
    });

    it('refuses a garbage token and a non-bearer scheme', async () => {
      expectProblem(await me('garbage'), 401);
      expectProblem(await me('a.b.c'), 401);
      expectProblem(
        await t
          .http()
          .get('/auth/me')
          .set('authorization', `Basic ${Buffer.from(`${DEMO.head}:${TEST_PASSWORD}`).toString('base64')}`),
        401,
      );
    });

    it('refuses a token signed with another secret', async () => {
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy), randomBytes(32).toString('hex'))), 401);
    });

    it('refuses alg none', async () => {
      expectProblem(await me(jwt({ alg: 'none', typ: 'JWT' }, claims(DEMO.deputy), null)), 401);
      expectProblem(await me(jwt({ alg: 'none', typ: 'JWT' }, claims(DEMO.deputy), t.config.jwtSecret)), 401);
    });

    it('refuses HS512 even with the right secret', async () => {
      expectProblem(await me(jwt({ alg: 'HS512', typ: 'JWT' }, claims(DEMO.deputy), t.config.jwtSecret, 'sha512')), 401);
    });

    it('refuses an expired token', async () => {
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { iat: now() - 3600, exp: now() - 60 }), t.config.jwtSecret)), 401);
    });

    it('refuses a tampered payload', async () => {
      const real = await t.token(DEMO.deputy);
      const [head, , signature] = real.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(real.split('.')[1], 'base64url').toString()), sub: t.ids.users[DEMO.head] }),
      ).toString('base64url');
      expectProblem(await me(`${head}.${forged}.${signature}`), 401);
      expect((await me(real)).status).toBe(200);
    });

    it('refuses the wrong issuer or audience', async () => {
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { iss: 'someone-else' }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256', typ: 'JWT' }, claims(DEMO.deputy, { aud: 'another-api' }), t.config.jwtSecret)), 401);
    });

    it('refuses a subject that does not exist or belongs to another organisation than the token says', async () => {
      expectProblem(await me(jwt({ alg: 'HS256' }, claims(DEMO.deputy, { sub: randomUUID() }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256' }, claims(DEMO.deputy, { org: t.ids.org.northfield }), t.config.jwtSecret)), 401);
      expectProblem(await me(jwt({ alg: 'HS256' }, claims(DEMO.deputy, { sub: 'not-a-uuid' }), t.config.jwtSecret)), 401);
    });
  });

  describe('changes to an account take effect on the next request', () => {
    it('a deactivated user gets 401 with the old token, and cannot sign in', async () => {
      const user = await newUser();
      const token = (await login(user.email, user.password)).body.accessToken as string;
      expect((await me(token)).status).toBe(200);
      const res = await (await t.as(DEMO.admin)).patch(`/users/${user.id}`, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expectProblem(await me(token), 401);
      expectProblem(await t.http().get('/staff').set('authorization', `Bearer ${token}`), 401);
      const again = await login(user.email, user.password);
      expectProblem(again, 401);
      expect(again.body.detail).toBe((await login('nobody@demo.school', 'whatever')).body.detail);
    });

    it('a removed role is refused on the next request (403)', async () => {
      // the directory is the deputy head's (staff:read), never a governor's
      const user = await newUser(['deputy_head', 'governor']);
      const token = (await login(user.email, user.password)).body.accessToken as string;
      const staff = () => t.http().get('/staff').set('authorization', `Bearer ${token}`);
      expect((await staff()).status).toBe(200);
      expect((await (await t.as(DEMO.admin)).patch(`/users/${user.id}`, { roles: ['governor'] })).status).toBe(200);
      expectProblem(await staff(), 403);
      const mine = await me(token);
      expect(mine.status).toBe(200);
      expect(mine.body.roles).toEqual(['governor']);
    });
  });

  describe('rate limiting', () => {
    /** Failed attempts written straight into the table the throttle reads. */
    const fail = (email: string, count: number, ip = address, ago = '1 minute') =>
      t.db.query(`INSERT INTO login_attempts (email, ip, succeeded, at) SELECT $1, $2, false, now() - $4::interval FROM generate_series(1, $3::int)`, [
        email,
        ip,
        count,
        ago,
      ]);

    it('failed sign-ins over HTTP are counted: the 6th attempt after 5 wrong passwords is 429 even with the right password', async () => {
      const user = await newUser();
      for (let i = 0; i < 5; i++) expectProblem(await login(user.email, `wrong-${i}`), 401);
      const failures = await t.db.query(`SELECT 1 FROM login_attempts WHERE email = $1 AND NOT succeeded`, [user.email]);
      expect(failures.rowCount).toBe(5);
      const blocked = await login(user.email, user.password);
      expectProblem(blocked, 429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('parallel guesses cannot slip past the limit: of 10 concurrent wrong passwords, 5 are 401 and 5 are 429', async () => {
      const user = await newUser();
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login(user.email, `parallel-${i}`)));
      expect(answers.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
      expectProblem(await login(user.email, user.password), 429);
    });

    it('5 failures for one account from one address: 429 problem+json with Retry-After, even with the right password', async () => {
      const [four, five] = [await newUser(), await newUser()];
      await fail(four.email, 4);
      await fail(five.email, 5);
      expect((await login(four.email, four.password)).status).toBe(200);
      const blocked = await login(five.email, five.password);
      expectProblem(blocked, 429);
      expect(blocked.body.accessToken).toBeUndefined();
      // the oldest failure was a minute ago in a 15-minute window
      const retryAfter = Number(blocked.headers['retry-after']);
      expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
      expect(retryAfter).toBeGreaterThan(13 * 60);
      expect(retryAfter).toBeLessThanOrEqual(14 * 60 + 5);
      // only that account is blocked: another account from the same address still signs in
      expect((await login(DEMO.hr, TEST_PASSWORD)).status).toBe(200);
    });

    it('counts the e-mail case-insensitively', async () => {
      const user = await newUser();
      await fail(user.email, 5);
      expectProblem(await login(user.email.toUpperCase(), user.password), 429);
      const other = await newUser();
      for (let i = 0; i < 5; i++) expectProblem(await login(i % 2 ? other.email.toUpperCase() : other.email, `wrong-${i}`), 401);
      expectProblem(await login(other.email, other.password), 429);
    });

    it('lifts when the failures age out of the window', async () => {
      const user = await newUser();
      await fail(user.email, 5);
      expectProblem(await login(user.email, user.password), 429);
      await t.db.query(`UPDATE login_attempts SET at = at - interval '16 minutes' WHERE email = $1`, [user.email]);
      const res = await login(user.email, user.password);
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });

    /** A second instance of the app on this file's database (as behind a load balancer). */
    async function withSecondInstance(run: (second: NestFastifyApplication) => Promise<void>): Promise<void> {
      const url = (t.db.options as { connectionString: string }).connectionString;
      const second = await createApp(t.config, url, { logger: ['error'] });
      try {
        await second.getHttpAdapter().getInstance().ready();
        await run(second);
      } finally {
        await second.close();
        // passport keeps one 'jwt' strategy per process: the second app replaced ours.
        passport.use('jwt', t.app.get(JwtStrategy));
      }
    }

    it('is kept in PostgreSQL: a second app instance on the same database sees the same 429', async () => {
      const user = await newUser();
      await fail(user.email, 5);
      await withSecondInstance(async (second) => {
        const onSecond = await login(user.email, user.password, second);
        expectProblem(onSecond, 429);
        expect(onSecond.headers['retry-after']).toMatch(/^\d+$/);
        expectProblem(await login(user.email, user.password, t.app), 429);
        expect((await login(DEMO.hr, TEST_PASSWORD, second)).status).toBe(200);
      });
    });

    it('failures made on one instance count on another', async () => {
      const user = await newUser();
      await withSecondInstance(async (second) => {
        for (let i = 0; i < 3; i++) expectProblem(await login(user.email, `wrong-${i}`, t.app), 401);
        for (let i = 3; i < 5; i++) expectProblem(await login(user.email, `wrong-${i}`, second), 401);
        expectProblem(await login(user.email, user.password, second), 429);
        expectProblem(await login(user.email, user.password, t.app), 429);
      });
    });

    it('password spraying: 100 failures from one address block accounts new to it, not those already signed in from it', async () => {
      const fresh = await newUser();
      // the deputy has signed in from this address before (the staff room behind one NAT address)
      expect((await login(DEMO.deputy, TEST_PASSWORD)).status).toBe(200);
      await t.db.query(
        `INSERT INTO login_attempts (email, ip, succeeded, at)
         SELECT 'sprayed-' || n || '@demo.school', $1, false, now() - interval '1 minute' FROM generate_series(1, 99) n`,
        [address],
      );
      // 99 failures from the address: not blocked yet
      expectProblem(await login(fresh.email, 'Summer2026!'), 401);
      await fail('sprayed-100@demo.school', 1);
      const blocked = await login(fresh.email, fresh.password);
      expectProblem(blocked, 429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      const known = await login(DEMO.deputy, TEST_PASSWORD);
      expect(known.status).toBe(200);
      expect(known.body.user.id).toBe(t.ids.users[DEMO.deputy]);
      // the spray is per address: the same fresh account is not blocked from elsewhere
      await t.db.query(`DELETE FROM login_attempts WHERE ip = $1 AND NOT succeeded`, [address]);
      await fail('sprayed@demo.school', 100, '198.51.100.7');
      expect((await login(fresh.email, fresh.password)).status).toBe(200);
    });

    it('20 failures on one account from other addresses block it from unknown addresses, not the owner on a known one', async () => {
      const user = await newUser();
      expect((await login(DEMO.investigator2, TEST_PASSWORD)).status).toBe(200);
      for (const email of [user.email, DEMO.investigator2]) {
        await t.db.query(
          `INSERT INTO login_attempts (email, ip, succeeded, at)
           SELECT $1, '203.0.113.' || n, false, now() - interval '1 minute' FROM generate_series(1, 20) n`,
          [email],
        );
      }
      expectProblem(await login(user.email, user.password), 429);
      expect((await login(DEMO.investigator2, TEST_PASSWORD)).status).toBe(200);
    });
  });
});
