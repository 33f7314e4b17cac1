import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { TaskItem, TaskList } from './dto/tasks.dto';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { caseTasks, compareTasks, isOverdue, TASK_WORDS, tasksOfActor } from './task.rules';
import { caseTaskStates, taskCandidateIds } from './tasks.sql';

/** How many of the caller's open cases one task list reads (the oldest first). */
export const TASK_CASES_LIMIT = 200;

/**
 * GET /me/tasks (process.md §6): what waits for the caller — computed from the cases' state each
 * time (tasks.sql.ts), the owners and deadlines by task.rules.ts, only on cases the caller may see.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: SchoolCalendars,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<TaskList> {
    const now = this.clock.now();
    const { items, truncated } = await this.tasksOf(this.dataSource.manager, actor, now);
    return { items, truncated, asAt: now.toISOString() };
  }

  /** The actor's tasks at `now`, in list order. */
  async tasksOf(em: EntityManager, actor: Actor, now: Date): Promise<{ items: TaskItem[]; truncated: boolean }> {
    const ids = await taskCandidateIds(em, actor, now, TASK_CASES_LIMIT + 1);
    const truncated = ids.length > TASK_CASES_LIMIT;
    const cases = await caseTaskStates(em, actor.organisationId, ids.slice(0, TASK_CASES_LIMIT), now);
    const { calendar, deadlines } = await this.calendars.withDeadlines(em, actor.organisationId);
    const found = cases.flatMap(({ facts, state }) =>
      tasksOfActor(actor, facts, caseTasks(facts, state, now, calendar, deadlines)).map((task) => ({ facts, state, task })),
    );
    found.sort((a, b) => compareTasks({ dueAt: a.task.dueAt, reportedAt: a.state.reportedAt }, { dueAt: b.task.dueAt, reportedAt: b.state.reportedAt }));
    return {
      truncated,
      items: found.map(({ facts, state, task }) => ({
        caseId: facts.id,
        reference: state.reference,
        kind: task.kind,
        what: TASK_WORDS[task.kind],
        dueAt: task.dueAt?.toISOString() ?? null,
        overdue: isOverdue(task.dueAt, now),
      })),
    };
  }
}
