import { COMMON_PLACEHOLDERS, LetterKind, letterDate, sanctionLabel, warningSentence } from '../letter-kind';

/** Who hears an appeal, as the letter names them (domain.md: a governor, or a headteacher not involved; ACAS). */
export const APPEAL_TO = 'the Chair of Governors, at the address above';
/** How an appeal is made. */
export const APPEAL_HOW = 'in writing, setting out the grounds of your appeal';

/**
 * The outcome letter (§12, ACAS Code: the decision and the right of appeal, in writing), made
 * from the outcome record: the sanction, the reasons, how long a warning stays live, and the
 * right of appeal — to whom, how and by when. The acting decision-maker gives it.
 */
export const OUTCOME_LETTER: LetterKind = {
  kind: 'outcome',
  title: 'Outcome of the disciplinary process',
  step: 'the outcome and the right of appeal (§12)',
  author: 'decision_maker',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    { name: 'decision_date', description: 'the date of the decision', required: true },
    { name: 'sanction', description: 'the sanction, in the policy’s words (§6, §12)', required: true },
    { name: 'reasons', description: 'the reasons recorded with the decision', required: true },
    {
      name: 'warning_period',
      description: 'for a warning: how long it stays live, and until when (empty otherwise: the paragraph is left out)',
      required: true,
    },
    { name: 'right_of_appeal', description: 'the right of appeal: to whom, how and by when (or that there is none, for no action)', required: true },
    { name: 'appeal_deadline', description: 'the last day to appeal', required: false },
    { name: 'appeal_to', description: 'to whom an appeal is made', required: false },
    { name: 'appeal_how', description: 'how an appeal is made', required: false },
    { name: 'gross_misconduct', description: 'a sentence saying the conduct was found to be gross misconduct (empty otherwise)', required: false },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'I am writing to confirm the outcome of the disciplinary process about your use of social media. Having considered the investigation report, its findings and your response, on {{decision_date}} I decided: {{sanction}}.',
    '{{gross_misconduct}}',
    'The reasons for this decision are:',
    '{{reasons}}',
    '{{warning_period}}',
    '{{right_of_appeal}}',
  ].join('\n\n'),
  sources: (view) => (view.outcome ? [{ recordId: view.outcome.id, at: view.outcome.decidedAt }] : []),
  values(view) {
    const o = view.outcome!;
    const deadline = o.appealDeadline ? letterDate(o.appealDeadline) : '';
    return {
      decision_date: letterDate(o.decidedAt),
      sanction: sanctionLabel(o.sanction),
      reasons: o.rationale ?? '',
      warning_period: warningSentence(o.sanction, o.decidedAt, o.warningExpiresAt),
      right_of_appeal:
        o.sanction === 'no_action'
          ? 'As no action is being taken, there is nothing to appeal against.'
          : `You have the right to appeal against this decision. If you wish to appeal, write to ${APPEAL_TO}, ${APPEAL_HOW}, by ${deadline || 'the date you are given'}. Your appeal will be heard by someone who has not been involved in the case.`,
      appeal_deadline: deadline,
      appeal_to: APPEAL_TO,
      appeal_how: APPEAL_HOW,
      gross_misconduct: o.grossMisconduct ? 'Your conduct was found to be gross misconduct (§12).' : '',
    };
  },
};
