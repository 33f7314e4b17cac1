import { EntityManager } from 'typeorm';
import { Role } from '../access/roles';
import { queryOne } from '../database/sql';

/** An organisation's sign-in settings as stored (sign_in_settings; no row: the defaults). */
export interface StoredSignInSettings {
  passwordSignIn: boolean;
  secondFactorRoles: Role[] | null;
  acceptProviderMfa: boolean;
  ssoIssuer: string | null;
  ssoClientId: string | null;
  /** sealed (sealed-secret.ts) */
  ssoClientSecret: string | null;
  ssoAllowedDomains: string[];
}

export const DEFAULT_SIGN_IN_SETTINGS: StoredSignInSettings = {
  passwordSignIn: true,
  secondFactorRoles: null,
  acceptProviderMfa: false,
  ssoIssuer: null,
  ssoClientId: null,
  ssoClientSecret: null,
  ssoAllowedDomains: [],
};

export async function loadSignInSettings(em: EntityManager, organisationId: string, lock = false): Promise<StoredSignInSettings> {
  const row = await queryOne<StoredSignInSettings>(
    em,
    `SELECT password_sign_in AS "passwordSignIn", second_factor_roles::text[] AS "secondFactorRoles", accept_provider_mfa AS "acceptProviderMfa",
            sso_issuer AS "ssoIssuer", sso_client_id AS "ssoClientId", sso_client_secret AS "ssoClientSecret", sso_allowed_domains AS "ssoAllowedDomains"
     FROM sign_in_settings WHERE organisation_id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [organisationId],
  );
  return row ?? DEFAULT_SIGN_IN_SETTINGS;
}

export async function saveSignInSettings(em: EntityManager, organisationId: string, s: StoredSignInSettings): Promise<void> {
  await em.query(
    `INSERT INTO sign_in_settings (organisation_id, password_sign_in, second_factor_roles, accept_provider_mfa, sso_issuer, sso_client_id, sso_client_secret, sso_allowed_domains)
     VALUES ($1, $2, $3::role[], $4, $5, $6, $7, $8)
     ON CONFLICT (organisation_id) DO UPDATE SET password_sign_in = $2, second_factor_roles = $3::role[], accept_provider_mfa = $4, sso_issuer = $5,
       sso_client_id = $6, sso_client_secret = $7, sso_allowed_domains = $8, updated_at = now()`,
    [organisationId, s.passwordSignIn, s.secondFactorRoles, s.acceptProviderMfa, s.ssoIssuer, s.ssoClientId, s.ssoClientSecret, s.ssoAllowedDomains],
  );
}
