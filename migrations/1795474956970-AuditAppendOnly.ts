import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * domain.md "Audit log": events are append-only and the database refuses updates and
 * deletes. The one exception is retention (§13): with `smp.audit_erasure` set for the
 * transaction, a payload may be set to NULL and nothing else changed; its digest stays
 * in the chain, so /audit/verify still passes.
 */
export class AuditAppendOnly1795474956970 implements MigrationInterface {
  name = 'AuditAppendOnly1795474956970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND current_setting('smp.audit_erasure', true) = 'on'
           AND NEW.payload IS NULL
           AND (NEW.organisation_id, NEW.seq, NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.action,
                NEW.case_id, NEW.entity_type, NEW.entity_id, NEW.reason, NEW.payload_digest, NEW.prev_hash, NEW.hash)
               IS NOT DISTINCT FROM
               (OLD.organisation_id, OLD.seq, OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.action,
                OLD.case_id, OLD.entity_type, OLD.entity_id, OLD.reason, OLD.payload_digest, OLD.prev_hash, OLD.hash)
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = '42501';
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON audit_events`);
    await queryRunner.query(`DROP TRIGGER audit_events_append_only ON audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse_change()`);
  }
}
