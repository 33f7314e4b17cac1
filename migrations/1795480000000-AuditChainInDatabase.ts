import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain, computed by the database (src/audit/audit-chain.ts documents the format
 * and implements it again in TypeScript for independent verification).
 *
 * - `payload` becomes `json`: its text is kept byte for byte, so its digest is reproducible.
 * - `audit_append(...)` appends one event in one statement: locks the organisation's chain
 *   head, digests the payload, hashes the link, inserts, moves the head.
 * - `audit_verify(org)` checks a whole chain in one snapshot and reports the first broken link.
 * - Chains written before this migration are re-chained in the new format (no deployment
 *   predates it; see docs/reliability.md).
 */
export class AuditChainInDatabase1795480000000 implements MigrationInterface {
  name = 'AuditChainInDatabase1795480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "payload" TYPE json USING "payload"::text::json`);
    await q.query(`
      CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN value IS NULL THEN '-' ELSE length(value)::text || ':' || value END
      $$`);
    await q.query(`
      CREATE FUNCTION audit_link_hash(prev_hash text, seq bigint, organisation_id uuid, id uuid, occurred_at timestamptz,
          actor_user_id uuid, actor_role text, action text, case_id uuid, entity_type text, entity_id uuid, reason text, payload_digest text)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to(prev_hash || E'\\n' || concat_ws(E'\\n',
          audit_field(seq::text), audit_field(organisation_id::text), audit_field(id::text),
          audit_field(to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
          audit_field(actor_user_id::text), audit_field(actor_role), audit_field(action), audit_field(case_id::text),
          audit_field(entity_type), audit_field(entity_id::text), audit_field(reason), audit_field(payload_digest)), 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_payload_digest(payload json) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to(payload::text, 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_append(p_organisation_id uuid, p_actor_user_id uuid, p_actor_role text, p_action text, p_case_id uuid,
          p_entity_type text, p_entity_id uuid, p_reason text, p_payload json)
      RETURNS TABLE (seq bigint, id uuid) LANGUAGE plpgsql AS $$
      DECLARE
        v_seq bigint;
        v_prev text;
        v_id uuid := gen_random_uuid();
        v_at timestamptz := date_trunc('milliseconds', clock_timestamp());
        v_digest text := audit_payload_digest(p_payload);
        v_hash text;
      BEGIN
        SELECT h.last_seq + 1, h.last_hash INTO v_seq, v_prev FROM audit_chain_heads h WHERE h.organisation_id = p_organisation_id FOR UPDATE;
        IF v_seq IS NULL THEN RAISE EXCEPTION 'organisation % has no audit chain', p_organisation_id; END IF;
        v_hash := audit_link_hash(v_prev, v_seq, p_organisation_id, v_id, v_at, p_actor_user_id, p_actor_role, p_action, p_case_id,
                                  p_entity_type, p_entity_id, p_reason, v_digest);
        INSERT INTO audit_events (organisation_id, seq, id, occurred_at, actor_user_id, actor_role, action, case_id, entity_type, entity_id,
                                  reason, payload, payload_digest, prev_hash, hash)
        VALUES (p_organisation_id, v_seq, v_id, v_at, p_actor_user_id, p_actor_role, p_action, p_case_id, p_entity_type, p_entity_id,
                p_reason, p_payload, v_digest, v_prev, v_hash);
        UPDATE audit_chain_heads h SET last_seq = v_seq, last_hash = v_hash WHERE h.organisation_id = p_organisation_id;
        RETURN QUERY SELECT v_seq, v_id;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION audit_verify(p_organisation_id uuid)
      RETURNS TABLE (valid boolean, events bigint, head_hash text, first_broken_at bigint, problem text, erased_payloads bigint)
      LANGUAGE sql STABLE AS $$
        WITH links AS (
          SELECT e.seq, row_number() OVER (ORDER BY e.seq) AS position, e.hash, e.prev_hash,
                 COALESCE(lag(e.hash) OVER (ORDER BY e.seq), repeat('0', 64)) AS previous_hash,
                 audit_link_hash(e.prev_hash, e.seq, e.organisation_id, e.id, e.occurred_at, e.actor_user_id, e.actor_role, e.action,
                                 e.case_id, e.entity_type, e.entity_id, e.reason, e.payload_digest) = e.hash AS hash_ok,
                 e.payload IS NULL OR audit_payload_digest(e.payload) = e.payload_digest AS payload_ok,
                 e.payload IS NULL AS erased
          FROM audit_events e WHERE e.organisation_id = p_organisation_id),
        broken AS (
          SELECT position,
                 CASE WHEN seq <> position THEN 'gap' WHEN prev_hash <> previous_hash THEN 'prev_hash'
                      WHEN NOT hash_ok THEN 'hash' WHEN NOT payload_ok THEN 'payload' END AS problem
          FROM links WHERE seq <> position OR prev_hash <> previous_hash OR NOT hash_ok OR NOT payload_ok
          ORDER BY position LIMIT 1),
        totals AS (
          SELECT count(*) AS events, count(*) FILTER (WHERE erased) AS erased,
                 (SELECT l.hash FROM links l ORDER BY l.seq DESC LIMIT 1) AS last_hash FROM links),
        head AS (SELECT h.last_seq, h.last_hash FROM audit_chain_heads h WHERE h.organisation_id = p_organisation_id)
        SELECT
          (SELECT count(*) FROM broken) = 0
            AND COALESCE((SELECT last_seq FROM head), 0) = t.events
            AND COALESCE((SELECT last_hash FROM head), repeat('0', 64)) = COALESCE(t.last_hash, repeat('0', 64)),
          t.events,
          COALESCE((SELECT last_hash FROM head), repeat('0', 64)),
          COALESCE((SELECT position FROM broken),
                   CASE WHEN COALESCE((SELECT last_seq FROM head), 0) <> t.events
                          OR COALESCE((SELECT last_hash FROM head), repeat('0', 64)) <> COALESCE(t.last_hash, repeat('0', 64))
                        THEN t.events + 1 END),
          COALESCE((SELECT problem FROM broken),
                   CASE WHEN COALESCE((SELECT last_seq FROM head), 0) <> t.events
                          OR COALESCE((SELECT last_hash FROM head), repeat('0', 64)) <> COALESCE(t.last_hash, repeat('0', 64))
                        THEN 'head' END),
          t.erased
        FROM totals t
      $$`);
    // Re-chain what was written in the old format (development data only).
    await q.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await q.query(`
      DO $$
      DECLARE e record; v_prev text; v_org uuid; v_digest text; v_hash text;
      BEGIN
        FOR e IN SELECT * FROM audit_events ORDER BY organisation_id, seq LOOP
          IF v_org IS DISTINCT FROM e.organisation_id THEN v_org := e.organisation_id; v_prev := repeat('0', 64); END IF;
          v_digest := CASE WHEN e.payload IS NULL THEN e.payload_digest ELSE audit_payload_digest(e.payload) END;
          v_hash := audit_link_hash(v_prev, e.seq, e.organisation_id, e.id, e.occurred_at, e.actor_user_id, e.actor_role, e.action,
                                    e.case_id, e.entity_type, e.entity_id, e.reason, v_digest);
          UPDATE audit_events SET payload_digest = v_digest, prev_hash = v_prev, hash = v_hash WHERE organisation_id = e.organisation_id AND seq = e.seq;
          UPDATE audit_chain_heads SET last_hash = v_hash WHERE organisation_id = e.organisation_id AND last_seq = e.seq;
          v_prev := v_hash;
        END LOOP;
      END
      $$`);
    await q.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_verify(uuid)`);
    await q.query(`DROP FUNCTION audit_append(uuid, uuid, text, text, uuid, text, uuid, text, json)`);
    await q.query(`DROP FUNCTION audit_payload_digest(json)`);
    await q.query(`DROP FUNCTION audit_link_hash(text, bigint, uuid, uuid, timestamptz, uuid, text, text, uuid, text, uuid, text, text)`);
    await q.query(`DROP FUNCTION audit_field(text)`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "payload" TYPE jsonb USING "payload"::jsonb`);
  }
}
