import { calendarFor } from '../calendar/school-calendar';
import { NO_HOLIDAYS } from '../calendar/working-days';
import { DomainError } from '../common/errors/domain-error';
import {
  checkAppealDeadline,
  checkAppealLodging,
  checkClosable,
  checkLateEntry,
  checkWarningExpiry,
  DEFAULT_APPEAL_DEADLINE_BOUNDS,
  DEFAULT_WARNING_BOUNDS,
} from './outcome.rules';

const at = (iso: string) => new Date(iso);
const ENGLAND = calendarFor('england_and_wales');
const problem = (fn: () => void): DomainError | null => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return null;
};

describe('outcome rules (§12; domain.md "Dates the API is told")', () => {
  describe('checkAppealDeadline', () => {
    const bounds = DEFAULT_APPEAL_DEADLINE_BOUNDS;
    // Decided Monday 2 November 2026, communicated in writing on Tuesday 3 November at 10:00 (GMT).
    const decidedAt = at('2026-11-02T15:00:00.000Z');
    const communicatedAt = at('2026-11-03T10:00:00.000Z');

    it('the defaults: at least 5 working days, at most 3 months', () => {
      expect(bounds).toEqual({ minWorkingDays: 5, maxMonths: 3 });
    });

    it('an appeal deadline is at least 5 working days after the decision is communicated', () => {
      // Tuesday 3 Nov + 5 working days = Tuesday 10 Nov, 10:00
      expect(problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2026-11-10T10:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
      const early = problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2026-11-10T09:59:59.999Z') }, bounds, ENGLAND));
      expect(early?.status).toBe(400);
      expect(early?.errors).toEqual([
        { field: 'appealDeadline', message: expect.stringContaining('at least 5 working days after the decision was communicated') },
      ]);
    });

    it('counts working days, not calendar days: 5 calendar days over a weekend are not enough', () => {
      // Friday 6 Nov → Wednesday 11 Nov is 5 calendar days but 3 working days
      const friday = at('2026-11-06T12:00:00.000Z');
      expect(problem(() => checkAppealDeadline({ decidedAt: friday, appealDeadline: at('2026-11-11T12:00:00.000Z') }, bounds, ENGLAND))?.errors[0].field).toBe(
        'appealDeadline',
      );
      expect(problem(() => checkAppealDeadline({ decidedAt: friday, appealDeadline: at('2026-11-13T12:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
    });

    it('counts from the decision when it has not been communicated yet', () => {
      const refused = problem(() => checkAppealDeadline({ decidedAt, appealDeadline: at('2026-11-06T15:00:00.000Z') }, bounds, ENGLAND));
      expect(refused?.errors[0].message).toContain('which has not been communicated yet');
      expect(problem(() => checkAppealDeadline({ decidedAt, appealDeadline: at('2026-11-09T15:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
    });

    it('a deadline one second after a dismissal is refused (the case could close at once)', () => {
      const dismissal = at('2026-11-02T15:00:00.000Z');
      expect(
        problem(() => checkAppealDeadline({ decidedAt: dismissal, appealDeadline: at('2026-11-02T15:00:01.000Z') }, bounds, ENGLAND))?.errors[0].field,
      ).toBe('appealDeadline');
    });

    it('an appeal deadline is at most 3 months after the decision is communicated', () => {
      expect(problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2027-02-03T10:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
      const late = problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2027-02-03T10:00:00.001Z') }, bounds, ENGLAND));
      expect(late?.status).toBe(400);
      expect(late?.errors).toEqual([{ field: 'appealDeadline', message: expect.stringContaining('at most 3 months') }]);
    });

    it('a deadline in 2999 is refused (the case would never close)', () => {
      expect(
        problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2999-12-31T00:00:00.000Z') }, bounds, ENGLAND))?.errors[0].field,
      ).toBe('appealDeadline');
    });

    it('keeps the local time across the clock change (BST → GMT on 25 October 2026)', () => {
      // communicated Thursday 22 October 10:00 BST (09:00 UTC): 5 working days later is Thursday 29 October 10:00 GMT
      const beforeChange = at('2026-10-22T09:00:00.000Z');
      expect(problem(() => checkAppealDeadline({ decidedAt: beforeChange, appealDeadline: at('2026-10-29T10:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
      expect(problem(() => checkAppealDeadline({ decidedAt: beforeChange, appealDeadline: at('2026-10-29T09:59:00.000Z') }, bounds, ENGLAND))).not.toBeNull();
    });

    it('takes its bounds from configuration', () => {
      const strict = { minWorkingDays: 10, maxMonths: 1 };
      expect(problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2026-11-10T10:00:00.000Z') }, strict, ENGLAND))).not.toBeNull();
      expect(problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2026-11-17T10:00:00.000Z') }, strict, ENGLAND))).toBeNull();
      expect(problem(() => checkAppealDeadline({ decidedAt, communicatedAt, appealDeadline: at('2026-12-04T10:00:00.000Z') }, strict, ENGLAND))).not.toBeNull();
    });

    it('skips the organisation’s bank holidays (process.md §6): communicated Monday 21 December 2026 → Wednesday 30 December at the earliest', () => {
      const communicated = at('2026-12-21T10:00:00.000Z');
      // 22, 23, 24, (25 Christmas, 28 Boxing Day substitute), 29, 30
      expect(problem(() => checkAppealDeadline({ decidedAt: communicated, appealDeadline: at('2026-12-30T10:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
      const early = problem(() => checkAppealDeadline({ decidedAt: communicated, appealDeadline: at('2026-12-29T10:00:00.000Z') }, bounds, ENGLAND));
      expect(early?.errors[0].message).toContain('2026-12-30T10:00:00.000Z or later');
      // counted in weekends only, Monday 28 would have been enough: the calendar is what refuses it
      const weekendsOnly = { zone: 'Europe/London', holidays: NO_HOLIDAYS };
      expect(problem(() => checkAppealDeadline({ decidedAt: communicated, appealDeadline: at('2026-12-28T10:00:00.000Z') }, bounds, weekendsOnly))).toBeNull();
    });

    it('in the nation’s calendar: Easter 2027 takes two working days in England and Wales, one in Scotland', () => {
      const thursday = at('2027-03-25T10:00:00.000Z'); // GMT; the clocks go forward on Sunday 28 March
      // England and Wales: 30, 31, 1, 2, 5 April → Monday 5 April 10:00 BST (09:00 UTC); Scotland: 29, 30, 31, 1, 2 → Friday 2 April
      expect(problem(() => checkAppealDeadline({ decidedAt: thursday, appealDeadline: at('2027-04-02T09:00:00.000Z') }, bounds, ENGLAND))).not.toBeNull();
      expect(problem(() => checkAppealDeadline({ decidedAt: thursday, appealDeadline: at('2027-04-05T09:00:00.000Z') }, bounds, ENGLAND))).toBeNull();
      expect(
        problem(() => checkAppealDeadline({ decidedAt: thursday, appealDeadline: at('2027-04-02T09:00:00.000Z') }, bounds, calendarFor('scotland'))),
      ).toBeNull();
    });

    it('no deadline (no action): nothing to check', () => {
      expect(problem(() => checkAppealDeadline({ decidedAt }, bounds, ENGLAND))).toBeNull();
    });
  });

  describe('checkWarningExpiry: a warning expires at most WARNING_MAX_MONTHS (default 24) after it is given', () => {
    const givenAt = at('2026-11-02T15:00:00.000Z');

    it('the default allows ordinary practice: two years', () => {
      expect(DEFAULT_WARNING_BOUNDS).toEqual({ maxMonths: 24 });
      expect(problem(() => checkWarningExpiry({ givenAt, warningExpiresAt: at('2027-11-02T15:00:00.000Z') }, DEFAULT_WARNING_BOUNDS))).toBeNull();
      expect(problem(() => checkWarningExpiry({ givenAt, warningExpiresAt: at('2028-11-02T15:00:00.000Z') }, DEFAULT_WARNING_BOUNDS))).toBeNull();
    });

    it('a warning expiring in 2999 is refused, naming warningExpiresAt (the case would never be erased, §13)', () => {
      const refused = problem(() => checkWarningExpiry({ givenAt, warningExpiresAt: at('2999-01-01T00:00:00.000Z') }, DEFAULT_WARNING_BOUNDS));
      expect(refused?.errors[0].field).toBe('warningExpiresAt');
      const justOver = problem(() => checkWarningExpiry({ givenAt, warningExpiresAt: at('2028-11-02T15:00:00.001Z') }, DEFAULT_WARNING_BOUNDS));
      expect(justOver?.errors[0]).toEqual({ field: 'warningExpiresAt', message: expect.stringContaining('at most 24 months') });
    });

    it('takes its bound from configuration', () => {
      expect(problem(() => checkWarningExpiry({ givenAt, warningExpiresAt: at('2027-11-02T15:00:00.000Z') }, { maxMonths: 6 }))?.errors[0].field).toBe(
        'warningExpiresAt',
      );
    });

    it('no warning: nothing to check', () => {
      expect(problem(() => checkWarningExpiry({ givenAt }, DEFAULT_WARNING_BOUNDS))).toBeNull();
    });
  });

  describe('checkLateEntry', () => {
    const deadline = at('2026-11-20T17:00:00.000Z');

    it('an appeal entered after its deadline needs a late-entry reason, whatever lodgedAt says (400 naming lateEntryReason)', () => {
      const refused = problem(() => checkLateEntry({ statedAt: at('2026-11-10T09:00:00.000Z'), deadline, enteredAt: at('2026-11-30T09:00:00.000Z') }));
      expect(refused?.status).toBe(400);
      expect(refused?.errors).toEqual([{ field: 'lateEntryReason', message: expect.stringContaining('late-entry reason') }]);
    });

    it('with a late-entry reason the late entry is accepted', () => {
      expect(
        problem(() =>
          checkLateEntry({
            statedAt: at('2026-11-10T09:00:00.000Z'),
            deadline,
            enteredAt: at('2026-11-30T09:00:00.000Z'),
            lateEntryReason: 'The letter was in the post room for two weeks',
          }),
        ),
      ).toBeNull();
    });

    it('an entry made by the deadline needs no reason, and carries none', () => {
      expect(problem(() => checkLateEntry({ statedAt: at('2026-11-10T09:00:00.000Z'), deadline, enteredAt: deadline }))).toBeNull();
      expect(
        problem(() => checkLateEntry({ statedAt: at('2026-11-10T09:00:00.000Z'), deadline, enteredAt: at('2026-11-11T09:00:00.000Z'), lateEntryReason: 'x' }))
          ?.errors[0].field,
      ).toBe('lateEntryReason');
    });
  });

  describe('checkAppealLodging', () => {
    const outcome = { sanction: 'first_written_warning' as const, appealDeadline: at('2026-11-20T17:00:00.000Z') };

    it('an appeal stated as lodged after the deadline is out of time (409)', () => {
      const refused = problem(() => checkAppealLodging(outcome, at('2026-11-20T17:00:00.001Z')));
      expect(refused?.status).toBe(409);
      expect(refused?.code).toBe('appeal_out_of_time');
      expect(problem(() => checkAppealLodging(outcome, at('2026-11-20T17:00:00.000Z')))).toBeNull();
    });

    it('no action: nothing to appeal (409)', () => {
      expect(problem(() => checkAppealLodging({ sanction: 'no_action', appealDeadline: null }, at('2026-11-20T17:00:00.000Z')))?.code).toBe('not_appealable');
    });
  });

  describe('checkClosable', () => {
    it('not while the appeal window is open', () => {
      const appealDeadline = at('2026-11-20T17:00:00.000Z');
      expect(problem(() => checkClosable({ appealDeadline }, appealDeadline))?.code).toBe('appeal_window_open');
      expect(problem(() => checkClosable({ appealDeadline }, at('2026-11-20T17:00:00.001Z')))).toBeNull();
    });
  });
});
