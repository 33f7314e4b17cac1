// The hearings area's pages: one chunk, loaded on the first visit to any of them (screens/hearings.tsx).
export { ArrangeHearingPage } from './arrange';
export { RearrangeHearingPage } from './rearrange';
export { RecordHearingPage } from './record';
