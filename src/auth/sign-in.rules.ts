import type { Role } from '../access/roles';
import { CASEWORK_ROLES_DEFAULT, secondFactorRequired } from './second-factor/second-factor.rules';

/**
 * Who may sign in where (process.md §7, docs/sign-in.md). Pure: the services load the facts.
 */

/** One organisation's membership as sign-in sees it. */
export interface MembershipForSignIn {
  userId: string;
  organisationId: string;
  active: boolean;
  roles: Role[];
  /** the roles the organisation requires a second factor of (null: its default) */
  secondFactorRoles: Role[] | null;
  /** the organisation lets its people sign in with a password */
  passwordSignIn: boolean;
  /** the organisation's single sign-on issuer, if it has one */
  ssoIssuer: string | null;
  createdAt: Date;
}

/**
 * A password an admin of one organisation set (a new account's first one, or a reset) could be known to that admin:
 * until the person proves themselves, it opens that organisation only. process.md §7: isolation between
 * organisations stays absolute — one school's admin must not be able to sign in as a person at another school.
 */
export function passwordOpens(confinedToOrganisationId: string | null, organisationId: string): boolean {
  return confinedToOrganisationId === null || confinedToOrganisationId === organisationId;
}

/**
 * The person proves themselves, lifting the confinement, by choosing their own password in a session that passed a
 * second factor enrolled before the confinement began: the admin who set the password never held that factor.
 */
export function confinementLifted(facts: { confinedAt: Date | null; totpEnrolledAt: Date | null; sessionSecondFactorAt: Date | null }): boolean {
  const { confinedAt, totpEnrolledAt, sessionSecondFactorAt } = facts;
  return confinedAt !== null && totpEnrolledAt !== null && totpEnrolledAt < confinedAt && sessionSecondFactorAt !== null;
}

/** The memberships a password opens: active, in an organisation that allows passwords, not confined elsewhere. */
export function passwordMemberships(memberships: readonly MembershipForSignIn[], confinedTo: string | null): MembershipForSignIn[] {
  return memberships.filter((m) => m.active && m.passwordSignIn && passwordOpens(confinedTo, m.organisationId));
}

/**
 * Where a sign-in lands: the organisation asked for, or else the person's first membership (the oldest: the same
 * school every time, whatever happened last). Undefined when the asked one is not open to them.
 */
export function chooseMembership(open: readonly MembershipForSignIn[], requestedOrganisationId?: string): MembershipForSignIn | undefined {
  if (requestedOrganisationId !== undefined) return open.find((m) => m.organisationId === requestedOrganisationId);
  return [...open].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.userId.localeCompare(b.userId))[0];
}

export type SwitchProblem = 'not_a_member' | 'same_organisation' | 'sign_in_there';

/**
 * Switching organisation carries the sign-in over only where it would have been accepted there: a password where
 * that organisation takes passwords and the password opens it; single sign-on where it uses the same provider.
 * Otherwise the person signs in there afresh (`sign_in_there`). A membership that is not theirs or not active:
 * `not_a_member` (400 naming the field to the caller).
 */
export function switchProblem(
  session: { organisationId: string; method: 'password' | 'sso'; ssoIssuer: string | null },
  target: MembershipForSignIn | undefined,
  confinedTo: string | null,
): SwitchProblem | null {
  if (!target || !target.active) return 'not_a_member';
  if (target.organisationId === session.organisationId) return 'same_organisation';
  if (session.method === 'password') return target.passwordSignIn && passwordOpens(confinedTo, target.organisationId) ? null : 'sign_in_there';
  return session.ssoIssuer !== null && target.ssoIssuer === session.ssoIssuer ? null : 'sign_in_there';
}

/** What a session still needs (process.md §7): nothing, or a code from the enrolled authenticator, or enrolment first. */
export function secondFactorState(
  session: { required: boolean; passedAt: Date | null },
  totpEnrolled: boolean,
): 'not_required' | 'passed' | 'verify' | 'enrol' {
  if (!session.required) return 'not_required';
  if (session.passedAt) return 'passed';
  return totpEnrolled ? 'verify' : 'enrol';
}

/** Whether a sign-in to this membership must pass a second factor: its roles against its school's choice, or the default (process.md §7). */
export function membershipNeedsSecondFactor(m: Pick<MembershipForSignIn, 'roles' | 'secondFactorRoles'>): boolean {
  return secondFactorRequired(m.roles, m.secondFactorRoles ?? CASEWORK_ROLES_DEFAULT);
}
