import type { components } from '../../api/schema';
import type { ChoiceItem } from '../../components';
import { ROLE_NAMES } from '../../lib/format';

export type Role = components['schemas']['UserResponse']['roles'][number];

/** What each role does and never does (the school's process: domain.md "People and roles", the policy's sections). */
const ROLE_HINTS: Record<Role, string> = {
  admin: 'Manages user accounts and the staff directory. Never reads casework.',
  deputy_head: 'Receives and logs reports (§4: “report it to the Deputy Headteacher”) and triages them.',
  investigating_manager: 'On cases they are appointed to: establishes the facts, records interviews, evidence and findings; requests monitoring (§4, §9).',
  headteacher: 'Appoints the investigating manager, decides monitoring requests (§9, §11) and outcomes (§12); sees every case unless conflicted.',
  governor: 'Acts for the headteacher where every headteacher is conflicted (§2), and hears appeals.',
  hr: 'Reads case summaries and outcomes and exports them, lodges appeals; changes no casework.',
};

export const ROLES: Role[] = ['admin', 'deputy_head', 'headteacher', 'investigating_manager', 'governor', 'hr'];

/** The roles as checkboxes, each with what it does beside it. */
export const ROLE_CHOICES: ChoiceItem[] = ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role] ?? role, hint: ROLE_HINTS[role] }));

export const roleNames = (roles: readonly string[]) => roles.map((role) => ROLE_NAMES[role] ?? role).join(', ');
