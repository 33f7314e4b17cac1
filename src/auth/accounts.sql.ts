import { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import type { MembershipForSignIn } from './sign-in.rules';

/** What sign-in needs of an account (process.md §7). */
export interface AccountRow {
  id: string;
  email: string;
  passwordHash: string | null;
  passwordChangeRequired: boolean;
  totpSecret: string | null;
  totpEnrolledAt: Date | null;
  totpLastStep: number | null;
  confinedToOrganisationId: string | null;
  confinedAt: Date | null;
}

const ACCOUNT_COLUMNS = `a.id, a.email, a.password_hash AS "passwordHash", a.password_change_required AS "passwordChangeRequired",
  a.totp_secret AS "totpSecret", a.totp_enrolled_at AS "totpEnrolledAt", a.totp_last_step::float8 AS "totpLastStep",
  a.confined_to_organisation_id AS "confinedToOrganisationId", a.confined_at AS "confinedAt"`;

export function accountByEmail(em: EntityManager, email: string, lock = false): Promise<AccountRow | undefined> {
  return queryOne<AccountRow>(em, `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.email = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`, [email]);
}

/** The account a membership belongs to. */
export async function accountOfMembership(em: EntityManager, userId: string, lock = false): Promise<AccountRow> {
  return (await queryOne<AccountRow>(
    em,
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = (SELECT account_id FROM users WHERE id = $1) ${lock ? 'FOR NO KEY UPDATE' : ''}`,
    [userId],
  ))!;
}

/**
 * The account of this e-mail: the existing one (its password untouched: it is the person's, and an admin
 * adding them learns nothing from it) or a new one with the given password, confined to the organisation
 * whose admin chose that password (sign-in.rules.ts `passwordOpens`).
 */
export async function accountForMembership(
  em: EntityManager,
  email: string,
  newAccount: { passwordHash: string | null; confinedTo: string | null; at: Date },
): Promise<{ id: string; created: boolean }> {
  const created = await queryOne<{ id: string }>(
    em,
    `INSERT INTO accounts (email, password_hash, confined_to_organisation_id, confined_at) VALUES ($1, $2, $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE $4::timestamptz END)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, newAccount.passwordHash, newAccount.confinedTo, newAccount.at],
  );
  if (created) return { id: created.id, created: true };
  return { id: (await queryOne<{ id: string }>(em, `SELECT id FROM accounts WHERE email = $1`, [email]))!.id, created: false };
}

/** Every membership of an account, with what sign-in needs to know of its organisation. */
export function membershipsOfAccount(em: EntityManager, accountId: string): Promise<MembershipForSignIn[]> {
  return queryRows<MembershipForSignIn>(
    em,
    `SELECT u.id AS "userId", u.organisation_id AS "organisationId", u.active, u.created_at AS "createdAt", u.roles::text[] AS roles,
            ss.second_factor_roles::text[] AS "secondFactorRoles",
            COALESCE(ss.password_sign_in, true) AS "passwordSignIn", ss.sso_issuer AS "ssoIssuer"
     FROM users u LEFT JOIN sign_in_settings ss ON ss.organisation_id = u.organisation_id
     WHERE u.account_id = $1 ORDER BY u.created_at, u.id`,
    [accountId],
  );
}

/** The person's own new password (POST /auth/password); `liftConfinement` per sign-in.rules.ts `confinementLifted`. */
export async function setOwnPassword(em: EntityManager, accountId: string, passwordHash: string, at: Date, liftConfinement: boolean): Promise<void> {
  await em.query(
    `UPDATE accounts SET password_hash = $2, password_change_required = false, password_changed_at = $3, updated_at = now(),
       confined_to_organisation_id = CASE WHEN $4 THEN NULL ELSE confined_to_organisation_id END,
       confined_at = CASE WHEN $4 THEN NULL ELSE confined_at END
     WHERE id = $1`,
    [accountId, passwordHash, at, liftConfinement],
  );
}

/** An admin's password reset: a temporary password to be replaced, confined to the admin's organisation. */
export async function setResetPassword(em: EntityManager, accountId: string, passwordHash: string, organisationId: string, at: Date): Promise<void> {
  await em.query(
    `UPDATE accounts SET password_hash = $2, password_change_required = true, password_changed_at = $4, updated_at = now(),
       confined_to_organisation_id = $3, confined_at = $4
     WHERE id = $1`,
    [accountId, passwordHash, organisationId, at],
  );
}
