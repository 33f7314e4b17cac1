import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/suspension');
const SuspendPage = lazyPage(area, (pages) => pages.SuspendPage);
const ReviewSuspensionPage = lazyPage(area, (pages) => pages.ReviewSuspensionPage);

/**
 * Precautionary suspension (process.md §1; docs/suspension.md): suspending a subject on full pay
 * and reviewing the suspension — case-actions.ts's `suspend` and `review_suspension`.
 */
export const SUSPENSION_SCREENS: Screen[] = [
  { path: '/cases/:id/suspensions/new', render: ({ id }) => <SuspendPage id={id} /> },
  { path: '/cases/:id/suspensions/review', render: ({ id }) => <ReviewSuspensionPage id={id} /> },
];
