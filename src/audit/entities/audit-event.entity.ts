import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { bigintNumber } from '../../database/transformers';
import { AUDIT_REASON_MAX_LENGTH, AUDIT_REASON_PATTERN } from '../audit-reason';

/**
 * One link of an organisation's audit chain (§4, §5, §13). Append-only: a trigger in the
 * migration refuses UPDATE, DELETE and TRUNCATE (payload erasure under retention excepted).
 * `hash` covers the previous hash and every field but the payload itself, which is
 * represented by `payloadDigest`, so erasing a payload leaves the chain verifiable.
 * `reason` is therefore a code, never free text (audit-reason.ts; the CHECK below is the
 * same rule in the database, added NOT VALID by migration AuditReasonIsCode, which says why an
 * erased event — payload NULL — is exempt).
 */
@Entity('audit_events')
@Check(
  'audit_events_reason_is_code',
  `reason IS NULL OR (reason ~ '${AUDIT_REASON_PATTERN}' AND length(reason) <= ${AUDIT_REASON_MAX_LENGTH}) OR payload IS NULL`,
)
@Index(['organisationId', 'caseId', 'seq'])
@Index(['organisationId', 'actorUserId', 'seq'])
@Index(['organisationId', 'occurredAt'])
export class AuditEvent {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  /** Gapless position in the organisation's chain, from 1. */
  @PrimaryColumn('bigint', { transformer: bigintNumber })
  seq: number;

  @Index({ unique: true })
  @Column('uuid')
  id: string;

  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text', { nullable: true })
  actorRole: string | null;

  @Column('text')
  action: string;

  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column('text', { nullable: true })
  entityType: string | null;

  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  /** `json`, not `jsonb`: the text is kept byte for byte, so its digest can be recomputed. */
  @Column('json', { nullable: true })
  payload: Record<string, unknown> | null;

  @Column('char', { length: 64 })
  payloadDigest: string;

  @Column('char', { length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}
