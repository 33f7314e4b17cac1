import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/reports');
const NewReportPage = lazyPage(area, (pages) => pages.NewReportPage);
const SafeguardingReferralPage = lazyPage(area, (pages) => pages.SafeguardingReferralPage);
const TriagePage = lazyPage(area, (pages) => pages.TriagePage);

/**
 * The reports screens (see screen.ts): the deputy head logs a report, triages it, and records a
 * safeguarding referral — case-actions.ts's `triage` and `refer_safeguarding`, at their agreed paths.
 */
export const REPORTS_SCREENS: Screen[] = [
  { path: '/reports/new', render: () => <NewReportPage /> },
  { path: '/cases/:id/triage', render: ({ id }) => <TriagePage id={id} /> },
  { path: '/cases/:id/safeguarding-referral', render: ({ id }) => <SafeguardingReferralPage id={id} /> },
];
