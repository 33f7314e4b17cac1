import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { REARRANGEMENT_BASES, RearrangementBasis } from '../hearing.rules';
import { Hearing } from './hearing.entity';

/** A hearing moved to another time (process.md §1; ERA 1999 s10(4)–(5)). Case content: erased with the case (§13). */
@Entity('hearing_rearrangements')
@Index(['hearingId', 'createdAt'])
export class HearingRearrangement extends CaseRecord {
  @Column('uuid')
  hearingId: string;

  @ManyToOne(() => Hearing, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hearing_id' })
  hearing?: Hearing;

  @Column({ type: 'timestamptz', precision: 3 })
  previousScheduledFor: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  scheduledFor: Date;

  @Column({ type: 'enum', enum: REARRANGEMENT_BASES, enumName: 'rearrangement_basis' })
  basis: RearrangementBasis;

  /** The chair's reason for a rearrangement of their own choosing. */
  @Column('text', { nullable: true })
  reason: string | null;
}
