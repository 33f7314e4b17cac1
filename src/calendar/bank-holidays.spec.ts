import { BANK_HOLIDAYS, BankHoliday, FIRST_BANK_HOLIDAY_YEAR, isNation, LAST_BANK_HOLIDAY_YEAR, Nation, NATIONS } from './bank-holidays';

/*
 * The statutory rules, written here again without looking at the table, so that a date typed
 * wrong in bank-holidays.ts (or a rule misread when it was typed) fails: Banking and Financial
 * Dealings Act 1971 Sch. 1, the yearly proclamations (New Year's Day, Good Friday, Christmas
 * Day; 2 January and St Andrew's Day in Scotland; St Patrick's Day and 12 July in Northern
 * Ireland) and the substitute days.
 */

const iso = (utc: Date) => utc.toISOString().slice(0, 10);
const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const weekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return day(year, month, date);
}

const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const firstMonday = (year: number, month: number) => {
  const first = day(year, month, 1);
  return plusDays(first, (8 - first.getUTCDay()) % 7);
};
const lastMonday = (year: number, month: number) => {
  const last = day(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() + 6) % 7));
};

interface Rule {
  name: string;
  date: Date;
  /** A fixed date that moves to a substitute weekday when it falls on a weekend. */
  substituted: boolean;
}

function rulesOf(nation: Nation, year: number): Rule[] {
  const easter = easterSunday(year);
  const fixed = (name: string, month: number, date: number): Rule => ({ name, date: day(year, month, date), substituted: true });
  const moving = (name: string, date: Date): Rule => ({ name, date, substituted: false });
  const rules: Rule[] = [
    fixed('New Year’s Day', 1, 1),
    moving('Good Friday', plusDays(easter, -2)),
    moving('Early May bank holiday', firstMonday(year, 5)),
    moving('Spring bank holiday', lastMonday(year, 5)),
    fixed('Christmas Day', 12, 25),
    fixed('Boxing Day', 12, 26),
  ];
  if (nation === 'scotland') {
    // Scotland: 2 January, the first Monday of August, St Andrew's Day; no Easter Monday
    rules.push(fixed('2nd January', 1, 2), moving('Summer bank holiday', firstMonday(year, 8)), fixed('St Andrew’s Day', 11, 30));
  } else {
    rules.push(moving('Easter Monday', plusDays(easter, 1)), moving('Summer bank holiday', lastMonday(year, 8)));
  }
  if (nation === 'northern_ireland') {
    rules.push(fixed('St Patrick’s Day', 3, 17), fixed('Battle of the Boyne (Orangemen’s Day)', 7, 12));
  }
  return rules;
}

/**
 * The substitute days: the holidays on a weekday keep their day; each one on a weekend, in date
 * order, takes the first weekday after it that no other holiday has (Christmas on a Saturday →
 * Monday 27; Boxing Day on the Sunday → Tuesday 28).
 */
