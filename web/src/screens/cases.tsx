import { CaseListPage } from '../pages/cases/list';
import { CaseTimelinePage } from '../pages/cases/timeline';
import type { Screen } from './screen';

/**
 * The cases screens (see screen.ts): the list of cases with filters, and a case's timeline from
 * the audit log (case-actions.ts's `read_audit`). The case page itself, /cases/:id, is
 * pages/case.tsx, mounted by app.tsx after every screen.
 */
export const CASES_SCREENS: Screen[] = [
  { path: '/cases', render: () => <CaseListPage /> },
  { path: '/cases/:id/timeline', render: ({ id }) => <CaseTimelinePage id={id} /> },
];
