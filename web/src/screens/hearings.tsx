import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/hearings');
const ArrangeHearingPage = lazyPage(area, (pages) => pages.ArrangeHearingPage);
const RearrangeHearingPage = lazyPage(area, (pages) => pages.RearrangeHearingPage);
const RecordHearingPage = lazyPage(area, (pages) => pages.RecordHearingPage);

/**
 * The hearings screens (see screen.ts; process.md §1, docs/hearings.md): the disciplinary hearing
 * (case-actions.ts's `arrange_hearing`, `record_hearing`) and the appeal hearing
 * (`arrange_appeal_hearing`, `record_appeal_hearing`) — the invitation, its rearrangement by the
 * chair, and the record once held.
 */
export const HEARINGS_SCREENS: Screen[] = [
  { path: '/cases/:id/hearing', render: ({ id }) => <ArrangeHearingPage id={id} kind="disciplinary" /> },
  { path: '/cases/:id/hearing/rearrange', render: ({ id }) => <RearrangeHearingPage id={id} kind="disciplinary" /> },
  { path: '/cases/:id/hearing/record', render: ({ id }) => <RecordHearingPage id={id} kind="disciplinary" /> },
  { path: '/cases/:id/appeal/hearing', render: ({ id }) => <ArrangeHearingPage id={id} kind="appeal" /> },
  { path: '/cases/:id/appeal/hearing/rearrange', render: ({ id }) => <RearrangeHearingPage id={id} kind="appeal" /> },
  { path: '/cases/:id/appeal/hearing/record', render: ({ id }) => <RecordHearingPage id={id} kind="appeal" /> },
];
