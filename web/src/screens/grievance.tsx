import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/grievance');
const LodgeGrievancePage = lazyPage(area, (pages) => pages.LodgeGrievancePage);
const DecideGrievancePage = lazyPage(area, (pages) => pages.DecideGrievancePage);
const PausePage = lazyPage(area, (pages) => pages.PausePage);
const ResumePage = lazyPage(area, (pages) => pages.ResumePage);

/**
 * The grievance screens (§6, process.md §4; see screen.ts, docs/grievances.md): recording a
 * grievance, deciding one, and pausing and resuming the disciplinary process for one — case-actions.ts's
 * `lodge_grievance`, `decide_grievance`, `pause_process` and `resume_process`, at their agreed paths.
 */
export const GRIEVANCE_SCREENS: Screen[] = [
  { path: '/cases/:id/grievances/new', render: ({ id }) => <LodgeGrievancePage id={id} /> },
  { path: '/cases/:id/grievances', render: ({ id }) => <DecideGrievancePage id={id} /> },
  { path: '/cases/:id/pause', render: ({ id }) => <PausePage id={id} /> },
  { path: '/cases/:id/resume', render: ({ id }) => <ResumePage id={id} /> },
];
