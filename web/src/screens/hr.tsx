import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/hr');
const CasesExportPage = lazyPage(area, (pages) => pages.CasesExportPage);
const CaseSummaryPage = lazyPage(area, (pages) => pages.CaseSummaryPage);
const LodgeAppealPage = lazyPage(area, (pages) => pages.LodgeAppealPage);
const SubjectAccessFindPage = lazyPage(area, (pages) => pages.SubjectAccessFindPage);
const SubjectAccessPage = lazyPage(area, (pages) => pages.SubjectAccessPage);

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
