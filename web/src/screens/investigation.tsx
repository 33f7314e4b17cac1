import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/investigation');
const AllegationsPage = lazyPage(area, (pages) => pages.AllegationsPage);
const EvidenceItemPage = lazyPage(area, (pages) => pages.EvidenceItemPage);
const HandoverPage = lazyPage(area, (pages) => pages.HandoverPage);
const EvidenceListPage = lazyPage(area, (pages) => pages.EvidenceListPage);
const EvidenceUploadPage = lazyPage(area, (pages) => pages.EvidenceUploadPage);
const FactsPage = lazyPage(area, (pages) => pages.FactsPage);
const FindingPage = lazyPage(area, (pages) => pages.FindingPage);
const FindingsPage = lazyPage(area, (pages) => pages.FindingsPage);
const InterviewsPage = lazyPage(area, (pages) => pages.InterviewsPage);
const MeetingsPage = lazyPage(area, (pages) => pages.MeetingsPage);
const DisclosurePage = lazyPage(area, (pages) => pages.DisclosurePage);
const MonitoringRequestPage = lazyPage(area, (pages) => pages.MonitoringRequestPage);
const NoticePage = lazyPage(area, (pages) => pages.NoticePage);
const ResponsePage = lazyPage(area, (pages) => pages.ResponsePage);
const SubmitPage = lazyPage(area, (pages) => pages.SubmitPage);
const InvestigationPage = lazyPage(area, (pages) => pages.InvestigationPage);

/**
 * The investigation screens (see screen.ts): the investigating manager's case as a task list and
 * each of its steps; an item of evidence (its hash, custody, download, hand-over); monitoring
 * requests and disclosures. Serves case-actions.ts's `investigate`, `submit_report` and
 * `request_monitoring` at their agreed paths.
 */
export const INVESTIGATION_SCREENS: Screen[] = [
  { path: '/cases/:id/investigation', render: ({ id }) => <InvestigationPage id={id} /> },
  { path: '/cases/:id/investigation/allegations', render: ({ id }) => <AllegationsPage id={id} /> },
  { path: '/cases/:id/investigation/evidence', render: ({ id }) => <EvidenceListPage id={id} /> },
  { path: '/cases/:id/investigation/evidence/new', render: ({ id }) => <EvidenceUploadPage id={id} /> },
  { path: '/cases/:id/investigation/facts', render: ({ id }) => <FactsPage id={id} /> },
  { path: '/cases/:id/investigation/meetings', render: ({ id }) => <MeetingsPage id={id} /> },
  { path: '/cases/:id/investigation/interviews', render: ({ id }) => <InterviewsPage id={id} /> },
  { path: '/cases/:id/investigation/notice', render: ({ id }) => <NoticePage id={id} /> },
  { path: '/cases/:id/investigation/response', render: ({ id }) => <ResponsePage id={id} /> },
  { path: '/cases/:id/investigation/findings', render: ({ id }) => <FindingsPage id={id} /> },
  { path: '/cases/:id/investigation/findings/:allegationId', render: ({ id, allegationId }) => <FindingPage id={id} allegationId={allegationId} /> },
  { path: '/cases/:id/investigation/submit', render: ({ id }) => <SubmitPage id={id} /> },
  { path: '/cases/:id/evidence/:evidenceId', render: ({ id, evidenceId }) => <EvidenceItemPage id={id} evidenceId={evidenceId} /> },
  { path: '/cases/:id/evidence/:evidenceId/handover', render: ({ id, evidenceId }) => <HandoverPage id={id} evidenceId={evidenceId} /> },
  { path: '/cases/:id/monitoring/new', render: ({ id }) => <MonitoringRequestPage id={id} /> },
  { path: '/cases/:id/monitoring/:requestId/disclosures/new', render: ({ id, requestId }) => <DisclosurePage id={id} requestId={requestId} /> },
];
