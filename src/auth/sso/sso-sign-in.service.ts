import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Clock } from '../../common/clock/clock';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { queryOne } from '../../database/sql';
import { membershipsOfAccount } from '../accounts.sql';
import { openSecret } from '../sealed-secret';
import { providerMfaSatisfies } from '../second-factor/second-factor.rules';
import { membershipNeedsSecondFactor } from '../sign-in.rules';
import { ClientContext, IssuedSession, SessionsService, StartedSession, UserForToken } from '../sessions.service';
import { loadSignInSettings } from '../sign-in-settings.sql';
import { ssoRedirectUri } from '../sign-in-settings.service';
import { OidcClient, SsoIdentity, SsoProviderSettings } from './oidc-client';
import { ssoErrors } from './sso.errors';
import { emailDomainAllowed } from './sso.rules';

/** A sign-in under way lives this long (the person types their password and second factor at the provider). */
export const SSO_REQUEST_SECONDS = 600;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

const noAccount = () =>
  new DomainError('unauthorized', 'sso_no_account', 'There is no account for you at this school, or your e-mail address is not one it signs in this way.');

/**
 * Single sign-on with OpenID Connect (process.md §7, docs/sign-in.md): authorization code with PKCE, `state` and
 * `nonce` checked (oidc-client.ts). The person must already have an account here: matched by the provider's subject
 * once bound, else by e-mail (in the school's allowed domains), then bound. The session that follows is the same as a
 * password's. Every outcome is audited in the school's log, never with a code, token or secret.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly oidc: OidcClient,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private redirectUri(): string {
    return ssoRedirectUri(this.config.email.appUrl);
  }

  private async provider(
    em: EntityManager,
    organisationId: string,
  ): Promise<{ settings: SsoProviderSettings; allowedDomains: string[]; acceptProviderMfa: boolean }> {
    const stored = await loadSignInSettings(em, organisationId);
    const clientSecret = stored.ssoClientSecret ? openSecret(stored.ssoClientSecret, this.config.jwtSecret, 'sso-client-secret') : null;
    if (!stored.ssoIssuer || !stored.ssoClientId || !clientSecret)
      throw DomainError.conflict('sso_not_configured', 'This school has no single sign-on set up.');
    return {
      settings: { issuer: stored.ssoIssuer, clientId: stored.ssoClientId, clientSecret },
      allowedDomains: stored.ssoAllowedDomains,
      acceptProviderMfa: stored.acceptProviderMfa,
    };
  }

  /**
   * GET /auth/sso/:organisationId/start: where to send the browser, and the value of the cookie that ties the answer to
   * this browser (a sign-in started elsewhere cannot be finished here: login CSRF, RFC 6749 §10.12).
   */
  async start(organisationId: string): Promise<{ url: string; browserSecret: string }> {
    const exists = await queryOne(this.dataSource.manager, `SELECT 1 FROM organisations WHERE id = $1`, [organisationId]);
    if (!exists) throw DomainError.notFound('Organisation');
    const { settings } = await this.provider(this.dataSource.manager, organisationId);
    const request = await this.oidc.startSignIn(settings, this.redirectUri());
    const browserSecret = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + SSO_REQUEST_SECONDS * 1000);
    await this.dataSource.query(
      `INSERT INTO sso_requests (state_hash, organisation_id, nonce, code_verifier, browser_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256(request.state), organisationId, request.nonce, request.codeVerifier, sha256(browserSecret), expiresAt],
    );
    if (Math.random() < 0.05) await this.dataSource.query(`DELETE FROM sso_requests WHERE expires_at < now() - interval '1 day'`);
    return { url: request.url, browserSecret };
  }

  /** GET /auth/sso/callback: the provider's answer, for the browser that started the sign-in; a session, or a refusal. */
  async finish(callbackUrl: URL, browserSecret: string | undefined, context: ClientContext): Promise<IssuedSession> {
    const state = callbackUrl.searchParams.get('state');
    // used once, whatever happens next: a replayed answer finds nothing
    const pending = state
      ? await queryOne<{ organisationId: string; nonce: string; codeVerifier: string; browserHash: Buffer; expiresAt: Date }>(
          this.dataSource.manager,
          `DELETE FROM sso_requests WHERE state_hash = $1
           RETURNING organisation_id AS "organisationId", nonce, code_verifier AS "codeVerifier", browser_hash AS "browserHash", expires_at AS "expiresAt"`,
          [sha256(state)],
        )
      : undefined;
    if (!pending || !browserSecret || !sha256(browserSecret).equals(pending.browserHash) || pending.expiresAt <= this.clock.now()) {
      throw ssoErrors.stateMismatch();
    }
    const { organisationId } = pending;
    const provider = await this.provider(this.dataSource.manager, organisationId);
    let identity: SsoIdentity;
    try {
      identity = await this.oidc.finishSignIn(provider.settings, this.redirectUri(), callbackUrl, { state: state!, ...pending });
    } catch (error) {
      if (error instanceof DomainError) await this.refused(organisationId, null, error.code, context);
      throw error;
    }
    const outcome = await this.dataSource.transaction(async (em): Promise<{ refused: string } | { user: UserForToken; session: StartedSession }> => {
      const account = await this.accountFor(em, identity, organisationId, provider.allowedDomains);
      const membership = account ? (await membershipsOfAccount(em, account.id)).find((m) => m.organisationId === organisationId && m.active) : undefined;
      if (!account || !membership) return { refused: identity.email ? 'no_account' : 'no_email' };
      if (!account.bound) {
        await em.query(`INSERT INTO sso_identities (account_id, organisation_id, issuer, subject) VALUES ($1, $2, $3, $4)`, [
          account.id,
          organisationId,
          identity.issuer,
          identity.subject,
        ]);
        await this.audit.record(em, {
          organisationId,
          actor: { userId: membership.userId },
          role: null,
          action: 'auth.sso_bound',
          entityType: 'user',
          entityId: membership.userId,
          reason: null,
          payload: { issuer: identity.issuer, matchedBy: 'email' },
        });
      }
      const required = membershipNeedsSecondFactor(membership);
      const byProvider = required && providerMfaSatisfies(identity.amr, provider.acceptProviderMfa);
      return this.sessions.signIn(
        em,
        membership,
        {
          method: 'sso',
          ssoIssuer: identity.issuer,
          secondFactorRequired: required,
          secondFactorPassed: byProvider ? { at: this.clock.now(), method: 'provider_mfa' } : null,
        },
        context,
        {
          method: 'sso',
          issuer: identity.issuer,
          amr: identity.amr,
          secondFactorByProvider: byProvider,
          ip: context.ip,
          userAgent: context.userAgent?.slice(0, 512) ?? null,
        },
      );
    });
    if ('refused' in outcome) {
      await this.refused(organisationId, null, outcome.refused, context);
      throw noAccount();
    }
    return this.sessions.issue(outcome.user, outcome.session);
  }

  /**
   * The account the provider vouched for: the one bound to its subject, else (first time) the one of its e-mail when
   * that e-mail is in one of the school's allowed domains. A subject already bound wins over the e-mail: a changed
   * address at the provider never moves a person onto another account.
   */
  private async accountFor(
    em: EntityManager,
    identity: SsoIdentity,
    organisationId: string,
    allowedDomains: readonly string[],
  ): Promise<{ id: string; bound: boolean } | undefined> {
    const bound = await queryOne<{ id: string }>(em, `SELECT account_id AS id FROM sso_identities WHERE issuer = $1 AND subject = $2`, [
      identity.issuer,
      identity.subject,
    ]);
    if (bound) return { id: bound.id, bound: true };
    if (!identity.email || !emailDomainAllowed(identity.email, allowedDomains)) return undefined;
    const byEmail = await queryOne<{ id: string }>(
      em,
      `SELECT a.id FROM accounts a WHERE a.email = $1 AND EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.organisation_id = $2)
       AND NOT EXISTS (SELECT 1 FROM sso_identities i WHERE i.account_id = a.id AND i.issuer = $3)`,
      [identity.email.trim().toLowerCase(), organisationId, identity.issuer],
    );
    return byEmail ? { id: byEmail.id, bound: false } : undefined;
  }

  /** A refused single sign-on, in the school's audit log (who it was is not known, or not theirs to know). */
  private async refused(organisationId: string, userId: string | null, reason: string, context: ClientContext): Promise<void> {
    this.logger.warn(`single sign-on refused (${reason}) for organisation ${organisationId}`);
    await this.dataSource.transaction((em) =>
      this.audit.record(em, {
        organisationId,
        actor: userId ? { userId } : null,
        role: null,
        action: 'auth.sso_refused',
        entityType: 'organisation',
        entityId: organisationId,
        reason,
        payload: { ip: context.ip },
      }),
    );
  }
}
