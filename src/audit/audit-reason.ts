/**
 * The audit `reason` is a code, never free text (domain.md "Data protection", §13).
 *
 * The chain hashes `reason` itself (audit-chain.ts), so whatever is written there can never
 * be erased without breaking the chain: a closure's reason, a monitoring rejection, a
 * legal-hold reason or a separation waiver written there would outlive the case's erasure.
 * Free text belongs in the payload, which the chain holds only by its digest and retention
 * erases. So `reason` says *which* reason — `rejected`, `separation_waived`,
 * `retention_period_ended`, a sanction's name — and the words go to the payload.
 *
 * The same rule is the CHECK constraint `audit_events_reason_is_code` (migration
 * AuditReasonIsCode, declared on the AuditEvent entity), so the database refuses it too;
 * test/e2e/audit-chain-format.e2e-spec.ts holds the two equal.
 */

/** A short snake_case code: lower-case letters and digits in words joined by single underscores, starting with a letter. */
export const AUDIT_REASON_PATTERN = '^[a-z][a-z0-9]*(_[a-z0-9]+)*$';
export const AUDIT_REASON_MAX_LENGTH = 64;

const PATTERN = new RegExp(AUDIT_REASON_PATTERN);

/** What is wrong with an audit reason, or null when it is a code (or absent). Never repeats the value: it may be personal data. */
export function auditReasonProblem(reason: string | null | undefined): string | null {
  if (reason === null || reason === undefined) return null;
  if (typeof reason !== 'string') return `is a ${typeof reason}, not a code`;
  if (reason.length > AUDIT_REASON_MAX_LENGTH) return `is ${reason.length} characters long; a code has at most ${AUDIT_REASON_MAX_LENGTH}`;
  if (!PATTERN.test(reason)) return 'is not a snake_case code (free text goes in the payload, which retention erases)';
  return null;
}

export function isAuditReasonCode(reason: string | null | undefined): boolean {
  return auditReasonProblem(reason) === null;
}
