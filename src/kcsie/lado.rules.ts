import { CaseFacts, involvementOf, Person } from '../access/conflicts';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { addWorkingDays, endOfLocalDay } from '../calendar/working-days';

/**
 * KCSIE 4 (process.md §3): the case manager consults the local authority designated officer
 * (LADO) within one working day of the report: by the end (23:59:59.999, in the calendar's zone)
 * of the next working day of the organisation's calendar (process.md §6: its nation's bank
 * holidays skipped).
 */
export function ladoConsultationDueBy(reportedAt: Date, calendar: SchoolCalendar): Date {
  return endOfLocalDay(addWorkingDays(reportedAt, 1, calendar.zone, calendar.holidays), calendar.zone);
}

/** process.md §3: a consultation after its due time is recorded all the same (never refused), and shown as late. */
export function consultationLate(reportedAt: Date, consultedAt: Date, calendar: SchoolCalendar): boolean {
  return consultedAt.getTime() > ladoConsultationDueBy(reportedAt, calendar).getTime();
}

/**
 * process.md §3: a safeguarding case with no LADO consultation on record is overdue once its
 * due time has passed. Nothing is overdue on an erased case (a tombstone keeps no records).
 */
export function ladoConsultationOverdue(
  c: { safeguarding: boolean; erased: boolean; reportedAt: Date; consultations: number },
  now: Date,
  calendar: SchoolCalendar,
): boolean {
  return c.safeguarding && !c.erased && c.consultations === 0 && now.getTime() > ladoConsultationDueBy(c.reportedAt, calendar).getTime();
}

/**
 * KCSIE 4: the case manager manages the allegation, so (domain.md "Conflicts of interest") is an
 * active user of the organisation and no subject, reporter or witness of the case. What is
 * wrong with the one named, or null: `field` for a 400, `conflict` for a 409.
 */
export function caseManagerProblem(
  candidate: (Person & { active: boolean }) | undefined,
  facts: CaseFacts,
): { kind: 'field' | 'conflict'; message: string } | null {
  if (!candidate) return { kind: 'field', message: 'no such user in your organisation' };
  if (!candidate.active) return { kind: 'field', message: 'that user is deactivated' };
  const involvement = involvementOf(candidate, facts);
  for (const capacity of ['subject', 'reporter', 'witness'] as const) {
    if (involvement.has(capacity))
      return { kind: 'conflict', message: `the case manager cannot be ${capacity === 'reporter' ? 'the reporter' : `a ${capacity}`} of the case` };
  }
  return null;
}
