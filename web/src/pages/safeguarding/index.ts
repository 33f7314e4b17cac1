// The safeguarding (KCSIE Part 4) area's pages: one chunk, loaded on the first visit to any of them (screens/safeguarding.tsx).
export { LadoConsultationPage } from './lado-consultation';
export { ReferenceCheckPage } from './reference-check';
export { ReferralDecisionPage } from './referral-decision';
