import type { components } from '../../api/schema';
import { ROLE_NAMES } from '../../lib/format';

type Schemas = components['schemas'];
export type CaseView = Schemas['CaseResponse'];
export type Guidance = Schemas['CaseGuidanceResponse'];
export type Involvement = Guidance['involvement'][number];

/** The API's values as people say them (values with the policy's words come from GET /policy instead). */
export { EVIDENCE_KIND_NAMES, FINDING_NAMES, NOTICE_METHOD_NAMES, SENSITIVITY_NAMES } from '../../lib/words';

export const MONITORING_STATUS_NAMES: Record<string, string> = { pending: 'Waiting for a decision', approved: 'Approved', rejected: 'Rejected' };

export const APPEAL_RESULT_NAMES: Record<string, string> = {
  upheld: 'Upheld: the sanction is withdrawn',
  varied: 'Varied: the sanction is replaced',
  dismissed: 'Dismissed: the sanction stands',
};

export const CAPACITY_NAMES: Record<string, string> = { subject: 'Subject of the case', witness: 'Witness' };

/** "the headteacher", "the governors": who takes a decision, in a sentence. */
export const DECIDER_WORDS: Record<string, string> = { headteacher: 'the headteacher', governor: 'the governors' };

/** A role in a sentence: "the deputy headteacher". */
export const roleWords = (role: string | null | undefined): string => (role ? `the ${(ROLE_NAMES[role] ?? role).toLowerCase()}` : 'nobody');

/**
 * How the reader is involved in the case (guidance.involvement), and what that means for them —
 * the API has already applied it to what they see and may do; the page says so.
 */
export function involvementSentence(involvement: Involvement, current: { investigator: boolean }): string {
  switch (involvement) {
    case 'subject':
      return 'You are a subject of this case.';
    case 'reporter':
      return 'You reported this: you do not see other people’s statements or evidence, and you take no decision on it.';
    case 'witness':
      return 'You are a witness in this case: you do not see other people’s statements or evidence, and you take no decision on it.';
    case 'investigator':
      return current.investigator
        ? 'You are the investigating manager of this case: you do not decide its outcome or hear its appeal.'
        : 'You were appointed investigating manager of this case before: you do not decide its outcome or hear its appeal.';
    case 'outcome_decider':
      return 'You decided the outcome of this case: you do not hear its appeal.';
  }
}

/** The audit log's actions, as people say them (an action not listed shows as the API names it). */
export const AUDIT_ACTION_NAMES: Record<string, string> = {
  'report.created': 'Report logged',
  'case.viewed': 'Case viewed',
  'case.triaged': 'Report triaged',
  'safeguarding.referred': 'Safeguarding referral recorded',
  'case.assigned': 'Investigating manager appointed',
  'case.reassigned': 'Investigating manager replaced',
  'allegation.added': 'Allegation recorded',
  'fact.added': 'Fact recorded',
  'interview.recorded': 'Interview recorded',
  'subject.notified': 'Subject notified in writing',
  'subject.responded': 'Subject’s response recorded',
  'finding.recorded': 'Finding recorded',
  'finding.revised': 'Finding revised',
  'investigation.submitted': 'Investigation report submitted',
  'evidence.added': 'Evidence added',
  'evidence.viewed': 'Evidence viewed',
  'evidence.downloaded': 'Evidence downloaded',
  'evidence.handed_over': 'Evidence handed over',
  'evidence.integrity_failed': 'Evidence failed its integrity check',
  'monitoring.requested': 'Monitoring requested',
  'monitoring.approved': 'Monitoring approved',
  'monitoring.rejected': 'Monitoring rejected',
  'monitoring.disclosed': 'Monitoring disclosure recorded',
  'outcome.recorded': 'Outcome recorded',
  'appeal.lodged': 'Appeal lodged',
  'appeal.decided': 'Appeal decided',
  'case.closed': 'Case closed',
  'legal_hold.placed': 'Legal hold placed',
  'legal_hold.lifted': 'Legal hold lifted',
  'case.erased': 'Content erased under the retention policy',
  'summary.viewed': 'Case summary viewed',
  'summary.pdf': 'Case summary downloaded (PDF)',
  'subject_access.case_exported': 'Included in a subject-access export',
};

/** A status's tag colour: what waits (blue), what is decided (green), what is over (grey). */
export const STATUS_COLOURS: Record<string, 'blue' | 'purple' | 'yellow' | 'pink' | 'green' | 'orange' | 'grey'> = {
  reported: 'blue',
  investigation: 'purple',
  awaiting_decision: 'yellow',
  hearing: 'pink',
  decided: 'green',
  appeal: 'orange',
  closed: 'grey',
};
