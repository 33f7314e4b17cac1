import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { StaffMember } from '../../people/entities/staff-member.entity';
import { User } from '../../people/entities/user.entity';
import { GRIEVANCE_OUTCOMES, GrievanceOutcome } from '../grievance.rules';

/**
 * §6, process.md §4: a grievance by the subject about how the policy was applied, recorded on
 * the case by HR (`recorded_by_user_id`), and its decision by someone uninvolved in the case.
 * Case content: erased with the case (§13).
 */
@Entity('grievances')
@Index(['caseId'])
export class Grievance extends CaseRecord {
  /** The subject of the case who lodged it. */
  @Column('uuid')
  subjectStaffId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_staff_id' })
  subjectStaff?: StaffMember;

  /** When the subject lodged it (stated). */
  @Column({ type: 'timestamptz', precision: 3 })
  lodgedAt: Date;

  /** What it says. */
  @Column('text')
  summary: string;

  /** Whether it is about the disciplinary process of this case (only then may the process be paused for it). */
  @Column('boolean')
  relatedToProcess: boolean;

  @Column({ type: 'enum', enum: GRIEVANCE_OUTCOMES, enumName: 'grievance_outcome', nullable: true })
  outcome: GrievanceOutcome | null;

  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  /** When it was decided (stated). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_user_id' })
  decidedBy?: User;

  /** The role in which the decider heard it (headteacher or governor), as it was granted at the decision — not as the account reads later. */
  @Column('text', { nullable: true })
  decidedByRole: string | null;
}
