import { ADMIN_SCREENS } from './admin';
import { CASES_SCREENS } from './cases';
import { DECISIONS_SCREENS } from './decisions';
import { HEARINGS_SCREENS } from './hearings';
import { GRIEVANCE_SCREENS } from './grievance';
import { HR_SCREENS } from './hr';
import { INVESTIGATION_SCREENS } from './investigation';
import { LETTERS_SCREENS } from './letters';
import { NOTIFICATIONS_SCREENS } from './notifications';
import { REPORTS_SCREENS } from './reports';
import { SAFEGUARDING_SCREENS } from './safeguarding';
import { STATISTICS_SCREENS } from './statistics';
import { SUSPENSION_SCREENS } from './suspension';
import type { Screen } from './screen';

export type { Screen } from './screen';

/** Every screen for signed-in people, by area: cases and lists; the deputy's reports and triage; the decisions of the headteacher and governors; the hearings (process.md §1); the investigating manager's work; HR; admin; letters (a case's, and the admin's letterhead and wording); KCSIE Part 4's safeguarding screens (LADO consultation, referral decisions, reference check); statistics; notifications (process.md §6). */
export const SCREENS: Screen[] = [
  ...CASES_SCREENS,
  ...REPORTS_SCREENS,
  ...DECISIONS_SCREENS,
  ...HEARINGS_SCREENS,
  ...INVESTIGATION_SCREENS,
  ...HR_SCREENS,
  ...ADMIN_SCREENS,
  ...LETTERS_SCREENS,
  ...SAFEGUARDING_SCREENS,
  ...GRIEVANCE_SCREENS,
  ...SUSPENSION_SCREENS,
  ...STATISTICS_SCREENS,
  ...NOTIFICATIONS_SCREENS,
];
