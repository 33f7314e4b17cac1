import { CasesExportPage } from '../pages/hr/cases-export';
import { CaseSummaryPage } from '../pages/hr/case-summary';
import { LodgeAppealPage } from '../pages/hr/appeal';
import { SubjectAccessFindPage } from '../pages/hr/subject-access-find';
import { SubjectAccessPage } from '../pages/hr/subject-access';
import type { Screen } from './screen';

/**
 * The hr screens (see screen.ts): case summaries (on screen and as a PDF), the CSV export by
 * period and status, subject-access exports, lodging an appeal. The case actions read_summary and
 * lodge_appeal (lib/case-actions.ts) are served here.
 */
export const HR_SCREENS: Screen[] = [
  { path: '/cases/:id/summary', render: ({ id }) => <CaseSummaryPage id={id} /> },
  { path: '/cases/:id/appeal', render: ({ id }) => <LodgeAppealPage id={id} /> },
  { path: '/exports', render: () => <CasesExportPage /> },
  { path: '/subject-access', render: () => <SubjectAccessFindPage /> },
  { path: '/staff/:id/subject-access', render: ({ id }) => <SubjectAccessPage id={id} /> },
];
