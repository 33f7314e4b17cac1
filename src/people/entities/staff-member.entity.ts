import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { User } from './user.entity';

/** A person in the staff directory: may be a subject, witness or reporter; may have a login. */
@Entity('staff_members')
@Index(['organisationId', 'createdAt', 'id'])
// GIN (name gin_trgm_ops), for GET /cases?q=: made by migration CaseListSearch (an operator class TypeORM cannot declare)
@Index('IDX_staff_members_name_trgm', { synchronize: false })
export class StaffMember extends OrganisationScoped {
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  jobTitle: string | null;

  /** A teacher (KCSIE Part 4: a dismissal on a safeguarding case also needs the TRA referral decision). Set by an admin. */
  @Column('boolean', { default: false })
  teacher: boolean;

  /** The login of this person, if they have one: what links a user to conflicts of interest. */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @OneToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
