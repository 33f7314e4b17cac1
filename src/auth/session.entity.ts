import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationScoped } from '../organisations/organisation-scoped';
import { User } from '../people/entities/user.entity';

/** How the person signed in: a password, or their organisation's single sign-on (OpenID Connect). */
export const SIGN_IN_METHODS = ['password', 'sso'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Why a session ended early (a short code: it is also the audit reason). */
export const SESSION_END_REASONS = [
  'logout',
  'ended_by_user',
  'password_changed',
  'password_reset',
  'refresh_token_reuse',
  'idle_timeout',
  'absolute_timeout',
  'account_inactive',
  'switched_organisation',
  'second_factor_reset',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * A sign-in of one user in one organisation (docs/sessions.md). Its refresh token rotates on
 * every use; only SHA-256 hashes of tokens are stored: the current one, and those it replaced
 * (so that a replaced token presented again is recognised as stolen and ends the session).
 * Access tokens name the session (`sid`), and every request checks it in the statement that
 * loads the caller (actor-loader.service.ts): ended, idle or past its absolute limit, and the
 * token is refused.
 */
@Entity('sessions')
@Index(['userId', 'createdAt', 'id'])
export class Session extends OrganisationScoped {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** SignInMethod. */
  @Column('text')
  signInMethod: SignInMethod;

  /** The provider's issuer, for a single sign-on session. */
  @Column('text', { nullable: true })
  ssoIssuer: string | null;

  /** Whether the membership's roles needed a second factor at sign-in (process.md §7): until one is passed, the session is pending. */
  @Column('boolean', { default: false })
  secondFactorRequired: boolean;

  /** When a second factor was passed in this session; null: none yet. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  secondFactorAt: Date | null;

  /** How: `totp`, `recovery_code` or `provider_mfa` (the provider's `amr`, where the organisation accepts it). */
  @Column('text', { nullable: true })
  secondFactorMethod: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  /** The last sign-in or refresh: the idle limit counts from here. */
  @Column({ type: 'timestamptz', precision: 3 })
  lastUsedAt: Date;

  /** The absolute limit: SESSION_MAX_HOURS after sign-in. */
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;

  /** Access tokens of this session issued before this instant are refused (a password change keeps only the current one). */
  @Column({ type: 'timestamptz', precision: 3 })
  accessNotBefore: Date;

  @Column('text', { nullable: true })
  userAgent: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  /** SHA-256 of the current refresh token's secret. */
  @Column('bytea')
  refreshTokenHash: Buffer;

  /** SHA-256 of the refresh tokens it replaced, newest first (at most PREVIOUS_TOKENS_KEPT). */
  @Column('bytea', { array: true, default: () => "'{}'" })
  previousTokenHashes: Buffer[];

  @Column('integer', { default: 0 })
  rotations: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  revokedAt: Date | null;

  /** SessionEndReason. */
  @Column('text', { nullable: true })
  revokedReason: SessionEndReason | null;
}
