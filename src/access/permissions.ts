import { ROLES, Role } from './roles';

/**
 * The one role → permission map (domain.md "People and roles"). Route-level: the global
 * guard refuses (403) a route whose permission none of the caller's roles grant.
 * Case-level conditions (assignment, conflicts of interest, who acts for the headteacher)
 * are applied on top by `requireCaseAccess`; see case-access.policy.ts.
 */
export const PERMISSIONS = [
  'profile:read',
  'users:manage',
  'staff:manage',
  'staff:read',
  'reports:create',
  'cases:read',
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
  'summaries:read',
  'exports:read',
  'subject-access:export',
  // KCSIE Part 4: GET /staff/:id/reference-check (what may be said in a reference)
  'references:check',
  'audit:read',
  'retention:read',
  'retention:manage',
  'statistics:read',
  // process.md §2: the letterhead and the wording of letters
  'organisation:manage',
  // process.md §2: a written step's letter, generated and recorded sent by whoever takes the step (case-access.policy.ts)
  'letters:write',
  // §6, process.md §4: a grievance about how the policy was applied, recorded on the case (hr) and decided by someone uninvolved
  'grievances:lodge',
  'grievances:decide',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Manages accounts and the staff directory; never reads casework.
  admin: ['profile:read', 'users:manage', 'staff:manage', 'staff:read', 'organisation:manage'],
  // §4 "report it to the Deputy Headteacher": logs and triages reports.
  deputy_head: ['profile:read', 'staff:read', 'reports:create', 'cases:read', 'cases:triage', 'cases:safeguarding'],
  // §4, §9: establishes the facts on cases assigned to them; requests monitoring.
  investigating_manager: ['profile:read', 'staff:read', 'cases:read', 'investigation:write', 'monitoring:request', 'monitoring:disclose', 'letters:write'],
  // §4, §9, §11, §12: appoints, authorises monitoring, decides outcomes.
  headteacher: [
    'profile:read',
    'staff:read',
    'cases:read',
    'cases:triage',
    'cases:safeguarding',
    'cases:assign',
    'monitoring:decide',
    'monitoring:disclose',
    'outcome:decide',
    'appeals:lodge',
    'appeals:decide',
    'cases:close',
    'summaries:read',
    'exports:read',
    'subject-access:export',
    'references:check',
    'audit:read',
    'retention:read',
    'retention:manage',
    // process.md §5: anonymised figures
    'statistics:read',
    'letters:write',
    // §6: hears a grievance when uninvolved in the case (case-access.policy.ts)
    'grievances:decide',
  ],
  // §2: stands in when every headteacher is conflicted — for every decision the headteacher
  // takes, retention erasure included (domain.md "Nobody is ever stuck"); hears appeals.
  governor: [
    'profile:read',
    'cases:read',
    'cases:triage',
    'cases:safeguarding',
    'cases:assign',
    'monitoring:decide',
    'monitoring:disclose',
    'outcome:decide',
    'appeals:decide',
    'cases:close',
    'retention:read',
    'retention:manage',
    // process.md §5: anonymised figures
    'statistics:read',
    'letters:write',
    // §6: hears a grievance when uninvolved in the case (case-access.policy.ts)
    'grievances:decide',
  ],
  // Reads and exports summaries and outcomes; changes nothing.
  hr: [
    'profile:read',
    // the staff directory: to find the person a subject-access export is for (§13)
    'staff:read',
    'cases:read',
    'appeals:lodge',
    'summaries:read',
    'exports:read',
    'subject-access:export',
    // KCSIE Part 4: HR answers reference requests; it sees every case not about itself, so its check is complete
    'references:check',
    'audit:read',
    'retention:read',
    // process.md §5: anonymised figures
    'statistics:read',
    // §6: records the subject's grievance on the case, as it lodges their appeal
    'grievances:lodge',
  ],
};

export function rolesGranting(permission: Permission): Role[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}

/** The first of the actor's roles that grants `permission`: the role they act in. */
export function roleFor(actor: { roles: readonly Role[] }, permission: Permission): Role {
  const role = actor.roles.find((r) => ROLE_PERMISSIONS[r]?.includes(permission));
  if (!role) throw new Error(`no role grants ${permission}; the access guard should have refused`);
  return role;
}
