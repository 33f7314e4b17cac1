import { DomainError } from '../common/errors/domain-error';
import { CaseFacts, involvementOf, Person } from '../access/conflicts';
import { findingsToRestate, KCSIE_FINDINGS } from '../kcsie/kcsie-findings';

/**
 * The investigating manager's rules (§4 "establish the facts … in a fair and unbiased
 * way"; ACAS Code: the employee is told of the allegations in writing and may respond
 * before any decision). Pure functions, each used in one place.
 */
export const FINDINGS = ['substantiated', 'not_substantiated', 'inconclusive'] as const;
/** Every finding an allegation can carry: the ordinary ones, and KCSIE Part 4's for safeguarding allegations (src/kcsie). */
export const RECORDABLE_FINDINGS = [...FINDINGS, ...KCSIE_FINDINGS.filter((f) => f !== 'substantiated')] as const;
export type Finding = (typeof FINDINGS)[number] | (typeof KCSIE_FINDINGS)[number];

export const INTERVIEW_CAPACITIES = ['subject', 'witness'] as const;
export type InterviewCapacity = (typeof INTERVIEW_CAPACITIES)[number];

/** Written notice only: the ACAS Code asks for the allegations in writing. */
export const NOTICE_METHODS = ['letter', 'email', 'hand_delivered'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/**
 * §4, domain.md "Conflicts of interest": the investigating manager must be an active
 * account holding that role, and must not be a subject, the reporter or a witness of the
 * case — through any staff record linked to them.
 */
export function assignmentConflict(candidate: Person & { roles: readonly string[]; active: boolean }, facts: CaseFacts): string | null {
  if (!candidate.active) return 'that user is deactivated';
  if (!candidate.roles.includes('investigating_manager')) return 'only an investigating manager can be appointed';
  const involvement = involvementOf(candidate, facts);
  for (const capacity of ['subject', 'reporter', 'witness'] as const) {
    if (involvement.has(capacity)) return `the investigating manager cannot be ${capacity === 'reporter' ? 'the reporter' : `a ${capacity}`} of the case`;
  }
  return null;
}

/** Refuses a new witness who is the case's own investigating manager (checked whenever one is added). */
export function requireWitnessNotInvestigator(witnessStaffId: string, investigator: Person | null): void {
  if (investigator && investigator.staffIds.includes(witnessStaffId)) {
    throw DomainError.conflict('conflict_of_interest', 'The investigating manager cannot be a witness of their own case; appoint another investigator first.');
  }
}

export interface InvestigationState {
  allegations: ReadonlyArray<{ id: string; finding: Finding | null }>;
  notifiedAllegationIds: ReadonlySet<string>;
  /** Responses (or recorded refusals) received. */
  responses: number;
  /** The case is a safeguarding matter (KCSIE Part 4 findings). */
  safeguarding?: boolean;
}

/** The steps of an investigation that can stand between it and the decision-maker (each blocker names its step). */
export const SUBMISSION_STEPS = ['allegations', 'notice', 'response', 'findings'] as const;
export type SubmissionStep = (typeof SUBMISSION_STEPS)[number];

/** One thing missing before the report may go: the step it belongs to, and what is missing, in words. */
export interface SubmissionBlocker {
  step: SubmissionStep;
  description: string;
}

/**
 * What still stands between the investigation and the decision-maker (domain.md
 * "Investigation"): at least one allegation, the subject told of each in writing, their
 * response or refusal recorded, and a finding on each. Empty when the report may go.
 */
export function submissionMissing(state: InvestigationState): SubmissionBlocker[] {
  const missing: SubmissionBlocker[] = [];
  if (state.allegations.length === 0) missing.push({ step: 'allegations', description: 'no allegation has been recorded' });
  const unnotified = state.allegations.filter((a) => !state.notifiedAllegationIds.has(a.id)).length;
  if (unnotified) missing.push({ step: 'notice', description: `the subject has not been notified in writing of ${unnotified} allegation(s)` });
  if (state.responses === 0) missing.push({ step: 'response', description: "the subject's response (or refusal to respond) has not been recorded" });
  const unfound = state.allegations.filter((a) => a.finding === null).length;
  if (unfound) missing.push({ step: 'findings', description: `${unfound} allegation(s) have no finding` });
  const restate = findingsToRestate(
    state.allegations.map((a) => a.finding),
    state.safeguarding === true,
  );
  if (restate) missing.push({ step: 'findings', description: `${restate} finding(s) to restate in KCSIE's categories: the case is a safeguarding matter` });
  return missing;
}

/** submissionMissing in words only (the 409 submission_blocked detail, guidance.submission.blockers). */
export function submissionBlockers(state: InvestigationState): string[] {
  return submissionMissing(state).map((blocker) => blocker.description);
}
