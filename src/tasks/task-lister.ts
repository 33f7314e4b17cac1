import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskLister, Waiting } from '../notifications/notification.types';
import { activePerson } from '../people/casework-people.sql';
import { TasksService } from './tasks.service';

/** The daily digest's question (process.md §6): a person's open tasks, as GET /me/tasks lists them for them. */
@Injectable()
export class TaskListerService implements TaskLister {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TasksService,
  ) {}

  async tasksOf(organisationId: string, userId: string, now: Date): Promise<Array<Waiting & { overdue: boolean }>> {
    const em = this.dataSource.manager;
    const person = await activePerson(em, organisationId, userId);
    if (!person) return [];
    const { items } = await this.tasks.tasksOf(em, person, now);
    return items.map((item) => ({ organisationId, userId, ...item }));
  }
}
