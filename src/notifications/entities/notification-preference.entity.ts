import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { User } from '../../people/entities/user.entity';
import { EMAIL_PREFERENCES, EmailPreference } from '../notification.rules';

/** How a person wants to hear by e-mail (process.md §6). No row: both (the default). */
@Entity('notification_preferences')
export class NotificationPreference {
  @PrimaryColumn('uuid')
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: EMAIL_PREFERENCES, enumName: 'email_preference' })
  email: EmailPreference;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
