import { DomainError } from '../common/errors/domain-error';
import { authorisationUseProblem, checkMonitoringDecision, checkMonitoringRequest } from './monitoring.rules';

const now = new Date('2026-11-23T12:00:00Z');
const base = { scope: 'school_systems' as const, periodFrom: new Date('2026-11-01'), periodTo: new Date('2026-11-20'), expiresAt: new Date('2026-12-31') };
const problem = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  return null;
};

describe('checkMonitoringRequest (§9 legitimately and proportionately; §11 personal social media)', () => {
  it('accepts a school-systems request with a sound period and a future expiry', () => {
    expect(problem(() => checkMonitoringRequest(base, new Set(), now))).toBeNull();
  });
  it('periodFrom must precede periodTo (400 naming periodTo)', () => {
    expect(problem(() => checkMonitoringRequest({ ...base, periodTo: base.periodFrom }, new Set(), now))?.errors[0].field).toBe('periodTo');
  });
  it('the expiry must be in the future (400 naming expiresAt)', () => {
    expect(problem(() => checkMonitoringRequest({ ...base, expiresAt: now }, new Set(), now))?.errors[0].field).toBe('expiresAt');
  });
  it('§11: personal social media needs an allegation of this case (409)', () => {
    const refused = problem(() => checkMonitoringRequest({ ...base, scope: 'personal_social_media' }, new Set(['a']), now));
    expect(refused?.status).toBe(409);
    expect(refused?.code).toBe('monitoring_not_permitted');
    expect(problem(() => checkMonitoringRequest({ ...base, scope: 'personal_social_media', allegationIds: ['a'] }, new Set(['a']), now))).toBeNull();
  });
  it('cited allegations must be of this case (400 naming allegationIds)', () => {
    expect(problem(() => checkMonitoringRequest({ ...base, allegationIds: ['x'] }, new Set(['a']), now))?.errors[0].field).toBe('allegationIds');
  });
});

describe('checkMonitoringDecision', () => {
  it('a pending request may be decided by someone other than the requester', () => {
    expect(problem(() => checkMonitoringDecision({ status: 'pending', requestedByUserId: 'ian' }, 'head'))).toBeNull();
  });
  it.each(['approved', 'rejected'] as const)('a decision is final: %s → 409 already_decided', (status) => {
    expect(problem(() => checkMonitoringDecision({ status, requestedByUserId: 'ian' }, 'head'))?.code).toBe('already_decided');
  });
  it('never the requester’s own', () => {
    expect(problem(() => checkMonitoringDecision({ status: 'pending', requestedByUserId: 'head' }, 'head'))?.code).toBe('conflict_of_interest');
  });
});

describe('authorisationUseProblem (expiry checked at use)', () => {
  const approved = { caseId: 'c', status: 'approved' as const, periodFrom: base.periodFrom, periodTo: base.periodTo, expiresAt: base.expiresAt };
  const use = { caseId: 'c', capturedAt: new Date('2026-11-10'), now };
  it('an approved, unexpired authorisation of the case covering the capture is usable', () => {
    expect(authorisationUseProblem(approved, use)).toBeNull();
  });
  it.each([
    ['missing', undefined, /not one of this case/],
    ['another case', { ...approved, caseId: 'other' }, /not one of this case/],
    ['pending', { ...approved, status: 'pending' as const }, /not been approved/],
    ['rejected', { ...approved, status: 'rejected' as const }, /rejected/],
    ['expired', { ...approved, expiresAt: now }, /expired/],
  ])('%s → refused', (_label, authorisation, message) => {
    expect(authorisationUseProblem(authorisation, use)).toMatch(message);
  });
  it.each([new Date('2026-10-31'), new Date('2026-11-21')])('captured outside the period (%s) → refused', (capturedAt) => {
    expect(authorisationUseProblem(approved, { ...use, capturedAt })).toMatch(/outside the authorised period/);
  });
});
