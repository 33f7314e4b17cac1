import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { StaffMember } from '../../people/entities/staff-member.entity';
import { User } from '../../people/entities/user.entity';
import { SUSPENSION_END_REASONS, SUSPENSION_GROUNDS, SuspensionEndReason, SuspensionGround } from '../suspension.rules';

/**
 * Precautionary suspension on full pay (process.md §1; ACAS Code; KCSIE Part 4: never
 * automatic): a subject of the case, from when, why (the grounds and the reasons), which
 * alternatives were considered, and the review date set at the start. Reviews
 * (suspension_reviews) continue it with a new review date or end it; the outcome ends it.
 * Case content: erased with the case (§13).
 */
@Entity('suspensions')
@Index(['caseId', 'subjectStaffId'])
export class Suspension extends CaseRecord {
  @Column('uuid')
  subjectStaffId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_staff_id' })
  subject?: StaffMember;

  @Column({ type: 'timestamptz', precision: 3 })
  startsAt: Date;

  @Column({ type: 'enum', enum: SUSPENSION_GROUNDS, enumName: 'suspension_ground', array: true })
  grounds: SuspensionGround[];

  @Column('text')
  reasons: string;

  /** KCSIE Part 4: suspension is never automatic; the alternatives considered, and why they would not do. */
  @Column('text')
  alternativesConsidered: string;

  /** The review date set at the start (at most 4 weeks after `startsAt`); a continuing review sets the next. */
  @Column({ type: 'timestamptz', precision: 3 })
  reviewBy: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'enum', enum: SUSPENSION_END_REASONS, enumName: 'suspension_end_reason', nullable: true })
  endReason: SuspensionEndReason | null;

  @Column('uuid', { nullable: true })
  endedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ended_by_user_id' })
  endedBy?: User;
}
