import { DEFAULT_RETENTION, retainUntil } from './retention.rules';

const reportedAt = new Date('2026-01-10T09:00:00.000Z');
const closedAt = new Date('2026-03-01T12:00:00.000Z');
const base = { reportedAt, closedAt, safeguarding: false, sanction: null, warningExpiresAt: null };

describe('retainUntil (§13; README "Retention")', () => {
  it('closed at triage: one year after closure', () => {
    expect(retainUntil(base).toISOString()).toBe('2027-03-01T12:00:00.000Z');
  });
  it.each(['no_action', 'informal_action'] as const)('%s: one year after closure', (sanction) => {
    expect(retainUntil({ ...base, sanction }).toISOString()).toBe('2027-03-01T12:00:00.000Z');
  });
  it.each(['first_written_warning', 'final_written_warning'] as const)('%s: six months after the warning expires', (sanction) => {
    expect(retainUntil({ ...base, sanction, warningExpiresAt: new Date('2027-03-01T00:00:00.000Z') }).toISOString()).toBe('2027-09-01T00:00:00.000Z');
  });
  it.each(['dismissal_with_notice', 'summary_dismissal'] as const)('%s: six years after closure', (sanction) => {
    expect(retainUntil({ ...base, sanction }).toISOString()).toBe('2032-03-01T12:00:00.000Z');
  });
  it('safeguarding: at least ten years from the report, whatever the outcome', () => {
    expect(retainUntil({ ...base, safeguarding: true }).toISOString()).toBe('2036-01-10T09:00:00.000Z');
    expect(retainUntil({ ...base, safeguarding: true, sanction: 'summary_dismissal' }).toISOString()).toBe('2036-01-10T09:00:00.000Z');
  });
  it('a case that becomes a safeguarding case after closure (a late referral) moves from a year after closure to ten years from the report', () => {
    const atClosure = retainUntil(base);
    const afterReferral = retainUntil({ ...base, safeguarding: true });
    expect([atClosure.toISOString(), afterReferral.toISOString()]).toEqual(['2027-03-01T12:00:00.000Z', '2036-01-10T09:00:00.000Z']);
    // RETENTION_SAFEGUARDING_YEARS: from the report, whenever the case closed.
    expect(retainUntil({ ...base, safeguarding: true }, { ...DEFAULT_RETENTION, safeguardingYears: 25 }).toISOString()).toBe('2051-01-10T09:00:00.000Z');
  });
  it('safeguarding never shortens a longer period', () => {
    const dismissal = { ...base, closedAt: new Date('2031-03-01T12:00:00.000Z'), sanction: 'summary_dismissal' as const };
    expect(retainUntil({ ...dismissal, safeguarding: true }).toISOString()).toBe('2037-03-01T12:00:00.000Z');
  });
  it('periods are configuration', () => {
    expect(retainUntil(base, { ...DEFAULT_RETENTION, baseMonths: 3 }).toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });
});

describe('retainUntil and KCSIE Part 4 findings (process.md §3)', () => {
  const safeguarding = { ...base, safeguarding: true };
  it.each([[['malicious']], [['false']], [['malicious', 'false']]])(
    '%j: the allegation leaves the record — the base period, no safeguarding floor',
    (findings) => {
      expect(retainUntil({ ...safeguarding, sanction: 'no_action', findings }).toISOString()).toBe('2027-03-01T12:00:00.000Z');
    },
  );
  it.each([[['unsubstantiated']], [['unfounded']], [['malicious', 'unfounded']], [[]]])('%j: at least ten years from the report', (findings) => {
    expect(retainUntil({ ...safeguarding, sanction: 'no_action', findings }).toISOString()).toBe('2036-01-10T09:00:00.000Z');
  });
  it('substantiated: at least ten years from the report, longer when configured (RETENTION_SUBSTANTIATED_SAFEGUARDING_YEARS)', () => {
    const substantiated = {
      ...safeguarding,
      sanction: 'first_written_warning' as const,
      warningExpiresAt: new Date('2027-03-01T00:00:00.000Z'),
      findings: ['substantiated', 'malicious'],
    };
    expect(retainUntil(substantiated).toISOString()).toBe('2036-01-10T09:00:00.000Z');
    expect(retainUntil(substantiated, { ...DEFAULT_RETENTION, substantiatedSafeguardingYears: 40 }).toISOString()).toBe('2066-01-10T09:00:00.000Z');
    // the other safeguarding cases keep RETENTION_SAFEGUARDING_YEARS
    expect(retainUntil({ ...substantiated, findings: ['unfounded'] }, { ...DEFAULT_RETENTION, substantiatedSafeguardingYears: 40 }).toISOString()).toBe(
      '2036-01-10T09:00:00.000Z',
    );
  });
  it('a case that is not safeguarding is untouched by its findings', () => {
    expect(retainUntil({ ...base, sanction: 'no_action', findings: ['substantiated'] }).toISOString()).toBe('2027-03-01T12:00:00.000Z');
  });
});
