import { rolesGranting } from '../../access/permissions';
import { Role } from '../../access/roles';

/**
 * process.md §7: two-factor authentication is "required for the roles an organisation chooses
 * (default: every role that reads casework)". The default is derived from the permission map, so
 * a role given `cases:read` later is covered without anyone remembering this list (today: every
 * role but admin).
 */
export const CASEWORK_ROLES_DEFAULT: readonly Role[] = Object.freeze(rolesGranting('cases:read'));

/** process.md §7: a person needs a second factor when any of their roles is one the organisation requires it for. */
export function secondFactorRequired(memberRoles: readonly Role[], requiredRoles: readonly Role[]): boolean {
  return memberRoles.some((role) => requiredRoles.includes(role));
}

/**
 * RFC 8176 §2 authentication method reference values grouped by the factor they prove
 * (something you know / have / are; NIST SP 800-63B §4). Values that are no factor of their own
 * — `mca`, `rba`, `geo`, `user`, `wia` (Windows sign-in, whose method is unknown) — are left out.
 */
const AMR_FACTOR: Readonly<Record<string, 'knowledge' | 'possession' | 'inherence'>> = {
  pwd: 'knowledge',
  pin: 'knowledge',
  kba: 'knowledge',
  hwk: 'possession',
  swk: 'possession',
  sc: 'possession',
  otp: 'possession',
  sms: 'possession',
  tel: 'possession',
  fpt: 'inherence',
  face: 'inherence',
  iris: 'inherence',
  retina: 'inherence',
  vbm: 'inherence',
};

/**
 * process.md §7 / issue 14: with single sign-on, the provider's MFA may satisfy the second factor
 * where the organisation says so. It does when the organisation accepts it and the ID token's
 * `amr` (OpenID Connect Core §2, values from RFC 8176) shows more than one factor: either `mfa`
 * ("multiple-factor authentication", RFC 8176 §2), or methods of two different kinds
 * (e.g. `pwd` + `otp`, `hwk` + `pin`, `swk` + `fpt`). Several methods of one kind (`pwd` + `pin`,
 * `otp` alone, `hwk` alone) are one factor; unknown values count for nothing.
 */
export function providerMfaSatisfies(amr: readonly string[] | undefined, acceptProviderMfa: boolean): boolean {
  if (!acceptProviderMfa || !Array.isArray(amr)) return false;
  if (amr.includes('mfa')) return true;
  const kinds = new Set(amr.flatMap((value) => (Object.hasOwn(AMR_FACTOR, value) ? [AMR_FACTOR[value]] : [])));
  return kinds.size >= 2;
}

/**
 * process.md §7 / issue 14: second-factor attempts are rate-limited, per account, counted in
 * PostgreSQL like the sign-in failures (login-throttle.ts), so every API instance enforces the same
 * limit; the block lifts by itself when the window passes. Only someone who already has the
 * password reaches this step. A guess at a six-digit code with ±1 step succeeds 3 times in 10^6,
 * so at 5 guesses per 15 minutes a guesser who never stops has about 1 chance in 700 a day —
 * which is why each failure is also an audit event of the organisation (process.md §7).
 */
export const SECOND_FACTOR_THROTTLE = { maxFailures: 5, windowSeconds: 15 * 60 } as const;

export type SecondFactorThrottleVerdict = { allowed: true } | { allowed: false };

/** `failuresInWindow`: this account's failed second-factor attempts (TOTP or recovery code) in the window. */
export function secondFactorThrottle(failuresInWindow: number): SecondFactorThrottleVerdict {
  return failuresInWindow >= SECOND_FACTOR_THROTTLE.maxFailures ? { allowed: false } : { allowed: true };
}
