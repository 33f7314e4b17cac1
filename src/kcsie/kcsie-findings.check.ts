import { DomainError } from '../common/errors/domain-error';
import { findingCategoryProblem } from './kcsie-findings';

/** KCSIE 4 (process.md §3): POST /cases/:id/findings refuses a category that does not fit the case (400 naming `finding`). */
export function requireFindingFitsCase(finding: string, safeguarding: boolean): void {
  const problem = findingCategoryProblem(finding, safeguarding);
  if (problem) throw DomainError.invalidField('finding', problem);
}
