import { Module } from '@nestjs/common';
import { EmailOutbox } from './email-outbox.service';
import { Mailer } from './mailer';
import { NotificationJobs } from './notification-jobs.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** process.md §6 notifications: in the application and by e-mail (SMTP), immediate and the daily digest. */
@Module({
  controllers: [NotificationsController],
  providers: [
    Mailer,
    EmailOutbox,
    NotificationsService,
    // reads TASK_LISTER (a person's tasks, for the digest and the overdue flags) from the global TasksModule
    NotificationJobs,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
