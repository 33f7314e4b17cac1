/** The roles of domain.md "People and roles" (§3, §4). A user may hold several. */
export const ROLES = ['admin', 'deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work on casework (every role but admin). */
export const CASEWORK_ROLES: readonly Role[] = ['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'];
