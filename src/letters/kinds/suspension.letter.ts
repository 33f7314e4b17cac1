import type { SuspensionResponse } from '../../suspensions/dto/suspension.dto';
import type { SuspensionGround } from '../../suspensions/suspension.rules';
import { COMMON_PLACEHOLDERS, LetterKind, letterDate, numbered } from '../letter-kind';

/** Each ground of a suspension (process.md §1) as the letter says it. */
export const SUSPENSION_GROUND_WORDS: Record<SuspensionGround, string> = {
  risk_to_pupils: 'a risk to pupils',
  risk_to_evidence: 'a risk to the evidence',
  risk_to_investigation: 'a risk to the investigation',
};

/**
 * The suspension letter (process.md §1 and §2; ACAS Code; KCSIE Part 4), made from a suspension
 * record (POST /cases/:id/suspensions): the suspension on full pay from its start, its grounds and
 * reasons, that it is neither a sanction nor a finding, the review date set at the start, and whom
 * to contact. The acting decision-maker gives it.
 */
export const SUSPENSION_LETTER: LetterKind = {
  kind: 'suspension',
  title: 'Precautionary suspension on full pay',
  step: 'suspension on full pay, with its review date (process.md §1)',
  author: 'decision_maker',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    { name: 'start_date', description: 'the date the suspension starts', required: true },
    { name: 'grounds', description: 'why a suspension is needed, numbered: a risk to pupils, to the evidence, to the investigation', required: true },
    { name: 'reasons', description: 'the reasons recorded with the suspension', required: false },
    { name: 'review_date', description: 'the date by which the suspension will be reviewed (at most 4 weeks after the start)', required: true },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'I am writing to confirm that you are suspended from work on full pay from {{start_date}}, as a precaution while the concerns raised about your use of social media are dealt with under the school’s social media policy and its disciplinary procedure.',
    'I have decided that a suspension is needed because of:',
    '{{grounds}}',
    '{{reasons}}',
    'Suspension is not a disciplinary sanction, and it is not a finding that you have done anything wrong: no decision has been made about the allegations. It is not automatic: the alternatives to suspending you were considered first.',
    'Your suspension will be reviewed by {{review_date}}, and you will be told in writing whether it continues or ends. It ends, at the latest, when the outcome of the process is decided.',
    'While suspended you remain employed, with your normal pay and benefits. Please do not come to the school, or contact pupils, parents or colleagues about this matter, unless you are asked to; you may contact your trade union representative or a work colleague for support.',
    'If you have any question, please contact {{signatory_name}}.',
  ].join('\n\n'),
  sources: (view) => view.suspensions.map((s) => ({ recordId: s.id, at: s.startsAt, to: s.subjectStaffId })),
  values(view, recordId) {
    const s: SuspensionResponse = view.suspensions.find((x) => x.id === recordId)!;
    return {
      start_date: letterDate(s.startsAt),
      grounds: numbered(s.grounds.map((g) => SUSPENSION_GROUND_WORDS[g])),
      reasons: s.reasons ?? '',
      review_date: letterDate(s.firstReviewBy),
    };
  },
};
