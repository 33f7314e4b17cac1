import {
  grievanceSubject,
  requireDecidedAfterLodged,
  requireNotPausedState,
  requireOpenForGrievance,
  requirePausable,
  requireResumable,
  requireUndecided,
} from './grievance.rules';

const LODGED = new Date('2026-11-10T09:00:00Z');
const code = (c: string) => expect.objectContaining({ code: c });
const field = (f: string) => expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ field: f })] });

describe('grievances (§6, process.md §4)', () => {
  it('are recorded while the case is open, never on a closed one', () => {
    for (const status of ['reported', 'investigation', 'awaiting_decision', 'decided', 'appeal'] as const)
      expect(() => requireOpenForGrievance(status)).not.toThrow();
    expect(() => requireOpenForGrievance('closed')).toThrow(code('invalid_transition'));
  });

  it('are the subject’s: named when the case has several subjects, theirs when it has one', () => {
    expect(grievanceSubject(['s1'], undefined)).toBe('s1');
    expect(grievanceSubject(['s1', 's2'], 's2')).toBe('s2');
    expect(() => grievanceSubject(['s1', 's2'], undefined)).toThrow(field('subjectStaffId'));
    expect(() => grievanceSubject(['s1'], 'witness')).toThrow(field('subjectStaffId'));
  });

  it('are decided once (ACAS), and not before they were lodged', () => {
    expect(() => requireUndecided({ decidedAt: null })).not.toThrow();
    expect(() => requireUndecided({ decidedAt: LODGED })).toThrow(code('already_decided'));
    expect(() => requireDecidedAfterLodged(new Date('2026-11-09T09:00:00Z'), LODGED)).toThrow(field('decidedAt'));
    expect(() => requireDecidedAfterLodged(LODGED, LODGED)).not.toThrow();
  });
});

describe('pausing the disciplinary process for a grievance (process.md §4)', () => {
  const related = { relatedToProcess: true, decidedAt: null };

  it('only for a related grievance not yet decided', () => {
    expect(() => requirePausable(related, false)).not.toThrow();
    expect(() => requirePausable({ ...related, relatedToProcess: false }, false)).toThrow(field('grievanceId'));
    expect(() => requirePausable({ ...related, decidedAt: LODGED }, false)).toThrow(code('already_decided'));
  });

  it('not twice', () => {
    expect(() => requirePausable(related, true)).toThrow(code('already_paused'));
  });

  it('resumes only once its grievance is decided, and only when paused', () => {
    expect(() => requireResumable({ grievanceDecided: true })).not.toThrow();
    expect(() => requireResumable({ grievanceDecided: false })).toThrow(code('grievance_undecided'));
    expect(() => requireResumable(null)).toThrow(code('not_paused'));
  });

  it('while paused, the case’s status does not change', () => {
    expect(() => requireNotPausedState(true)).toThrow(code('case_paused'));
    expect(() => requireNotPausedState(false)).not.toThrow();
  });
});
