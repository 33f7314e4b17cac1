import fc from 'fast-check';
import { calendarFor, NATIONS } from '../calendar/school-calendar';
import { referralDueBy } from '../reports/safeguarding';
import { referralOverdueCutoff } from './overdue';

const at = (iso: string) => new Date(iso);
const ENGLAND = calendarFor('england_and_wales');

describe('referralOverdueCutoff: overdue=true is "reported before the cutoff" (§5, the case view\'s referralOverdue)', () => {
  it.each([
    // [now, cutoff, why]
    ['2026-11-25T12:00:00Z', '2026-11-24T00:00:00.000Z', 'Wednesday noon: cases of Monday and before are overdue (Monday’s were due by the end of Tuesday)'],
    ['2026-11-24T23:59:59.999Z', '2026-11-23T00:00:00.000Z', 'the last instant of Tuesday: Monday’s cases are due, not yet overdue'],
    ['2026-11-25T00:00:00Z', '2026-11-24T00:00:00.000Z', 'Wednesday’s first instant: Monday’s are overdue'],
    ['2026-11-30T10:00:00Z', '2026-11-27T00:00:00.000Z', 'Monday: Thursday’s cases were due by the end of Friday'],
    ['2026-12-01T10:00:00Z', '2026-11-30T00:00:00.000Z', 'Tuesday: Friday’s, Saturday’s and Sunday’s cases were all due by the end of Monday'],
    // the clocks go back on Sunday 25 October 2026: Friday 23’s cases are due by the end of Monday 26 (GMT)
    ['2026-10-26T23:59:59.999Z', '2026-10-22T23:00:00.000Z', 'the end of Monday 26 October, GMT: Friday 23’s cases (from 00:00 BST) not yet'],
    ['2026-10-27T00:00:00Z', '2026-10-26T00:00:00.000Z', 'Tuesday 27 October, 00:00 GMT: everything up to Sunday 25 (BST midnight was 23:00 UTC on the 24th)'],
    // the clocks go forward on Sunday 29 March 2026
    ['2026-03-30T22:59:59.999Z', '2026-03-27T00:00:00.000Z', 'the end of Monday 30 March, BST'],
    ['2026-03-30T23:00:00Z', '2026-03-29T23:00:00.000Z', 'Tuesday 31 March, 00:00 BST: everything up to Sunday 29 (which ended at 23:00 UTC)'],
  ])('now %s → reported before %s (%s)', (now, cutoff) => {
    expect(referralOverdueCutoff(at(now), ENGLAND).toISOString()).toBe(cutoff);
  });

  it('agrees with referralDueBy for any report and any now, across both clock changes of 2026', () => {
    const instant = fc.integer({ min: Date.parse('2026-03-20T00:00:00Z'), max: Date.parse('2026-11-05T00:00:00Z') }).map((ms) => new Date(ms));
    const near = fc.tuple(instant, fc.integer({ min: 0, max: 6 * 86_400_000 })).map(([reported, later]) => [reported, new Date(reported.getTime() + later)]);
    fc.assert(
      fc.property(fc.oneof(fc.tuple(instant, instant), near), ([reported, now]) => {
        expect(reported.getTime() < referralOverdueCutoff(now, ENGLAND).getTime()).toBe(now.getTime() > referralDueBy(reported, ENGLAND).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    // [nation, now, cutoff, why]
    [
      'england_and_wales',
      '2026-12-29T12:00:00Z',
      '2026-12-24T00:00:00.000Z',
      'Tuesday 29 December: Thursday 24’s cases are due by its end (25 and 28 are bank holidays)',
    ],
    [
      'england_and_wales',
      '2026-12-30T00:00:00Z',
      '2026-12-29T00:00:00.000Z',
      'Wednesday 30: everything from the 24th to the 28th was due by the end of the 29th',
    ],
    [
      'scotland',
      '2026-01-05T12:00:00Z',
      '2025-12-31T00:00:00.000Z',
      'Scotland, Monday 5 January: Wednesday 31 December’s cases are due by its end (1 and 2 January are bank holidays); Tuesday 30’s are overdue',
    ],
    ['england_and_wales', '2026-01-05T12:00:00Z', '2026-01-02T00:00:00.000Z', 'England, Monday 5 January: Thursday 1’s cases were due by the end of Friday 2'],
  ] as const)('%s at %s → reported before %s (%s)', (nation, now, cutoff, _why) => {
    expect(referralOverdueCutoff(at(now), calendarFor(nation)).toISOString()).toBe(cutoff);
  });

  it('agrees with referralDueBy in every nation’s calendar over Christmas, New Year and Easter 2026–2028', () => {
    const instant = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms));
    const season = fc.oneof(
      instant('2026-12-15T00:00:00Z', '2027-01-12T00:00:00Z'),
      instant('2027-03-20T00:00:00Z', '2027-04-06T00:00:00Z'),
      instant('2027-12-18T00:00:00Z', '2028-01-10T00:00:00Z'),
    );
    const near = fc.tuple(season, fc.integer({ min: 0, max: 8 * 86_400_000 })).map(([reported, later]) => [reported, new Date(reported.getTime() + later)]);
    fc.assert(
      fc.property(fc.constantFrom(...NATIONS), near, (nation, [reported, now]) => {
        const calendar = calendarFor(nation);
        expect(reported.getTime() < referralOverdueCutoff(now, calendar).getTime()).toBe(now.getTime() > referralDueBy(reported, calendar).getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('is the same for every instant of a day until a deadline passes, then moves on', () => {
    // A deadline passes at each local midnight; the cutoff never goes back.
    let previous = 0;
    for (let t = Date.parse('2026-10-20T00:00:00Z'); t < Date.parse('2026-11-03T00:00:00Z'); t += 15 * 60_000) {
      const cutoff = referralOverdueCutoff(new Date(t), ENGLAND).getTime();
      expect(cutoff).toBeGreaterThanOrEqual(previous);
      previous = cutoff;
    }
  });
});
