import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type Configuration, type InteractionResults } from 'oidc-provider';

/**
 * A real OpenID provider for tests (issue 14 "Real parts in tests"): `oidc-provider`, a certified
 * implementation, on 127.0.0.1 and a free port, with PKCE required, the e-mail, name and `amr`
 * in the ID token (as Microsoft Entra ID and Google put them there) and an interaction of its
 * own: a login form that takes the account's `sub` (a browser can fill it), consent granted
 * without asking. `authorize()` drives the same flow without a browser.
 */

export interface TestOidcAccount {
  sub: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
  /** The ID token's `amr` for sign-ins of this account, e.g. ['pwd', 'mfa']; none when absent. */
  amr?: string[];
}

export interface TestOidcClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestOidcProviderOptions {
  clients?: TestOidcClient[];
  accounts?: TestOidcAccount[];
  /** Lifetime of the ID tokens issued (default one hour); 1 with a client clock ahead gives an expired one. */
  idTokenTtlSeconds?: number;
  /**
   * Publishes at the jwks_uri a key set without the key the ID tokens are signed with (the same
   * `kid`, another key): every ID token then has a bad signature, as a client sees it.
   */
  publishForeignKeys?: boolean;
}

/** Where the provider sends the browser to sign in (interactions.url). */
const INTERACTION_PATH = '/interaction/';
/** oidc-provider's default route for its public keys (the discovery document's jwks_uri). */
const JWKS_PATH = '/jwks';

export class TestOidcProvider {
  private accounts = new Map<string, TestOidcAccount>();
  private readonly store = new Map<string, { payload: AdapterPayload; expiresAt?: number }>();
  private provider!: Provider;

  private constructor(
    readonly issuer: string,
    private readonly server: Server,
  ) {}

