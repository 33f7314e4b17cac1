import { BANK_HOLIDAYS, isNation, LAST_BANK_HOLIDAY_YEAR, Nation, NATIONS } from './bank-holidays';
import { Holidays, isLocalDate, SCHOOL_TIME_ZONE } from './working-days';

export { NATIONS, type Nation } from './bank-holidays';

/**
 * The calendar every "within N working days" rule counts in (process.md §6 "Working days"):
 * the school's time zone and the local dates that are not working days although they fall on a
 * weekday — the bank holidays of the organisation's nation. Pass both to working-days.ts:
 * `addWorkingDays(date, n, calendar.zone, calendar.holidays)`.
 */
export interface SchoolCalendar {
  zone: string;
  holidays: Holidays;
}

/** process.md §6: England and Wales unless the organisation says otherwise (organisations.nation). */
export const DEFAULT_NATION: Nation = 'england_and_wales';

/**
 * The calendar of a nation: its shipped bank holidays (bank-holidays.ts, 2024–2030) and any
 * `extra` dates configuration adds (a proclamation, or the years after the data).
 */
export function calendarFor(nation: Nation, extra: Iterable<string> = []): SchoolCalendar {
  return { zone: SCHOOL_TIME_ZONE, holidays: new Set([...BANK_HOLIDAYS[nation].map((holiday) => holiday.date), ...extra]) };
}

/** Dates configuration adds to each nation's bank holidays (`EXTRA_BANK_HOLIDAYS`). */
export type ExtraBankHolidays = Readonly<Record<Nation, readonly string[]>>;
export const NO_EXTRA_BANK_HOLIDAYS: ExtraBankHolidays = { england_and_wales: [], scotland: [], northern_ireland: [] };

/**
 * Reads `EXTRA_BANK_HOLIDAYS`: comma-separated `nation:YYYY-MM-DD`, e.g.
 * `england_and_wales:2031-01-01,scotland:2031-01-02`. Anything else is a problem named for the
 * start-up error (config.ts), never silently ignored: a holiday mistyped would move deadlines.
 */
export function parseExtraBankHolidays(raw: string | undefined): { extra: ExtraBankHolidays; problems: string[] } {
  const extra: Record<Nation, string[]> = { england_and_wales: [], scotland: [], northern_ireland: [] };
  const problems: string[] = [];
  for (const entry of (raw ?? '').split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const [nation, date, ...rest] = entry.split(':');
    if (rest.length || !isNation(nation) || !isLocalDate(date)) {
      problems.push(
        `EXTRA_BANK_HOLIDAYS: "${entry}" is not nation:YYYY-MM-DD with a nation among ${NATIONS.join(', ')} and a real date (e.g. england_and_wales:2031-01-01)`,
      );
      continue;
    }
    if (!extra[nation].includes(date)) extra[nation].push(date);
  }
  return { extra, problems };
}

/**
 * The last date each nation's calendar is known to: the end of the shipped data, or of a later
 * year configuration has given dates for.
 */
export function knownThrough(nation: Nation, extra: ExtraBankHolidays = NO_EXTRA_BANK_HOLIDAYS): string {
  const lastYear = Math.max(LAST_BANK_HOLIDAY_YEAR, ...extra[nation].map((date) => Number(date.slice(0, 4))));
  return `${lastYear}-12-31`;
}

/**
 * The start-up warning when the data is running out: outside the years it knows, a calendar
 * skips weekends only, so deadlines would land on bank holidays. Null while every nation is
 * known for more than a year after `today` (a local date).
 */
export function calendarCoverageWarning(today: string, extra: ExtraBankHolidays = NO_EXTRA_BANK_HOLIDAYS): string | null {
  const [year, month, day] = today.split('-').map(Number);
  const aYearOn = new Date(Date.UTC(year + 1, month - 1, day)).toISOString().slice(0, 10);
  const short = NATIONS.filter((nation) => knownThrough(nation, extra) < aYearOn);
  if (!short.length) return null;
  return (
    `Bank holidays are known only until ${short.map((nation) => `${knownThrough(nation, extra)} (${nation})`).join(', ')}: after that, ` +
    'working days skip weekends only. Add the announced dates with EXTRA_BANK_HOLIDAYS (docs/calendar.md) or update src/calendar/bank-holidays.ts.'
  );
}
