import { lazyPage, type Screen } from './screen';

const area = () => import('../pages/letters');
const CaseLettersPage = lazyPage(area, (pages) => pages.CaseLettersPage);
const LetterSentPage = lazyPage(area, (pages) => pages.LetterSentPage);
const LetterheadPage = lazyPage(area, (pages) => pages.LetterheadPage);
const NationPage = lazyPage(area, (pages) => pages.NationPage);
const DeadlinesPage = lazyPage(area, (pages) => pages.DeadlinesPage);
const LetterTemplatePage = lazyPage(area, (pages) => pages.LetterTemplatePage);
const LetterTemplatesPage = lazyPage(area, (pages) => pages.LetterTemplatesPage);

/**
 * The letters screens (see screen.ts; docs/letters.md): a case's letters (PDF, DOCX, recording one
 * sent) — the case action write_letters (lib/case-actions.ts) is served here — and the admin's
 * letterhead and wording of each kind of letter.
 */
export const LETTERS_SCREENS: Screen[] = [
  { path: '/cases/:id/letters', render: ({ id }) => <CaseLettersPage id={id} /> },
  { path: '/cases/:id/letters/:kind/sent', render: ({ id, kind }) => <LetterSentPage id={id} kind={kind} /> },
  { path: '/admin/letterhead', render: () => <LetterheadPage /> },
  // process.md §6: whose bank holidays the working days skip, and the deadlines (the organisation's settings live with the letterhead)
  { path: '/admin/nation', render: () => <NationPage /> },
  { path: '/admin/deadlines', render: () => <DeadlinesPage /> },
  { path: '/admin/letter-templates', render: () => <LetterTemplatesPage /> },
  { path: '/admin/letter-templates/:kind', render: ({ kind }) => <LetterTemplatePage kind={kind} /> },
];
