import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { ROLES, Role } from '../../access/roles';

@Entity('users')
@Index(['organisationId', 'createdAt', 'id'])
export class User extends OrganisationScoped {
  /** Stored lower-case; unique across the deployment because login is by e-mail alone. */
  @Index({ unique: true })
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text')
  passwordHash: string;

  @Column({ type: 'enum', enum: ROLES, enumName: 'role', array: true })
  roles: Role[];

  @Column('boolean', { default: true })
  active: boolean;

  /** Set by an admin's password reset: until the user chooses a new password, only POST /auth/password, GET /auth/me and POST /auth/logout answer. */
  @Column('boolean', { default: false })
  passwordChangeRequired: boolean;

  /** The last change or reset of the password (null: unchanged since the account was made). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  passwordChangedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
