import type { SchoolCalendar } from '../calendar/school-calendar';
import { addWorkingDays, endOfLocalDay, SCHOOL_TIME_ZONE } from '../calendar/working-days';
import type { PolicyStandard } from '../policy/vocabulary';

export { SCHOOL_TIME_ZONE };

/**
 * §5 "The safeguarding of young people is a priority": a report that involves pupils or may
 * meet the harm threshold is a safeguarding matter. Citing §7.6 (information about pupils)
 * also means pupils are involved, whatever the box says: we err towards safeguarding.
 */
export function isSafeguardingMatter(report: {
  involvesPupils: boolean;
  mayMeetHarmThreshold?: boolean;
  policyStandards: readonly (PolicyStandard | string)[];
}): boolean {
  return report.involvesPupils || report.mayMeetHarmThreshold === true || report.policyStandards.includes('7.6');
}

/**
 * Referral to the designated safeguarding lead / LADO is expected within one working day
 * of the report (domain.md): the end (23:59:59.999, in the calendar's zone) of the next working
 * day of the organisation's calendar — weekends and its nation's bank holidays skipped
 * (process.md §6 "Working days").
 */
export function referralDueBy(reportedAt: Date, calendar: SchoolCalendar): Date {
  return endOfLocalDay(addWorkingDays(reportedAt, 1, calendar.zone, calendar.holidays), calendar.zone);
}
