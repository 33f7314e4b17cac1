import { DomainError } from '../common/errors/domain-error';

/** The barring bodies a dismissal on a safeguarding case may be referred to: the DBS, and for a teacher the TRA. */
export const BARRING_BODIES = ['dbs', 'tra'] as const;
export type BarringBody = (typeof BARRING_BODIES)[number];

const DISMISSALS: ReadonlySet<string> = new Set(['dismissal_with_notice', 'summary_dismissal']);

export interface ClosingCase {
  safeguarding: boolean;
  /** The sanction in force once this step is taken (after any appeal). */
  sanctionInForce: string | null;
  /** A subject of the case is a teacher (staff record's `teacher` flag). */
  teacherSubject: boolean;
  /** The bodies whose referral decision is on record. */
  decided: ReadonlySet<BarringBody>;
}

/**
 * KCSIE 4 (process.md §3): a safeguarding case ending in dismissal (the sanction in force,
 * after any appeal) cannot close until the decision on a referral to the DBS is recorded
 * (referred and when, or not and why) — and, when a subject is a teacher, to the TRA too.
 * The bodies whose decision is still missing; empty when the case may close.
 */
export function referralDecisionsMissing(c: ClosingCase): BarringBody[] {
  if (!c.safeguarding || c.sanctionInForce === null || !DISMISSALS.has(c.sanctionInForce)) return [];
  const needed: BarringBody[] = c.teacherSubject ? ['dbs', 'tra'] : ['dbs'];
  return needed.filter((body) => !c.decided.has(body));
}

const NAMES: Record<BarringBody, string> = { dbs: 'the DBS', tra: 'the TRA (the subject is a teacher)' };

/** referralDecisionsMissing as the close paths' refusal: 409 `referral_decision_required`, naming what is missing. */
export function requireReferralDecisions(c: ClosingCase): void {
  const missing = referralDecisionsMissing(c);
  if (missing.length === 0) return;
  throw DomainError.conflict(
    'referral_decision_required',
    `A safeguarding case ending in dismissal closes only once the referral decision is recorded (KCSIE Part 4) for ${missing.map((b) => NAMES[b]).join(' and ')}: ` +
      'POST /cases/:id/referral-decisions.',
  );
}

/** A referral decision is complete: referred with the date it was made, or not referred with the reason. */
export function referralDecisionProblem(d: { referred: boolean; referredAt?: string; reasonNotReferred?: string }): { field: string; message: string } | null {
  if (d.referred && d.referredAt === undefined) return { field: 'referredAt', message: 'is required when the referral was made' };
  if (d.referred && d.reasonNotReferred !== undefined) return { field: 'reasonNotReferred', message: 'is only for a decision not to refer' };
  if (!d.referred && d.reasonNotReferred === undefined) return { field: 'reasonNotReferred', message: 'is required when no referral is made: say why' };
  if (!d.referred && d.referredAt !== undefined) return { field: 'referredAt', message: 'is only for a referral that was made' };
  return null;
}
