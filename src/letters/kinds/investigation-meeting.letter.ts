import { COMMON_PLACEHOLDERS, LetterKind, letterDate } from '../letter-kind';
import { hearingTime } from './hearing-invitation.letter';

/**
 * ACAS (good practice; not a statutory right at an investigation meeting): the invitee may bring a
 * companion when the investigating manager allowed one. Left out of the letter otherwise.
 */
export const MEETING_COMPANION =
  'You may be accompanied at the meeting by a work colleague or a trade union representative. This is not a statutory right at an investigation meeting, but the school allows it. Please tell me in advance who will accompany you.';

/**
 * The invitation to an investigation meeting (process.md §2, the first letter; ACAS Code; §4:
 * the investigating manager establishes the facts), made from a meeting arranged
 * (POST /cases/:id/investigation-meetings): the date, time and place, what it is about, that it
 * is an investigation meeting and not a disciplinary hearing, that no decision has been made,
 * the companion when allowed, confidentiality, whom to contact. The investigating manager gives it.
 *
 * A written step of the procedure, owed to the employee it is about: only a subject's meeting
 * makes this letter, to that subject (docs/letters.md "Chosen, and why").
 */
export const INVESTIGATION_MEETING_LETTER: LetterKind = {
  kind: 'investigation_meeting_invitation',
  title: 'Invitation to an investigation meeting',
  step: 'the invitation to an investigation meeting (investigation)',
  author: 'investigator',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    { name: 'meeting_time', description: 'the time and date of the meeting (UK time)', required: true },
    { name: 'meeting_place', description: 'where the meeting is held', required: true },
    { name: 'meeting_purpose', description: 'what the meeting is about, as the investigating manager recorded it', required: true },
    { name: 'companion', description: 'that the invitee may be accompanied, when allowed (left out otherwise)', required: true },
    { name: 'arranged_date', description: 'the date the meeting was arranged', required: false },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'I am writing to invite you to an investigation meeting at {{meeting_time}}, at {{meeting_place}}. I have been appointed to investigate concerns raised under the school’s social media policy and to establish the facts (§4).',
    'The meeting is about: {{meeting_purpose}}',
    'This is an investigation meeting, not a disciplinary hearing. No decision has been made: its purpose is to establish the facts, and you will be able to give your account. If a disciplinary hearing is needed later, you will be told in writing, with the right to be accompanied at it.',
    '{{companion}}',
    'Please keep this matter confidential, and do not discuss it with colleagues, pupils or parents. If you cannot attend at this time, or have any question about the meeting, please contact {{signatory_name}} as soon as possible.',
  ].join('\n\n'),
  sources: (view) =>
    view.investigationMeetings.filter((m) => m.capacity === 'subject' && !m.withheld).map((m) => ({ recordId: m.id, at: m.arrangedAt, to: m.staffId })),
  values(view, recordId) {
    const meeting = view.investigationMeetings.find((m) => m.id === recordId)!;
    return {
      meeting_time: meeting.scheduledFor ? hearingTime(meeting.scheduledFor) : '',
      meeting_place: meeting.place ?? '',
      meeting_purpose: meeting.purpose ?? '',
      companion: meeting.accompaniedAllowed ? MEETING_COMPANION : '',
      arranged_date: letterDate(meeting.arrangedAt),
    };
  },
};
