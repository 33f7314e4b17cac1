import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { OidcClient, type SsoAuthorizationRequest, type SsoProviderSettings } from '../../src/auth/sso/oidc-client';
import { TestClock } from '../../src/common/clock/clock';
import { TestOidcProvider, type TestOidcAccount } from '../support/oidc-provider';

/**
 * The OpenID Connect client (src/auth/sso/oidc-client.ts, issue 14 item 1) against a real
 * provider (oidc-provider on a loopback port): the whole code flow with PKCE, state and nonce,
 * and each way it fails: a wrong state, a replayed code, an expired ID token, a wrong nonce or
 * verifier or secret, a refusal by the provider, a provider that is down or does not answer.
 * No database, no HTTP routes: those call this client.
 */

const REDIRECT_URI = 'https://casework.example.org/api/auth/sso/callback';
const CLIENT_ID = 'casework-test';
const ALICE: TestOidcAccount = { sub: 'alice-sub', email: 'alice@school.org', name: 'Alice Head', amr: ['pwd', 'mfa'] };
const BOB: TestOidcAccount = { sub: 'bob-sub', email: 'bob@school.org', emailVerified: false };

/** Everything secret this file handles: none may be in an error message or the log. */
const secrets = new Set<string>();
const keep = <T extends string>(secret: T): T => (secrets.add(secret), secret);

async function failure(promise: Promise<unknown>): Promise<{ code: string; status: number; message: string }> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!err) throw new Error('expected a failure');
  const { code, status, message } = err as { code: string; status: number; message: string };
  for (const secret of secrets) expect(message).not.toContain(secret);
  return { code, status, message };
}

