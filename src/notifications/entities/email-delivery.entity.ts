import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OrganisationScoped } from '../../organisations/organisation-scoped';
import { User } from '../../people/entities/user.entity';
import { DELIVERY_STATUSES, DeliveryStatus } from '../notification.rules';

/**
 * The e-mail outbox (docs/notifications.md "Delivery"): a row per e-mail, written in the
 * transaction that made it due, then sent by a job. `key` is unique: the same notification or
 * the same day's digest never makes a second row, whoever (a restart, a second instance) asks.
 * Subject and body carry no case content: reference, what waits, a link.
 */
@Entity('email_deliveries')
@Index(['key'], { unique: true })
@Index(['status', 'nextAttemptAt'])
@Index(['organisationId', 'status', 'createdAt', 'id'])
export class EmailDelivery extends OrganisationScoped {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** notification:<id> or digest:<user>:<date>. */
  @Column('text')
  key: string;

  @Column('text')
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @Column({ type: 'enum', enum: DELIVERY_STATUSES, enumName: 'email_delivery_status', default: 'pending' })
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  /** Not sent before this (database time): the backoff after a failed attempt. */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
