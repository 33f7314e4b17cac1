import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Link } from '../../components/Link';
import { Table } from '../../components/Table';
import { Tag } from '../../components/Tag';
import { formatDateTime } from '../../lib/format';
import { Loading } from '../../lib/loaded';
import { useLoad } from '../../lib/use-load';

type Task = components['schemas']['TaskItem'];

/**
 * "Your tasks" (process.md §6), the top of the landing page: what GET /me/tasks says waits for
 * the person — each step they own on a case, its deadline, overdue first. The API decides what
 * is whose and when it is due; the page shows it.
 */
export function MyTasks() {
  const tasks = useLoad(() => api.GET('/me/tasks'), []);
  return (
    <section aria-labelledby="my-tasks" className="govuk-!-margin-bottom-8" data-testid="my-tasks">
      <h2 className="govuk-heading-l" id="my-tasks">
        Your tasks
      </h2>
      {tasks.state === 'loading' ? (
        <Loading />
      ) : tasks.state === 'failed' ? (
        <p className="govuk-body">Your tasks could not be loaded: {tasks.problem.title}</p>
      ) : tasks.data.items.length === 0 ? (
        <p className="govuk-body">Nothing waits for you.</p>
      ) : (
        <>
          <Table<Task>
            caption={`${tasks.data.items.length} waiting for you, overdue first`}
            captionSize="s"
            rowKey={(t) => `${t.caseId}-${t.kind}`}
            rows={tasks.data.items}
            columns={[
              { header: 'Case', cell: (t) => <Link href={`/cases/${t.caseId}`}>{t.reference}</Link> },
              { header: 'What waits', cell: (t) => t.what },
              { header: 'Due', cell: (t) => <Due task={t} /> },
            ]}
          />
          {tasks.data.truncated && (
            <p className="govuk-body">
              These are from the oldest cases you can see; <Link href="/cases">the case list</Link> has them all.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Due({ task }: { task: Task }) {
  if (!task.dueAt) return <>No deadline</>;
  return (
    <>
      {formatDateTime(task.dueAt)} {task.overdue && <Tag colour="red">Overdue</Tag>}
    </>
  );
}
