import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseScoped } from './case-record';
import { StaffMember } from '../../people/entities/staff-member.entity';

export const PARTY_CAPACITIES = ['subject', 'reporter', 'witness'] as const;
export type PartyCapacity = (typeof PARTY_CAPACITIES)[number];

/**
 * A person's part in a case: the staff member(s) concerned, the reporter (staff, or an
 * outsider such as a parent, by name) and witnesses. Conflicts of interest are read from here.
 */
@Entity('case_parties')
@Index(['caseId', 'capacity'])
@Index(['staffId'])
export class CaseParty extends CaseScoped {
  @Column({ type: 'enum', enum: PARTY_CAPACITIES, enumName: 'party_capacity' })
  capacity: PartyCapacity;

  @Column('uuid', { nullable: true })
  staffId: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffMember;

  /** For people outside the staff directory (a parent, say). */
  @Column('text', { nullable: true })
  name: string | null;

  @Column('text', { nullable: true })
  relationship: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
