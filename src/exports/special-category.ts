import type { ReaderRights } from '../access/case-access.policy';
import { DomainError } from '../common/errors/domain-error';

/** `?include=` values of the HR exports. */
export const INCLUDE_VALUES = ['special'] as const;
export type IncludeValue = (typeof INCLUDE_VALUES)[number];

/**
 * §13, domain.md "Data protection": exports leave special-category content out unless someone
 * who may read it — the acting decision-maker (the headteacher), never HR — includes it on
 * purpose (and the choice is audited). Anyone else asking is a 403, not silently ignored.
 */
export function includeSpecialCategory(include: IncludeValue | undefined, mayReadSpecialCategory: boolean): boolean {
  if (include !== 'special') return false;
  if (!mayReadSpecialCategory) {
    throw DomainError.forbidden(
      'Only someone who may read special-category evidence (the acting decision-maker, the headteacher) may include it in an export (§13).',
    );
  }
  return true;
}

/**
 * What an export shows its reader: exactly what the case view shows them (cases/case-redaction.ts
 * is the one statement of it), except that special-category content, even for a reader who may
 * read it, stays out unless included on purpose.
 */
export function exportRights(rights: ReaderRights, includeSpecial: boolean): ReaderRights {
  return { ...rights, specialCategory: rights.specialCategory && includeSpecial };
}
