import { AllegationsPage } from '../pages/investigation/allegations';
import { EvidenceItemPage, HandoverPage } from '../pages/investigation/evidence-item';
import { EvidenceListPage } from '../pages/investigation/evidence-list';
import { EvidenceUploadPage } from '../pages/investigation/evidence-upload';
import { FactsPage } from '../pages/investigation/facts';
import { FindingPage, FindingsPage } from '../pages/investigation/findings';
import { InterviewsPage } from '../pages/investigation/interviews';
import { DisclosurePage, MonitoringRequestPage } from '../pages/investigation/monitoring';
import { NoticePage } from '../pages/investigation/notice';
import { ResponsePage } from '../pages/investigation/response';
import { SubmitPage } from '../pages/investigation/submit';
import { InvestigationPage } from '../pages/investigation/task-list';
import type { Screen } from './screen';

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
