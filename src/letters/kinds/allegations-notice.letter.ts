import { COMMON_PLACEHOLDERS, LetterKind, allegationClause, letterDate, numbered } from '../letter-kind';

/**
 * The written notice of the allegations (ACAS Code: the employee is told in writing of the
 * allegations), made from a notice record of the investigation (POST /cases/:id/subject-notifications):
 * the allegations it names, with the clause of the policy each is made under. The investigating
 * manager gives it.
 */
export const ALLEGATIONS_NOTICE: LetterKind = {
  kind: 'allegations_notice',
  title: 'Notice of the allegations',
  step: 'written notice of the allegations (investigation)',
  author: 'investigator',
  placeholders: [
    ...COMMON_PLACEHOLDERS,
    { name: 'allegations', description: 'the allegations the notice names, numbered, each with the clause of the policy it is made under', required: true },
    { name: 'notice_date', description: 'the date of the notice record', required: false },
  ],
  defaultBody: [
    'Dear {{subject_name}},',
    'I am writing to tell you that concerns have been raised about your use of social media, and that they are being investigated under the school’s social media policy and its disciplinary procedure. The allegations are:',
    '{{allegations}}',
    'These are allegations only: no decision has been made. An investigating manager has been appointed to establish the facts (§4). You will be able to give your account and respond to each allegation before anything is decided, and you will be told in writing of any further step.',
    'Please keep this matter confidential, and do not discuss it with colleagues, pupils or parents. If you have any question about the process, please contact {{signatory_name}}.',
  ].join('\n\n'),
  sources: (view) => view.subjectNotifications.map((n) => ({ recordId: n.id, at: n.sentAt })),
  values(view, recordId) {
    const notice = view.subjectNotifications.find((n) => n.id === recordId)!;
    const named = view.allegations.filter((a) => notice.allegationIds.includes(a.id));
    return {
      allegations: numbered(named.map((a) => (allegationClause(a) ? `${a.summary} (${allegationClause(a)})` : a.summary))),
      notice_date: letterDate(notice.sentAt),
    };
  },
};
