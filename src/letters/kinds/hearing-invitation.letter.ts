import type { CaseResponse } from '../../cases/dto/case.dto';
import type { HearingResponse } from '../../hearings/dto/hearing.dto';
import { COMMON_PLACEHOLDERS, LetterKind, allegationClause, letterDate, numbered, sanctionLabel } from '../letter-kind';

type PlaceholderValues = Record<string, string>;

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true });

/** A hearing's time as a UK letter writes it: `10:30am on 14 December 2026` (UK time). */
export function hearingTime(iso: string): string {
  return `${TIME.format(new Date(iso)).replace(/\s/g, '').toLowerCase()} on ${letterDate(iso)}`;
}

/** ERA 1999 s10: the right to be accompanied, as the invitation states it. */
export const RIGHT_TO_BE_ACCOMPANIED =
  'You have the right to be accompanied at the hearing by a work colleague, a trade union representative, or an official employed by a trade union. If your companion cannot attend at this time, you may propose another time within five working days after the date above, and the hearing will be rearranged to it. Please tell us in advance who will accompany you.';

/** The evidence an invitation lists: each item's description, or that a special-category item is sent separately (no letter carries any). */
export function evidenceList(view: CaseResponse, hearing: HearingResponse): string {
  const items = hearing.evidenceIds.map((id) => view.evidence.find((e) => e.id === id));
  const lines = items.map((e) =>
    !e
      ? 'an item of evidence (sent with this letter)'
      : e.description === null
        ? 'an item of evidence sent separately to you'
        : `${e.description} (${e.kind.replace(/_/g, ' ')})`,
  );
  return lines.length ? numbered(lines) : 'No documents are relied on beyond the investigation report, which is enclosed.';
}

/** The values both invitations share. */
export function invitationValues(view: CaseResponse, hearing: HearingResponse): PlaceholderValues {
  return {
    hearing_time: hearingTime(hearing.scheduledFor),
    hearing_place: hearing.place,
    evidence: evidenceList(view, hearing),
    right_to_be_accompanied: RIGHT_TO_BE_ACCOMPANIED,
    invitation_date: letterDate(hearing.invitedAt),
  };
}

export const INVITATION_PLACEHOLDERS = [
  { name: 'hearing_time', description: 'the time and date of the hearing (UK time)', required: true },
  { name: 'hearing_place', description: 'where the hearing is held', required: true },
  { name: 'evidence', description: 'the evidence to be relied on, numbered (sent with the letter)', required: true },
  { name: 'right_to_be_accompanied', description: 'the right to be accompanied and to propose another time (ERA 1999 s10)', required: true },
  { name: 'invitation_date', description: 'the date of the invitation', required: false },
] as const;

/**
 * The invitation to the disciplinary hearing (ACAS Code; process.md §1): the date, time and place,
 * the allegations, the evidence relied on, the right to be accompanied and the possible outcomes.
 * Made from the current disciplinary hearing by its chair, the acting decision-maker. Recording it
 * as sent, with the notice due, is what lets the hearing be held.
 */
export const HEARING_INVITATION_LETTER: LetterKind = {
  kind: 'hearing_invitation',
  title: 'Invitation to a disciplinary hearing',
  step: 'the invitation to the disciplinary hearing (ACAS Code)',
  author: 'decision_maker',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    ...INVITATION_PLACEHOLDERS,
    { name: 'allegations', description: 'the allegations, numbered, each with the clause of the policy and the finding', required: true },
    { name: 'possible_outcomes', description: 'the possible outcomes of the hearing, in the policy’s words', required: true },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'Following the investigation into your use of social media, I am writing to invite you to a disciplinary hearing at {{hearing_time}}, at {{hearing_place}}. I will chair the hearing.',
    'The hearing will consider these allegations:',
    '{{allegations}}',
    'The evidence to be relied on, enclosed with this letter, is:',
    '{{evidence}}',
    'At the hearing you will be able to state your case, question the evidence and put forward anything you wish me to consider before I decide.',
    '{{right_to_be_accompanied}}',
    'The possible outcomes of the hearing are: {{possible_outcomes}}.',
    'If you cannot attend, please contact {{signatory_name}} as soon as possible. If you do not attend a rearranged hearing without good reason, a decision may be taken in your absence.',
  ].join('\n\n'),
  sources: (view) => view.hearings.filter((h) => h.kind === 'disciplinary' && h.current).map((h) => ({ recordId: h.id, at: h.invitedAt })),
  values(view, recordId) {
    const hearing = view.hearings.find((h) => h.id === recordId)!;
    return {
      ...invitationValues(view, hearing),
      allegations: numbered(
        view.allegations.map((a) => {
          const clause = allegationClause(a);
          const finding = a.finding ? `; the investigation found it ${a.finding.finding.replace(/_/g, ' ')}` : '';
          return `${a.summary}${clause ? ` (${clause})` : ''}${finding}`;
        }),
      ),
      possible_outcomes: hearing.possibleOutcomes.map((s) => sanctionLabel(s).toLowerCase()).join(', '),
    };
  },
};
