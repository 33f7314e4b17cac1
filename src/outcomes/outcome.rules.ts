import type { SchoolCalendar } from '../calendar/school-calendar';
import { addMonths, addWorkingDays } from '../calendar/working-days';
import { DomainError } from '../common/errors/domain-error';

/**
 * The outcome and the appeal (§12, §6; ACAS Code of Practice). Pure rules, one place each.
 * §6: "a range of sanctions … from addressing the matter informally to summary dismissal
 * for gross misconduct". §12: serious breaches "may constitute gross misconduct and lead
 * to summary dismissal".
 */
export const SANCTIONS = [
  'no_action',
  'informal_action',
  'first_written_warning',
  'final_written_warning',
  'dismissal_with_notice',
  'summary_dismissal',
] as const;
export type Sanction = (typeof SANCTIONS)[number];

export const APPEAL_RESULTS = ['upheld', 'varied', 'dismissed'] as const;
/** upheld: the appeal succeeds and the sanction is withdrawn; varied: a lesser sanction replaces it; dismissed: it stands. */
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export const severity = (sanction: Sanction): number => SANCTIONS.indexOf(sanction);
export const isWarning = (sanction: Sanction): boolean => sanction === 'first_written_warning' || sanction === 'final_written_warning';
export const isDismissal = (sanction: Sanction): boolean => sanction === 'dismissal_with_notice' || sanction === 'summary_dismissal';

export interface OutcomeInput {
  sanction: Sanction;
  grossMisconduct: boolean;
  rationale: string;
  decidedAt: Date;
  communicatedAt?: Date;
  warningExpiresAt?: Date;
  appealDeadline?: Date;
}

/**
 * Checks an outcome against the findings. Inconsistent input is a 400 naming the field;
 * a sanction the findings cannot carry is a 409.
 */
export function checkOutcome(outcome: OutcomeInput, substantiatedFindings: number): void {
  const { sanction } = outcome;
  if (sanction === 'summary_dismissal' && !outcome.grossMisconduct) {
    throw DomainError.invalidField('grossMisconduct', 'summary dismissal is for gross misconduct only (§6, §12)');
  }
  if (isWarning(sanction) && !outcome.warningExpiresAt) throw DomainError.invalidField('warningExpiresAt', 'a warning needs an expiry');
  if (!isWarning(sanction) && outcome.warningExpiresAt) throw DomainError.invalidField('warningExpiresAt', 'only warnings expire');
  if (outcome.warningExpiresAt && outcome.warningExpiresAt <= outcome.decidedAt)
    throw DomainError.invalidField('warningExpiresAt', 'must be after the decision');
  if (sanction !== 'no_action' && !outcome.appealDeadline) {
    throw DomainError.invalidField('appealDeadline', 'every sanction above no action carries the right of appeal and its deadline');
  }
  if (sanction === 'no_action' && outcome.appealDeadline) throw DomainError.invalidField('appealDeadline', 'no action carries no appeal');
  if (outcome.appealDeadline && outcome.appealDeadline <= outcome.decidedAt) throw DomainError.invalidField('appealDeadline', 'must be after the decision');
  if (outcome.communicatedAt && outcome.communicatedAt < outcome.decidedAt) throw DomainError.invalidField('communicatedAt', 'cannot be before the decision');
  if ((outcome.grossMisconduct || isDismissal(sanction)) && substantiatedFindings === 0) {
    throw DomainError.conflict(
      'no_substantiated_finding',
      'Gross misconduct and dismissal need at least one substantiated finding for the rationale to rest on (domain.md "Outcome").',
    );
  }
}

/** An appeal is lodged against a sanction, once, on or before its deadline. */
export function checkAppealLodging(outcome: { sanction: Sanction; appealDeadline: Date | null }, lodgedAt: Date): void {
  if (outcome.sanction === 'no_action' || !outcome.appealDeadline) {
    throw DomainError.conflict('not_appealable', 'There is no sanction to appeal against.');
  }
  if (lodgedAt > outcome.appealDeadline) {
    throw DomainError.conflict('appeal_out_of_time', `The appeal deadline was ${outcome.appealDeadline.toISOString()}.`);
  }
}

/**
 * The bounds a school sets on the appeal deadline (domain.md "Dates the API is told"), from
 * configuration: APPEAL_DEADLINE_MIN_WORKING_DAYS and APPEAL_DEADLINE_MAX_MONTHS.
 */
export interface AppealDeadlineBounds {
  /** the deadline is at least this many working days after the decision was communicated */
  minWorkingDays: number;
  /** and at most this many calendar months after it */
  maxMonths: number;
}
export const DEFAULT_APPEAL_DEADLINE_BOUNDS: AppealDeadlineBounds = { minWorkingDays: 5, maxMonths: 3 };

/**
 * §12 (the decision is communicated "with the right of appeal and its deadline"); domain.md
 * "Dates the API is told": an appeal deadline at least `minWorkingDays` working days (of the
 * organisation's calendar, process.md §6: its nation's bank holidays skipped) after the decision was communicated — or decided, when it has not been
 * communicated yet — and at most `maxMonths` months after it. A deadline a second after the
 * decision would let the case close at once; one in 2999 would keep it open for ever.
 * 400 naming appealDeadline.
 */
