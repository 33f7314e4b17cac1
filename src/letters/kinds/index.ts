import type { LetterKind } from '../letter-kind';
import { ALLEGATIONS_NOTICE } from './allegations-notice.letter';
import { APPEAL_HEARING_INVITATION_LETTER } from './appeal-hearing-invitation.letter';
import { APPEAL_OUTCOME_LETTER } from './appeal-outcome.letter';
import { HEARING_INVITATION_LETTER } from './hearing-invitation.letter';
import { INVESTIGATION_MEETING_LETTER } from './investigation-meeting.letter';
import { OUTCOME_LETTER } from './outcome.letter';
import { SUSPENSION_LETTER } from './suspension.letter';

/**
 * Every kind of letter the API makes (process.md §2), in the order of the process. A new kind
 * (the hearing invitation, the appeal hearing invitation, suspension) is one file beside these,
 * added here: docs/letters.md.
 */
export const LETTER_KINDS: readonly LetterKind[] = [
  INVESTIGATION_MEETING_LETTER,
  ALLEGATIONS_NOTICE,
  SUSPENSION_LETTER,
  HEARING_INVITATION_LETTER,
  OUTCOME_LETTER,
  APPEAL_HEARING_INVITATION_LETTER,
  APPEAL_OUTCOME_LETTER,
];

/** The kinds' names: the `:kind` path parameter's values. */
export const LETTER_KIND_NAMES = LETTER_KINDS.map((k) => k.kind);

export function letterKind(name: string): LetterKind | undefined {
  return LETTER_KINDS.find((k) => k.kind === name);
}
