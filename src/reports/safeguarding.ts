import type { PolicyStandard } from '../policy/vocabulary';

/**
 * §5 "The safeguarding of young people is a priority": a report that involves pupils or may
 * meet the harm threshold is a safeguarding matter. Citing §7.6 (information about pupils)
 * also means pupils are involved, whatever the box says: we err towards safeguarding.
 */
export function isSafeguardingMatter(report: { involvesPupils: boolean; mayMeetHarmThreshold?: boolean; policyStandards: readonly (PolicyStandard | string)[] }): boolean {
  return report.involvesPupils || report.mayMeetHarmThreshold === true || report.policyStandards.includes('7.6');
}

/**
 * Referral to the designated safeguarding lead / LADO is expected within one working day
 * of the report (domain.md): the end of the next working day (Saturday and Sunday skipped;
 * bank holidays are not known to the system).
 */
export function referralDueBy(reportedAt: Date): Date {
  const due = new Date(reportedAt);
  do {
    due.setUTCDate(due.getUTCDate() + 1);
  } while (due.getUTCDay() === 0 || due.getUTCDay() === 6);
  due.setUTCHours(23, 59, 59, 999);
  return due;
}
