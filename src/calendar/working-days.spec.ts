import { addMonths, addWorkingDays, endOfLocalDay, isWorkingDay, localDateOf, SCHOOL_TIME_ZONE, workingDaysBetween } from './working-days';

const at = (iso: string) => new Date(iso);

describe('the school calendar: working days in Europe/London', () => {
  it('the school time zone is Europe/London', () => {
    expect(SCHOOL_TIME_ZONE).toBe('Europe/London');
  });

  describe('isWorkingDay', () => {
    it.each([
      ['Monday 2 March 2026', '2026-03-02T12:00:00Z', true],
      ['Friday 6 March 2026', '2026-03-06T12:00:00Z', true],
      ['Saturday 7 March 2026', '2026-03-07T12:00:00Z', false],
      ['Sunday 8 March 2026', '2026-03-08T12:00:00Z', false],
      // 23:30 UTC on Sunday 7 June is 00:30 BST on Monday 8 June: a working day in London
      ['Sunday 23:30 UTC in summer (Monday 00:30 BST)', '2026-06-07T23:30:00Z', true],
      // 23:30 UTC on Friday 5 June is 00:30 BST on Saturday
      ['Friday 23:30 UTC in summer (Saturday 00:30 BST)', '2026-06-05T23:30:00Z', false],
    ])('%s → %s', (_label, instant, expected) => {
      expect(isWorkingDay(at(instant))).toBe(expected);
    });

    it('a holiday given by the caller is not a working day (the bank holidays: school-calendar.ts)', () => {
      const christmas = at('2026-12-25T10:00:00Z'); // a Friday
      expect(isWorkingDay(christmas)).toBe(true);
      expect(isWorkingDay(christmas, SCHOOL_TIME_ZONE, new Set(['2026-12-25']))).toBe(false);
    });

    it('counts in the zone it is given', () => {
      // Monday 00:30 in Tokyo is Sunday 15:30 UTC and Sunday in London
      const instant = at('2026-03-01T15:30:00Z');
      expect(isWorkingDay(instant, 'Asia/Tokyo')).toBe(true);
      expect(isWorkingDay(instant)).toBe(false);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      ['Monday + 1 → Tuesday', '2026-03-02T10:00:00.000Z', 1, '2026-03-03T10:00:00.000Z'],
      ['Monday + 5 → next Monday (across a weekend)', '2026-03-02T10:00:00.000Z', 5, '2026-03-09T10:00:00.000Z'],
      ['Friday + 1 → Monday (across a weekend)', '2026-03-06T15:00:00.000Z', 1, '2026-03-09T15:00:00.000Z'],
      ['Wednesday + 5 → next Wednesday', '2026-03-04T09:00:00.000Z', 5, '2026-03-11T09:00:00.000Z'],
      ['Saturday + 1 → Monday', '2026-03-07T12:00:00.000Z', 1, '2026-03-09T12:00:00.000Z'],
      ['Sunday + 5 → Friday', '2026-03-08T12:00:00.000Z', 5, '2026-03-13T12:00:00.000Z'],
      ['+ 0 is the date itself', '2026-03-07T12:00:00.000Z', 0, '2026-03-07T12:00:00.000Z'],
      ['Monday - 1 → the Friday before', '2026-03-09T10:00:00.000Z', -1, '2026-03-06T10:00:00.000Z'],
      ['across a year end (Thursday 31 Dec + 2 → Monday 4 Jan)', '2026-12-31T09:00:00.000Z', 2, '2027-01-04T09:00:00.000Z'],
    ])('%s', (_label, from, n, expected) => {
      expect(addWorkingDays(at(from), n).toISOString()).toBe(expected);
    });

    it('across the clock change (BST → GMT, Sunday 25 October 2026) keeps the local time: 10:00 stays 10:00', () => {
      // Thursday 22 October 10:00 BST = 09:00 UTC; five working days later is Thursday 29 October 10:00 GMT = 10:00 UTC
      const due = addWorkingDays(at('2026-10-22T09:00:00.000Z'), 5);
      expect(due.toISOString()).toBe('2026-10-29T10:00:00.000Z');
      expect(localDateOf(due)).toBe('2026-10-29');
    });

    it('across the clock change (GMT → BST, Sunday 29 March 2026) keeps the local time', () => {
      // Friday 27 March 09:00 GMT + 1 working day = Monday 30 March 09:00 BST = 08:00 UTC
      expect(addWorkingDays(at('2026-03-27T09:00:00.000Z'), 1).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    });

    it('a late-evening time in summer stays on its local day (not the UTC one)', () => {
      // Friday 5 June 23:30 BST (22:30 UTC) + 1 → Monday 8 June 23:30 BST
      expect(addWorkingDays(at('2026-06-05T22:30:00.000Z'), 1).toISOString()).toBe('2026-06-08T22:30:00.000Z');
    });

    it('skips holidays it is given', () => {
      // Friday 18 Dec + 5 working days with 25 and 28 December off → Tuesday 29 December
      const holidays = new Set(['2026-12-25', '2026-12-28']);
      expect(addWorkingDays(at('2026-12-18T10:00:00.000Z'), 5, SCHOOL_TIME_ZONE, holidays).toISOString()).toBe('2026-12-29T10:00:00.000Z');
    });

    it('does not change the date it is given, and refuses a fractional count', () => {
      const from = at('2026-03-06T15:00:00.000Z');
      addWorkingDays(from, 3);
      expect(from.toISOString()).toBe('2026-03-06T15:00:00.000Z');
      expect(() => addWorkingDays(from, 1.5)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it.each([
      ['the same day', '2026-03-02T08:00:00Z', '2026-03-02T18:00:00Z', 0],
      ['Monday → Tuesday', '2026-03-02T10:00:00Z', '2026-03-03T09:00:00Z', 1],
      ['Friday → Monday (a weekend)', '2026-03-06T17:00:00Z', '2026-03-09T08:00:00Z', 1],
      ['Monday → next Monday', '2026-03-02T10:00:00Z', '2026-03-09T10:00:00Z', 5],
      ['Saturday → Sunday', '2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z', 0],
      ['backwards is negative', '2026-03-09T10:00:00Z', '2026-03-02T10:00:00Z', -5],
      ['across the clock change (Thursday 22 → Thursday 29 October)', '2026-10-22T09:00:00Z', '2026-10-29T10:00:00Z', 5],
    ])('%s: %s → %s is %i', (_label, from, to, expected) => {
      expect(workingDaysBetween(at(from), at(to))).toBe(expected);
    });

    it('counts local days: Sunday 23:30 UTC in summer is already Monday in London', () => {
      expect(workingDaysBetween(at('2026-06-05T12:00:00Z'), at('2026-06-07T23:30:00Z'))).toBe(1);
    });

    it('undoes addWorkingDays', () => {
      for (let start = 0; start < 14; start++) {
        const from = new Date(Date.UTC(2026, 9, 15 + start, 11));
        for (const n of [0, 1, 4, 5, 10, 23]) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
      }
    });

    it('leaves out holidays', () => {
      expect(workingDaysBetween(at('2026-12-24T10:00:00Z'), at('2026-12-31T10:00:00Z'), SCHOOL_TIME_ZONE, new Set(['2026-12-25', '2026-12-28']))).toBe(3);
    });
  });

  describe('endOfLocalDay', () => {
    it.each([
      ['in winter (GMT = UTC)', '2026-12-01T10:00:00Z', '2026-12-01T23:59:59.999Z'],
      ['in summer (BST = UTC+1)', '2026-06-09T10:00:00Z', '2026-06-09T22:59:59.999Z'],
      ['on the day the clocks go back (25 October 2026, GMT by midnight)', '2026-10-25T10:00:00Z', '2026-10-25T23:59:59.999Z'],
      ['on the day before the clocks go back (BST)', '2026-10-24T10:00:00Z', '2026-10-24T22:59:59.999Z'],
    ])('%s', (_label, instant, expected) => {
      expect(endOfLocalDay(at(instant)).toISOString()).toBe(expected);
    });
  });

  describe('addMonths', () => {
    it.each([
      ['3 months', '2026-03-02T10:00:00.000Z', 3, '2026-06-02T10:00:00.000Z'],
      ['12 months', '2026-03-02T10:00:00.000Z', 12, '2027-03-02T10:00:00.000Z'],
      ['31 January + 1 → 28 February', '2026-01-31T10:00:00.000Z', 1, '2026-02-28T10:00:00.000Z'],
      ['31 January + 1 in a leap year → 29 February', '2028-01-31T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'],
      ['30 November + 3 → 28 February', '2026-11-30T10:00:00.000Z', 3, '2027-02-28T10:00:00.000Z'],
      ['backwards', '2026-05-31T10:00:00.000Z', -3, '2026-02-28T10:00:00.000Z'],
    ])('%s', (_label, from, n, expected) => {
      expect(addMonths(at(from), n).toISOString()).toBe(expected);
    });
  });
});
