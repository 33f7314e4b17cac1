import { COMMON_PLACEHOLDERS, LetterKind, letterDate, sanctionLabel, warningSentence } from '../letter-kind';

/**
 * The appeal outcome letter (ACAS Code: the appeal decision in writing), made from a decided
 * appeal: the result, its reasons and the sanction in force after it. Whoever heard and
 * decided the appeal gives it.
 */
export const APPEAL_OUTCOME_LETTER: LetterKind = {
  kind: 'appeal_outcome',
  title: 'Outcome of your appeal',
  step: 'the appeal decision',
  author: 'appeal_hearer',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    { name: 'appeal_lodged_date', description: 'when the appeal was lodged', required: false },
    { name: 'appeal_decision_date', description: 'when the appeal was decided', required: true },
    { name: 'appeal_result', description: 'the result: upheld, varied (and the new sanction) or dismissed', required: true },
    { name: 'appeal_reasons', description: 'the reasons recorded with the appeal decision', required: true },
    { name: 'sanction_in_force', description: 'the sanction in force after the appeal, in the policy’s words', required: true },
    { name: 'warning_period', description: 'for a warning in force: how long it stays live (empty otherwise)', required: false },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'Thank you for your appeal of {{appeal_lodged_date}} against the outcome of the disciplinary process. It was heard by someone who had not been involved in the case, and decided on {{appeal_decision_date}}.',
    '{{appeal_result}}',
    'The reasons for this decision are:',
    '{{appeal_reasons}}',
    'The sanction now in force is: {{sanction_in_force}}.',
    '{{warning_period}}',
    'This decision is final: there is no further right of appeal under the school’s procedure.',
  ].join('\n\n'),
  sources: (view) => view.appeals.filter((a) => a.result !== null && a.decidedAt !== null).map((a) => ({ recordId: a.id, at: a.decidedAt! })),
  values(view, recordId) {
    const appeal = view.appeals.find((a) => a.id === recordId)!;
    const original = view.outcome;
    const inForce = appeal.result === 'upheld' ? 'no_action' : appeal.result === 'varied' ? appeal.newSanction : (original?.sanction ?? null);
    const expires = appeal.result === 'varied' ? appeal.newWarningExpiresAt : appeal.result === 'dismissed' ? (original?.warningExpiresAt ?? null) : null;
    const result =
      appeal.result === 'upheld'
        ? 'Your appeal is upheld: the sanction is withdrawn.'
        : appeal.result === 'varied'
          ? `Your appeal is upheld in part: the sanction is changed to: ${sanctionLabel(appeal.newSanction)}.`
          : 'Your appeal is dismissed: the original decision stands.';
    return {
      appeal_lodged_date: letterDate(appeal.lodgedAt),
      appeal_decision_date: letterDate(appeal.decidedAt!),
      appeal_result: result,
      appeal_reasons: appeal.rationale ?? '',
      sanction_in_force: sanctionLabel(inForce),
      warning_period: warningSentence(inForce, appeal.decidedAt!, expires),
    };
  },
};
