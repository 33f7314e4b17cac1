// The letters area's pages: one chunk, loaded on the first visit to any of them (screens/letters.tsx).
export { CaseLettersPage } from './case-letters';
export { LetterSentPage } from './letter-sent';
export { LetterheadPage } from './letterhead';
export { LetterTemplatePage } from './template';
export { LetterTemplatesPage } from './templates';
export { NationPage } from './nation';
export { DeadlinesPage } from './deadlines';
