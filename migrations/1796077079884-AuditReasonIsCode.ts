import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit `reason` is a code, never free text (domain.md "Data protection", §13;
 * src/audit/audit-reason.ts): the chain hashes `reason` itself, so text written there could
 * never be erased. AuditService.record refuses anything else; this is the database refusing
 * it too, for every event written from now on, whichever way it is written.
 *
 * - `NOT VALID`: rows already written are not re-checked (events chained before the rule may
 *   hold free text; the chain holds it, so it stays). PostgreSQL still checks a NOT VALID
 *   constraint on every UPDATE, and the one update the append-only trigger lets through is
 *   retention setting `payload` to NULL: so an erased event (payload NULL) passes whatever its
 *   reason, or such an old case could never be erased. A new event always has a payload
 *   (audit_append digests it into `payload_digest`, which is NOT NULL), so the exemption lets
 *   nothing new through.
 * - Declared on the AuditEvent entity with @Check under the same name, so `migration:check`
 *   fails if either side drops it.
 */
export class AuditReasonIsCode1796077079884 implements MigrationInterface {
  name = 'AuditReasonIsCode1796077079884';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_reason_is_code" CHECK (reason IS NULL OR (reason ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$' AND length(reason) <= 64) OR payload IS NULL) NOT VALID`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_reason_is_code"`);
  }
}
