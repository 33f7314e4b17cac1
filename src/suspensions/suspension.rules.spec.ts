import {
  maySuspendDuring,
  requireCaseSubject,
  requireNotSuspended,
  requireReviewable,
  requireReviewBy,
  requireSuspendable,
  reviewByProblem,
  reviewDecisionProblem,
  suspensionStatus,
} from './suspension.rules';

const DAY = 86_400_000;
const START = new Date('2026-11-02T09:00:00Z');
const at = (days: number) => new Date(START.getTime() + days * DAY);

describe('precautionary suspension (process.md §1; ACAS Code; KCSIE Part 4)', () => {
  it('is recorded during the process only: reported, investigation, awaiting the decision, the hearing — never after the outcome (409)', () => {
    for (const status of ['reported', 'investigation', 'awaiting_decision', 'hearing']) expect(maySuspendDuring(status)).toBe(true);
    for (const status of ['decided', 'appeal', 'closed']) {
      expect(maySuspendDuring(status)).toBe(false);
      expect(() => requireSuspendable(status)).toThrow(expect.objectContaining({ code: 'invalid_transition' }));
    }
    expect(() => requireSuspendable('investigation')).not.toThrow();
  });

  it('the review date is after the start and at most 4 weeks (28 days) after it (400 naming reviewBy)', () => {
    const now = at(1);
    expect(reviewByProblem(at(28), START, now)).toBeNull();
    expect(reviewByProblem(at(7), START, now)).toBeNull();
    expect(reviewByProblem(new Date(at(28).getTime() + 1000), START, now)).toMatch(/at most 4 weeks/);
    expect(reviewByProblem(START, START, START)).toMatch(/must be after/);
    expect(reviewByProblem(at(-1), START, START)).toMatch(/must be after/);
    expect(() => requireReviewBy('reviewBy', at(29), START, now)).toThrow(
      expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'reviewBy' })] }),
    );
  });

  it('a review date already past is refused: the suspension would lapse as it is recorded', () => {
    expect(reviewByProblem(at(5), START, at(6))).toMatch(/already past/);
  });

  it('an organisation’s shorter review period (issue 13): 14 days refuses the 15th day the 4 weeks accept', () => {
    const now = START;
    expect(reviewByProblem(at(15), START, now)).toBeNull();
    expect(reviewByProblem(at(14), START, now, 14)).toBeNull();
    expect(reviewByProblem(at(15), START, now, 14)).toMatch(/at most 14 days/);
    expect(() => requireReviewBy('reviewBy', at(15), START, now, 14)).toThrow(/reviewBy/);
  });

  it('active until its review date; lapsed after it with no review; ended once ended', () => {
    const s = { reviewBy: at(14), endedAt: null };
    expect(suspensionStatus(s, at(13))).toBe('active');
    expect(suspensionStatus(s, at(14))).toBe('active');
    expect(suspensionStatus(s, new Date(at(14).getTime() + 1))).toBe('lapsed');
    expect(suspensionStatus({ ...s, endedAt: at(3) }, at(20))).toBe('ended');
  });

  it('one active suspension per subject (409 already_suspended); a lapsed or ended one may be followed by another', () => {
    const active = { reviewBy: at(14), endedAt: null };
    expect(() => requireNotSuspended([active], at(1))).toThrow(expect.objectContaining({ code: 'already_suspended' }));
    expect(() => requireNotSuspended([active], at(15))).not.toThrow();
    expect(() => requireNotSuspended([{ ...active, endedAt: at(2) }], at(3))).not.toThrow();
    expect(() => requireNotSuspended([], at(3))).not.toThrow();
  });

  it('a review is of an active suspension: a lapsed one answers 409 suspension_lapsed, an ended one 409 suspension_ended', () => {
    const s = { reviewBy: at(14), endedAt: null };
    expect(() => requireReviewable(s, at(10))).not.toThrow();
    expect(() => requireReviewable(s, at(15))).toThrow(expect.objectContaining({ code: 'suspension_lapsed' }));
    expect(() => requireReviewable({ ...s, endedAt: at(3) }, at(4))).toThrow(expect.objectContaining({ code: 'suspension_ended' }));
  });

  it('continue sets the next review date; end sets none', () => {
    expect(reviewDecisionProblem({ decision: 'continue', reviewBy: at(20).toISOString() })).toBeNull();
    expect(reviewDecisionProblem({ decision: 'end' })).toBeNull();
    expect(reviewDecisionProblem({ decision: 'continue' })).toEqual(expect.objectContaining({ field: 'reviewBy' }));
    expect(reviewDecisionProblem({ decision: 'end', reviewBy: at(20).toISOString() })).toEqual(expect.objectContaining({ field: 'reviewBy' }));
  });

  it('only a subject of the case is suspended (400 naming subjectStaffId)', () => {
    expect(() => requireCaseSubject('s-sam', ['s-sam', 's-alex'])).not.toThrow();
    expect(() => requireCaseSubject('s-other', ['s-sam'])).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'subjectStaffId' })] }));
  });
});
