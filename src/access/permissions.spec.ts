import { hasPermission, Permission, PERMISSIONS, ROLE_PERMISSIONS, roleFor, rolesGranting } from './permissions';
import { Role, ROLES } from './roles';

/** Permissions that change something (casework, accounts, the directory, retention). */
const WRITE_PERMISSIONS: readonly Permission[] = [
  'users:manage',
  'staff:manage',
  'reports:create',
  'cases:triage',
  'cases:safeguarding',
  'cases:assign',
  'investigation:write',
  'monitoring:request',
  'monitoring:decide',
  'monitoring:disclose',
  'outcome:decide',
  'appeals:lodge',
  'appeals:decide',
  'cases:close',
  'retention:manage',
  'organisation:manage',
  'letters:write',
  'grievances:lodge',
  'grievances:decide',
];

/** Permissions that only read. */
const READ_PERMISSIONS: readonly Permission[] = [
  'profile:read',
  'staff:read',
  'cases:read',
  'summaries:read',
  'exports:read',
  'subject-access:export',
  'references:check',
  'audit:read',
  'retention:read',
  'statistics:read',
];

/** What admin is for: accounts and the staff directory (domain.md "People and roles"). */
const NON_CASEWORK_PERMISSIONS: readonly Permission[] = ['profile:read', 'users:manage', 'staff:manage', 'staff:read', 'organisation:manage'];
const CASEWORK_PERMISSIONS = PERMISSIONS.filter((p) => !NON_CASEWORK_PERMISSIONS.includes(p));

/**
 * The whole map, permission by permission, written out so that any change to who may do
 * what shows up in review (api.md "who" columns; domain.md "People and roles").
 */
const WHO: Record<Permission, Role[]> = {
  'profile:read': ['admin', 'deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'],
  'users:manage': ['admin'],
  'staff:manage': ['admin'],
  'staff:read': ['admin', 'deputy_head', 'investigating_manager', 'headteacher', 'hr'],
  'reports:create': ['deputy_head'],
  'cases:read': ['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'],
  'cases:triage': ['deputy_head', 'headteacher', 'governor'],
  'cases:safeguarding': ['deputy_head', 'headteacher', 'governor'],
  'cases:assign': ['headteacher', 'governor'],
  'investigation:write': ['investigating_manager'],
  'monitoring:request': ['investigating_manager'],
  'monitoring:decide': ['headteacher', 'governor'],
  'monitoring:disclose': ['investigating_manager', 'headteacher', 'governor'],
  'outcome:decide': ['headteacher', 'governor'],
  'appeals:lodge': ['headteacher', 'hr'],
  'appeals:decide': ['headteacher', 'governor'],
  'cases:close': ['headteacher', 'governor'],
  'summaries:read': ['headteacher', 'hr'],
  'exports:read': ['headteacher', 'hr'],
  'subject-access:export': ['headteacher', 'hr'],
  // KCSIE Part 4: what may be said in a reference (hr answers reference requests; the headteacher too)
  'references:check': ['headteacher', 'hr'],
  'audit:read': ['headteacher', 'hr'],
  'retention:read': ['headteacher', 'governor', 'hr'],
  'retention:manage': ['headteacher', 'governor'],
  // process.md §5: "Read by governors, the headteacher and HR"
  'statistics:read': ['headteacher', 'governor', 'hr'],
  // process.md §2: the letterhead and the letters' wording
  'organisation:manage': ['admin'],
  // process.md §2: whoever takes a written step makes its letter (the case rule: case-access.policy.ts)
  'letters:write': ['investigating_manager', 'headteacher', 'governor'],
  // §6, process.md §4: hr records the subject's grievance; an uninvolved headteacher or governor decides it (case-access.policy.ts)
  'grievances:lodge': ['hr'],
  'grievances:decide': ['headteacher', 'governor'],
};