describe('OpenID Connect client against a real provider', () => {
  const clientSecret = keep(randomBytes(24).toString('base64url'));
  let op: TestOidcProvider;
  let settings: SsoProviderSettings;
  const clock = new TestClock();
  const client = new OidcClient(clock);
  let logged: jest.SpyInstance;

  beforeAll(async () => {
    op = await TestOidcProvider.start({
      clients: [{ clientId: CLIENT_ID, clientSecret, redirectUris: [REDIRECT_URI] }],
      accounts: [ALICE, BOB],
    });
    settings = { issuer: op.issuer, clientId: CLIENT_ID, clientSecret };
  });
  afterAll(() => op.stop());
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    for (const [line] of logged.mock.calls) for (const secret of secrets) expect(String(line)).not.toContain(secret);
    logged.mockRestore();
    clock.reset();
  });

  /** A sign-in as far as the provider's redirect back: what was kept, and the callback URL. */
  async function signIn(sub: string, s: SsoProviderSettings = settings, c: OidcClient = client, provider: TestOidcProvider = op) {
    const request = await c.startSignIn(s, REDIRECT_URI);
    keep(request.codeVerifier);
    const callback = await provider.authorize(request.url, sub);
    const code = callback.searchParams.get('code');
    if (code) keep(code);
    return { request, callback };
  }
  const expectedOf = (r: SsoAuthorizationRequest) => ({ state: r.state, nonce: r.nonce, codeVerifier: r.codeVerifier });

  it('asks for the code flow with PKCE (S256), a state, a nonce and the scopes openid email profile', async () => {
    const request = await client.startSignIn(settings, REDIRECT_URI);
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(`${op.issuer}/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid email profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    // the verifier stays with the application; each sign-in has its own secrets
    expect(request.url).not.toContain(request.codeVerifier);
    const other = await client.startSignIn(settings, REDIRECT_URI);
    expect(new Set([request.state, request.nonce, request.codeVerifier, other.state, other.nonce, other.codeVerifier]).size).toBe(6);
  });

  it('signs a person in: issuer, subject, e-mail, verified, amr and name from the validated ID token', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe(request.state);
    await expect(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request))).resolves.toEqual({
      issuer: op.issuer,
      subject: ALICE.sub,
      email: ALICE.email,
      emailVerified: true,
      amr: ['pwd', 'mfa'],
      name: 'Alice Head',
    });
  });

  it('says so when the e-mail is not verified, and gives no amr or name the provider did not send', async () => {
    const { request, callback } = await signIn(BOB.sub);
    await expect(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request))).resolves.toEqual({
      issuer: op.issuer,
      subject: BOB.sub,
      email: BOB.email,
      emailVerified: false,
      amr: [],
      name: null,
    });
  });

  it('refuses a callback whose state is not this sign-in’s (400 sso_state_mismatch), before redeeming the code', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    const other = await client.startSignIn(settings, REDIRECT_URI);
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(other)))).toMatchObject({
      code: 'sso_state_mismatch',
      status: 400,
    });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${request.state}x`);
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, tampered, expectedOf(request)))).toMatchObject({ code: 'sso_state_mismatch' });
    const stateless = new URL(callback);
    stateless.searchParams.delete('state');
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, stateless, expectedOf(request)))).toMatchObject({ code: 'sso_state_mismatch' });
    // the code was not spent on those: the right sign-in still completes
    await expect(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request))).resolves.toMatchObject({ subject: ALICE.sub });
  });

  it('refuses the same callback a second time (a replayed code: 401 sso_failed)', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    await client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request));
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({
      code: 'sso_failed',
      status: 401,
    });
    expect(logged.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('invalid_grant')]);
  });

  it('refuses an ID token with another nonce (sso_failed)', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    const other = await client.startSignIn(settings, REDIRECT_URI);
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, callback, { ...expectedOf(request), nonce: other.nonce }))).toMatchObject({
      code: 'sso_failed',
      status: 401,
    });
  });

  it('refuses a code redeemed with another PKCE verifier (sso_failed)', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    const other = await client.startSignIn(settings, REDIRECT_URI);
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, callback, { ...expectedOf(request), codeVerifier: other.codeVerifier }))).toMatchObject({
      code: 'sso_failed',
    });
  });

  it('refuses a code for another redirect URI (sso_failed)', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    expect(await failure(client.finishSignIn(settings, `${REDIRECT_URI}/other`, callback, expectedOf(request)))).toMatchObject({
      code: 'sso_failed',
    });
  });

  it('refuses when the client secret is wrong (sso_failed), without the secret in the message or the log', async () => {
    const { request, callback } = await signIn(ALICE.sub);
    const wrong = { ...settings, clientSecret: keep(randomBytes(24).toString('base64url')) };
    expect(await failure(client.finishSignIn(wrong, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({ code: 'sso_failed' });
  });

  it('turns the provider’s own refusal (error=access_denied in the callback) into sso_failed', async () => {
    const request = await client.startSignIn(settings, REDIRECT_URI);
    const callback = new URL(REDIRECT_URI);
    callback.search = new URLSearchParams({ error: 'access_denied', state: request.state, iss: op.issuer }).toString();
    expect(await failure(client.finishSignIn(settings, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({ code: 'sso_failed' });
  });

  it('refuses an ID token whose signature does not verify with the provider’s published keys (sso_failed)', async () => {
    const forged = await TestOidcProvider.start({
      clients: [{ clientId: CLIENT_ID, clientSecret, redirectUris: [REDIRECT_URI] }],
      accounts: [ALICE],
      publishForeignKeys: true,
    });
    try {
      const s = { ...settings, issuer: forged.issuer };
      const { request, callback } = await signIn(ALICE.sub, s, client, forged);
      expect(await failure(client.finishSignIn(s, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({ code: 'sso_failed', status: 401 });
      // oauth4webapi's code for "JWT signature verification failed" (accepted without enableNonRepudiationChecks)
      expect(logged.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('OAUTH_INVALID_RESPONSE')]);
    } finally {
      await forged.stop();
    }
  });

  describe('an expired ID token', () => {
    let shortLived: TestOidcProvider;
    let s: SsoProviderSettings;
    beforeAll(async () => {
      shortLived = await TestOidcProvider.start({
        clients: [{ clientId: CLIENT_ID, clientSecret, redirectUris: [REDIRECT_URI] }],
        accounts: [ALICE],
        idTokenTtlSeconds: 1,
      });
      s = { ...settings, issuer: shortLived.issuer };
    });
    afterAll(() => shortLived.stop());

    it('is accepted while it lives (the clock as the provider’s)', async () => {
      const { request, callback } = await signIn(ALICE.sub, s, client, shortLived);
      await expect(client.finishSignIn(s, REDIRECT_URI, callback, expectedOf(request))).resolves.toMatchObject({ subject: ALICE.sub });
    });

    it('is refused once expired beyond the 30 s tolerance, on the application’s clock (sso_failed)', async () => {
      const { request, callback } = await signIn(ALICE.sub, s, client, shortLived);
      clock.advance(35_000);
      expect(await failure(client.finishSignIn(s, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({ code: 'sso_failed', status: 401 });
      expect(logged.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')]);
    });
  });

  describe('a provider that is down', () => {
    it('at the start: 503 sso_provider_unavailable', async () => {
      const down = await TestOidcProvider.start();
      await down.stop();
      const fresh = new OidcClient(clock);
      expect(await failure(fresh.startSignIn({ ...settings, issuer: down.issuer }, REDIRECT_URI))).toMatchObject({
        code: 'sso_provider_unavailable',
        status: 503,
      });
    });

    it('at the finish (the token endpoint unreachable): 503 sso_provider_unavailable', async () => {
      const failing = await TestOidcProvider.start({
        clients: [{ clientId: CLIENT_ID, clientSecret, redirectUris: [REDIRECT_URI] }],
        accounts: [ALICE],
      });
      const s = { ...settings, issuer: failing.issuer };
      const { request, callback } = await signIn(ALICE.sub, s, client, failing);
      await failing.stop();
      expect(await failure(client.finishSignIn(s, REDIRECT_URI, callback, expectedOf(request)))).toMatchObject({
        code: 'sso_provider_unavailable',
        status: 503,
      });
    });

    it('a provider that accepts the connection and never answers: 503 after the timeout, not a hang', async () => {
      const sockets = new Set<Socket>();
      const silent: Server = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const quick = new OidcClient(clock, { httpTimeoutSeconds: 0.5 });
        const issuer = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
        expect(await failure(quick.startSignIn({ ...settings, issuer }, REDIRECT_URI))).toMatchObject({ code: 'sso_provider_unavailable' });
        // the client's own timeout ended it (not the test's): the log names it
        expect(logged.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining('OAUTH_TIMEOUT')]);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });

  it('refuses a plain-http issuer that is not on this machine without contacting it (sso_provider_unavailable)', async () => {
    expect(await failure(client.startSignIn({ ...settings, issuer: 'http://idp.example.org' }, REDIRECT_URI))).toMatchObject({
      code: 'sso_provider_unavailable',
    });
  });
});
