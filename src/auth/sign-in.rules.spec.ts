import {
  chooseMembership,
  confinementLifted,
  MembershipForSignIn,
  membershipNeedsSecondFactor,
  passwordMemberships,
  passwordOpens,
  secondFactorState,
  switchProblem,
} from './sign-in.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const member = (organisationId: string, extra: Partial<MembershipForSignIn> = {}): MembershipForSignIn => ({
  userId: `user-${organisationId.slice(-1)}`,
  organisationId,
  active: true,
  roles: ['hr'],
  secondFactorRoles: null,
  passwordSignIn: true,
  ssoIssuer: null,
  createdAt: new Date(organisationId === A ? '2026-01-01' : '2026-02-01'),
  ...extra,
});
const day = (d: string) => new Date(`2026-03-${d}T12:00:00Z`);

describe('sign-in rules (process.md §7)', () => {
  it('a password an admin set opens only that admin’s school; a free one opens every school', () => {
    expect(passwordOpens(null, A)).toBe(true);
    expect(passwordOpens(A, A)).toBe(true);
    expect(passwordOpens(A, B)).toBe(false);
  });

  it('the confinement lifts only with a second factor passed in the session and enrolled before the reset', () => {
    expect(confinementLifted({ confinedAt: day('10'), totpEnrolledAt: day('01'), sessionSecondFactorAt: day('11') })).toBe(true);
    expect(confinementLifted({ confinedAt: day('10'), totpEnrolledAt: day('12'), sessionSecondFactorAt: day('13') })).toBe(false);
    expect(confinementLifted({ confinedAt: day('10'), totpEnrolledAt: day('01'), sessionSecondFactorAt: null })).toBe(false);
    expect(confinementLifted({ confinedAt: day('10'), totpEnrolledAt: null, sessionSecondFactorAt: day('11') })).toBe(false);
    expect(confinementLifted({ confinedAt: null, totpEnrolledAt: day('01'), sessionSecondFactorAt: day('11') })).toBe(false);
  });

  it('a password opens the active memberships of schools that take passwords, where it is not confined elsewhere', () => {
    const all = [member(A), member(B, { passwordSignIn: false }), member('00000000-0000-4000-8000-00000000000c', { active: false })];
    expect(passwordMemberships(all, null).map((m) => m.organisationId)).toEqual([A]);
    expect(passwordMemberships([member(A), member(B)], B).map((m) => m.organisationId)).toEqual([B]);
  });

  it('a sign-in lands in the school asked for, else the first membership — the same school every time', () => {
    const open = [member(B), member(A)];
    expect(chooseMembership(open)?.organisationId).toBe(A);
    expect(chooseMembership(open, B)?.organisationId).toBe(B);
    expect(chooseMembership([member(A)], B)).toBeUndefined();
    expect(chooseMembership([])).toBeUndefined();
  });

  it('switching carries a sign-in over only where it would have been accepted there', () => {
    const password = { organisationId: A, method: 'password' as const, ssoIssuer: null };
    expect(switchProblem(password, member(B), null)).toBeNull();
    expect(switchProblem(password, member(B, { passwordSignIn: false }), null)).toBe('sign_in_there');
    expect(switchProblem(password, member(B), A)).toBe('sign_in_there');
    expect(switchProblem(password, member(B, { active: false }), null)).toBe('not_a_member');
    expect(switchProblem(password, undefined, null)).toBe('not_a_member');
    expect(switchProblem(password, member(A), null)).toBe('same_organisation');
    const sso = { organisationId: A, method: 'sso' as const, ssoIssuer: 'https://login.example/trust' };
    expect(switchProblem(sso, member(B, { ssoIssuer: 'https://login.example/trust' }), null)).toBeNull();
    expect(switchProblem(sso, member(B, { ssoIssuer: 'https://login.example/other' }), null)).toBe('sign_in_there');
    expect(switchProblem(sso, member(B), null)).toBe('sign_in_there');
  });

  it('a membership needs a second factor by its school’s choice of roles, or by default for every role that reads casework', () => {
    expect(membershipNeedsSecondFactor({ roles: ['hr'], secondFactorRoles: null })).toBe(true);
    expect(membershipNeedsSecondFactor({ roles: ['admin'], secondFactorRoles: null })).toBe(false);
    expect(membershipNeedsSecondFactor({ roles: ['hr'], secondFactorRoles: [] })).toBe(false);
    expect(membershipNeedsSecondFactor({ roles: ['admin'], secondFactorRoles: ['admin'] })).toBe(true);
    expect(membershipNeedsSecondFactor({ roles: ['hr', 'governor'], secondFactorRoles: ['governor'] })).toBe(true);
  });

  it('what a session still needs: nothing, enrolment, or a code', () => {
    expect(secondFactorState({ required: false, passedAt: null }, false)).toBe('not_required');
    expect(secondFactorState({ required: true, passedAt: day('01') }, true)).toBe('passed');
    expect(secondFactorState({ required: true, passedAt: null }, true)).toBe('verify');
    expect(secondFactorState({ required: true, passedAt: null }, false)).toBe('enrol');
  });
});
