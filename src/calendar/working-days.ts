/**
 * The school's calendar: working days (Monday to Friday) counted in the school's time zone,
 * and calendar months. The one place the API does day arithmetic (§5 referral within one
 * working day; domain.md "Dates the API is told": appeal deadlines in working days).
 *
 * Every function takes a set of holiday dates (local `YYYY-MM-DD`, in the given zone), empty
 * by default so that this file stays plain arithmetic. The rules of the process never rely on
 * that default: they take the organisation's `SchoolCalendar` (school-calendar.ts: its zone and
 * its nation's bank holidays, process.md §6) and pass both in.
 */

/** The school's clock: Werrington is in England. */
export const SCHOOL_TIME_ZONE = 'Europe/London';

/** Local dates (`YYYY-MM-DD`) that are not working days although they fall on a weekday. */
export type Holidays = ReadonlySet<string>;
export const NO_HOLIDAYS: Holidays = new Set<string>();

const DAY_MS = 86_400_000;

interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let found = formats.get(zone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, found);
  }
  return found;
}

/** The wall-clock date and time of an instant in a zone. */
function localDateTime(at: Date, zone: string): LocalDateTime {
  const parts = format(zone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: ((at.getTime() % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (GMT 0, BST +1 h). */
function offsetAt(at: number, zone: string): number {
  const l = localDateTime(new Date(at), zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond) - at;
}

/**
 * The instant a wall-clock time in the zone names. A time skipped by a clock change (01:30 on
 * the last Sunday of March in London) is read with the offset before the change; a repeated
 * one (01:30 on the last Sunday of October) is the first of the two.
 */
function fromLocal(l: LocalDateTime, zone: string): Date {
  const naive = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.millisecond);
  const before = offsetAt(naive - DAY_MS / 2, zone);
  const after = offsetAt(naive + DAY_MS / 2, zone);
  // The earlier reading (larger offset) when both readings name this wall-clock time.
  for (const offset of before >= after ? [before, after] : [after, before]) {
    if (offsetAt(naive - offset, zone) === offset) return new Date(naive - offset);
  }
  return new Date(naive - before);
}

/** The local calendar date of an instant, as `YYYY-MM-DD`. */
export function localDateOf(at: Date, zone = SCHOOL_TIME_ZONE): string {
  const l = localDateTime(at, zone);
  return `${String(l.year).padStart(4, '0')}-${String(l.month).padStart(2, '0')}-${String(l.day).padStart(2, '0')}`;
}

/** Whether a local date (as its UTC midnight) is Monday to Friday and not a holiday. */
function isWorkingDate(utcMidnight: number, holidays: Holidays): boolean {
  const day = new Date(utcMidnight);
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day.toISOString().slice(0, 10));
}

/** Whether `at` falls, in the zone, on Monday to Friday and not on a holiday. */
export function isWorkingDay(at: Date, zone = SCHOOL_TIME_ZONE, holidays: Holidays = NO_HOLIDAYS): boolean {
  const l = localDateTime(at, zone);
  return isWorkingDate(Date.UTC(l.year, l.month - 1, l.day), holidays);
}

/** The same wall-clock time `days` calendar days later (or earlier) in the zone. */
function shiftLocalDays(l: LocalDateTime, days: number): LocalDateTime {
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return { ...l, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * `n` working days after `date` (before it when `n` is negative), at the same wall-clock time
 * in the zone, so a clock change in between moves the UTC instant, not the local time. From a
 * weekend, one working day later is the Monday. `n = 0` is `date` itself.
 */
export function addWorkingDays(date: Date, n: number, zone = SCHOOL_TIME_ZONE, holidays: Holidays = NO_HOLIDAYS): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer (got ${n})`);
  const step = n < 0 ? -1 : 1;
  let local = localDateTime(date, zone);
  let left = Math.abs(n);
  while (left > 0) {
    local = shiftLocalDays(local, step);
    if (isWorkingDate(Date.UTC(local.year, local.month - 1, local.day), holidays)) left--;
  }
  return n === 0 ? new Date(date.getTime()) : fromLocal(local, zone);
}

/**
 * The working days after `from`'s local date up to and including `to`'s (negative when `to` is
 * earlier). Counts dates, not hours: Friday to the next Monday is 1, whatever the times.
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 */
export function workingDaysBetween(from: Date, to: Date, zone = SCHOOL_TIME_ZONE, holidays: Holidays = NO_HOLIDAYS): number {
  const start = localDateTime(from, zone);
  const end = localDateTime(to, zone);
  const startDay = Date.UTC(start.year, start.month - 1, start.day);
  const endDay = Date.UTC(end.year, end.month - 1, end.day);
  if (endDay < startDay) return -workingDaysBetween(to, from, zone, holidays);
  let count = 0;
  for (let day = startDay + DAY_MS; day <= endDay; day += DAY_MS) if (isWorkingDate(day, holidays)) count++;
  return count;
}

/** A local calendar date: `YYYY-MM-DD`. */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a local calendar date `YYYY-MM-DD` that exists (no 31 February, no month 13). */
export function isLocalDate(value: unknown): value is string {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

/**
 * The instant a local date begins in the zone: its midnight (`2026-10-25` in London is
 * 2026-10-24T23:00:00Z, BST). `days` shifts the date first: `startOfLocalDate(d, zone, 1)` is
 * the midnight that ends `d`, so `[startOfLocalDate(d), startOfLocalDate(d, zone, 1))` is the
 * whole day — 23 hours when the clocks go forward, 25 when they go back.
 */
export function startOfLocalDate(date: string, zone = SCHOOL_TIME_ZONE, days = 0): Date {
  if (!isLocalDate(date)) throw new RangeError(`startOfLocalDate: not a date YYYY-MM-DD (${date})`);
  const [year, month, day] = date.split('-').map(Number);
  const local = shiftLocalDays({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 }, days);
  return fromLocal(local, zone);
}

/** The last millisecond (23:59:59.999) of `at`'s local date in the zone. */
export function endOfLocalDay(at: Date, zone = SCHOOL_TIME_ZONE): Date {
  return fromLocal({ ...localDateTime(at, zone), hour: 23, minute: 59, second: 59, millisecond: 999 }, zone);
}

/**
 * `n` calendar months after `date`, same time of day (UTC); a day the target month lacks
 * becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: Date, n: number): Date {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths: n must be an integer (got ${n})`);
  const target = new Date(date.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + n);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}
