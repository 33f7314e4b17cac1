import type { DateParts } from '../components/DateInput';

/**
 * Dates as people in the school type them: UK wall-clock time (Europe/London, GMT or BST),
 * turned into the instants the API takes — whatever time zone the browser is in.
 */

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** How far UK time is ahead of UTC at this instant (0 or an hour). */
function londonOffset(utc: number): number {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(utc)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(utc / 1000) * 1000;
}

/** The instant a UK wall clock shows these numbers (either side of a clock change). */
function londonInstant(year: number, month: number, day: number, hour: number, minute: number): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - londonOffset(wall);
  return wall - londonOffset(first);
}

const number = (value: string | undefined) => (/^\s*\d{1,4}\s*$/.test(value ?? '') ? Number(value) : NaN);

/**
 * What the person typed in a DateInput, as the API takes it: an ISO instant of that UK date (and
 * time, with `withTime`; with `endOfDay`, the last second of the day). Nothing typed: '' (the
 * API says it is missing); not a date: what was typed, so the API's message names the field.
 */
export function ukInstant(parts: DateParts, { withTime = false, endOfDay = false } = {}): string {
  const typed = [parts.day, parts.month, parts.year, ...(withTime ? [parts.hour ?? '', parts.minute ?? ''] : [])];
  if (typed.every((part) => !part.trim())) return '';
  const [day, month, year, hour, minute] = typed.map(number);
  const time = withTime ? [hour, minute] : [0, 0];
  const valid =
    [day, month, year, ...time].every(Number.isFinite) &&
    year >= 1000 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day === new Date(Date.UTC(year, month - 1, day)).getUTCDate() &&
    time[0] <= 23 &&
    time[1] <= 59;
  if (!valid) return typed.join('-');
  if (endOfDay) return new Date(londonInstant(year, month, day + 1, 0, 0) - 1000).toISOString();
  return new Date(londonInstant(year, month, day, time[0], time[1])).toISOString();
}

export const DATE_TIME_HINT = 'UK time, 24-hour clock. For example, 27 3 2026 and 14 30.';
export const DATE_HINT = 'For example, 27 3 2026.';

/** A date and time typed as UK time, as the API takes it; nothing typed: undefined (the API then says it is needed). */
export function ukDateTime(parts: DateParts): string | undefined {
  return ukInstant(parts, { withTime: true }) || undefined;
}

/**
 * A deadline or an expiry typed as a date: the last minute of that UK day (23:59 UK time), as the
 * API takes it; nothing typed: undefined (the API then says whether it is needed).
 */
export function ukDayEnd(parts: DateParts): string | undefined {
  if ([parts.day, parts.month, parts.year].every((part) => !part.trim())) return undefined;
  return ukInstant({ ...parts, hour: '23', minute: '59' }, { withTime: true });
}

/** A UK date (no time) as the API takes it: "2026-11-20" (a whole UK day); nothing typed: undefined. */
export function ukDate(parts: DateParts): string | undefined {
  if ([parts.day, parts.month, parts.year].every((part) => !part.trim())) return undefined;
  return `${parts.year.trim()}-${parts.month.trim().padStart(2, '0')}-${parts.day.trim().padStart(2, '0')}`;
}

/** The parts of an instant on the UK clock, to fill a date input ("now", for instance). */
export function ukParts(instant: Date = new Date()): DateParts {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return {
    day: String(parts.day),
    month: String(parts.month),
    year: String(parts.year),
    hour: String(parts.hour).padStart(2, '0'),
    minute: String(parts.minute).padStart(2, '0'),
  };
}

/** A "YYYY-MM-DD" date as the parts of a date input. */
export function datePartsOf(date: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])) } : { day: '', month: '', year: '' };
}
