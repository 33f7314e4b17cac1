import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../../organisations/organisation.entity';
import { Account } from './account.entity';

/**
 * A provider's subject bound to an account (process.md §7): matched by e-mail at the first
 * single sign-on, by (issuer, subject) ever after, so a changed e-mail at the provider cannot
 * move a person onto someone else's account.
 */
@Entity('sso_identities')
@Index(['issuer', 'subject'], { unique: true })
@Index(['accountId'])
export class SsoIdentity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  /** The organisation whose sign-in made the binding (its audit log has the event). */
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column('text')
  issuer: string;

  @Column('text')
  subject: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
