import type { Person } from '../access/conflicts';
import { DomainError } from '../common/errors/domain-error';

/**
 * KCSIE 4 reference check, conflicts of interest: nobody runs it on themselves — it would tell
 * them what their employer may say of them, and by its gaps which cases about them they may not
 * see (as the subject-access export, §13). A staff record is theirs when linked to their account.
 */
export function ownReferenceCheckProblem(person: Pick<Person, 'staffIds'>, staffId: string): DomainError | null {
  if (!person.staffIds.includes(staffId)) return null;
  return DomainError.conflict('own_reference_check', 'Nobody runs a reference check on themselves: a colleague (HR) answers the request for a reference.');
}
