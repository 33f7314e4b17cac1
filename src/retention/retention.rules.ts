import type { Sanction } from '../outcomes/outcome.rules';
import { onlyMaliciousOrFalse } from '../kcsie/kcsie-findings';

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
  /** Any safeguarding case: at least this long from the report (KCSIE Part 4: unless every allegation was malicious or false). */
  safeguardingYears: number;
  /** A safeguarding case with a substantiated finding: at least this long from the report (KCSIE Part 4: 10 years, or to pension age if longer). */
  substantiatedSafeguardingYears: number;
}

export const DEFAULT_RETENTION: RetentionPeriods = {
  baseMonths: 12,
  afterWarningMonths: 6,
  dismissalYears: 6,
  safeguardingYears: 10,
  substantiatedSafeguardingYears: 10,
};

export interface ClosedCase {
  reportedAt: Date;
  closedAt: Date;
  safeguarding: boolean;
  /** The sanction in force after any appeal; null when closed at triage. */
  sanction: Sanction | null;
  warningExpiresAt: Date | null;
  /** The findings on its allegations (KCSIE Part 4 categories on a safeguarding case); none when closed at triage. */
  findings?: ReadonlyArray<string | null>;
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
  // KCSIE 4: malicious and false allegations leave the record — no safeguarding floor, the outcome's own period only.
  if (closed.safeguarding && !onlyMaliciousOrFalse(closed.findings ?? [])) {
    const substantiated = (closed.findings ?? []).includes('substantiated');
    const years = substantiated ? Math.max(periods.safeguardingYears, periods.substantiatedSafeguardingYears) : periods.safeguardingYears;
    const floor = addMonths(closed.reportedAt, years * 12);
    if (floor > until) until = floor;
  }
  return until;
}
