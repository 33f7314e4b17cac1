import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ROLES, Role } from '../../access/roles';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * How an organisation's people sign in (process.md §7): its single sign-on provider, whether a
 * password may still be used, which roles need a second factor, whether the provider's own MFA
 * (`amr`) counts as one. No row: the defaults (password on, no single sign-on, every casework role
 * needs a second factor, the provider's MFA not counted).
 */
@Entity('sign_in_settings')
export class SignInSettings {
  @PrimaryColumn('uuid')
  organisationId: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('boolean', { default: true })
  passwordSignIn: boolean;

  /** The roles whose holders must pass a second factor (null: the default, every role that reads casework). */
  @Column({ type: 'enum', enum: ROLES, enumName: 'role', array: true, nullable: true })
  secondFactorRoles: Role[] | null;

  @Column('boolean', { default: false })
  acceptProviderMfa: boolean;

  @Column('text', { nullable: true })
  ssoIssuer: string | null;

  @Column('text', { nullable: true })
  ssoClientId: string | null;

  /** Never returned by the API, never audited. */
  @Column('text', { nullable: true })
  ssoClientSecret: string | null;

  /** E-mail domains allowed to sign in through the provider (exact, lower-case). */
  @Column('text', { array: true, default: () => "'{}'" })
  ssoAllowedDomains: string[];

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
