import { POLICY_STANDARDS } from '../policy/vocabulary';
import { isSafeguardingMatter, referralDueBy } from './safeguarding';

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
      ['across a year end (Thursday 31 Dec → Friday 1 Jan)', '2026-12-31T09:00:00.000Z', '2027-01-01T23:59:59.999Z'],
    ])('%s', (_label, reportedAt, due) => {
      expect(referralDueBy(new Date(reportedAt)).toISOString()).toBe(due);
    });

    it.each([
      ['00:30 BST Monday (Sunday 23:30 UTC) is due at the end of Tuesday, UK time', '2026-06-07T23:30:00.000Z', '2026-06-09T22:59:59.999Z'],
      ['Friday afternoon in summer → end of Monday, UK time', '2026-06-12T15:00:00.000Z', '2026-06-15T22:59:59.999Z'],
      ['in winter UK time is UTC', '2026-12-01T10:00:00.000Z', '2026-12-02T23:59:59.999Z'],
      ['Friday in BST, due Monday after the clocks go back (25 Oct 2026): end of Monday, GMT', '2026-10-23T15:00:00.000Z', '2026-10-26T23:59:59.999Z'],
      ['Friday in GMT, due Monday after the clocks go forward (29 Mar 2026): end of Monday, BST', '2026-03-27T15:00:00.000Z', '2026-03-30T22:59:59.999Z'],
    ])('counts UK school days: %s', (_label, reportedAt, due) => {
      expect(referralDueBy(new Date(reportedAt)).toISOString()).toBe(due);
    });

    it('is never a weekend day', () => {
      for (let day = 0; day < 14; day++) {
        const due = referralDueBy(new Date(Date.UTC(2026, 2, 1 + day, 12)));
        expect([0, 6]).not.toContain(due.getUTCDay());
      }
    });

    it('does not change the date it is given', () => {
      const reportedAt = new Date('2026-03-06T15:00:00.000Z');
      referralDueBy(reportedAt);
      expect(reportedAt.toISOString()).toBe('2026-03-06T15:00:00.000Z');
    });
  });
});
