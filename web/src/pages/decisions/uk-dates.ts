import type { DateParts } from '../../components';

/** The school keeps UK time (Europe/London), whatever time zone the browser is in. */
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

function londonClock(instant: number) {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far London's clock is ahead of UTC at that instant (0 in winter, an hour in summer). */
function londonOffset(instant: number): number {
  const c = londonClock(instant);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(instant / 1000) * 1000;
}

const blank = (parts: DateParts, withTime: boolean) =>
  [parts.day, parts.month, parts.year, ...(withTime ? [parts.hour ?? '', parts.minute ?? ''] : [])].every((part) => part.trim() === '');

/**
 * What was typed as UK time, as the API takes it: an ISO instant ("2026-11-20T18:30:00.000Z" for
 * 18:30 in November, 17:30Z in July). `withTime: false`: the end of that day (23:59, UK time) — a
 * deadline or an expiry given as a date. Nothing typed: undefined, so the API says whether the
 * field is needed. Not a time the calendar has: what was typed, so the API's message names the field.
 */
export function ukInstant(parts: DateParts, withTime = true): string | undefined {
  if (blank(parts, withTime)) return undefined;
  const hourTyped = withTime ? (parts.hour ?? '') : '23';
  const minuteTyped = withTime ? (parts.minute ?? '') : '59';
  const [year, month, day, hour, minute] = [parts.year, parts.month, parts.day, hourTyped, minuteTyped].map((p) => p.trim());
  const typed = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (![year, month, day, hour, minute].every((p) => /^\d+$/.test(p))) return typed;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1 || Number(hour) > 23 || Number(minute) > 59) return typed;
  // the instant whose London clock reads what was typed (twice: the offset may differ either side of a clock change)
  let instant = wall - londonOffset(wall);
  instant = wall - londonOffset(instant);
  return new Date(instant).toISOString();
}

/** A UK date (no time) as the API's period filters take it: "2026-11-20"; nothing typed: undefined. */
export function ukDate(parts: DateParts): string | undefined {
  if (blank(parts, false)) return undefined;
  return `${parts.year.trim()}-${parts.month.trim().padStart(2, '0')}-${parts.day.trim().padStart(2, '0')}`;
}

/** "2026-11-20" as the parts of a date input. */
export function partsOfDate(date: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])) } : { day: '', month: '', year: '' };
}

/** Now (or an instant) on London's clock, to fill a date-and-time input. */
export function ukNow(instant: Date = new Date()): DateParts {
  const c = londonClock(instant.getTime());
  return { day: String(c.day), month: String(c.month), year: String(c.year), hour: String(c.hour).padStart(2, '0'), minute: String(c.minute).padStart(2, '0') };
}

export const EMPTY_DATE_TIME: DateParts = { day: '', month: '', year: '', hour: '', minute: '' };
