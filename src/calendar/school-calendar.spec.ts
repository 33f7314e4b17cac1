import { calendarCoverageWarning, calendarFor, DEFAULT_NATION, knownThrough, parseExtraBankHolidays } from './school-calendar';
import { addWorkingDays, workingDaysBetween } from './working-days';

const at = (iso: string) => new Date(iso);

describe('the school calendar of a nation (process.md §6 "Working days")', () => {
  it('England and Wales by default, in Europe/London', () => {
    expect(DEFAULT_NATION).toBe('england_and_wales');
    expect(calendarFor(DEFAULT_NATION).zone).toBe('Europe/London');
  });

  it('Thursday 24 December 2026 + 1 working day is Tuesday 29 December (25 and 28 are bank holidays)', () => {
    const { zone, holidays } = calendarFor('england_and_wales');
    expect(addWorkingDays(at('2026-12-24T10:00:00Z'), 1, zone, holidays).toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it('2 January is a bank holiday in Scotland and a working day in England and Wales', () => {
    const scotland = calendarFor('scotland');
    const england = calendarFor('england_and_wales');
    // Wednesday 31 December 2025 + 1: England Friday 2 January; Scotland Monday 5 January
    expect(addWorkingDays(at('2025-12-31T10:00:00Z'), 1, england.zone, england.holidays).toISOString()).toBe('2026-01-02T10:00:00.000Z');
    expect(addWorkingDays(at('2025-12-31T10:00:00Z'), 1, scotland.zone, scotland.holidays).toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });

  it('Easter 2027: England and Wales lose Good Friday and Easter Monday, Scotland Good Friday only', () => {
    const from = at('2027-03-25T09:00:00Z'); // Thursday
    const to = at('2027-03-30T09:00:00Z'); // Tuesday
    expect(workingDaysBetween(from, to, 'Europe/London', calendarFor('england_and_wales').holidays)).toBe(1);
    expect(workingDaysBetween(from, to, 'Europe/London', calendarFor('scotland').holidays)).toBe(2);
    expect(workingDaysBetween(from, to, 'Europe/London', calendarFor('northern_ireland').holidays)).toBe(1);
  });

  it('Northern Ireland: St Patrick’s Day is not a working day there, and is elsewhere', () => {
    expect(calendarFor('northern_ireland').holidays.has('2026-03-17')).toBe(true);
    expect(calendarFor('england_and_wales').holidays.has('2026-03-17')).toBe(false);
  });

  it('outside the shipped years, weekends only — unless configuration adds dates', () => {
    expect(calendarFor('england_and_wales').holidays.has('2031-01-01')).toBe(false);
    const extended = calendarFor('england_and_wales', ['2031-01-01']);
    expect(extended.holidays.has('2031-01-01')).toBe(true);
    expect(extended.holidays.has('2026-12-25')).toBe(true); // the shipped ones stay
    // Wednesday 31 December 2030 + 1 → Thursday 2 January 2031 with the extra date
    expect(addWorkingDays(at('2030-12-31T10:00:00Z'), 1, extended.zone, extended.holidays).toISOString()).toBe('2031-01-02T10:00:00.000Z');
  });

  describe('EXTRA_BANK_HOLIDAYS', () => {
    it('reads nation:date pairs, comma-separated, into each nation', () => {
      expect(parseExtraBankHolidays('england_and_wales:2031-01-01, scotland:2031-01-02,scotland:2031-01-02')).toEqual({
        extra: { england_and_wales: ['2031-01-01'], scotland: ['2031-01-02'], northern_ireland: [] },
        problems: [],
      });
      expect(parseExtraBankHolidays(undefined).problems).toEqual([]);
      expect(parseExtraBankHolidays('').problems).toEqual([]);
    });

    it.each(['wales:2031-01-01', 'england_and_wales:2031-02-30', 'england_and_wales', '2031-01-01', 'scotland:2031-01-02:x', 'scotland:31/01/2031'])(
      'refuses %p, naming it',
      (raw) => {
        const { problems } = parseExtraBankHolidays(raw);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(raw);
      },
    );
  });

  describe('the start-up warning when the data runs out', () => {
    it('none while every nation is known for more than a year', () => {
      expect(calendarCoverageWarning('2026-06-01')).toBeNull();
      expect(calendarCoverageWarning('2029-12-30')).toBeNull();
    });

    it('within a year of the end of the data, naming the nations and the date', () => {
      const warning = calendarCoverageWarning('2030-01-01');
      expect(warning).toContain('2030-12-31 (england_and_wales)');
      expect(warning).toContain('(scotland)');
      expect(warning).toContain('EXTRA_BANK_HOLIDAYS');
    });

    it('configuration for a later year moves the end for that nation only', () => {
      const { extra } = parseExtraBankHolidays('england_and_wales:2031-01-01');
      expect(knownThrough('england_and_wales', extra)).toBe('2031-12-31');
      expect(knownThrough('scotland', extra)).toBe('2030-12-31');
      const warning = calendarCoverageWarning('2030-06-01', extra)!;
      expect(warning).not.toContain('england_and_wales');
      expect(warning).toContain('(scotland)');
    });
  });
});
