import { DomainError } from '../common/errors/domain-error';
import { meetingCapacity, requireMeetingAhead } from './investigation-meeting.rules';

const field = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.errors[0]?.field ?? e.code;
    throw e;
  }
  return undefined;
};

describe('investigation meetings (process.md §2)', () => {
  const now = new Date('2026-12-01T09:00:00Z');

  it('a meeting is arranged ahead: a time now or past is refused naming scheduledFor', () => {
    expect(() => requireMeetingAhead(new Date('2026-12-01T09:00:01Z'), now)).not.toThrow();
    expect(field(() => requireMeetingAhead(now, now))).toBe('scheduledFor');
    expect(field(() => requireMeetingAhead(new Date('2026-11-30T09:00:00Z'), now))).toBe('scheduledFor');
  });

  it('a subject of the case is invited as subject, anyone else as a witness', () => {
    expect(meetingCapacity('s1', ['s1', 's2'], [])).toBe('subject');
    expect(meetingCapacity('w1', ['s1'], ['i1'])).toBe('witness');
  });

  it('the investigating manager is not invited to their own meeting (§4), naming staffId', () => {
    expect(field(() => meetingCapacity('i1', ['s1'], ['i1']))).toBe('staffId');
  });
});
