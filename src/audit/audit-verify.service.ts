import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '../database/sql';
import { LinkProblem } from './audit-chain';

export interface ChainVerification {
  valid: boolean;
  events: number;
  headHash: string;
  /** seq of the first link that does not verify (a deleted tail: one past the last). */
  firstBrokenAt: number | null;
  problem: LinkProblem | 'head' | null;
  erasedPayloads: number;
}

/**
 * Checks one organisation's whole chain where the data is: the database function
 * `audit_verify` recomputes every link and payload digest in one snapshot.
 */
@Injectable()
export class AuditVerifyService {
  constructor(private readonly dataSource: DataSource) {}

  async verify(organisationId: string): Promise<ChainVerification> {
    const row = await queryOne<{
      valid: boolean;
      events: string;
      head_hash: string;
      first_broken_at: string | null;
      problem: LinkProblem | 'head' | null;
      erased_payloads: string;
    }>(this.dataSource.manager, `SELECT valid, events, head_hash, first_broken_at, problem, erased_payloads FROM audit_verify($1)`, [organisationId]);
    return {
      valid: row!.valid,
      events: Number(row!.events),
      headHash: row!.head_hash,
      firstBrokenAt: row!.first_broken_at === null ? null : Number(row!.first_broken_at),
      problem: row!.problem,
      erasedPayloads: Number(row!.erased_payloads),
    };
  }
}
