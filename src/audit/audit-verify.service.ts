import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkLink, GENESIS_HASH, LinkProblem, StoredLink } from './audit-chain';

export interface ChainVerification {
  valid: boolean;
  events: number;
  headHash: string;
  /** seq of the first link that does not verify (a deleted tail: one past the last). */
  firstBrokenAt: number | null;
  problem: LinkProblem | 'head' | null;
  erasedPayloads: number;
}

const BATCH = 5_000;

/** Walks one organisation's chain from seq 1 in a single snapshot. */
@Injectable()
export class AuditVerifyService {
  constructor(private readonly dataSource: DataSource) {}

  async verify(organisationId: string): Promise<ChainVerification> {
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const heads: { last_seq: string; last_hash: string }[] = await runner.query(
        `SELECT last_seq, last_hash FROM audit_chain_heads WHERE organisation_id = $1`,
        [organisationId],
      );
      const head = heads[0] ?? { last_seq: '0', last_hash: GENESIS_HASH };
      let prevHash = GENESIS_HASH;
      let expected = 1;
      let events = 0;
      let erasedPayloads = 0;
      for (;;) {
        const rows: Array<Record<string, unknown>> = await runner.query(
          `SELECT seq, organisation_id, id, occurred_at, actor_user_id, actor_role, action, case_id, entity_type, entity_id,
                  reason, payload, payload_digest, prev_hash, hash
           FROM audit_events WHERE organisation_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${BATCH}`,
          [organisationId, expected],
        );
        for (const row of rows) {
          const link = toLink(row);
          const problem = checkLink(link, expected, prevHash);
          if (problem) return { valid: false, events, headHash: head.last_hash, firstBrokenAt: expected, problem, erasedPayloads };
          if (link.payload === null) erasedPayloads++;
          prevHash = link.hash;
          expected++;
          events++;
        }
        if (rows.length < BATCH) break;
      }
      if (events !== Number(head.last_seq) || prevHash !== head.last_hash) {
        return { valid: false, events, headHash: head.last_hash, firstBrokenAt: events + 1, problem: 'head', erasedPayloads };
      }
      return { valid: true, events, headHash: head.last_hash, firstBrokenAt: null, problem: null, erasedPayloads };
    } finally {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }
}

function toLink(row: Record<string, unknown>): StoredLink {
  return {
    seq: Number(row.seq),
    organisationId: row.organisation_id as string,
    id: row.id as string,
    occurredAt: row.occurred_at as Date,
    actorUserId: row.actor_user_id as string | null,
    actorRole: row.actor_role as string | null,
    action: row.action as string,
    caseId: row.case_id as string | null,
    entityType: row.entity_type as string | null,
    entityId: row.entity_id as string | null,
    reason: row.reason as string | null,
    payload: row.payload,
    payloadDigest: row.payload_digest as string,
    prevHash: row.prev_hash as string,
    hash: row.hash as string,
  };
}
