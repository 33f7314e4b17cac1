import type { Actor } from '../access/actor';
import type { CaseFacts } from '../access/conflicts';
import type { Role } from '../access/roles';
import {
  grievanceSubject,
  requireDecidedAfterLodged,
  requireNotDecidedForHearer,
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

describe('a decision that finds the grievance decided by someone else (issue 12)', () => {
  const ORG = 'org-werrington';
  const person = (userId: string, roles: Role[], organisationId = ORG, staffIds = [`s-${userId}`]): Actor =>
    ({ userId, organisationId, email: `${userId}@demo.school`, name: userId, roles, staffIds }) as Actor;
  const facts: CaseFacts = {
    id: 'case-1',
    organisationId: ORG,
    status: 'decided',
    erased: false,
    investigatorUserId: 'u-inv',
    parties: [
      { capacity: 'subject', staffId: 's-subject' },
      { capacity: 'witness', staffId: 's-witness' },
    ],
    investigatorUserIds: ['u-inv'],
    outcomeDecidedByUserId: 'u-head',
    appealDecidedByUserId: null,
    headteachers: [],
    governors: [],
    grievances: { undecided: false, deciderUserIds: ['u-gov1'], paused: null },
  };
  const decided = { decidedAt: LODGED };

  it('is 409 already_decided to a headteacher or governor who could have heard it', () => {
    expect(() => requireNotDecidedForHearer(person('u-gov2', ['governor']), facts, decided)).toThrow(code('already_decided'));
    expect(() => requireNotDecidedForHearer(person('u-head2', ['headteacher']), facts, decided)).toThrow(code('already_decided'));
  });

  it('leaves the 404 to anyone who could not have, to another school, and for a grievance not decided or not of the case', () => {
    for (const who of [
      person('u-head', ['headteacher']), // decided the outcome
      person('u-inv', ['governor']), // investigated
      person('u-w', ['governor'], ORG, ['s-witness']),
      person('u-s', ['governor'], ORG, ['s-subject']),
      person('u-hr', ['hr', 'deputy_head']),
      person('u-north', ['governor'], 'org-northfield'),
    ])
      expect(() => requireNotDecidedForHearer(who, facts, decided)).not.toThrow();
    expect(() => requireNotDecidedForHearer(person('u-gov2', ['governor']), facts, { decidedAt: null })).not.toThrow();
    expect(() => requireNotDecidedForHearer(person('u-gov2', ['governor']), facts, undefined)).not.toThrow();
    expect(() => requireNotDecidedForHearer(person('u-gov2', ['governor']), undefined, decided)).not.toThrow();
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
