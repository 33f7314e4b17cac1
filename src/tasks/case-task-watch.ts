import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Clock } from '../common/clock/clock';
import { caseworkPeople } from '../people/casework-people.sql';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { SchoolCalendar } from '../calendar/school-calendar';
import { CaseTask, caseTasks, Deadlines, TASK_WORDS, tasksOfActor } from './task.rules';
import { caseTaskStates } from './tasks.sql';
import { WAITING_SINK, WaitingSink } from './waiting';

/** What the organisation's tasks count on: its calendar and its deadlines. */
interface TaskSettings {
  calendar: SchoolCalendar;
  deadlines: Deadlines;
}

/** A case's tasks at one moment (and the settings they were counted on, read once a change). */
export interface TaskSnapshot {
  caseId: string;
  tasks: CaseTask[];
  settings?: TaskSettings;
}

/**
 * Notifications when something comes to wait for a person (process.md §6): the case runner
 * takes the case's tasks before a change and after it, in the change's transaction; a task
 * that was not there before is told to each of its owners (appointed to investigate, a
 * monitoring request or a report to decide, an appeal to hear, a suspension to review …).
 * Derived from the same rules as GET /me/tasks, so a notification never says something waits
 * that the task list does not show.
 */
@Injectable()
export class CaseTaskWatch {
  constructor(
    @Inject(WAITING_SINK) private readonly sink: WaitingSink,
    private readonly calendars: SchoolCalendars,
    private readonly clock: Clock,
  ) {}

  /** The case's tasks now (none for a case about to be opened). */
  async snapshot(em: EntityManager, organisationId: string, caseId: string): Promise<TaskSnapshot> {
    const now = this.clock.now();
    const [read] = await caseTaskStates(em, organisationId, [caseId], now);
    if (!read) return { caseId, tasks: [] };
    const settings = await this.settings(em, organisationId);
    return { caseId, settings, tasks: caseTasks(read.facts, read.state, now, settings.calendar, settings.deadlines) };
  }

  /** After the change: tell each owner of a task that is new since `before`. */
  async notifyNew(em: EntityManager, organisationId: string, before: TaskSnapshot): Promise<void> {
    const now = this.clock.now();
    const [read] = await caseTaskStates(em, organisationId, [before.caseId], now);
    if (!read) return;
    const { calendar, deadlines } = before.settings ?? (await this.settings(em, organisationId));
    const after = caseTasks(read.facts, read.state, now, calendar, deadlines);
    const key = (t: CaseTask) => `${t.kind}|${t.userId ?? ''}|${t.role ?? ''}|${t.dueAt?.toISOString() ?? ''}`;
    const known = new Set(before.tasks.map(key));
    const fresh = after.filter((t) => !known.has(key(t)));
    if (!fresh.length) return;
    const people: Actor[] = await caseworkPeople(em, organisationId);
    const waiting = people.flatMap((person) =>
      tasksOfActor(person, read.facts, fresh).map((task) => ({
        organisationId,
        userId: person.userId,
        caseId: read.facts.id,
        reference: read.state.reference,
        kind: task.kind,
        what: TASK_WORDS[task.kind],
        dueAt: task.dueAt?.toISOString() ?? null,
      })),
    );
    if (waiting.length) await this.sink.notify(em, waiting);
  }

  private async settings(em: EntityManager, organisationId: string): Promise<TaskSettings> {
    return this.calendars.withDeadlines(em, organisationId);
  }
}
