import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CaseScoped } from '../../cases/entities/case-record';
import { User } from '../../people/entities/user.entity';
import { NOTIFICATION_EVENTS, NotificationEvent } from '../notification.rules';

/**
 * An in-app notification (process.md §6): something waits for a person. It carries the case's
 * reference and what waits in plain words, never case content, so retention has nothing to
 * erase here. `key` makes the same waiting thing notified once (notification.rules.ts).
 */
@Entity('notifications')
@Index(['userId', 'key'], { unique: true })
@Index(['userId', 'createdAt', 'id'])
export class Notification extends CaseScoped {
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** waiting: newly waits for them; overdue: its due time passed; expiring: an authorisation ends soon. */
  @Column({ type: 'enum', enum: NOTIFICATION_EVENTS, enumName: 'notification_event' })
  event: NotificationEvent;

  /** The task kind (tasks module), e.g. investigate, decide_monitoring. */
  @Column('text')
  kind: string;

  @Column('text')
  reference: string;

  @Column('text')
  what: string;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  /** What makes it the same waiting thing: event, kind, case and due time. */
  @Column('text')
  key: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;
}
