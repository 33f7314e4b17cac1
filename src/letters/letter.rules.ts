import { FieldProblem } from '../common/errors/domain-error';

/** How a letter went to its addressee (process.md §2: "sent (date, method)"). */
export const SENT_METHODS = ['email', 'post', 'hand'] as const;
export type SentMethod = (typeof SENT_METHODS)[number];

/** What GET /cases/:id/letters/:kind answers: the letter as PDF (any script printed) or as an editable DOCX. */
export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export const LETTER_MEDIA_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * A letter is sent after the record it is made from, and not in the future (domain.md "Dates
 * the API is told"): "sent" is what satisfies the written step, so it must be true when said.
 */
export function sentAtProblems(sentAt: Date, recordAt: Date, now: Date): FieldProblem[] {
  if (sentAt.getTime() > now.getTime()) return [{ field: 'sentAt', message: 'must not be in the future' }];
  if (sentAt.getTime() < recordAt.getTime()) return [{ field: 'sentAt', message: 'must not be before the record the letter is made from' }];
  return [];
}
