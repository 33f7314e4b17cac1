// The grievance area's pages (§6, process.md §4): one chunk, loaded on the first visit to any of them (screens/grievance.tsx).
export { DecideGrievancePage } from './decide';
export { LodgeGrievancePage } from './lodge';
export { PausePage } from './pause';
export { ResumePage } from './resume';
