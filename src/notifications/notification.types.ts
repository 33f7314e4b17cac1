/** Something that waits for a person (a task of theirs), as a notification carries it: no case content. */
export interface Waiting {
  organisationId: string;
  userId: string;
  caseId: string;
  reference: string; // the case reference, e.g. SMP-2026-0042
  kind: string; // the task kind, e.g. 'investigate', 'decide_monitoring'
  what: string; // plain words: "Investigate the case", "Decide the monitoring request"
  dueAt: string | null; // ISO instant
}
/** What the digest asks of the tasks module: every open task of a person, due and overdue first. */
export interface TaskLister {
  tasksOf(organisationId: string, userId: string, now: Date): Promise<Array<Waiting & { overdue: boolean }>>;
}
export const TASK_LISTER = Symbol('TASK_LISTER');
