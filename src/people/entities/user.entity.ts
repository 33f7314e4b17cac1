import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { ROLES, Role } from '../../access/roles';
import { Account } from '../../auth/entities/account.entity';

/**
 * A person's membership of one organisation (process.md §7), with its own roles: what an access
 * token acts as, what cases, staff records and the audit log name (`user_id`). The person's
 * sign-in — e-mail, password, second factor — is their account (src/auth/entities/account.entity.ts),
 * shared by all their memberships.
 */
@Entity('users')
@Index(['organisationId', 'createdAt', 'id'])
@Index(['organisationId', 'accountId'], { unique: true })
@Index(['organisationId', 'email'], { unique: true })
export class User extends OrganisationScoped {
  @Column('uuid')
  accountId: string;

  /** The account's e-mail, kept equal to it by the foreign key (ON UPDATE CASCADE): read where a membership is read. */
  @Column('text')
  email: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'account_id', referencedColumnName: 'id' },
    { name: 'email', referencedColumnName: 'email' },
  ])
  account?: Account;

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role', array: true })
  roles: Role[];

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
