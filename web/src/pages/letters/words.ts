import type { components } from '../../api/schema';

export type LetterKind = components['schemas']['LetterItem']['kind'];
export type SentMethod = NonNullable<components['schemas']['LetterItem']['sentMethod']>;

/** How a letter was sent, in words. */
export const METHOD_NAMES: Record<SentMethod, string> = { email: 'By e-mail', post: 'By post', hand: 'By hand' };

/** Who takes each step, and so makes its letter (docs/letters.md). */
export const AUTHOR_NAMES: Record<components['schemas']['LetterItem']['author'], string> = {
  investigator: 'the investigating manager',
  decision_maker: 'the acting decision-maker',
  appeal_hearer: 'whoever decided the appeal',
};

/** What "sent" means: what satisfies the written step (ACAS; process.md §2). */
export const SENT_MEANS = 'Recording a letter as sent is what satisfies the written step (ACAS Code; policy process §2): generating it is not enough.';
