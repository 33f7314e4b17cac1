import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { queryOne } from '../database/sql';
import { chainHash, ChainedFields, GENESIS_HASH, payloadDigest, toJsonValue } from './audit-chain';

export interface AuditInput {
  organisationId: string;
  /** null for system actions (seeding, retention runs started by the CLI). */
  actor: Pick<Actor, 'userId'> | null;
  role: Role | null;
  /** Dotted verb: `case.viewed`, `report.created`, `case.triaged` … */
  action: string;
  caseId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  /** Why, where the policy requires a reason. */
  reason?: string | null;
  /** What changed or what was read. Erasable under retention (§13). */
  payload?: Record<string, unknown>;
}

/**
 * Appends events to the organisation's hash chain, inside the caller's transaction, so
 * there is no change without its event and no event without its change.
 *
 * Call it last in a transaction: it locks the organisation's chain head until commit.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, input: AuditInput): Promise<{ seq: number; id: string }> {
    const head = await queryOne<{ last_seq: string; last_hash: string }>(
      em,
      `UPDATE audit_chain_heads SET last_seq = last_seq + 1 WHERE organisation_id = $1 RETURNING last_seq, last_hash`,
      [input.organisationId],
    );
    if (!head) throw new Error(`organisation ${input.organisationId} has no audit chain`);
    const payload = toJsonValue(input.payload ?? {});
    const fields: ChainedFields = {
      seq: Number(head.last_seq),
      organisationId: input.organisationId,
      id: randomUUID(),
      occurredAt: new Date(),
      actorUserId: input.actor?.userId ?? null,
      actorRole: input.role,
      action: input.action,
      caseId: input.caseId ?? null,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      reason: input.reason ?? null,
      payloadDigest: payloadDigest(payload),
    };
    const hash = chainHash(head.last_hash, fields);
    await em.query(
      `WITH appended AS (
         INSERT INTO audit_events (organisation_id, seq, id, occurred_at, actor_user_id, actor_role, action, case_id,
                                   entity_type, entity_id, reason, payload, payload_digest, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING 1)
       UPDATE audit_chain_heads SET last_hash = $15 WHERE organisation_id = $1`,
      [
        fields.organisationId,
        fields.seq,
        fields.id,
        fields.occurredAt,
        fields.actorUserId,
        fields.actorRole,
        fields.action,
        fields.caseId,
        fields.entityType,
        fields.entityId,
        fields.reason,
        payload,
        fields.payloadDigest,
        head.last_hash,
        hash,
      ],
    );
    return { seq: fields.seq, id: fields.id };
  }

  /** Starts an organisation's chain; called in the transaction that creates the organisation. */
  async startChain(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`INSERT INTO audit_chain_heads (organisation_id, last_seq, last_hash) VALUES ($1, 0, $2)`, [
      organisationId,
      GENESIS_HASH,
    ]);
  }
}
