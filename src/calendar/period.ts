import { isLocalDate, SCHOOL_TIME_ZONE, startOfLocalDate } from './working-days';

/**
 * A period as a client states it (api.md "Conventions": filters on a period): each end a
 * local date (`2026-09-01`, a whole day in the school's time zone) or a date-time with a zone
 * (`2026-09-01T08:00:00+01:00`, an instant). Either end may be left open.
 */
export interface StatedPeriod {
  from?: string;
  to?: string;
}

/** The same period as instants: `start` ≤ t < `end` (half-open; an open end is undefined). */
export interface InstantRange {
  start?: Date;
  end?: Date;
}

/**
 * The one reading of a stated period, for every filter that takes one (GET /cases, GET /audit,
 * GET /exports/cases.csv), in the school's time zone:
 * - `from` a date → that day's local midnight (included);
 * - `to` a date → the next day's local midnight (excluded): the whole of `to`'s day is in the
 *   period, whether it lasts 23, 24 or 25 hours;
 * - a date-time → that instant: `from` included, `to` excluded, so that consecutive periods
 *   (`to` of one = `from` of the next) neither overlap nor leave a gap.
 * Values are expected to be valid already (`IsPeriodBound`); anything else throws.
 */
export function instantRange(period: StatedPeriod, zone = SCHOOL_TIME_ZONE): InstantRange {
  return {
    start: period.from === undefined ? undefined : boundary(period.from, zone, 0),
    end: period.to === undefined ? undefined : boundary(period.to, zone, 1),
  };
}

function boundary(value: string, zone: string, daysAfter: 0 | 1): Date {
  if (isLocalDate(value as unknown)) return startOfLocalDate(value, zone, daysAfter);
  const at = value.includes('T') ? new Date(value) : new Date(NaN); // Date would roll 2026-02-31 over to March
  if (Number.isNaN(at.getTime())) throw new RangeError(`instantRange: not a date or a date-time (${value})`);
  return at;
}

/** Whether the range holds at least one instant (an open end always does). */
export function isNonEmptyRange(range: InstantRange): boolean {
  return range.start === undefined || range.end === undefined || range.start.getTime() < range.end.getTime();
}
