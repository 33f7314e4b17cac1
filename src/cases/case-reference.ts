import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** `SMP-2026-0007`: unique per organisation and year (domain.md "Report"). */
export function formatCaseReference(year: number, number: number): string {
  return `SMP-${year}-${String(number).padStart(4, '0')}`;
}

/**
 * Takes the next number for the organisation and year. The upsert locks the counter row
 * until the transaction ends, so concurrent reports get distinct, gapless numbers, and a
 * rolled-back report gives its number back.
 */
export async function allocateCaseReference(em: EntityManager, organisationId: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const row = await queryOne<{ last: number }>(
    em,
    `INSERT INTO case_reference_counters (organisation_id, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (organisation_id, year) DO UPDATE SET last = case_reference_counters.last + 1
     RETURNING last`,
    [organisationId, year],
  );
  return formatCaseReference(year, row!.last);
}