function computedYear(nation: Nation, year: number): BankHoliday[] {
  const rules = rulesOf(nation, year).sort((a, b) => a.date.getTime() - b.date.getTime());
  const taken = new Set(rules.filter((r) => !weekend(r.date)).map((r) => iso(r.date)));
  const out: BankHoliday[] = [];
  for (const rule of rules) {
    if (!weekend(rule.date)) {
      out.push({ date: iso(rule.date), name: rule.name });
      continue;
    }
    if (!rule.substituted) throw new Error(`${rule.name} ${iso(rule.date)} cannot fall on a weekend`);
    let d = rule.date;
    while (weekend(d) || taken.has(iso(d))) d = plusDays(d, 1);
    taken.add(iso(d));
    out.push({ date: iso(d), name: `${rule.name} (substitute day)` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const YEARS = Array.from({ length: LAST_BANK_HOLIDAY_YEAR - FIRST_BANK_HOLIDAY_YEAR + 1 }, (_, i) => FIRST_BANK_HOLIDAY_YEAR + i);
const shipped = (nation: Nation, year: number) =>
  BANK_HOLIDAYS[nation].filter((holiday) => holiday.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
const dates = (nation: Nation, year: number) => shipped(nation, year).map((holiday) => holiday.date);

describe('bank holidays (process.md §6 "Working days"): the shipped data', () => {
  it('the three nations', () => {
    expect(NATIONS).toEqual(['england_and_wales', 'scotland', 'northern_ireland']);
    expect(isNation('scotland')).toBe(true);
    expect(isNation('wales')).toBe(false);
  });

  describe.each(NATIONS.flatMap((nation) => YEARS.map((year) => [nation, year] as const)))('%s %i', (nation, year) => {
    it('is what the statutory rules and substitute days give (recomputed independently)', () => {
      expect(shipped(nation, year)).toEqual(computedYear(nation, year));
    });
  });

  it('holds nothing outside 2024–2030, no date twice, and no holiday on a weekend', () => {
    for (const nation of NATIONS) {
      const all = BANK_HOLIDAYS[nation].map((holiday) => holiday.date);
      expect(new Set(all).size).toBe(all.length);
      expect(all.filter((d) => Number(d.slice(0, 4)) < FIRST_BANK_HOLIDAY_YEAR || Number(d.slice(0, 4)) > LAST_BANK_HOLIDAY_YEAR)).toEqual([]);
      expect(all.filter((d) => weekend(new Date(`${d}T00:00:00Z`)))).toEqual([]);
      expect(all).toEqual([...all].sort());
    }
  });

  it('the recomputation itself: Easter Sunday by the anonymous Gregorian algorithm', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => iso(easterSunday(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  describe('named checks', () => {
    it.each([
      [2025, '2025-04-18', '2025-04-21'],
      [2026, '2026-04-03', '2026-04-06'],
      [2027, '2027-03-26', '2027-03-29'],
    ])('Good Friday and Easter Monday %i (England and Wales, Northern Ireland); Scotland has Good Friday only', (year, goodFriday, easterMonday) => {
      for (const nation of ['england_and_wales', 'northern_ireland'] as const) {
        expect(shipped(nation, year)).toEqual(
          expect.arrayContaining([
            { date: goodFriday, name: 'Good Friday' },
            { date: easterMonday, name: 'Easter Monday' },
          ]),
        );
      }
      expect(dates('scotland', year)).toContain(goodFriday);
      expect(dates('scotland', year)).not.toContain(easterMonday);
    });

    it('Christmas 2026: Friday 25, and Boxing Day (Saturday) on Monday 28 December', () => {
      for (const nation of NATIONS) {
        expect(dates(nation, 2026).filter((d) => d >= '2026-12-01')).toEqual(['2026-12-25', '2026-12-28']);
      }
      expect(shipped('england_and_wales', 2026).at(-1)).toEqual({ date: '2026-12-28', name: 'Boxing Day (substitute day)' });
    });

    it('Christmas 2027 (Saturday and Sunday): Monday 27 and Tuesday 28 December; New Year 2028 (Saturday): Monday 3 January', () => {
      for (const nation of NATIONS) {
        expect(dates(nation, 2027).filter((d) => d >= '2027-12-01')).toEqual(['2027-12-27', '2027-12-28']);
        expect(dates(nation, 2028)[0]).toBe('2028-01-03');
      }
    });

    it('Scotland’s 2 January: 2026 a Friday; 2027 a Saturday, so Monday 4 January; 2028 after New Year’s substitute, Tuesday 4 January', () => {
      expect(dates('scotland', 2026).slice(0, 2)).toEqual(['2026-01-01', '2026-01-02']);
      expect(shipped('scotland', 2027)[1]).toEqual({ date: '2027-01-04', name: '2nd January (substitute day)' });
      expect(dates('scotland', 2028).slice(0, 2)).toEqual(['2028-01-03', '2028-01-04']);
      expect(dates('england_and_wales', 2026)).not.toContain('2026-01-02');
    });

    it('Scotland: the first Monday of August and St Andrew’s Day (Sunday 30 November 2025 → Monday 1 December)', () => {
      expect(dates('scotland', 2026)).toContain('2026-08-03');
      expect(dates('scotland', 2026)).not.toContain('2026-08-31');
      expect(dates('scotland', 2025)).toContain('2025-12-01');
      expect(dates('scotland', 2026)).toContain('2026-11-30');
    });

    it('Northern Ireland: St Patrick’s Day and 12 July, with substitutes (Sunday 12 July 2026 → Monday 13)', () => {
      expect(dates('northern_ireland', 2026)).toEqual(expect.arrayContaining(['2026-03-17', '2026-07-13']));
      expect(dates('northern_ireland', 2024)).toContain('2024-03-18');
      expect(dates('england_and_wales', 2026)).not.toContain('2026-03-17');
    });
  });
});
