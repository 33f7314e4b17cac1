// The decisions area's pages: one chunk, loaded on the first visit to any of them (screens/decisions.tsx).
export { AppealDecisionPage } from './appeal-decision';
export { AssignPage } from './assign';
export { AuditPage, AuditVerifyPage } from './audit';
export { ClosePage } from './close';
export { ExtendInvestigationPage } from './extend-investigation';
export { LegalHoldPage } from './legal-hold';
export { MonitoringPage } from './monitoring';
export { OutcomePage } from './outcome';
export { RetentionPage } from './retention';
