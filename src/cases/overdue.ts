import type { SchoolCalendar } from '../calendar/school-calendar';
import { localDateOf, startOfLocalDate } from '../calendar/working-days';
import { referralDueBy } from '../reports/safeguarding';
import { referralRecordedSql } from '../triage/referral-view';

/**
 * `GET /cases?overdue=true`: a case is overdue when one of its deadlines has passed. Today
 * there is one: the safeguarding referral (§5), due by `referralDueBy(reported, calendar)` — the case
 * view's `safeguarding.referralOverdue`. More deadlines (another issue) join here.
 *
 * `referralDueBy` depends only on the local date a case was reported and never decreases as
 * that date moves on, so "due before `now`" is "reported before a cutoff": the local midnight
 * that begins the first day whose cases are not due yet. The list asks `created_at < cutoff`,
 * which an index answers, instead of computing a deadline per row in SQL (a second copy of
 * the working-day rule that could drift from the first).
 *
 * The cutoff is the organisation's: its calendar (process.md §6, its nation's bank holidays)
 * decides which days are working days, so the list and the statistics pass the calendar of the
 * organisation they read. The loop walks back from today one local day at a time: at most a few
 * days (a weekend and the bank holidays next to it — four at Christmas 2027).
 */
export function referralOverdueCutoff(now: Date, calendar: SchoolCalendar): Date {
  const zone = calendar.zone; // referralDueBy's
  let day = localDateOf(now, zone);
  for (let steps = 0; steps < 400; steps++) {
    const start = startOfLocalDate(day, zone);
    if (referralDueBy(start, calendar).getTime() < now.getTime()) return startOfLocalDate(day, zone, 1);
    day = localDateOf(new Date(start.getTime() - 1), zone);
  }
  throw new Error(`referralOverdueCutoff: no day before ${now.toISOString()} is past its referral deadline`);
}

/**
 * SQL: case `c` (an alias of `cases`) is overdue at the instant whose `referralOverdueCutoff`
 * is `cutoff` (a placeholder of a timestamptz): a safeguarding case, not erased (nothing is
 * overdue on a tombstone), reported before the cutoff, with no referral on record. The one
 * predicate of `GET /cases?overdue=` and of the statistics' overdue count.
 */
export function overdueCaseSql(c: string, cutoff: string): string {
  return `(${c}.safeguarding AND ${c}.erased_at IS NULL AND ${c}.created_at < ${cutoff}::timestamptz AND NOT ${referralRecordedSql(`${c}.id`)})`;
}
