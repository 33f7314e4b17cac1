import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EMAIL_PREFERENCES, EmailPreference, NOTIFICATION_EVENTS, NotificationEvent } from '../notification.rules';

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: NOTIFICATION_EVENTS,
    description: 'waiting: newly waits for you; overdue: its due time passed; expiring: an authorisation you decided ends soon',
  })
  event: NotificationEvent;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ example: 'SMP-2026-0042' }) reference: string;
  @ApiProperty({ description: 'the task kind, e.g. investigate' }) kind: string;
  @ApiProperty({ example: 'Investigate the case', description: 'what waits, in plain words (never case content)' }) what: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: unread' }) readAt: string | null;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationResponse], description: 'the caller’s own notifications, newest first' }) items: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ description: 'how many of the caller’s notifications are unread (all pages)' }) unread: number;
}

export class NotificationPreferences {
  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    description: 'immediate: an e-mail when something waits for you; digest: one e-mail a day at 07:00 of what is due or overdue; both (the default)',
  })
  @IsIn(EMAIL_PREFERENCES)
  email: EmailPreference;
}

export class FailedDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'the address it was for' }) recipient: string;
  @ApiProperty({ enum: ['notification', 'digest'] }) kind: 'notification' | 'digest';
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'what the mail server (or the connection) said on the last attempt' }) lastError: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', description: 'when the last attempt was made' }) lastAttemptAt: string;
}

export class FailedDeliveryPage {
  @ApiProperty({ type: [FailedDeliveryResponse], description: 'e-mails of the organisation given up after the last attempt, newest first (no case content)' })
  items: FailedDeliveryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