  static async start(options: TestOidcProviderOptions = {}): Promise<TestOidcProvider> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const op = new TestOidcProvider(`http://127.0.0.1:${port}`, server);
    op.provider = new Provider(op.issuer, op.configuration(options));
    op.provider.on('server_error', (_ctx, err) => console.error('test OpenID provider:', err));
    const callback = op.provider.callback();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (options.publishForeignKeys && req.url === JWKS_PATH) {
        res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
        res.end(JSON.stringify(op.foreignKeys()));
      } else if (req.url?.startsWith(INTERACTION_PATH)) {
        op.interaction(req, res).catch((err: unknown) => {
          console.error('test OpenID provider interaction:', err);
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('interaction failed');
        });
      } else {
        void callback(req, res);
      }
    });
    for (const client of options.clients ?? []) op.addClient(client);
    op.setAccounts(options.accounts ?? []);
    return op;
  }

  /** Registers (or replaces) a confidential client: code flow, client_secret_basic or _post. */
  addClient(client: TestOidcClient): void {
    this.store.set(`Client:${client.clientId}`, {
      payload: {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: client.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    });
  }

  /** The people who can sign in (replacing any before). */
  setAccounts(accounts: TestOidcAccount[]): void {
    this.accounts = new Map(accounts.map((a) => [a.sub, a]));
  }

  /**
   * Drives the provider without a browser: opens the authorization URL, signs in `sub` on the
   * login form, lets consent be granted and returns the URL the provider redirects the browser
   * to (the client's redirect URI with `code`, `state` and `iss`, or an `error`). Cookies are
   * kept between the steps as a browser would.
   */
  async authorize(authorizationUrl: string, sub: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let step = 0; step < 12; step++) {
      if (url.origin !== new URL(this.issuer).origin) return url;
      const res = await fetch(url, {
        method: form ? 'POST' : 'GET',
        body: form,
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      keepCookies(cookies, res);
      const location = res.headers.get('location');
      const text = await res.text();
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url);
        form = undefined;
      } else if (res.status === 200 && url.pathname.startsWith(INTERACTION_PATH) && !form) {
        form = new URLSearchParams({ login: sub });
      } else {
        throw new Error(`test OpenID provider: ${res.status} at ${url.pathname}: ${text.slice(0, 500)}`);
      }
    }
    throw new Error('test OpenID provider: too many redirects');
  }

  /** Closes the port and every connection: the issuer is then unreachable (a provider that is down). */
  async stop(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    this.server.closeAllConnections();
    await closed;
  }

  /** The public half of another key under the signing key's `kid` (publishForeignKeys). */
  private foreignKeys(): { keys: object[] } {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: this.signingKid, use: 'sig', alg: 'RS256' }] };
  }

  private readonly signingKid = randomUUID();

  private configuration(options: TestOidcProviderOptions): Configuration {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: this.signingKid, use: 'sig', alg: 'RS256' };
    return {
      adapter: (name: string) => this.adapter(name),
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      findAccount: (_ctx, sub) => {
        const account = this.accounts.get(sub);
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: () => ({
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            ...(account.name === undefined ? {} : { name: account.name }),
          }),
        };
      },
      // `amr` with the openid scope: oidc-provider puts in the ID token only claims a scope (or the
      // claims parameter) asks for; the login result's amr is then in every ID token, as with Entra ID.
      claims: { acr: null, auth_time: null, iss: null, sid: null, openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
      // Entra ID and Google put the e-mail and name in the ID token itself, which is all the client reads.
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      responseTypes: ['code'],
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
      ttl: { IdToken: options.idTokenTtlSeconds ?? 3600, AccessToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    };
  }

  /** A login form for `sub` (a browser test fills it); consent is granted without asking. */
  private async interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await this.provider.interactionDetails(req, res);
    const { prompt, params, session, uid } = details;
    if (prompt.name === 'consent') {
      const grant = details.grantId
        ? await this.provider.Grant.find(details.grantId)
        : new this.provider.Grant({ accountId: session?.accountId, clientId: String(params.client_id) });
      if (!grant) throw new Error('grant not found');
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      const result: InteractionResults = { consent: details.grantId ? {} : { grantId } };
      return this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    }
    if (req.method === 'POST') {
      const login = new URLSearchParams(await readBody(req)).get('login') ?? '';
      const account = this.accounts.get(login);
      if (account) {
        const result: InteractionResults = { login: { accountId: account.sub, ...(account.amr ? { amr: account.amr } : {}) } };
        return this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      }
      return loginPage(res, uid, 'No account with that subject.');
    }
    return loginPage(res, uid);
  }

  /** A store per provider (the built-in one is shared by every provider in the process). */
  private adapter(name: string): Adapter {
    const key = (id: string) => `${name}:${id}`;
    const live = (k: string) => {
      const entry = this.store.get(k);
      if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        this.store.delete(k);
        return undefined;
      }
      return entry;
    };
    const findBy = (field: 'uid' | 'userCode', value: string) =>
      [...this.store.keys()].filter((k) => k.startsWith(`${name}:`)).find((k) => live(k)?.payload[field] === value);
    return {
      upsert: async (id, payload, expiresIn) => {
        this.store.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      },
      find: async (id) => live(key(id))?.payload,
      findByUid: async (uid) => {
        const k = findBy('uid', uid);
        return k ? live(k)?.payload : undefined;
      },
      findByUserCode: async (userCode) => {
        const k = findBy('userCode', userCode);
        return k ? live(k)?.payload : undefined;
      },
      consume: async (id) => {
        const entry = live(key(id));
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.store.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [k, entry] of this.store) if (entry.payload.grantId === grantId) this.store.delete(k);
      },
    };
  }
}

function keepCookies(cookies: Map<string, string>, res: Response): void {
  for (const header of res.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const expired = attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
    if (expired || !value) cookies.delete(name);
    else cookies.set(name, value);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function loginPage(res: ServerResponse, uid: string, error?: string): void {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en"><head><title>Test OpenID provider: sign in</title></head>
<body><h1>Test OpenID provider</h1>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${INTERACTION_PATH}${escape(uid)}">
<label for="login">Subject</label> <input id="login" name="login" autocomplete="off" autofocus>
<button type="submit">Sign in</button>
</form></body></html>`);
}
