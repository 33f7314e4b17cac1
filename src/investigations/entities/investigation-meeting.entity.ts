import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseRecord } from '../../cases/entities/case-record';
import { StaffMember } from '../../people/entities/staff-member.entity';

/**
 * An investigation meeting arranged (process.md §2: its invitation is the first letter): whom
 * the investigating manager invites (a staff member: a subject or a witness), when, where, what
 * about, and whether they may be accompanied. Arranging it makes nobody a party to the case;
 * only the interview held does (docs/letters.md).
 */
@Entity('investigation_meetings')
@Index(['caseId', 'scheduledFor'])
export class InvestigationMeeting extends CaseRecord {
  @Column('uuid')
  staffId: string;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffMember;

  @Column({ type: 'timestamptz', precision: 3 })
  scheduledFor: Date;

  @Column('text')
  place: string;

  @Column('text')
  purpose: string;

  @Column('boolean', { default: true })
  accompaniedAllowed: boolean;
}
