import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { queryOne } from '../database/sql';
import { GENESIS_HASH } from './audit-chain';
import { auditReasonProblem } from './audit-reason';

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
  /**
   * Why, where the policy requires a reason, as a short snake_case code (`rejected`,
   * `separation_waived`, a sanction): it is hashed into the chain and can never be erased, so
   * it is never free text (audit-reason.ts). The words go in the payload.
   */
  reason?: string | null;
  /** What changed or what was read, free text included. Erasable under retention (§13). */
  payload?: Record<string, unknown>;
}

/**
 * Appends events to the organisation's hash chain, inside the caller's transaction, so
 * there is no change without its event and no event without its change. The database
 * function `audit_append` does the chaining in one statement (see audit-chain.ts).
 *
 * Call it last in a transaction: it locks the organisation's chain head until commit.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, input: AuditInput): Promise<{ seq: number; id: string }> {
    // A programming error, not the caller's: the text would outlive erasure in the chain (§13).
    const problem = auditReasonProblem(input.reason);
    if (problem) throw new Error(`audit reason of ${input.action} ${problem}`);
    const row = await queryOne<{ seq: string; id: string }>(em, `SELECT seq, id FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9::json)`, [
      input.organisationId,
      input.actor?.userId ?? null,
      input.role,
      input.action,
      input.caseId ?? null,
      input.entityType ?? null,
      input.entityId ?? null,
      input.reason ?? null,
      JSON.stringify(input.payload ?? {}),
    ]);
    return { seq: Number(row!.seq), id: row!.id };
  }

  /**
   * Retention (§13): erases the payloads of a case's events. The append-only trigger lets
   * exactly this through: payload → NULL, nothing else changed; the chain keeps each
   * payload's digest, so it still verifies.
   */
  async eraseCase(em: EntityManager, organisationId: string, caseId: string): Promise<void> {
    await em.query(`SET LOCAL smp.audit_erasure = 'on'`);
    await em.query(`UPDATE audit_events SET payload = NULL WHERE organisation_id = $1 AND case_id = $2 AND payload IS NOT NULL`, [organisationId, caseId]);
    await em.query(`SET LOCAL smp.audit_erasure = 'off'`);
  }

  /** Starts an organisation's chain; called in the transaction that creates the organisation. */
  async startChain(em: EntityManager, organisationId: string): Promise<void> {
    await em.query(`INSERT INTO audit_chain_heads (organisation_id, last_seq, last_hash) VALUES ($1, 0, $2)`, [organisationId, GENESIS_HASH]);
  }
}