export function checkAppealDeadline(
  outcome: { decidedAt: Date; communicatedAt?: Date; appealDeadline?: Date },
  bounds: AppealDeadlineBounds,
  calendar: SchoolCalendar,
): void {
  const deadline = outcome.appealDeadline;
  if (!deadline) return;
  const from = outcome.communicatedAt ?? outcome.decidedAt;
  const what = outcome.communicatedAt
    ? `the decision was communicated (${from.toISOString()})`
    : `the decision (${from.toISOString()}), which has not been communicated yet`;
  const earliest = addWorkingDays(from, bounds.minWorkingDays, calendar.zone, calendar.holidays);
  if (deadline < earliest) {
    throw DomainError.invalidField(
      'appealDeadline',
      `must be at least ${bounds.minWorkingDays} working days after ${what}: ${earliest.toISOString()} or later`,
    );
  }
  const latest = addMonths(from, bounds.maxMonths);
  if (deadline > latest) {
    throw DomainError.invalidField('appealDeadline', `must be at most ${bounds.maxMonths} months after ${what}: ${latest.toISOString()} or earlier`);
  }
}

/**
 * The bound a school sets on a warning's life (domain.md "Dates the API is told": "deadlines
 * and periods within bounds a school would set"), from configuration: WARNING_MAX_MONTHS.
 */
export interface WarningBounds {
  /** a warning expires at most this many calendar months after it is given */
  maxMonths: number;
}
/**
 * 24 months. The ACAS guide "Discipline and grievances at work" describes a first written
 * warning commonly kept live for 6 months and a final written warning for 12; some schools'
 * policies keep a final warning live longer for serious misconduct. Two years allows that
 * ordinary practice, while a warning "expiring" in 2999 — which would keep the case from
 * ever being erased, since retention counts from the warning's expiry (§13) — is refused.
 */
export const DEFAULT_WARNING_BOUNDS: WarningBounds = { maxMonths: 24 };

/**
 * §12 ("A warning has an expiry", domain.md "Outcome"); domain.md "Dates the API is told": a
 * warning's expiry is at most `maxMonths` months after the warning is given — the outcome's
 * decision, or an appeal's decision varying the sanction to a warning. Retention counts from
 * the expiry (§13), so an unbounded one would keep the case for ever. 400 naming warningExpiresAt.
 */
export function checkWarningExpiry(warning: { givenAt: Date; warningExpiresAt?: Date }, bounds: WarningBounds): void {
  if (!warning.warningExpiresAt) return;
  const latest = addMonths(warning.givenAt, bounds.maxMonths);
  if (warning.warningExpiresAt > latest) {
    throw DomainError.invalidField(
      'warningExpiresAt',
      `a warning expires at most ${bounds.maxMonths} months after it is given (${warning.givenAt.toISOString()}): ${latest.toISOString()} or earlier`,
    );
  }
}

/**
 * domain.md "Dates the API is told": "A record stated as made before a deadline but entered
 * after the deadline passed needs a late-entry reason, which is audited." Whatever the
 * record says of itself (an appeal's lodgedAt), being entered once the deadline has passed
 * needs `lateEntryReason` (400 naming it when missing); a record entered in time carries none.
 */
export function checkLateEntry(record: { statedAt: Date; deadline: Date; enteredAt: Date; lateEntryReason?: string }): void {
  const late = record.statedAt <= record.deadline && record.enteredAt > record.deadline;
  if (late && !record.lateEntryReason) {
    throw DomainError.invalidField(
      'lateEntryReason',
      `the deadline (${record.deadline.toISOString()}) has passed: a record entered after it needs a late-entry reason, whatever date it states`,
    );
  }
  if (!late && record.lateEntryReason) throw DomainError.invalidField('lateEntryReason', 'only a record entered after its deadline has passed is late');
}

export interface AppealDecisionInput {
  result: AppealResult;
  newSanction?: Sanction;
  warningExpiresAt?: Date;
}

/** ACAS: an appeal may confirm, withdraw or reduce a sanction, never make it harsher. */
export function checkAppealDecision(original: Sanction, decision: AppealDecisionInput): void {
  if (decision.result !== 'varied') {
    if (decision.newSanction) throw DomainError.invalidField('newSanction', 'only a varied result names a new sanction');
    if (decision.warningExpiresAt) throw DomainError.invalidField('warningExpiresAt', 'only a varied result to a warning sets an expiry');
    return;
  }
  if (!decision.newSanction) throw DomainError.invalidField('newSanction', 'a varied result names the new sanction');
  if (severity(decision.newSanction) >= severity(original)) {
    throw DomainError.conflict('appeal_cannot_increase_sanction', `On appeal a ${original.replace(/_/g, ' ')} can only be reduced.`);
  }
  if (isWarning(decision.newSanction) && !decision.warningExpiresAt) throw DomainError.invalidField('warningExpiresAt', 'a warning needs an expiry');
  if (!isWarning(decision.newSanction) && decision.warningExpiresAt) throw DomainError.invalidField('warningExpiresAt', 'only warnings expire');
}

/** The sanction in force after any appeal. */
export function sanctionInForce(original: Sanction, appeal: { result: AppealResult | null; newSanction: Sanction | null } | null): Sanction {
  if (!appeal || appeal.result === null || appeal.result === 'dismissed') return original;
  if (appeal.result === 'upheld') return 'no_action';
  return appeal.newSanction ?? original;
}

/** The decision-maker closes a decided case once the appeal window has passed (an appeal, when lodged, closes it itself). */
export function checkClosable(outcome: { appealDeadline: Date | null }, now: Date): void {
  if (outcome.appealDeadline && now <= outcome.appealDeadline) {
    throw DomainError.conflict('appeal_window_open', `The appeal window is open until ${outcome.appealDeadline.toISOString()}.`);
  }
}
