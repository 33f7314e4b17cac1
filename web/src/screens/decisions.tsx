import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/decisions');
const AppealDecisionPage = lazyPage(area, (pages) => pages.AppealDecisionPage);
const AssignPage = lazyPage(area, (pages) => pages.AssignPage);
const AuditPage = lazyPage(area, (pages) => pages.AuditPage);
const AuditVerifyPage = lazyPage(area, (pages) => pages.AuditVerifyPage);
const ClosePage = lazyPage(area, (pages) => pages.ClosePage);
const ExtendInvestigationPage = lazyPage(area, (pages) => pages.ExtendInvestigationPage);
const LegalHoldPage = lazyPage(area, (pages) => pages.LegalHoldPage);
const MonitoringPage = lazyPage(area, (pages) => pages.MonitoringPage);
const OutcomePage = lazyPage(area, (pages) => pages.OutcomePage);
const RetentionPage = lazyPage(area, (pages) => pages.RetentionPage);

/**
 * The decisions screens (see screen.ts): the headteacher's, and the governors' where they act for
 * the headteacher or hear an appeal. The case actions assign, extend_investigation, decide_monitoring, record_outcome,
 * decide_appeal, close, place_legal_hold and lift_legal_hold (lib/case-actions.ts) are served
 * here at their agreed paths; and the audit trail, its verification and retention.
 */
export const DECISIONS_SCREENS: Screen[] = [
  { path: '/cases/:id/assign', render: ({ id }) => <AssignPage id={id} /> },
  { path: '/cases/:id/extend-investigation', render: ({ id }) => <ExtendInvestigationPage id={id} /> },
  { path: '/cases/:id/monitoring', render: ({ id }) => <MonitoringPage id={id} /> },
  { path: '/cases/:id/outcome', render: ({ id }) => <OutcomePage id={id} /> },
  { path: '/cases/:id/appeal/decision', render: ({ id }) => <AppealDecisionPage id={id} /> },
  { path: '/cases/:id/close', render: ({ id }) => <ClosePage id={id} /> },
  { path: '/cases/:id/legal-hold', render: ({ id }) => <LegalHoldPage id={id} /> },
  { path: '/audit', render: () => <AuditPage /> },
  { path: '/audit/verify', render: () => <AuditVerifyPage /> },
  { path: '/retention', render: () => <RetentionPage /> },
];
