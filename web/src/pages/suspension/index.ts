// The suspension area's pages (process.md §1; docs/suspension.md): one chunk, loaded on the first visit to either (screens/suspension.tsx).
export { ReviewSuspensionPage } from './review';
export { SuspendPage } from './suspend';
