import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';
import { APPEAL_RESULTS, AppealResult, SANCTIONS, Sanction } from '../outcome.rules';
import { Outcome } from './outcome.entity';

/** An appeal against an outcome: one per outcome. `recordedByUserId` lodged it. */
@Entity('appeals')
@Index(['outcomeId'], { unique: true })
@Index(['caseId'])
export class Appeal extends CaseRecord {
  @Column('uuid')
  outcomeId: string;

  @ManyToOne(() => Outcome, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outcome_id' })
  outcome?: Outcome;

  @Column({ type: 'timestamptz', precision: 3 })
  lodgedAt: Date;

  /** Erased under retention (§13). */
  @Column('text', { nullable: true })
  grounds: string | null;

  /** Why it was entered after the appeal deadline had passed (domain.md "Dates the API is told"); audited. */
  @Column('text', { nullable: true })
  lateEntryReason: string | null;

  @Column({ type: 'enum', enum: APPEAL_RESULTS, enumName: 'appeal_result', nullable: true })
  result: AppealResult | null;

  @Column('text', { nullable: true })
  rationale: string | null;

  @Column({ type: 'enum', enum: SANCTIONS, enumName: 'sanction', nullable: true })
  newSanction: Sanction | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  newWarningExpiresAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: User;

  @Column('text', { nullable: true })
  decidedByRole: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;
}
