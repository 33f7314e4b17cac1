import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';

/**
 * A record of when something happened cannot predate what it answers: no notice, interview,
 * referral or decision before the activity was seen, no appeal before the decision.
 * 400 naming the field.
 */
export function requireNotBefore(field: string, value: Date, earliest: Date | null | undefined, what: string): void {
  if (earliest && value < earliest) throw DomainError.invalidField(field, `cannot be before ${what} (${earliest.toISOString()})`);
}

/**
 * When the reported activity was first seen: nothing about the case (a notice, an interview,
 * a referral, a decision) can come before it. The time the case was logged would be stricter,
 * but would refuse cases brought into the system after the fact.
 */
export async function firstObservedAt(em: EntityManager, caseId: string): Promise<Date | null> {
  return (await queryOne<{ at: Date | null }>(em, `SELECT min(observed_at) AS at FROM reports WHERE case_id = $1`, [caseId]))?.at ?? null;
}
