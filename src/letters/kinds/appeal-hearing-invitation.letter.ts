import { COMMON_PLACEHOLDERS, LetterKind, letterDate, sanctionLabel } from '../letter-kind';
import { INVITATION_PLACEHOLDERS, invitationValues } from './hearing-invitation.letter';

/**
 * The invitation to the appeal hearing (ACAS Code; process.md §1): the same rules as the
 * disciplinary hearing, heard by someone uninvolved, who gives this letter and then decides.
 */
export const APPEAL_HEARING_INVITATION_LETTER: LetterKind = {
  kind: 'appeal_hearing_invitation',
  title: 'Invitation to an appeal hearing',
  step: 'the invitation to the appeal hearing (ACAS Code)',
  author: 'appeal_hearer',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    ...INVITATION_PLACEHOLDERS,
    { name: 'appeal_lodged_date', description: 'when the appeal was lodged', required: false },
    { name: 'sanction', description: 'the sanction appealed against, in the policy’s words', required: true },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'Thank you for your appeal of {{appeal_lodged_date}} against the decision to give you: {{sanction}}. I am writing to invite you to an appeal hearing at {{hearing_time}}, at {{hearing_place}}. I will hear the appeal; I have not been involved in the case before.',
    'The evidence to be relied on, enclosed with this letter, is:',
    '{{evidence}}',
    'At the hearing you will be able to explain the grounds of your appeal and put forward anything you wish me to consider before I decide.',
    '{{right_to_be_accompanied}}',
    'The appeal may be upheld (the sanction withdrawn), the sanction reduced, or the appeal dismissed (the sanction stands). The sanction cannot be increased on appeal.',
    'If you cannot attend, please contact {{signatory_name}} as soon as possible.',
  ].join('\n\n'),
  sources: (view) => view.hearings.filter((h) => h.kind === 'appeal' && h.current).map((h) => ({ recordId: h.id, at: h.invitedAt })),
  values(view, recordId) {
    const hearing = view.hearings.find((h) => h.id === recordId)!;
    const appeal = view.appeals.find((a) => a.id === hearing.appealId);
    return {
      ...invitationValues(view, hearing),
      appeal_lodged_date: appeal ? letterDate(appeal.lodgedAt) : '',
      sanction: sanctionLabel(view.outcome?.sanction),
    };
  },
};
