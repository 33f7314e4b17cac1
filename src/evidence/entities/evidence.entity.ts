import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { MonitoringAuthorisation } from '../../monitoring/entities/monitoring-authorisation.entity';
import { EVIDENCE_KINDS, EvidenceKind, SENSITIVITIES, Sensitivity } from '../evidence.rules';

/**
 * An item of evidence. Its content is stored once, content-addressed by SHA-256, and never
 * changed; a redacted copy is a new item pointing to its original.
 */
@Entity('evidence')
@Index(['caseId', 'createdAt'])
@Index(['sha256'])
export class Evidence extends CaseRecord {
  @Column({ type: 'enum', enum: EVIDENCE_KINDS, enumName: 'evidence_kind' })
  kind: EvidenceKind;

  @Column('text')
  description: string;

  /** Where it came from (a parent's screenshot, the school's web filter …). */
  @Column('text')
  source: string;

  @Column({ type: 'timestamptz', precision: 3 })
  capturedAt: Date;

  @Column({ type: 'enum', enum: SENSITIVITIES, enumName: 'sensitivity', default: 'personal' })
  sensitivity: Sensitivity;

  @Column('char', { length: 64 })
  sha256: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  /** Sniffed from the content, not taken from the client. */
  @Column('text')
  mediaType: string;

  @Column('text', { nullable: true })
  declaredMediaType: string | null;

  @Column('text')
  originalFilename: string;

  @Column('uuid', { nullable: true })
  redactsEvidenceId: string | null;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'redacts_evidence_id' })
  redacts?: Evidence;

  /** The §9/§11 monitoring authorisation it was obtained under, if any. */
  @Column('uuid', { nullable: true })
  monitoringAuthorisationId: string | null;

  @ManyToOne(() => MonitoringAuthorisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'monitoring_authorisation_id' })
  monitoringAuthorisation?: MonitoringAuthorisation;
}
