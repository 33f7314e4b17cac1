import type { Person } from '../access/conflicts';
import { DomainError } from '../common/errors/domain-error';

/**
 * Nobody runs a subject-access export of themselves (domain.md "Data protection"): the export
 * would show them cases about them that they may not see, or — holding back what they may not
 * see — tell them by its gaps that such cases exist. Their request goes to someone else (HR).
 * A staff record is theirs when it is linked to their account (conflicts.ts, "the person").
 */
export function ownSubjectAccessProblem(person: Pick<Person, 'staffIds'>, staffId: string): DomainError | null {
  if (!person.staffIds.includes(staffId)) return null;
  return DomainError.conflict(
    'own_subject_access',
    'Nobody runs a subject-access export of themselves (§13): the request goes to a colleague who handles subject access, such as HR.',
  );
}
