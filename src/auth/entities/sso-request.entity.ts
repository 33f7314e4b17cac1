import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';

/**
 * A single sign-on under way (process.md §7): what the callback must find — the `state` sent
 * (its SHA-256 is the key), the `nonce` and the PKCE verifier — and the browser that started it
 * (the SHA-256 of a cookie it holds). Used once; gone after ten minutes.
 */
@Entity('sso_requests')
@Index(['expiresAt'])
export class SsoRequest {
  @PrimaryColumn('bytea')
  stateHash: Buffer;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('text')
  nonce: string;

  @Column('text')
  codeVerifier: string;

  @Column('bytea')
  browserHash: Buffer;

  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt: Date;
}
