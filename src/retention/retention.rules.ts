import type { Sanction } from '../outcomes/outcome.rules';

/**
 * §13 "personal information about an employee is securely retained" — and not for longer
 * than needed. How long a closed case is kept, from its outcome. The periods are
 * configuration (README "Retention"); these are the rules that use them.
 */
export interface RetentionPeriods {
  /** Closed at triage, nothing substantiated, or no formal sanction: after closure. */
  baseMonths: number;
  /** A warning: after it expires. */
  afterWarningMonths: number;
  /** A dismissal: after closure. */
  dismissalYears: number;
  /** Any safeguarding case: at least this long from the report. */
  safeguardingYears: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = { baseMonths: 12, afterWarningMonths: 6, dismissalYears: 6, safeguardingYears: 10 };

export interface ClosedCase {
  reportedAt: Date;
  closedAt: Date;
  safeguarding: boolean;
  /** The sanction in force after any appeal; null when closed at triage. */
  sanction: Sanction | null;
  warningExpiresAt: Date | null;
}

const addMonths = (date: Date, months: number) => {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
};

export function retainUntil(closed: ClosedCase, periods: RetentionPeriods = DEFAULT_RETENTION): Date {
  let until = addMonths(closed.closedAt, periods.baseMonths);
  if ((closed.sanction === 'first_written_warning' || closed.sanction === 'final_written_warning') && closed.warningExpiresAt) {
    until = addMonths(closed.warningExpiresAt, periods.afterWarningMonths);
  }
  if (closed.sanction === 'dismissal_with_notice' || closed.sanction === 'summary_dismissal') {
    until = addMonths(closed.closedAt, periods.dismissalYears * 12);
  }
  if (closed.safeguarding) {
    const floor = addMonths(closed.reportedAt, periods.safeguardingYears * 12);
    if (floor > until) until = floor;
  }
  return until;
}
