import { calendarFor } from '../calendar/school-calendar';
import { endsWithinNotice } from '../tasks/task.rules';
import { digestDate, digestEmail, immediateEmail, notificationKey, retryDelaySeconds, wantsDigest, wantsImmediate } from './notification.rules';

const CASE = {
  caseId: '0b6c2c8e-8d0e-4d55-9d5e-6f1f7c0b7a11',
  kind: 'investigate',
  reference: 'SMP-2026-0042',
  what: 'Investigate the case',
  dueAt: '2026-12-04T17:00:00.000Z',
};
const task = (overrides: Record<string, unknown> = {}) => ({ organisationId: 'o', userId: 'u', overdue: false, ...CASE, ...overrides });

describe('notification rules (process.md §6)', () => {
  it('immediate e-mail: the reference, what waits and a link — the exact words', () => {
    expect(immediateEmail(CASE, 'waiting', 'https://casework.test')).toEqual({
      subject: 'A case waits for you: SMP-2026-0042 — Investigate the case, due 4 December 2026',
      body: expect.stringContaining('Open it: https://casework.test/app/cases/0b6c2c8e-8d0e-4d55-9d5e-6f1f7c0b7a11'),
    });
    expect(immediateEmail(CASE, 'overdue', 'https://x').subject).toBe('Overdue: SMP-2026-0042 — Investigate the case, was due 4 December 2026');
    expect(immediateEmail({ ...CASE, dueAt: null }, 'waiting', 'https://x').subject).toBe('A case waits for you: SMP-2026-0042 — Investigate the case');
  });

  it('an e-mail is built from reference, what and due only: anything else the caller holds never reaches it', () => {
    const withContent = { ...CASE, description: 'posted about a colleague', subjectName: 'Sam Teacher' } as typeof CASE;
    const { subject, body } = immediateEmail(withContent, 'waiting', 'https://x');
    expect(subject + body).not.toMatch(/posted about|Sam Teacher/);
  });

  it('a due date is the London date: 23:30 GMT on 4 December is 4 December, 23:30 UTC in July is the next day', () => {
    expect(immediateEmail({ ...CASE, dueAt: '2026-12-04T23:30:00Z' }, 'waiting', 'x').subject).toContain('due 4 December 2026');
    expect(immediateEmail({ ...CASE, dueAt: '2026-07-04T23:30:00Z' }, 'waiting', 'x').subject).toContain('due 5 July 2026');
  });

  it('preferences: immediate, digest or both', () => {
    expect([wantsImmediate('immediate'), wantsImmediate('digest'), wantsImmediate('both')]).toEqual([true, false, true]);
    expect([wantsDigest('immediate'), wantsDigest('digest'), wantsDigest('both')]).toEqual([false, true, true]);
  });

  it('the same waiting thing has one key; a moved deadline or another event is another', () => {
    expect(notificationKey('waiting', CASE)).toBe(notificationKey('waiting', { ...CASE, dueAt: '2026-12-04T17:00:00Z' }));
    expect(notificationKey('waiting', CASE)).not.toBe(notificationKey('waiting', { ...CASE, dueAt: '2026-12-11T17:00:00Z' }));
    expect(notificationKey('waiting', CASE)).not.toBe(notificationKey('overdue', CASE));
  });

  it('the digest: overdue first, then what is due; nothing to list, no e-mail', () => {
    expect(digestEmail([], '2026-12-03', 'x')).toBeNull();
    const email = digestEmail([task(), task({ overdue: true, what: 'Decide the report', dueAt: '2026-12-01T17:00:00Z' })], '2026-12-03', 'https://x')!;
    expect(email.subject).toBe('Your casework for 3 December 2026: 1 overdue, 1 to do');
    expect(email.body.indexOf('Decide the report, was due 1 December 2026')).toBeLessThan(email.body.indexOf('Investigate the case, due 4 December 2026'));
  });

  it('the digest date is London’s: 07:00 GMT in December and 07:00 BST (06:00 UTC) in July', () => {
    expect(digestDate(new Date('2026-12-03T07:00:00Z'))).toBe('2026-12-03');
    expect(digestDate(new Date('2026-07-01T06:00:00Z'))).toBe('2026-07-01');
    expect(digestDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });

  it('retries wait twice as long each time, and the last attempt fails for good', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelaySeconds(a, 6, 60))).toEqual([60, 120, 240, 480, 960]);
    expect(retryDelaySeconds(6, 6, 60)).toBeNull();
  });

  it('an authorisation is expiring within 5 working days (the default notice) — counted over a bank holiday (Christmas 2026)', () => {
    const isExpiringSoon = (endsAt: Date, now: Date, calendar: ReturnType<typeof calendarFor>) => endsWithinNotice(endsAt, now, calendar, 5);
    const ew = calendarFor('england_and_wales');
    const now = new Date('2026-12-22T09:00:00Z'); // Tuesday; 25 and 28 December are bank holidays
    expect(isExpiringSoon(new Date('2026-12-30T09:00:00Z'), now, ew)).toBe(true); // 23, 24, 29, 30: 4 working days
    expect(isExpiringSoon(new Date('2026-12-31T09:00:00Z'), now, ew)).toBe(true); // the 5th
    expect(isExpiringSoon(new Date('2027-01-01T09:00:00Z'), now, ew)).toBe(false);
    expect(isExpiringSoon(new Date('2026-12-22T08:00:00Z'), now, ew)).toBe(false); // already ended
  });
});
