import { DomainError } from '../common/errors/domain-error';
import {
  authorisationUseProblem,
  checkApprovalExpiry,
  checkMonitoringBounds,
  checkMonitoringDecision,
  checkMonitoringRequest,
  DEFAULT_MONITORING_BOUNDS,
} from './monitoring.rules';

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

describe('checkMonitoringBounds (domain.md "Dates the API is told": periods and expiries within bounds a school would set)', () => {
  const bounds = DEFAULT_MONITORING_BOUNDS;
  const at = (iso: string) => new Date(iso);

  it('the defaults: a period of at most 12 months, an expiry at most 3 months after the decision', () => {
    expect(bounds).toEqual({ periodMaxMonths: 12, expiryMaxMonths: 3 });
  });

  it('accepts a fortnight of logs and an expiry in a month', () => {
    expect(problem(() => checkMonitoringBounds(base, now, bounds))).toBeNull();
  });

  it('a monitoring period is at most 12 months (400 naming periodTo)', () => {
    const year = { ...base, periodFrom: at('2025-11-23T12:00:00Z'), periodTo: at('2026-11-23T12:00:00Z') };
    expect(problem(() => checkMonitoringBounds(year, now, bounds))).toBeNull();
    const longer = problem(() => checkMonitoringBounds({ ...year, periodTo: at('2026-11-23T12:00:00.001Z') }, now, bounds));
    expect(longer?.status).toBe(400);
    expect(longer?.errors).toEqual([{ field: 'periodTo', message: expect.stringContaining('at most 12 months') }]);
  });

  it('refuses the 1,100-year period of the finding', () => {
    const millennium = { ...base, periodFrom: at('1900-01-01T00:00:00Z'), periodTo: at('2999-12-31T00:00:00Z') };
    expect(problem(() => checkMonitoringBounds(millennium, now, bounds))?.errors[0].field).toBe('periodTo');
  });

  it('an authorisation expires at most 3 months after it is decided (checked at request time against now: 400 naming expiresAt)', () => {
    expect(problem(() => checkMonitoringBounds({ ...base, expiresAt: at('2027-02-23T12:00:00Z') }, now, bounds))).toBeNull();
    const later = problem(() => checkMonitoringBounds({ ...base, expiresAt: at('2027-02-23T12:00:00.001Z') }, now, bounds));
    expect(later?.status).toBe(400);
    expect(later?.errors).toEqual([{ field: 'expiresAt', message: expect.stringContaining('at most 3 months') }]);
    expect(problem(() => checkMonitoringBounds({ ...base, expiresAt: at('2999-12-31T00:00:00Z') }, now, bounds))?.errors[0].field).toBe('expiresAt');
  });

  it('takes its bounds from configuration', () => {
    const strict = { periodMaxMonths: 1, expiryMaxMonths: 1 };
    expect(problem(() => checkMonitoringBounds({ ...base, periodFrom: at('2026-09-01T00:00:00Z') }, now, strict))?.errors[0].field).toBe('periodTo');
    expect(problem(() => checkMonitoringBounds({ ...base, expiresAt: at('2027-01-01T00:00:00Z') }, now, strict))?.errors[0].field).toBe('expiresAt');
  });
});

describe('checkApprovalExpiry (the expiry bound again, at the moment of approval)', () => {
  const expiresAt = new Date('2027-02-01T00:00:00Z');

  it('approving within 3 months of the expiry is fine', () => {
    expect(problem(() => checkApprovalExpiry(expiresAt, new Date('2026-11-15T00:00:00Z'), DEFAULT_MONITORING_BOUNDS))).toBeNull();
  });

  it('approving a request whose expiry is more than 3 months away is a 409 naming expiresAt: it is asked for again', () => {
    const refused = problem(() => checkApprovalExpiry(expiresAt, new Date('2026-10-31T23:59:59Z'), DEFAULT_MONITORING_BOUNDS));
    expect(refused?.status).toBe(409);
    expect(refused?.code).toBe('monitoring_expiry_out_of_bounds');
    expect(refused?.errors).toEqual([{ field: 'expiresAt', message: expect.stringContaining('at most 3 months') }]);
  });

  it('approving a request that has already expired is a 409 naming expiresAt', () => {
    const refused = problem(() => checkApprovalExpiry(expiresAt, new Date('2027-02-01T00:00:00Z'), DEFAULT_MONITORING_BOUNDS));
    expect(refused?.status).toBe(409);
    expect(refused?.errors[0].field).toBe('expiresAt');
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
