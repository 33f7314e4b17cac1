// The cases area's pages: the case page, the case list and a case's timeline — one chunk, loaded on the first visit to any of them (screens/cases.tsx, app.tsx).
export { CasePage } from '../case';
export { CaseListPage } from './list';
export { CaseTimelinePage } from './timeline';
