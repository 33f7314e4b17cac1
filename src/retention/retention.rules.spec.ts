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
  it('periods are configuration', () => {
    expect(retainUntil(base, { ...DEFAULT_RETENTION, baseMonths: 3 }).toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });
});
