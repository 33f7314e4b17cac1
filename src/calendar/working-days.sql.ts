import { SCHOOL_TIME_ZONE } from './working-days';

/**
 * The school's working days in SQL: the twin of working-days.ts `workingDaysBetween`, for
 * statements that count working days over many rows at once (GET /statistics). The same
 * rule: Monday to Friday of the school's time zone (Europe/London), minus the holidays the
 * caller passes (local dates, as `date[]`: the same set working-days.ts takes). Held equal
 * to the TypeScript function by test/e2e/statistics.e2e-spec.ts ("working days in SQL"),
 * over weekends, holidays and both clock changes.
 *
 * No calendar table and no loop: a date's **working-day number** N(d) is the number of
 * working days from Monday 1 January 1900 up to and including d — the weekdays, in closed
 * form (5 per whole week, then the days of d's week up to Friday), less the holidays on a
 * weekday up to d, counted by a binary search of the sorted holidays (`width_bucket`). The
 * working days after a up to and including b are N(b) − N(a). Dates from 1900 on (the API
 * takes years 1900–2999).
 */

/** SQL: the school's local date (`date`) of a `timestamptz` expression. */
export function localDateSql(instant: string): string {
  return `(${instant} AT TIME ZONE '${SCHOOL_TIME_ZONE}')::date`;
}

/**
 * The holidays to count, as the thresholds `width_bucket` needs: those on a weekday (a
 * holiday on a Saturday takes no working day away), once each, in order. Pass the result as
 * a `date[]` parameter: a plain parameter keeps the statement parallel-safe.
 */
export function weekdayHolidays(holidays: Iterable<string>): string[] {
  const weekday = (date: string) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  };
  return [...new Set(holidays)].filter(weekday).sort();
}

/** SQL: N(d) of a `date` expression; `holidays` a `date[]` expression of `weekdayHolidays`. NULL for NULL. */
export function workingDayNumberSql(date: string, holidays: string): string {
  const days = `(${date} - DATE '1900-01-01')`; // 1 January 1900 was a Monday
  return `(5 * (${days} / 7) + least(${days} % 7 + 1, 5) - width_bucket(${date}, ${holidays}::date[]))`;
}

/**
 * SQL: `workingDaysBetween` of two local dates (`date` expressions): the working days after
 * `fromDate` up to and including `toDate`, negative when `toDate` is earlier; NULL when either
 * is NULL.
 */
export function workingDaysBetweenSql(fromDate: string, toDate: string, holidays: string): string {
  return `(${workingDayNumberSql(toDate, holidays)} - ${workingDayNumberSql(fromDate, holidays)})`;
}
