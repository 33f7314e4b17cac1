import { DomainError } from '../common/errors/domain-error';
import type { CaseStatus } from '../cases/lifecycle';

/** §6, process.md §4: how a grievance is decided (ACAS: upheld in whole or in part, or not). */
export const GRIEVANCE_OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type GrievanceOutcome = (typeof GRIEVANCE_OUTCOMES)[number];

/** What the rules read of a grievance. */
export interface GrievanceState {
  relatedToProcess: boolean;
  lodgedAt: Date;
  decidedAt: Date | null;
}

/** process.md §4: a grievance is recorded on a case while it is open; a closed case takes none (409). */
export function requireOpenForGrievance(status: CaseStatus): void {
  if (status === 'closed') {
    throw DomainError.conflict('invalid_transition', 'The case is closed: a grievance is recorded on an open case (process.md §4).');
  }
}

/**
 * §6: a grievance is the subject's. The subject who lodged it is named when the case has
 * several; with one, it is theirs. 400 naming `subjectStaffId` otherwise.
 */
export function grievanceSubject(subjectStaffIds: readonly string[], asked: string | undefined): string {
  if (asked !== undefined) {
    if (!subjectStaffIds.includes(asked)) throw DomainError.invalidField('subjectStaffId', 'is not a subject of this case: a grievance is lodged by a subject');
    return asked;
  }
  if (subjectStaffIds.length !== 1) throw DomainError.invalidField('subjectStaffId', 'is required: name the subject of the case who lodged it');
  return subjectStaffIds[0];
}

/** ACAS Code: a grievance is decided once; the decision stands (409 `already_decided`). */
export function requireUndecided(grievance: Pick<GrievanceState, 'decidedAt'>): void {
  if (grievance.decidedAt !== null) throw DomainError.conflict('already_decided', 'This grievance has already been decided.');
}

/** process.md §4: the decision cannot predate the grievance it answers (400 naming `decidedAt`). */
export function requireDecidedAfterLodged(decidedAt: Date, lodgedAt: Date): void {
  if (decidedAt < lodgedAt) throw DomainError.invalidField('decidedAt', `cannot be before the grievance was lodged (${lodgedAt.toISOString()})`);
}

/**
 * process.md §4 (§6): the decision-maker may pause the disciplinary process only for a
 * grievance related to it and not yet decided, and only when the process is not already
 * paused. 400 naming `grievanceId` for an unrelated grievance; 409 otherwise.
 */
export function requirePausable(grievance: Pick<GrievanceState, 'relatedToProcess' | 'decidedAt'>, alreadyPaused: boolean): void {
  if (alreadyPaused) throw DomainError.conflict('already_paused', 'The disciplinary process of this case is already paused.');
  if (!grievance.relatedToProcess) {
    throw DomainError.invalidField('grievanceId', 'is not related to the disciplinary process: only a related grievance pauses it');
  }
  if (grievance.decidedAt !== null)
    throw DomainError.conflict('already_decided', 'This grievance is already decided: there is nothing to pause the process for.');
}

/**
 * process.md §4: the process resumes only after the grievance it was paused for is decided
 * (409 `grievance_undecided`); a process that is not paused cannot be resumed (409 `not_paused`).
 */
export function requireResumable(pause: { grievanceDecided: boolean } | null): void {
  if (pause === null) throw DomainError.conflict('not_paused', 'The disciplinary process of this case is not paused.');
  if (!pause.grievanceDecided) {
    throw DomainError.conflict('grievance_undecided', 'The process resumes once the grievance it was paused for is decided (process.md §4).');
  }
}

/** process.md §4: while the process is paused, the case's status does not change (409 `case_paused`). */
export function requireNotPausedState(paused: boolean): void {
  if (paused) {
    throw DomainError.conflict(
      'case_paused',
      'The disciplinary process is paused pending a grievance (process.md §4): it resumes once the grievance is decided.',
    );
  }
}
