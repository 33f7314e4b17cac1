// The reports area's pages: one chunk, loaded on the first visit to any of them (screens/reports.tsx).
export { NewReportPage } from './new-report';
export { SafeguardingReferralPage } from './safeguarding-referral';
export { TriagePage } from './triage';
