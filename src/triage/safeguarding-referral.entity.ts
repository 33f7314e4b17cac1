import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity';
import { Case } from '../cases/entities/case.entity';
import { User } from '../people/entities/user.entity';

/** A referral to the designated safeguarding lead or the LADO (§5 safeguarding). */
@Entity('safeguarding_referrals')
@Index(['caseId'])
export class SafeguardingReferral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('uuid')
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('text')
  referredTo: string;

  @Column({ type: 'timestamptz', precision: 3 })
  referredAt: Date;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid')
  recordedByUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_user_id' })
  recordedBy?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
