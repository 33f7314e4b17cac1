import type { CaseFacts } from '../access/conflicts';
import { calendarFor } from '../calendar/school-calendar';
import { caseManagerProblem, consultationLate, ladoConsultationDueBy, ladoConsultationOverdue } from './lado.rules';

const ENGLAND = calendarFor('england_and_wales');

// Thursday 19 November 2026, 18:30 UK time (GMT)
const thursday = new Date('2026-11-19T18:30:00.000Z');
// Friday 20 November 2026, 20:00 UK time
const friday = new Date('2026-11-20T20:00:00.000Z');

describe('LADO consultation within one working day (KCSIE Part 4, process.md §3)', () => {
  it('is due by the end of the next working day, UK time', () => {
    expect(ladoConsultationDueBy(thursday, ENGLAND).toISOString()).toBe('2026-11-20T23:59:59.999Z');
    // a Friday report: due by the end of Monday
    expect(ladoConsultationDueBy(friday, ENGLAND).toISOString()).toBe('2026-11-23T23:59:59.999Z');
    // in summer time the day ends at 22:59:59.999Z
    expect(ladoConsultationDueBy(new Date('2026-06-10T08:00:00.000Z'), ENGLAND).toISOString()).toBe('2026-06-11T22:59:59.999Z');
  });

  it('skips the bank holidays of the organisation’s nation: Thursday 24 December 2026 → the end of Tuesday 29 in England and Wales', () => {
    expect(ladoConsultationDueBy(new Date('2026-12-24T11:00:00.000Z'), ENGLAND).toISOString()).toBe('2026-12-29T23:59:59.999Z');
    // Scotland: Thursday 1 January 2026 → Monday 5 (2 January is a bank holiday there)
    expect(ladoConsultationDueBy(new Date('2026-01-01T11:00:00.000Z'), calendarFor('scotland')).toISOString()).toBe('2026-01-05T23:59:59.999Z');
    expect(consultationLate(new Date('2026-12-24T11:00:00.000Z'), new Date('2026-12-28T12:00:00.000Z'), ENGLAND)).toBe(false);
  });

  it('a consultation after its due time is late (and is still recorded: nothing here refuses it)', () => {
    expect(consultationLate(thursday, new Date('2026-11-20T23:59:59.999Z'), ENGLAND)).toBe(false);
    expect(consultationLate(thursday, new Date('2026-11-21T00:00:00.000Z'), ENGLAND)).toBe(true);
    expect(consultationLate(friday, new Date('2026-11-23T12:00:00.000Z'), ENGLAND)).toBe(false);
  });

  it('a safeguarding case with no consultation is overdue once the due time passes; not an erased one, nor a case that is not safeguarding', () => {
    const c = { safeguarding: true, erased: false, reportedAt: thursday, consultations: 0 };
    const after = new Date('2026-11-21T00:00:00.000Z');
    expect(ladoConsultationOverdue(c, new Date('2026-11-20T12:00:00.000Z'), ENGLAND)).toBe(false);
    expect(ladoConsultationOverdue(c, after, ENGLAND)).toBe(true);
    expect(ladoConsultationOverdue({ ...c, consultations: 1 }, after, ENGLAND)).toBe(false);
    expect(ladoConsultationOverdue({ ...c, erased: true }, after, ENGLAND)).toBe(false);
    expect(ladoConsultationOverdue({ ...c, safeguarding: false }, after, ENGLAND)).toBe(false);
  });
});

describe('the case manager (KCSIE Part 4; domain.md "Conflicts of interest")', () => {
  const facts = {
    parties: [
      { capacity: 'subject', staffId: 's-subject' },
      { capacity: 'reporter', staffId: 's-reporter' },
      { capacity: 'witness', staffId: 's-witness' },
    ],
    investigatorUserIds: [],
    investigatorUserId: null,
    outcomeDecidedByUserId: null,
  } as unknown as CaseFacts;
  const head = { userId: 'u-head', staffIds: ['s-head'], active: true };

  it('is an active user of the organisation who is not a subject, the reporter or a witness', () => {
    expect(caseManagerProblem(head, facts)).toBeNull();
    expect(caseManagerProblem(undefined, facts)).toEqual({ kind: 'field', message: 'no such user in your organisation' });
    expect(caseManagerProblem({ ...head, active: false }, facts)).toEqual({ kind: 'field', message: 'that user is deactivated' });
    for (const [staffId, what] of [
      ['s-subject', 'a subject'],
      ['s-reporter', 'the reporter'],
      ['s-witness', 'a witness'],
    ]) {
      expect(caseManagerProblem({ ...head, staffIds: [staffId] }, facts)).toEqual({
        kind: 'conflict',
        message: `the case manager cannot be ${what} of the case`,
      });
    }
  });
});
