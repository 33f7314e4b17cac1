// The HR area's pages: one chunk, loaded on the first visit to any of them (screens/hr.tsx).
export { CasesExportPage } from './cases-export';
export { CaseSummaryPage } from './case-summary';
export { LodgeAppealPage } from './appeal';
export { SubjectAccessFindPage } from './subject-access-find';
export { SubjectAccessPage } from './subject-access';
