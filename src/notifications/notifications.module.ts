import { Module } from '@nestjs/common';
import { EmailOutbox } from './email-outbox.service';
import { Mailer } from './mailer';
import { NoTasks } from './no-tasks';
import { NotificationJobs } from './notification-jobs.service';
import { TASK_LISTER } from './notification.types';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** process.md §6 notifications: in the application and by e-mail (SMTP), immediate and the daily digest. */
@Module({
  controllers: [NotificationsController],
  providers: [
    Mailer,
    EmailOutbox,
    NotificationsService,
    NotificationJobs,
    // PLACEHOLDER: the lead replaces this with src/tasks' TaskLister.
    { provide: TASK_LISTER, useClass: NoTasks },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
