import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { SignInSettingsRequest, SignInSettingsResponse } from './dto/sign-in-settings.dto';
import { sealSecret } from './sealed-secret';
import { CASEWORK_ROLES_DEFAULT } from './second-factor/second-factor.rules';
import { loadSignInSettings, saveSignInSettings, StoredSignInSettings } from './sign-in-settings.sql';
import { issuerProblem } from './sso/sso.rules';
import { WEB_PREFIX } from '../web/web-app';

/** The redirect URI every organisation registers with its provider (one callback; the request's state says whose). */
export const ssoRedirectUri = (appUrl: string) => `${appUrl}/auth/sso/callback`;

/** What an audit event may say of the settings: no secret, only whether one is set. */
const auditable = (s: StoredSignInSettings) => ({ ...s, ssoClientSecret: s.ssoClientSecret ? 'set' : null });

/** How an organisation's people sign in (process.md §7), set by its admin; every change audited, never a secret. */
@Injectable()
export class SignInSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(actor: Actor): Promise<SignInSettingsResponse> {
    return this.response(actor.organisationId, await loadSignInSettings(this.dataSource.manager, actor.organisationId));
  }

  /**
   * Single sign-on only (no password) needs a provider, or nobody could sign in; a new provider needs its client
   * secret. An https issuer (http only on loopback: sso.rules.ts issuerProblem).
   */
  set(actor: Actor, request: SignInSettingsRequest): Promise<SignInSettingsResponse> {
    if (!request.passwordSignIn && !request.sso) throw DomainError.invalidField('passwordSignIn', 'may be false only with single sign-on set up (sso)');
    const problem = request.sso ? issuerProblem(request.sso.issuer) : null;
    if (problem) throw DomainError.invalidField('sso.issuer', problem);
    return this.dataSource.transaction(async (em) => {
      const before = await loadSignInSettings(em, actor.organisationId, true);
      const sameProvider = request.sso && before.ssoIssuer === request.sso.issuer && before.ssoClientId === request.sso.clientId;
      const secret = request.sso?.clientSecret
        ? sealSecret(request.sso.clientSecret, this.config.jwtSecret, 'sso-client-secret')
        : sameProvider
          ? before.ssoClientSecret
          : null;
      if (request.sso && !secret) throw DomainError.invalidField('sso.clientSecret', 'is required for a new provider or client');
      const after: StoredSignInSettings = {
        passwordSignIn: request.passwordSignIn,
        secondFactorRoles: [...request.secondFactorRoles].sort(),
        acceptProviderMfa: request.acceptProviderMfa,
        ssoIssuer: request.sso?.issuer ?? null,
        ssoClientId: request.sso?.clientId ?? null,
        ssoClientSecret: request.sso ? secret : null,
        ssoAllowedDomains: request.sso ? request.sso.allowedDomains.map((d) => d.toLowerCase()) : [],
      };
      await saveSignInSettings(em, actor.organisationId, after);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'organisation:manage'),
        action: 'organisation.sign_in_updated',
        entityType: 'organisation',
        entityId: actor.organisationId,
        payload: {
          from: auditable(before),
          to: { ...auditable(after), ssoClientSecret: request.sso?.clientSecret ? 'changed' : auditable(after).ssoClientSecret },
        },
      });
      return this.response(actor.organisationId, after);
    });
  }

  private response(organisationId: string, s: StoredSignInSettings): SignInSettingsResponse {
    return {
      passwordSignIn: s.passwordSignIn,
      secondFactorRoles: s.secondFactorRoles ?? [...CASEWORK_ROLES_DEFAULT],
      secondFactorRolesDefault: s.secondFactorRoles === null,
      acceptProviderMfa: s.acceptProviderMfa,
      sso:
        s.ssoIssuer && s.ssoClientId
          ? { issuer: s.ssoIssuer, clientId: s.ssoClientId, clientSecretSet: Boolean(s.ssoClientSecret), allowedDomains: s.ssoAllowedDomains }
          : null,
      redirectUri: ssoRedirectUri(this.config.email.appUrl),
      signInUrl: `${this.config.email.appUrl}${WEB_PREFIX}/sign-in?school=${organisationId}`,
    };
  }
}
