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

function londonWallClock(instant: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** How far London's clock is ahead of UTC at that instant (0 in winter, an hour in summer). */
function londonOffset(instant: number): number {
  const w = londonWallClock(instant);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

const blank = (parts: DateParts, withTime: boolean) =>
  [parts.day, parts.month, parts.year, ...(withTime ? [parts.hour ?? '', parts.minute ?? ''] : [])].every((part) => part.trim() === '');

/**
 * A date and time typed as UK time, as the API takes it: an ISO instant ("2026-11-20T18:30:00.000Z"
 * for 18:30 in November, 17:30Z in July). Nothing typed: undefined, so the API says the field is
 * needed. Not a time the calendar has: what was typed, so the API's own message names the field.
 */
export function ukDateTime(parts: DateParts): string | undefined {
  if (blank(parts, true)) return undefined;
  const [year, month, day, hour, minute] = [parts.year, parts.month, parts.day, parts.hour ?? '', parts.minute ?? ''].map((p) => p.trim());
  const typed = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}T${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
  if (![year, month, day, hour, minute].every((p) => /^\d+$/.test(p))) return typed;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== Number(month) - 1 || Number(hour) > 23 || Number(minute) > 59) return typed;
  // the instant whose London wall clock reads what was typed (twice: the offset may differ either side of a clock change)
  let instant = wall - londonOffset(wall);
  instant = wall - londonOffset(instant);
  return new Date(instant).toISOString();
}

/** A UK date (no time) as the API takes it: "2026-11-20"; nothing typed: undefined. */
export function ukDate(parts: DateParts): string | undefined {
  if (blank(parts, false)) return undefined;
  return `${parts.year.trim()}-${parts.month.trim().padStart(2, '0')}-${parts.day.trim().padStart(2, '0')}`;
}

/** The parts of an instant on London's clock, to fill a date input ("now", for instance). */
export function ukParts(instant: Date = new Date()): DateParts {
  const w = londonWallClock(instant.getTime());
  return { day: String(w.day), month: String(w.month), year: String(w.year), hour: String(w.hour).padStart(2, '0'), minute: String(w.minute).padStart(2, '0') };
}

/** A "YYYY-MM-DD" date as the parts of a date input. */
export function datePartsOf(date: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? { year: m[1], month: String(Number(m[2])), day: String(Number(m[3])) } : { day: '', month: '', year: '' };
}
