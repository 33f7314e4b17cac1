import { DomainError } from '../common/errors/domain-error';

/** The most working days one extension adds (process.md §6): a month at a time, each with its reason, so a long delay is decided again and again on the record. */
export const MAX_EXTENSION_WORKING_DAYS = 20;

/** process.md §6: an investigation is extended by whole working days, at most a month at a time. 400 naming `workingDays` otherwise. */
export function checkExtension(workingDays: number): void {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_EXTENSION_WORKING_DAYS) {
    throw DomainError.invalidField('workingDays', `must be a whole number of working days from 1 to ${MAX_EXTENSION_WORKING_DAYS}`);
  }
}
