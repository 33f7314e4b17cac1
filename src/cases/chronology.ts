import { DomainError } from '../common/errors/domain-error';

/**
 * A record of when something happened cannot predate what it answers: no notice, interview,
 * referral or decision before the activity was seen, no appeal before the decision.
 * 400 naming the field.
 */
export function requireNotBefore(field: string, value: Date, earliest: Date | null | undefined, what: string): void {
  if (earliest && value < earliest) throw DomainError.invalidField(field, `cannot be before ${what} (${earliest.toISOString()})`);
}
