import { CaseFacts, decisionMakerRole, involvementOf, mayHearAppeal, takesNoDecision } from '../access/conflicts';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { addWorkingDays } from '../calendar/working-days';
import { DomainError } from '../common/errors/domain-error';
import type { Sanction } from '../outcomes/outcome.rules';

/**
 * Hearings (process.md §1; ACAS Code of Practice on disciplinary procedures; s10 Employment
 * Relations Act 1999, the right to be accompanied). Pure rules, one place each: the services
 * load what they read and call these.
 */

/** A disciplinary hearing before the outcome, or the appeal hearing before the appeal decision. */
export const HEARING_KINDS = ['disciplinary', 'appeal'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

/**
 * ERA 1999 s10(3): a companion is a work colleague, a trade union representative or an official
 * employed by a trade union. A school may allow someone else as a reasonable adjustment, recorded as such.
 */
export const COMPANION_CATEGORIES = ['work_colleague', 'trade_union_representative', 'trade_union_official', 'other_reasonable_adjustment'] as const;
export type CompanionCategory = (typeof COMPANION_CATEGORIES)[number];

/**
 * Why a hearing moves: the subject's companion cannot attend (ERA 1999 s10(4)–(5): the subject
 * proposes another time within 5 working days, once), or the chair's own choice, with a reason.
 */
export const REARRANGEMENT_BASES = ['companion_unavailable', 'chair_decision'] as const;
export type RearrangementBasis = (typeof REARRANGEMENT_BASES)[number];

/** ERA 1999 s10(5)(b): the subject's proposed time is within 5 working days after the day first proposed. */
export const COMPANION_REARRANGEMENT_WORKING_DAYS = 5;

/** Default of HEARING_NOTICE_WORKING_DAYS: working days between the invitation letter and the hearing (process.md §1). */
export const DEFAULT_HEARING_NOTICE_WORKING_DAYS = 5;

/**
 * ACAS Code: the subject is given reasonable notice of the hearing — at least `noticeDays`
 * working days between the invitation and the hearing, in the organisation's calendar (process.md
 * §6: its nation's bank holidays are not working days). 400 naming scheduledFor.
 */
export function checkHearingNotice(invitedAt: Date, scheduledFor: Date, noticeDays: number, calendar: SchoolCalendar): void {
  const earliest = addWorkingDays(invitedAt, noticeDays, calendar.zone, calendar.holidays);
  if (scheduledFor < earliest) {
    throw DomainError.invalidField(
      'scheduledFor',
      `must be at least ${noticeDays} working days after the invitation (ACAS Code: reasonable notice): ${earliest.toISOString()} or later`,
    );
  }
}

/** A hearing as the rules see it. */
export interface HearingState {
  chairUserId: string;
  scheduledFor: Date;
  /** The time the invitation first gave (ERA 1999 s10 counts the subject's 5 working days from it). */
  originalScheduledFor: Date;
  /** The subject's companion-unavailable rearrangement has been used. */
  companionRearrangementUsed: boolean;
  rearrangements: number;
  heldAt: Date | null;
}

export interface RearrangementInput {
  scheduledFor: Date;
  basis: RearrangementBasis;
  reason?: string;
}

/**
 * Moving a hearing (process.md §1): never once held; always to a time still ahead. The
 * subject's companion-unavailable request (ERA 1999 s10(4)–(5)) is theirs once, to a time within
 * 5 working days after the date first proposed (in the organisation's calendar); any further move
 * is the chair's choice, with a reason.
 */
export function checkRearrangement(hearing: HearingState, request: RearrangementInput, now: Date, calendar: SchoolCalendar): void {
  if (hearing.heldAt) throw DomainError.conflict('hearing_held', 'The hearing has been held: it cannot be rearranged.');
  if (request.scheduledFor <= now) throw DomainError.invalidField('scheduledFor', 'must be in the future');
  if (request.basis === 'companion_unavailable') {
    if (hearing.companionRearrangementUsed) {
      throw DomainError.conflict(
        'companion_rearrangement_used',
        'The subject has already had the hearing rearranged because their companion could not attend (ERA 1999 s10): a further change is the chair’s choice, with a reason.',
      );
    }
    const latest = addWorkingDays(hearing.originalScheduledFor, COMPANION_REARRANGEMENT_WORKING_DAYS, calendar.zone, calendar.holidays);
    if (request.scheduledFor > latest) {
      throw DomainError.invalidField(
        'scheduledFor',
        `the subject's proposed time is within ${COMPANION_REARRANGEMENT_WORKING_DAYS} working days after the date first proposed (ERA 1999 s10(5)): ${latest.toISOString()} or earlier`,
      );
    }
    if (request.reason !== undefined) throw DomainError.invalidField('reason', 'only the chair’s own rearrangement states a reason');
    return;
  }
  if (request.reason === undefined) throw DomainError.invalidField('reason', 'a rearrangement the chair chooses states why');
}

export interface CompanionInput {
  name: string;
  category: CompanionCategory;
  adjustmentReason?: string;
}

export interface HearingRecordInput {
  heldAt: Date;
  subjectAttended: boolean;
  companion?: CompanionInput;
  absenceReason?: string;
}

/**
 * The hearing record (process.md §1): held at or after its time; the companion in the statutory
 * categories, anyone else only as a recorded reasonable adjustment; if the subject did not attend,
 * the decision may be taken in their absence only at a rearranged hearing, with the reason.
 */
export function checkHearingRecord(hearing: HearingState, record: HearingRecordInput): void {
  if (hearing.heldAt) throw DomainError.conflict('hearing_held', 'The hearing has already been recorded as held.');
  if (record.heldAt < hearing.scheduledFor) {
    throw DomainError.invalidField(
      'heldAt',
      `cannot be before the time the hearing was arranged for (${hearing.scheduledFor.toISOString()}); rearrange it first`,
    );
  }
  const companion = record.companion;
  if (companion && !record.subjectAttended) throw DomainError.invalidField('companion', 'a companion accompanies a subject who attended');
  if (companion?.category === 'other_reasonable_adjustment' && companion.adjustmentReason === undefined) {
    throw DomainError.invalidField(
      'companion.adjustmentReason',
      'a companion outside the statutory categories is allowed only as a reasonable adjustment, recorded as such',
    );
  }
  if (companion && companion.category !== 'other_reasonable_adjustment' && companion.adjustmentReason !== undefined) {
    throw DomainError.invalidField('companion.adjustmentReason', 'only a companion outside the statutory categories is a reasonable adjustment');
  }
  if (record.subjectAttended) {
    if (record.absenceReason !== undefined) throw DomainError.invalidField('absenceReason', 'the subject attended');
    return;
  }
  if (hearing.rearrangements === 0) {
    throw DomainError.conflict(
      'absence_needs_rearrangement',
      'The subject did not attend: rearrange the hearing first. A decision in their absence is taken only when they miss a rearranged hearing (ACAS Code).',
    );
  }
  if (record.absenceReason === undefined) {
    throw DomainError.invalidField(
      'absenceReason',
      'deciding in the subject’s absence needs the reason (they missed the rearranged hearing without good reason)',
    );
  }
}

/**
 * The written invitation gave the notice (process.md §1, §2: recording the letter as sent is what
 * satisfies the written step): every subject's invitation letter recorded as sent, at least
 * `noticeDays` working days (of the organisation's calendar) before the time first proposed.
 * Returns what is missing, or null.
 */
export function invitationNoticeProblem(
  subjects: ReadonlyArray<{ staffId: string; name: string }>,
  sent: ReadonlyMap<string, Date>,
  originalScheduledFor: Date,
  noticeDays: number,
  calendar: SchoolCalendar,
): string | null {
  for (const subject of subjects) {
    const sentAt = sent.get(subject.staffId);
    if (!sentAt) return `the invitation letter to ${subject.name} has not been recorded as sent`;
    if (addWorkingDays(sentAt, noticeDays, calendar.zone, calendar.holidays) > originalScheduledFor) {
      return `the invitation letter to ${subject.name} was sent on ${sentAt.toISOString()}, less than ${noticeDays} working days before the hearing: rearrange it`;
    }
  }
  return null;
}

/** The current hearing of a case or an appeal, as the decision rules need it. */
export interface HeldState {
  chairUserId: string;
  heldAt: Date | null;
}

/**
 * ACAS Code; process.md §1: no sanction but `no_action` before the disciplinary hearing has been
 * held (or the subject's absence from a rearranged one recorded), and the person who chaired it
 * decides. 409 with a code.
 */
export function checkOutcomeHearing(sanction: Sanction, hearing: HeldState | null, deciderUserId: string): void {
  if (hearing?.heldAt && hearing.chairUserId !== deciderUserId) {
    throw DomainError.conflict('not_hearing_chair', 'The outcome is decided by the person who chaired the hearing (ACAS Code).');
  }
  if (sanction === 'no_action') return;
  if (!hearing) {
    throw DomainError.conflict(
      'hearing_required',
      'A sanction other than no action follows a disciplinary hearing: invite the subject to one first (ACAS Code; process.md §1).',
    );
  }
  if (!hearing.heldAt) throw DomainError.conflict('hearing_not_held', 'The disciplinary hearing has not been recorded as held yet.');
}

/** process.md §1: an appeal is decided after the appeal hearing, by the person who heard it. */
export function checkAppealHearing(hearing: HeldState | null, deciderUserId: string): void {
  if (!hearing) throw DomainError.conflict('appeal_hearing_required', 'The appeal is decided after the appeal hearing: invite the subject to one first.');
  if (!hearing.heldAt) throw DomainError.conflict('hearing_not_held', 'The appeal hearing has not been recorded as held yet.');
  if (hearing.chairUserId !== deciderUserId) {
    throw DomainError.conflict('not_hearing_chair', 'The appeal is decided by the person who heard it (ACAS Code).');
  }
}

/**
 * A new invitation replaces the current hearing while it has not been held; once held, only when
 * its chair can no longer decide the case (left, or now conflicted) — otherwise nobody could.
 */
export function checkReinvitation(current: HeldState | null, chairMayStillDecide: boolean): void {
  if (current?.heldAt && chairMayStillDecide) {
    throw DomainError.conflict('hearing_held', 'The hearing has been held: its chair decides the outcome.');
  }
}

/**
 * The sanctions the reader may record now (guidance): those checkOutcomeHearing lets them — no
 * action before a held hearing; every sanction for its chair after it; none for anyone else.
 */
export function sanctionsOpenTo(hearing: HeldState | null, readerUserId: string, all: readonly Sanction[]): Sanction[] {
  return all.filter((sanction) => {
    try {
      checkOutcomeHearing(sanction, hearing, readerUserId);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  });
}

/**
 * Whether the chair of a held hearing can still take the decision it leads to: still an active
 * headteacher or governor, of the role that decides now, and unconflicted (conflicts.ts) — for an
 * appeal, still someone who may hear it.
 */
export function chairMayStillDecide(facts: CaseFacts, kind: HearingKind, chairUserId: string): boolean {
  if (kind === 'appeal') {
    return [...facts.headteachers, ...facts.governors].some((p) => p.userId === chairUserId && mayHearAppeal(involvementOf(p, facts)));
  }
  const role = decisionMakerRole(facts);
  const people = role === 'headteacher' ? facts.headteachers : role === 'governor' ? facts.governors : [];
  return people.some((p) => p.userId === chairUserId && !takesNoDecision(involvementOf(p, facts)));
}
