import type { Role } from '../access/roles';

/**
 * domain.md "Conflicts of interest": "Administration is separated too: an admin never changes
 * their own roles, and an organisation always keeps at least one active admin (also under
 * concurrent requests)." And: a person is linked to their staff record through their user
 * account — one record per account, one account per record.
 *
 * Pure rules; the services load the facts (under the locks that make them hold under
 * concurrent requests) and turn a problem into a 409.
 */

/** The admin-relevant state of an account. */
export interface AccountState {
  roles: readonly Role[];
  active: boolean;
}

export interface AdminChange {
  /** who makes the change */
  actorUserId: string;
  /** whose account changes */
  targetUserId: string;
  before: AccountState;
  after: AccountState;
  /** active admins of the organisation before the change (the target included, when one) */
  activeAdmins: number;
}

export type AdminChangeProblem = 'own_roles' | 'own_deactivation' | 'last_admin';

export const ADMIN_CHANGE_MESSAGES: Record<AdminChangeProblem, string> = {
  own_roles: 'You cannot change your own roles: another admin must do it.',
  own_deactivation: 'You cannot deactivate your own account: another admin must do it.',
  last_admin: 'The organisation must keep at least one active admin: make another account an admin first.',
};

/** Same set of roles, in any order. */
export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((role) => right.has(role));
}

const isActiveAdmin = (state: AccountState) => state.active && state.roles.includes('admin');

/**
 * Why a change of an account's roles or active flag may not be made, or null.
 * - An admin never changes their own roles (any change, not only giving up admin: an admin
 *   who could give themselves a casework role would read cases).
 * - An admin never deactivates themselves.
 * - The organisation keeps at least one active admin: the last one is neither deactivated
 *   nor stripped of admin.
 */
export function adminChangeProblem(change: AdminChange): AdminChangeProblem | null {
  const own = change.actorUserId === change.targetUserId;
  if (own && !sameRoles(change.before.roles, change.after.roles)) return 'own_roles';
  if (own && change.before.active && !change.after.active) return 'own_deactivation';
  if (isActiveAdmin(change.before) && !isActiveAdmin(change.after) && change.activeAdmins <= 1) return 'last_admin';
  return null;
}

export interface LinkChange {
  /** who makes the change */
  actorUserId: string;
  /** the account the staff record is linked to now */
  currentUserId: string | null;
  /** the account it is to be linked to (null: unlink) */
  requestedUserId: string | null;
  /** the staff record the requested account is already linked to, if any */
  requestedUserStaffId: string | null;
  /** the staff record being changed (null: one being created) */
  staffId: string | null;
}

export type LinkProblem = 'own_link' | 'staff_already_linked' | 'user_already_linked';

export const LINK_MESSAGES: Record<LinkProblem, string> = {
  own_link: 'You cannot link or unlink your own account: another admin must do it.',
  staff_already_linked: 'This staff member is already linked to another account: unlink it first (userId: null).',
  user_already_linked: 'That account is already linked to another staff member.',
};

/**
 * Why a staff record's link to an account may not be changed, or null (no change is no problem).
 * - One account per record: a linked record is unlinked first, never silently moved to
 *   another account (that account's conflicts would vanish unnoticed).
 * - One record per account.
 * - An admin never links or unlinks their own account: unlinking it would hide their own
 *   conflicts of interest, as changing their own roles would.
 */
export function linkProblem(change: LinkChange): LinkProblem | null {
  if (change.requestedUserId === change.currentUserId) return null;
  if (change.currentUserId === change.actorUserId || change.requestedUserId === change.actorUserId) return 'own_link';
  if (change.currentUserId !== null && change.requestedUserId !== null) return 'staff_already_linked';
  if (change.requestedUserId !== null && change.requestedUserStaffId !== null && change.requestedUserStaffId !== change.staffId) return 'user_already_linked';
  return null;
}