describe('role → permission map (domain.md "People and roles", §3, §4)', () => {
  it('every permission is classified as read or write exactly once', () => {
    expect([...WRITE_PERMISSIONS, ...READ_PERMISSIONS].sort()).toEqual([...PERMISSIONS].sort());
    expect(new Set([...WRITE_PERMISSIONS, ...READ_PERMISSIONS]).size).toBe(PERMISSIONS.length);
  });

  it('every role has an entry, and grants only known permissions, each once', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
      expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
    }
  });

  describe('explicit table: which roles grant each permission', () => {
    it('lists every permission', () => {
      expect(Object.keys(WHO).sort()).toEqual([...PERMISSIONS].sort());
    });

    it.each(PERMISSIONS.map((p) => [p, WHO[p]] as const))('%s ← %j', (permission, roles) => {
      expect(rolesGranting(permission)).toEqual(roles);
    });
  });

  describe('admin manages accounts and the directory and never reads casework', () => {
    it.each(CASEWORK_PERMISSIONS)('admin does not have %s', (permission) => {
      expect(ROLE_PERMISSIONS.admin).not.toContain(permission);
      expect(hasPermission(['admin'], permission)).toBe(false);
    });

    it('admin has users:manage, staff:manage and staff:read', () => {
      expect(hasPermission(['admin'], 'users:manage')).toBe(true);
      expect(hasPermission(['admin'], 'staff:manage')).toBe(true);
      expect(hasPermission(['admin'], 'staff:read')).toBe(true);
    });

    it('only admin manages users and the staff directory', () => {
      expect(rolesGranting('users:manage')).toEqual(['admin']);
      expect(rolesGranting('staff:manage')).toEqual(['admin']);
    });
  });

  describe('hr reads and exports summaries and outcomes; changes nothing', () => {
    // api.md: POST /cases/:id/appeals is open to "headteacher, hr" (recording an employee's appeal, §12).
    // §6: hr records the subject's grievance, as it lodges their appeal
    const HR_WRITE_EXCEPTIONS: readonly Permission[] = ['appeals:lodge', 'grievances:lodge'];

    it.each(WRITE_PERMISSIONS.filter((p) => !HR_WRITE_EXCEPTIONS.includes(p)))('hr does not have %s', (permission) => {
      expect(hasPermission(['hr'], permission)).toBe(false);
    });

    it('appeals:lodge (api.md) and grievances:lodge (§6) are the only write permissions hr holds', () => {
      expect(ROLE_PERMISSIONS.hr.filter((p) => WRITE_PERMISSIONS.includes(p))).toEqual(['appeals:lodge', 'grievances:lodge']);
    });

    it.each(['cases:read', 'summaries:read', 'exports:read', 'subject-access:export', 'audit:read', 'retention:read'] as const)('hr has %s', (permission) => {
      expect(hasPermission(['hr'], permission)).toBe(true);
    });

    it('hr approves nothing: neither monitoring (§9) nor outcomes (§12) nor appeals', () => {
      expect(hasPermission(['hr'], 'monitoring:decide')).toBe(false);
      expect(hasPermission(['hr'], 'outcome:decide')).toBe(false);
      expect(hasPermission(['hr'], 'appeals:decide')).toBe(false);
    });
  });

  describe('§4 deputy_head receives, logs and triages reports', () => {
    it.each(['reports:create', 'cases:read', 'cases:triage', 'cases:safeguarding'] as const)('deputy_head has %s', (permission) => {
      expect(hasPermission(['deputy_head'], permission)).toBe(true);
    });

    it.each(['outcome:decide', 'monitoring:decide', 'appeals:decide', 'cases:assign', 'cases:close'] as const)(
      'deputy_head does not decide: no %s (§9, §12)',
      (permission) => {
        expect(hasPermission(['deputy_head'], permission)).toBe(false);
      },
    );

    it('deputy_head only logs reports: only deputy_head has reports:create (§4 "report it to the Deputy Headteacher")', () => {
      expect(rolesGranting('reports:create')).toEqual(['deputy_head']);
    });
  });

  describe('§4, §9 investigating_manager establishes the facts and requests monitoring', () => {
    it.each(['cases:read', 'investigation:write', 'monitoring:request'] as const)('investigating_manager has %s', (permission) => {
      expect(hasPermission(['investigating_manager'], permission)).toBe(true);
    });

    it('investigating_manager cannot decide outcomes (§12; ACAS: investigator ≠ decision-maker)', () => {
      expect(hasPermission(['investigating_manager'], 'outcome:decide')).toBe(false);
    });

    it.each(['monitoring:decide', 'appeals:decide', 'cases:assign', 'cases:close'] as const)(
      'investigating_manager cannot %s (approver ≠ requester, §9)',
      (permission) => {
        expect(hasPermission(['investigating_manager'], permission)).toBe(false);
      },
    );
  });

  describe('§9, §11, §12 the headteacher (or a governor in their place, §2) decides', () => {
    it.each(['cases:assign', 'monitoring:decide', 'outcome:decide', 'cases:close', 'appeals:decide'] as const)(
      '%s is granted to headteacher and governor only',
      (permission) => {
        expect(rolesGranting(permission)).toEqual(['headteacher', 'governor']);
      },
    );

    it('only the investigating manager requests monitoring; the headteacher does not request their own (§9)', () => {
      expect(rolesGranting('monitoring:request')).toEqual(['investigating_manager']);
    });
  });

  describe('hasPermission', () => {
    it('is the union of the roles held', () => {
      expect(hasPermission(['investigating_manager', 'hr'], 'audit:read')).toBe(true);
      expect(hasPermission(['investigating_manager', 'hr'], 'investigation:write')).toBe(true);
      expect(hasPermission(['investigating_manager', 'hr'], 'outcome:decide')).toBe(false);
    });

    it('no roles, no permission (not even profile:read)', () => {
      expect(hasPermission([], 'profile:read')).toBe(false);
    });

    it('an unknown role (say, a role removed from the code but left in the database) grants nothing and does not throw', () => {
      expect(hasPermission(['superuser' as Role], 'cases:read')).toBe(false);
      expect(hasPermission(['superuser' as Role, 'hr'], 'cases:read')).toBe(true);
    });
  });

  describe('roleFor: the role the actor acts in (recorded in the audit log)', () => {
    it('is the first of the actor’s roles, in their order, that grants the permission', () => {
      expect(roleFor({ roles: ['hr', 'headteacher'] }, 'audit:read')).toBe('hr');
      expect(roleFor({ roles: ['headteacher', 'hr'] }, 'audit:read')).toBe('headteacher');
    });

    it('skips roles that do not grant it', () => {
      expect(roleFor({ roles: ['admin', 'deputy_head', 'governor'] }, 'outcome:decide')).toBe('governor');
    });

    it('throws when no role grants it (the access guard should have refused)', () => {
      expect(() => roleFor({ roles: ['admin'] }, 'cases:read')).toThrow('no role grants cases:read');
      expect(() => roleFor({ roles: [] }, 'profile:read')).toThrow();
    });
  });
});
