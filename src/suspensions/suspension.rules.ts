import { DomainError } from '../common/errors/domain-error';

/**
 * Precautionary suspension (process.md §1, last bullet; ACAS Code; KCSIE Part 4): the acting
 * decision-maker may suspend a subject of the case on full pay during the process, saying why
 * and which alternatives were considered. It has a review date at most 4 weeks ahead, and is
 * reviewed (continue, with reasons, or end) by then; it is not a sanction and ends at the
 * latest with the outcome.
 */

/** Why a suspension is needed (process.md §1): a risk to pupils, to the evidence, to the investigation. */
export const SUSPENSION_GROUNDS = ['risk_to_pupils', 'risk_to_evidence', 'risk_to_investigation'] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

export const REVIEW_DECISIONS = ['continue', 'end'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** How a suspension ended: on review, with the outcome (never later), or by lapsing (no review by its date). */
export const SUSPENSION_END_REASONS = ['review', 'outcome'] as const;
export type SuspensionEndReason = (typeof SUSPENSION_END_REASONS)[number];

export const SUSPENSION_STATUSES = ['active', 'ended', 'lapsed'] as const;
export type SuspensionStatus = (typeof SUSPENSION_STATUSES)[number];

/** process.md §1: the review date is at most 4 weeks ahead (28 calendar days). */
export const MAX_REVIEW_DAYS = 28;
const DAY_MS = 86_400_000;

/**
 * process.md §1 "during the process": a case may have a suspension recorded while it is
 * reported, under investigation, awaiting the decision or at its hearing — never once the
 * outcome is recorded (the suspension ends with it). `hearing` is the hearings work's status
 * (lifecycle.ts); listed here as a string so this compiles before and after it lands.
 */
export const SUSPENDABLE_STATUSES: readonly string[] = ['reported', 'investigation', 'awaiting_decision', 'hearing'];

export function maySuspendDuring(status: string): boolean {
  return SUSPENDABLE_STATUSES.includes(status);
}

/** process.md §1: refused once the outcome is recorded (409 `invalid_transition`). */
export function requireSuspendable(status: string): void {
  if (!maySuspendDuring(status)) {
    throw DomainError.conflict(
      'invalid_transition',
      `A case that is ${status.replace(/_/g, ' ')} cannot have a suspension recorded: a precautionary suspension is for the time of the process, and ends at the latest with the outcome.`,
    );
  }
}

/**
 * process.md §1: the review date is after `from` (the start, or the review that continues it)
 * and at most 4 weeks (28 days) after it — or the fewer days the organisation set
 * (`suspensionReviewMaxDays`, docs/tasks.md); and not already past, or the suspension would have
 * lapsed as it was recorded. What is wrong, or null.
 */
export function reviewByProblem(reviewBy: Date, from: Date, now: Date, maxDays: number = MAX_REVIEW_DAYS): string | null {
  if (reviewBy.getTime() <= from.getTime()) return `must be after ${from.toISOString()}`;
  if (reviewBy.getTime() > from.getTime() + maxDays * DAY_MS) {
    const limit = maxDays === MAX_REVIEW_DAYS ? `4 weeks (${maxDays} days)` : `${maxDays} days (the organisation's review period)`;
    return `must be at most ${limit} after ${from.toISOString()}`;
  }
  if (reviewBy.getTime() <= now.getTime()) return 'is already past: the suspension would lapse at once';
  return null;
}

/** reviewByProblem as a 400 naming the field. */
export function requireReviewBy(field: string, reviewBy: Date, from: Date, now: Date, maxDays: number = MAX_REVIEW_DAYS): void {
  const problem = reviewByProblem(reviewBy, from, now, maxDays);
  if (problem) throw DomainError.invalidField(field, problem);
}

/** The suspension as its status rules read it. */
export interface SuspensionState {
  /** The review date in force: the latest continuing review's, or the one set at the start. */
  reviewBy: Date;
  endedAt: Date | null;
}

/**
 * process.md §1 "must be reviewed … or ended by then": a suspension not ended and not reviewed
 * by its review date has lapsed — ended by the rule, on that date. Ended: by a review or the outcome.
 */
export function suspensionStatus(s: SuspensionState, now: Date): SuspensionStatus {
  if (s.endedAt !== null) return 'ended';
  return now.getTime() > s.reviewBy.getTime() ? 'lapsed' : 'active';
}

/** One active suspension per subject at a time (409 `already_suspended`); a lapsed or ended one may be followed by a new one. */
export function requireNotSuspended(existing: readonly SuspensionState[], now: Date): void {
  if (existing.some((s) => suspensionStatus(s, now) === 'active')) {
    throw DomainError.conflict('already_suspended', 'This person is already suspended on this case: review that suspension (continue or end it) instead.');
  }
}

/**
 * A review is of an active suspension: an ended one is over (409 `suspension_ended`); a lapsed
 * one was not reviewed by its date, and is over too (409 `suspension_lapsed`: record a new suspension if one is still needed).
 */
export function requireReviewable(s: SuspensionState, now: Date): void {
  const status = suspensionStatus(s, now);
  if (status === 'ended') throw DomainError.conflict('suspension_ended', 'This suspension has ended: there is nothing to review.');
  if (status === 'lapsed') {
    throw DomainError.conflict(
      'suspension_lapsed',
      `This suspension lapsed on ${s.reviewBy.toISOString()}: it was not reviewed by its review date. If a suspension is still needed, record a new one.`,
    );
  }
}

/** A review that continues the suspension sets the next review date; one that ends it sets none (400 naming `reviewBy`). */
export function reviewDecisionProblem(r: { decision: ReviewDecision; reviewBy?: string }): { field: string; message: string } | null {
  if (r.decision === 'continue' && r.reviewBy === undefined)
    return { field: 'reviewBy', message: 'is required to continue the suspension: the next review date' };
  if (r.decision === 'end' && r.reviewBy !== undefined) return { field: 'reviewBy', message: 'is only for a review that continues the suspension' };
  return null;
}

/** The suspension is of a subject of the case (400 naming `subjectStaffId`). */
export function requireCaseSubject(subjectStaffId: string, subjects: readonly string[]): void {
  if (!subjects.includes(subjectStaffId)) throw DomainError.invalidField('subjectStaffId', 'is not a subject of this case');
}
