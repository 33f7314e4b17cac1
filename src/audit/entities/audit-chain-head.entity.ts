import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { bigintNumber } from '../../database/transformers';

/**
 * The tip of one organisation's chain. Appending locks this row only, so organisations
 * never wait on each other, and a deleted tail is detected against it.
 */
@Entity('audit_chain_heads')
export class AuditChainHead {
  @PrimaryColumn('uuid')
  organisationId: string;

  @OneToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('bigint', { transformer: bigintNumber })
  lastSeq: number;

  @Column('char', { length: 64 })
  lastHash: string;
}
