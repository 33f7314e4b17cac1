import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  ClientSecretBasic,
  ClientSecretPost,
  clockSkew,
  clockTolerance,
  Configuration,
  discovery,
  enableNonRepudiationChecks,
  getJwksCache,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
  setJwksCache,
  type ClientMetadata,
  type ExportedJWKSCache,
  type ServerMetadata,
} from 'openid-client';
import { Clock } from '../../common/clock/clock';
import { classifyOidcError, describeOidcError } from './oidc-failure';
import { ssoErrors } from './sso.errors';
import { amrOf, emailVerifiedOf, isLoopbackIssuer, issuerProblem, secretAuthMethod, stateMatches, stringClaim } from './sso.rules';

/** An organisation's OpenID provider and this application's registration with it. */
export interface SsoProviderSettings {
  /** Exactly as the provider states it (e.g. `https://login.microsoftonline.com/<tenant id>/v2.0`, `https://accounts.google.com`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** Where to send the browser, and what to keep (server-side or sealed, never shown) until the callback. */
export interface SsoAuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Who the provider says signed in, from the validated ID token. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** Authentication methods (`pwd`, `mfa`, `otp` …); empty when the provider does not say. */
  amr: string[];
  name: string | null;
}

export interface SsoExpectedChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClientOptions {
  /** Each request to a provider (discovery, token, keys) gives up after this long. Default 5. */
  httpTimeoutSeconds?: number;
  /** How long a provider's discovery document is reused. Default 1 hour. */
  discoveryTtlSeconds?: number;
}

export const OIDC_CLIENT_OPTIONS = Symbol('OIDC_CLIENT_OPTIONS');

/** OpenID Connect Core §3.1.2.1: `openid`, plus the e-mail (matching an account) and the name. */
export const SSO_SCOPE = 'openid email profile';
/** Seconds of difference allowed between the provider's clock and ours for `exp`, `iat` (openid-client's default). */
const CLOCK_TOLERANCE_SECONDS = 30;

interface DiscoveredIssuer {
  metadata: ServerMetadata;
  /** The provider's signing keys as last fetched, shared by every sign-in with it. */
  jwks?: ExportedJWKSCache;
  expiresAt: number;
}

