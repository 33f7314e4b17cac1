import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { REVIEW_DECISIONS, ReviewDecision } from '../suspension.rules';
import { Suspension } from './suspension.entity';

/**
 * A review of a suspension by the acting decision-maker (process.md §1): continue it, with the
 * reasons and the next review date (at most 4 weeks ahead), or end it, with the reasons. When it
 * was reviewed is the time it was recorded. Case content: erased with the case (§13).
 */
@Entity('suspension_reviews')
@Index(['suspensionId', 'createdAt'])
export class SuspensionReview extends CaseRecord {
  @Column('uuid')
  suspensionId: string;

  @ManyToOne(() => Suspension, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'suspension_id' })
  suspension?: Suspension;

  @Column({ type: 'enum', enum: REVIEW_DECISIONS, enumName: 'suspension_review_decision' })
  decision: ReviewDecision;

  @Column('text')
  reasons: string;

  /** Continue: the next review date. End: null. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextReviewBy: Date | null;
}
