import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/cases');
/** The case page, /cases/:id: mounted by app.tsx after every screen (its path would take theirs). */
export const CasePage = lazyPage(area, (pages) => pages.CasePage);
const CaseListPage = lazyPage(area, (pages) => pages.CaseListPage);
const CaseTimelinePage = lazyPage(area, (pages) => pages.CaseTimelinePage);

/**
 * The cases screens (see screen.ts): the list of cases with filters, and a case's timeline from
 * the audit log (case-actions.ts's `read_audit`). The case page itself, /cases/:id, is
 * pages/case.tsx, mounted by app.tsx after every screen.
 */
export const CASES_SCREENS: Screen[] = [
  { path: '/cases', render: () => <CaseListPage /> },
  { path: '/cases/:id/timeline', render: ({ id }) => <CaseTimelinePage id={id} /> },
];