/**
 * The OpenID Connect relying party (process.md §7, issue 14 item 1), with openid-client:
 * authorization code flow with PKCE (S256), `state` and `nonce`, the ID token validated by the
 * library (signature against the provider's keys, issuer, audience, expiry on the application's
 * `Clock`, nonce). No database: the caller keeps the `SsoAuthorizationRequest` between the two
 * steps and decides what the identity may do. Errors are `DomainError`s `sso_state_mismatch`,
 * `sso_failed`, `sso_provider_unavailable` (sso.errors.ts); nothing secret is logged.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger(OidcClient.name);
  private readonly issuers = new Map<string, Promise<DiscoveredIssuer>>();
  private readonly timeoutSeconds: number;
  private readonly discoveryTtlMs: number;

  constructor(
    private readonly clock: Clock,
    @Optional() @Inject(OIDC_CLIENT_OPTIONS) options?: OidcClientOptions,
  ) {
    this.timeoutSeconds = options?.httpTimeoutSeconds ?? 5;
    this.discoveryTtlMs = (options?.discoveryTtlSeconds ?? 3600) * 1000;
  }

  /** The URL to send the browser to, and the secrets the callback is checked against. */
  async startSignIn(settings: SsoProviderSettings, redirectUri: string): Promise<SsoAuthorizationRequest> {
    const config = await this.configuration(settings);
    const codeVerifier = randomPKCECodeVerifier();
    const state = randomState();
    const nonce = randomNonce();
    const url = buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: SSO_SCOPE,
      state,
      nonce,
      code_challenge: await calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * Checks the provider's answer (`callbackUrl`: only its query is read) against what
   * `startSignIn` returned, redeems the code and validates the ID token. `redirectUri` is the one
   * given to `startSignIn` (sent again with the code, RFC 6749 §4.1.3).
   */
  async finishSignIn(settings: SsoProviderSettings, redirectUri: string, callbackUrl: URL, expected: SsoExpectedChecks): Promise<SsoIdentity> {
    if (!stateMatches(callbackUrl.searchParams.get('state'), expected.state)) throw ssoErrors.stateMismatch();
    if (!expected.nonce || !expected.codeVerifier) throw ssoErrors.failed();
    const config = await this.configuration(settings);
    const current = new URL(redirectUri);
    current.search = callbackUrl.search;
    current.hash = '';
    let claims;
    try {
      const tokens = await authorizationCodeGrant(config, current, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      throw this.translate(err, 'token');
    } finally {
      this.keepKeys(settings.issuer, config);
    }
    if (!claims) throw ssoErrors.failed();
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: stringClaim(claims.email),
      emailVerified: emailVerifiedOf(claims.email_verified),
      amr: amrOf(claims.amr),
      name: stringClaim(claims.name),
    };
  }

  /** A configuration for this organisation's client, on the provider's cached metadata. */
  private async configuration(settings: SsoProviderSettings): Promise<Configuration> {
    if (issuerProblem(settings.issuer) || !settings.clientId || !settings.clientSecret) {
      throw ssoErrors.providerUnavailable('The sign-in provider’s settings are not complete or not valid.');
    }
    const discovered = await this.discover(settings);
    const skewSeconds = Math.round((this.clock.now().getTime() - Date.now()) / 1000);
    const metadata: Partial<ClientMetadata> = { [clockSkew]: skewSeconds, [clockTolerance]: CLOCK_TOLERANCE_SECONDS };
    const auth =
      secretAuthMethod(discovered.metadata.token_endpoint_auth_methods_supported) === 'client_secret_post'
        ? ClientSecretPost(settings.clientSecret)
        : ClientSecretBasic(settings.clientSecret);
    const config = new Configuration(discovered.metadata, settings.clientId, metadata, auth);
    config.timeout = this.timeoutSeconds;
    if (isLoopbackIssuer(settings.issuer)) allowInsecureRequests(config);
    enableNonRepudiationChecks(config);
    if (discovered.jwks) setJwksCache(config, discovered.jwks);
    return config;
  }

  /** The provider's discovery document (OpenID Connect Discovery §4), fetched once per issuer per TTL. */
  private async discover(settings: SsoProviderSettings): Promise<DiscoveredIssuer> {
    const cached = this.issuers.get(settings.issuer);
    if (cached) {
      const found = await cached.catch(() => undefined);
      if (found && found.expiresAt > Date.now()) return found;
      if (this.issuers.get(settings.issuer) === cached) this.issuers.delete(settings.issuer);
    }
    const pending = this.fetchDiscovery(settings);
    this.issuers.set(settings.issuer, pending);
    pending.catch(() => {
      if (this.issuers.get(settings.issuer) === pending) this.issuers.delete(settings.issuer);
    });
    return pending;
  }

  private async fetchDiscovery(settings: SsoProviderSettings): Promise<DiscoveredIssuer> {
    try {
      const config = await discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
        timeout: this.timeoutSeconds,
        execute: isLoopbackIssuer(settings.issuer) ? [allowInsecureRequests] : [],
      });
      return { metadata: config.serverMetadata(), expiresAt: Date.now() + this.discoveryTtlMs };
    } catch (err) {
      throw this.translate(err, 'discovery');
    }
  }

  /** Keeps the signing keys the last sign-in fetched, for the next one with the same issuer. */
  private keepKeys(issuer: string, config: Configuration): void {
    const jwks = getJwksCache(config);
    if (!jwks) return;
    void this.issuers
      .get(issuer)
      ?.then((found) => {
        found.jwks = jwks;
      })
      .catch(() => undefined);
  }

  /** An openid-client error as the DomainError the person sees; the log names its kind only. */
  private translate(err: unknown, step: 'discovery' | 'token'): unknown {
    const failure = classifyOidcError(err);
    if (failure === 'unexpected') return err;
    this.logger.warn(`OpenID Connect ${step} failed: ${describeOidcError(err)}`);
    if (step === 'discovery' || failure === 'unavailable') return ssoErrors.providerUnavailable();
    return ssoErrors.failed();
  }
}
