import type { SchoolCalendar } from '../calendar/school-calendar';
import type { CaseSections } from './dto/case.dto';

export type CaseSectionName = keyof CaseSections;

/** What a section's mapping may need besides its value: the moment the view is for, and the organisation's calendar (process.md §6). */
export interface CaseSectionContext {
  now: Date;
  calendar: SchoolCalendar;
}

/**
 * A part of the case view owned by another module (allegations, evidence, monitoring …): a
 * scalar SQL expression over the case id `$1`, usually a json_agg subquery, and an optional
 * mapping of its value. Every section is read in the same statement as the core.
 */
export interface CaseSection<K extends CaseSectionName = CaseSectionName> {
  name: K;
  sql: string;
  map?: (value: unknown, context: CaseSectionContext) => CaseSections[K];
}

/** A section that is a list: a json_agg subquery, [] when empty. */
export function listSection<K extends CaseSectionName>(name: K, sql: string): CaseSection<K> {
  return { name, sql: `COALESCE((${sql}), '[]')` };
}
