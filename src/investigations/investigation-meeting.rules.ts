import { DomainError } from '../common/errors/domain-error';

/** Who an investigation meeting is with: a subject of the case, or a witness (anyone else of the staff directory). */
export const MEETING_CAPACITIES = ['subject', 'witness'] as const;
export type MeetingCapacity = (typeof MEETING_CAPACITIES)[number];

/**
 * A meeting is arranged ahead: its time is after the moment it is arranged (process.md §2: the
 * invitation goes before the meeting). A meeting already held is recorded as an interview.
 */
export function requireMeetingAhead(scheduledFor: Date, now: Date): void {
  if (scheduledFor.getTime() <= now.getTime()) {
    throw DomainError.invalidField('scheduledFor', 'must be in the future: a meeting that has taken place is recorded as an interview');
  }
}

/**
 * The invitee's capacity follows from the case (§4): a subject of the case is invited as the
 * subject, anyone else as a witness. The investigating manager does not invite themselves
 * (§4: they cannot be a witness of their own case).
 */
export function meetingCapacity(staffId: string, subjectStaffIds: readonly string[], investigatorStaffIds: readonly string[]): MeetingCapacity {
  if (investigatorStaffIds.includes(staffId)) throw DomainError.invalidField('staffId', 'is the investigating manager: invite a subject or a witness');
  return subjectStaffIds.includes(staffId) ? 'subject' : 'witness';
}
