import type { Role } from '../access/roles';
import { AdminChange, adminChangeProblem, LinkChange, linkProblem, sameRoles } from './people.rules';

const ME = 'user-me';
const OTHER = 'user-other';
const admin = (roles: Role[] = ['admin'], active = true) => ({ roles, active });

describe('adminChangeProblem (domain.md "Administration is separated too")', () => {
  const change = (overrides: Partial<AdminChange>): AdminChange => ({
    actorUserId: ME,
    targetUserId: OTHER,
    before: admin(['hr']),
    after: admin(['hr']),
    activeAdmins: 2,
    ...overrides,
  });

  describe('an admin never changes their own roles', () => {
    it.each<[string, Role[]]>([
      ['adding a casework role', ['admin', 'headteacher']],
      ['swapping admin for a casework role', ['hr']],
      ['dropping admin', ['deputy_head']],
    ])('%s → own_roles', (_what, roles) => {
      expect(adminChangeProblem(change({ targetUserId: ME, before: admin(), after: admin(roles), activeAdmins: 3 }))).toBe('own_roles');
    });

    it('giving the same roles back (in any order) is no change', () => {
      expect(adminChangeProblem(change({ targetUserId: ME, before: admin(['admin', 'hr']), after: admin(['hr', 'admin']) }))).toBeNull();
    });

    it('another admin may change them', () => {
      expect(adminChangeProblem(change({ before: admin(), after: admin(['admin', 'headteacher']) }))).toBeNull();
    });
  });

  describe('an admin never deactivates themselves', () => {
    it('deactivating oneself → own_deactivation, however many admins there are', () => {
      expect(adminChangeProblem(change({ targetUserId: ME, before: admin(), after: admin(['admin'], false), activeAdmins: 5 }))).toBe('own_deactivation');
    });
    it('"active: true" on oneself is no change', () => {
      expect(adminChangeProblem(change({ targetUserId: ME, before: admin(), after: admin() }))).toBeNull();
    });
  });

  describe('the organisation keeps at least one active admin', () => {
    it('the last active admin is not deactivated → last_admin', () => {
      expect(adminChangeProblem(change({ before: admin(), after: admin(['admin'], false), activeAdmins: 1 }))).toBe('last_admin');
    });
    it('the last active admin does not lose admin → last_admin', () => {
      expect(adminChangeProblem(change({ before: admin(), after: admin(['hr']), activeAdmins: 1 }))).toBe('last_admin');
    });
    it('with another active admin, an admin may be deactivated or lose admin', () => {
      expect(adminChangeProblem(change({ before: admin(), after: admin(['admin'], false), activeAdmins: 2 }))).toBeNull();
      expect(adminChangeProblem(change({ before: admin(), after: admin(['hr']), activeAdmins: 2 }))).toBeNull();
    });
    it('an account that is no active admin changes nothing to the count', () => {
      expect(adminChangeProblem(change({ before: admin(['admin'], false), after: admin(['hr'], false), activeAdmins: 1 }))).toBeNull();
      expect(adminChangeProblem(change({ before: admin(['hr']), after: admin(['hr'], false), activeAdmins: 1 }))).toBeNull();
    });
    it('the last admin keeping admin, or gaining roles from another admin, is fine', () => {
      expect(adminChangeProblem(change({ before: admin(), after: admin(['admin', 'hr']), activeAdmins: 1 }))).toBeNull();
    });
  });
});

describe('linkProblem (domain.md "Conflicts of interest": a person is linked to their staff record through their account)', () => {
  const change = (overrides: Partial<LinkChange>): LinkChange => ({
    actorUserId: ME,
    staffId: 'staff-1',
    currentUserId: null,
    requestedUserId: 'user-a',
    requestedUserStaffId: null,
    ...overrides,
  });

  it('links an unlinked record to an unlinked account', () => {
    expect(linkProblem(change({}))).toBeNull();
  });
  it('unlinks a linked record', () => {
    expect(linkProblem(change({ currentUserId: 'user-a', requestedUserId: null }))).toBeNull();
  });
  it('no change is no problem', () => {
    expect(linkProblem(change({ currentUserId: 'user-a', requestedUserId: 'user-a', requestedUserStaffId: 'staff-1' }))).toBeNull();
    expect(linkProblem(change({ currentUserId: null, requestedUserId: null }))).toBeNull();
  });
  it('one record per account: an account linked to another record → user_already_linked', () => {
    expect(linkProblem(change({ requestedUserStaffId: 'staff-2' }))).toBe('user_already_linked');
    expect(linkProblem(change({ staffId: null, requestedUserStaffId: 'staff-2' }))).toBe('user_already_linked');
  });
  it('one account per record: a linked record is unlinked first, never moved → staff_already_linked', () => {
    expect(linkProblem(change({ currentUserId: 'user-b', requestedUserId: 'user-a' }))).toBe('staff_already_linked');
  });
  it('an admin never links or unlinks their own account → own_link', () => {
    expect(linkProblem(change({ currentUserId: ME, requestedUserId: null }))).toBe('own_link');
    expect(linkProblem(change({ requestedUserId: ME }))).toBe('own_link');
    expect(linkProblem(change({ staffId: null, requestedUserId: ME }))).toBe('own_link');
  });
});

describe('sameRoles', () => {
  it('compares as sets', () => {
    expect(sameRoles(['admin', 'hr'], ['hr', 'admin'])).toBe(true);
    expect(sameRoles(['admin'], ['admin', 'hr'])).toBe(false);
    expect(sameRoles(['admin', 'hr'], ['admin', 'governor'])).toBe(false);
  });
});
