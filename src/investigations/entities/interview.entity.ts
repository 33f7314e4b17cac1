import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { StaffMember } from '../../people/entities/staff-member.entity';
import { INTERVIEW_CAPACITIES, InterviewCapacity } from '../investigation.rules';

/** An interview of the subject or a witness: who, when, who accompanied them, what they said. */
@Entity('interviews')
@Index(['caseId', 'heldAt'])
export class Interview extends CaseRecord {
  @Column('uuid', { nullable: true })
  staffId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffMember;

  @Column('text', { nullable: true })
  name: string | null;

  @Column({ type: 'enum', enum: INTERVIEW_CAPACITIES, enumName: 'interview_capacity' })
  capacity: InterviewCapacity;

  @Column({ type: 'timestamptz', precision: 3 })
  heldAt: Date;

  @Column('text', { nullable: true })
  accompaniedBy: string | null;

  @Column('text')
  statement: string;
}
