import { lazyPage, type Screen } from './screen';

const StatisticsPage = lazyPage(
  () => import('../pages/statistics'),
  (pages) => pages.StatisticsPage,
);

/** The statistics screen (see screen.ts, docs/statistics.md): anonymised figures for governors, the headteacher and HR. */
export const STATISTICS_SCREENS: Screen[] = [{ path: '/statistics', render: () => <StatisticsPage /> }];
