// The statistics area's page: one chunk, loaded on its first visit (screens/statistics.tsx).
export { StatisticsPage } from './statistics';
