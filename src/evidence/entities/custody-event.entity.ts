import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { CUSTODY_ACTIONS, CustodyAction } from '../evidence.rules';
import { Evidence } from './evidence.entity';

/** One link of an item's chain of custody: collected, viewed, downloaded, handed over. */
@Entity('evidence_custody_events')
@Index(['evidenceId', 'createdAt'])
export class CustodyEvent extends CaseRecord {
  @Column('uuid')
  evidenceId: string;

  @ManyToOne(() => Evidence, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Evidence;

  @Column({ type: 'enum', enum: CUSTODY_ACTIONS, enumName: 'custody_action' })
  action: CustodyAction;

  @Column('text', { nullable: true })
  actorRole: string | null;

  /** Hand-overs: to whom, and when it happened (which may precede its recording). */
  @Column('text', { nullable: true })
  recipient: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  occurredAt: Date | null;

  @Column('text', { nullable: true })
  note: string | null;
}
