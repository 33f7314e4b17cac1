import { DomainError } from '../common/errors/domain-error';
import type { Sensitivity } from '../evidence/evidence.rules';

/** `?include=` values of the HR exports. */
export const INCLUDE_VALUES = ['special'] as const;
export type IncludeValue = (typeof INCLUDE_VALUES)[number];

/**
 * §13, domain.md "Data protection": exports leave special-category content out unless the
 * headteacher includes it on purpose (and the choice is audited). Anyone else asking is a 403.
 */
export function includeSpecialCategory(include: IncludeValue | undefined, actsAsHeadteacher: boolean): boolean {
  if (include !== 'special') return false;
  if (!actsAsHeadteacher) throw DomainError.forbidden('Only the headteacher may include special-category content in an export (§13).');
  return true;
}

/** The evidence an export may show, and how many special-category items it withholds. */
export function partitionEvidence<T extends { sensitivity: Sensitivity }>(items: readonly T[], includeSpecial: boolean): { shown: T[]; withheld: number } {
  const shown = items.filter((item) => includeSpecial || item.sensitivity !== 'special_category');
  return { shown, withheld: items.length - shown.length };
}
