import { SCHOOL_TIME_ZONE } from './working-days';

/**
 * The school's working days in SQL: the twin of working-days.ts `workingDaysBetween`, for
 * statements that count working days over many rows at once (GET /statistics). The same
 * rule: Monday to Friday of the school's time zone (Europe/London), minus the holidays the
 * caller passes (local dates, as `date[]`: the same set working-days.ts takes). Held equal
 * to the TypeScript function by test/e2e/statistics.e2e-spec.ts ("working days in SQL"),
 * over weekends, holidays and both clock changes.
 */

/** SQL: the school's local date (`date`) of a `timestamptz` expression. */
export function localDateSql(instant: string): string {
  return `(${instant} AT TIME ZONE '${SCHOOL_TIME_ZONE}')::date`;
}

/**
 * SQL (a SELECT): one row per local date from `firstDate` to `lastDate` (`date` expressions),
 * with `n`, the number of working days from `firstDate` up to and including that date. The
 * working days after date A up to and including date B — `workingDaysBetween` — are then
 * `n(B) − n(A)` (negative when B is before A), whatever the times of day: joining the
 * calendar on both dates turns the count into two hash lookups per row.
 * `holidays` is a placeholder (or expression) of type `date[]`, never containing NULL.
 */
export function workingDayCalendarSql(firstDate: string, lastDate: string, holidays: string): string {
  return `SELECT d::date AS day,
      (count(*) FILTER (WHERE extract(isodow FROM d) < 6 AND d::date <> ALL (${holidays}::date[])) OVER (ORDER BY d))::int AS n
    FROM generate_series((${firstDate})::timestamp, (${lastDate})::timestamp, interval '1 day') AS d`;
}
