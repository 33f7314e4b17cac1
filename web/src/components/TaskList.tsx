import type { ReactNode } from 'react';
import { Link } from './Link';
import { Tag, type TagColour } from './Tag';
import { cx } from './classes';

export interface Task {
  title: string;
  /** where the task is done; none: it cannot be started yet */
  href?: string;
  /** what is missing, or what it involves */
  hint?: ReactNode;
  /** a tag ("Incomplete", "Cannot start yet"…) or plain text ("Completed") */
  status: { tag?: { text: string; colour?: TagColour }; text?: string };
}

/** GOV.UK task list: the steps of a piece of work, each with its status (the investigator's case, for instance). */
export function TaskList({ tasks, idPrefix = 'task-list' }: { tasks: Task[]; idPrefix?: string }) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task, i) => {
        const hintId = `${idPrefix}-${i + 1}-hint`;
        const statusId = `${idPrefix}-${i + 1}-status`;
        return (
          <li key={task.title} className={cx('govuk-task-list__item', task.href && 'govuk-task-list__item--with-link')}>
            <div className="govuk-task-list__name-and-hint">
              {task.href ? (
                <Link className="govuk-link govuk-task-list__link" href={task.href} aria-describedby={task.hint ? `${hintId} ${statusId}` : statusId}>
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint && (
                <div id={hintId} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              )}
            </div>
            <div className={cx('govuk-task-list__status', !task.status.tag && !task.href && 'govuk-task-list__status--cannot-start-yet')} id={statusId}>
              {task.status.tag ? <Tag colour={task.status.tag.colour}>{task.status.tag.text}</Tag> : task.status.text}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
