import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * A person's sign-in (process.md §7): one e-mail, one password, one second factor, whatever
 * organisations they belong to. Each membership of an organisation is a `users` row, with its
 * own roles (src/people/entities/user.entity.ts); the access token names the membership.
 * E-mails are unique per person, not per organisation.
 */
@Entity('accounts')
@Unique(['id', 'email'])
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; memberships carry a copy kept equal by their foreign key (ON UPDATE CASCADE). */
  @Column('text', { unique: true })
  email: string;

  /** Null: no password (single sign-on only, or none chosen yet). */
  @Column('text', { nullable: true })
  passwordHash: string | null;

  /** Set by an admin's password reset: until the person chooses a new password, only POST /auth/password, GET /auth/me and POST /auth/logout answer. */
  @Column('boolean', { default: false })
  passwordChangeRequired: boolean;

  /** The last change or reset of the password (null: unchanged since the account was made). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  passwordChangedAt: Date | null;

  /** The TOTP secret (RFC 6238), set at enrolment; confirmed once `totpEnrolledAt` is set. */
  @Column('text', { nullable: true })
  totpSecret: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  totpEnrolledAt: Date | null;

  /** The last time step a code was accepted at: a code is good once. */
  @Column('bigint', { nullable: true })
  totpLastStep: string | null;

  /**
   * An admin of this organisation last set the password or reset the second factor: credentials that
   * admin could know open only that organisation (docs/sign-in.md "Resets stay in their school").
   */
  @Column('uuid', { nullable: true })
  confinedToOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confined_to_organisation_id' })
  confinedToOrganisation?: Organisation;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  confinedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
