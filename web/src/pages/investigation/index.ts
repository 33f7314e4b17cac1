// The investigation area's pages: one chunk, loaded on the first visit to any of them (screens/investigation.tsx).
export { AllegationsPage } from './allegations';
export { EvidenceItemPage, HandoverPage } from './evidence-item';
export { EvidenceListPage } from './evidence-list';
export { EvidenceUploadPage } from './evidence-upload';
export { FactsPage } from './facts';
export { FindingPage, FindingsPage } from './findings';
export { InterviewsPage } from './interviews';
export { MeetingsPage } from './meetings';
export { DisclosurePage, MonitoringRequestPage } from './monitoring';
export { NoticePage } from './notice';
export { ResponsePage } from './response';
export { SubmitPage } from './submit';
export { InvestigationPage } from './task-list';
