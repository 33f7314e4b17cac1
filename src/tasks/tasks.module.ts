import { Global, Module } from '@nestjs/common';
import { TASK_LISTER } from '../notifications/notification.types';
import { NotificationsModule } from '../notifications/notifications.module';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationsModule } from '../organisations/organisations.module';
import { CaseTaskWatch } from './case-task-watch';
import { TaskListerService } from './task-lister';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { WAITING_SINK } from './waiting';

/**
 * Tasks (process.md §6): deadlines and their owners, computed from the cases' state; no tables
 * of its own. Global, so that the case runner (new tasks → notifications) and the daily digest
 * (TASK_LISTER) reach it without a cycle of imports.
 */
@Global()
@Module({
  imports: [OrganisationsModule, NotificationsModule],
  controllers: [TasksController],
  providers: [TasksService, CaseTaskWatch, { provide: TASK_LISTER, useClass: TaskListerService }, { provide: WAITING_SINK, useExisting: NotificationsService }],
  exports: [TasksService, CaseTaskWatch, TASK_LISTER],
})
export class TasksModule {}
