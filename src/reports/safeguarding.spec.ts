import { calendarFor } from '../calendar/school-calendar';
import { NO_HOLIDAYS } from '../calendar/working-days';
import { POLICY_STANDARDS } from '../policy/vocabulary';
import { isSafeguardingMatter, referralDueBy } from './safeguarding';

const ENGLAND = calendarFor('england_and_wales');
const SCOTLAND = calendarFor('scotland');

describe('safeguarding (§5 "The safeguarding of young people is a priority"; domain.md "Report")', () => {
  describe('isSafeguardingMatter', () => {
    it('a report involving pupils is a safeguarding matter', () => {
      expect(isSafeguardingMatter({ involvesPupils: true, policyStandards: [] })).toBe(true);
    });

    it('a report that may meet the harm threshold is a safeguarding matter, even without pupils', () => {
      expect(isSafeguardingMatter({ involvesPupils: false, mayMeetHarmThreshold: true, policyStandards: ['7.7'] })).toBe(true);
    });

    it('§7.6 (information about pupils) means pupils are involved, whatever the box says', () => {
      expect(isSafeguardingMatter({ involvesPupils: false, mayMeetHarmThreshold: false, policyStandards: ['7.3', '7.6'] })).toBe(true);
    });

    it('no pupils, no harm threshold, no §7.6: not a safeguarding matter', () => {
      expect(isSafeguardingMatter({ involvesPupils: false, mayMeetHarmThreshold: false, policyStandards: ['7.3', '7.5', '8'] })).toBe(false);
      expect(isSafeguardingMatter({ involvesPupils: false, policyStandards: [] })).toBe(false);
    });

    it.each(POLICY_STANDARDS.filter((s) => s !== '7.6'))('§%s alone is not a safeguarding matter', (standard) => {
      expect(isSafeguardingMatter({ involvesPupils: false, policyStandards: [standard] })).toBe(false);
    });
  });

  describe('referralDueBy: the end of the next working day', () => {
    it.each([
      ['Monday', '2026-03-02T10:00:00.000Z', '2026-03-03T23:59:59.999Z'],
      ['Tuesday', '2026-03-03T08:00:00.000Z', '2026-03-04T23:59:59.999Z'],
      ['Wednesday', '2026-03-04T23:59:00.000Z', '2026-03-05T23:59:59.999Z'],
      ['Thursday', '2026-03-05T00:00:00.000Z', '2026-03-06T23:59:59.999Z'],
      ['Friday → Monday', '2026-03-06T15:00:00.000Z', '2026-03-09T23:59:59.999Z'],
      ['Saturday → Monday', '2026-03-07T12:00:00.000Z', '2026-03-09T23:59:59.999Z'],
      ['Sunday → Monday', '2026-03-08T12:00:00.000Z', '2026-03-09T23:59:59.999Z'],
      ['across a month end (Friday 30 Jan → Monday 2 Feb)', '2026-01-30T09:00:00.000Z', '2026-02-02T23:59:59.999Z'],
      ['across a year end (Wednesday 30 Dec → Thursday 31 Dec)', '2026-12-30T09:00:00.000Z', '2026-12-31T23:59:59.999Z'],
    ])('%s', (_label, reportedAt, due) => {
      expect(referralDueBy(new Date(reportedAt), ENGLAND).toISOString()).toBe(due);
    });

    describe('skips the bank holidays of the organisation’s nation (process.md §6 "Working days")', () => {
      it.each([
        ['Thursday 24 December 2026 → Tuesday 29 (Christmas Friday, Boxing Day substitute Monday)', '2026-12-24T10:00:00.000Z', '2026-12-29T23:59:59.999Z'],
        ['Thursday 31 December 2026 → Monday 4 January (New Year’s Day Friday)', '2026-12-31T09:00:00.000Z', '2027-01-04T23:59:59.999Z'],
        ['Thursday 25 March 2027 → Tuesday 30 (Good Friday, Easter Monday)', '2027-03-25T10:00:00.000Z', '2027-03-30T22:59:59.999Z'],
        ['Friday 24 December 2027 → Wednesday 29 (Christmas and Boxing Day substitutes 27 and 28)', '2027-12-24T10:00:00.000Z', '2027-12-29T23:59:59.999Z'],
      ])('England and Wales: %s', (_label, reportedAt, due) => {
        expect(referralDueBy(new Date(reportedAt), ENGLAND).toISOString()).toBe(due);
      });

      it('Scotland: Thursday 1 January 2026 → Monday 5 (2 January); Thursday 25 March 2027 → Monday 29 (no Easter Monday)', () => {
        expect(referralDueBy(new Date('2026-01-01T10:00:00.000Z'), SCOTLAND).toISOString()).toBe('2026-01-05T23:59:59.999Z');
        expect(referralDueBy(new Date('2026-01-01T10:00:00.000Z'), ENGLAND).toISOString()).toBe('2026-01-02T23:59:59.999Z');
        expect(referralDueBy(new Date('2027-03-25T10:00:00.000Z'), SCOTLAND).toISOString()).toBe('2027-03-29T22:59:59.999Z');
      });

      it('without the bank holidays the same report would be due on Christmas Day: the calendar is what moves it', () => {
        const weekendsOnly = { zone: 'Europe/London', holidays: NO_HOLIDAYS };
        expect(referralDueBy(new Date('2026-12-24T10:00:00.000Z'), weekendsOnly).toISOString()).toBe('2026-12-25T23:59:59.999Z');
      });
    });

    it.each([
      ['00:30 BST Monday (Sunday 23:30 UTC) is due at the end of Tuesday, UK time', '2026-06-07T23:30:00.000Z', '2026-06-09T22:59:59.999Z'],
      ['Friday afternoon in summer → end of Monday, UK time', '2026-06-12T15:00:00.000Z', '2026-06-15T22:59:59.999Z'],
      ['in winter UK time is UTC', '2026-12-01T10:00:00.000Z', '2026-12-02T23:59:59.999Z'],
      ['Friday in BST, due Monday after the clocks go back (25 Oct 2026): end of Monday, GMT', '2026-10-23T15:00:00.000Z', '2026-10-26T23:59:59.999Z'],
      ['Friday in GMT, due Monday after the clocks go forward (29 Mar 2026): end of Monday, BST', '2026-03-27T15:00:00.000Z', '2026-03-30T22:59:59.999Z'],
    ])('counts UK school days: %s', (_label, reportedAt, due) => {
      expect(referralDueBy(new Date(reportedAt), ENGLAND).toISOString()).toBe(due);
    });

    it('is never a weekend day', () => {
      for (let day = 0; day < 14; day++) {
        const due = referralDueBy(new Date(Date.UTC(2026, 2, 1 + day, 12)), ENGLAND);
        expect([0, 6]).not.toContain(due.getUTCDay());
      }
    });

    it('does not change the date it is given', () => {
      const reportedAt = new Date('2026-03-06T15:00:00.000Z');
      referralDueBy(reportedAt, ENGLAND);
      expect(reportedAt.toISOString()).toBe('2026-03-06T15:00:00.000Z');
    });
  });
});
