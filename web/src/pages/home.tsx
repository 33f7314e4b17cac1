import { useEffect, type ReactNode } from 'react';
import { api } from '../api/client';
import { useSession } from '../auth/use-session';
import { ButtonLink } from '../components/Button';
import { Link } from '../components/Link';
import { formatDate, ROLE_NAMES } from '../lib/format';
import { Page } from '../lib/page';
import { useLoad, type Loaded } from '../lib/use-load';
import { CaseTable, type CaseListItem } from './cases/case-table';
import { Loading } from '../lib/loaded';
import { CasePage } from '../screens/cases';
import { MyTasks } from './tasks/my-tasks';

type Role = 'admin' | 'deputy_head' | 'investigating_manager' | 'headteacher' | 'governor' | 'hr';
type CaseList = Loaded<{ items: CaseListItem[]; nextCursor: string | null }>;

/** How many cases each piece of work shows; the rest are in the case list. */
const SHOWN = 10;

/** Most urgent first: safeguarding cases (§5), then the others; within each, the API's order (newest first). */
const urgency = (item: CaseListItem) => (item.safeguarding ? 1 : 0);
const byUrgency = (items: CaseListItem[]) => [...items].sort((a, b) => urgency(b) - urgency(a));

/** GET /cases with these filters (docs/case-list.md), for one piece of work; not at all for a person without the role. */
function useCases(when: boolean, query: Record<string, string | boolean>): CaseList | undefined {
  const loaded = useLoad(
    () =>
      when
        ? api.GET('/cases', { params: { query: { ...query, limit: 50 } } })
        : Promise.resolve({ data: undefined, response: new Response(null, { status: 204 }) }),
    [when, JSON.stringify(query)],
  );
  return when ? (loaded as CaseList) : undefined;
}

/**
 * Each person lands on their work (web.md "Who sees what"), newest and most urgent first: for
 * each of their roles, the cases that wait for them, from GET /cases filters and what each item
 * says it waits for (`waitingFor`: the role its next step is for, decided by the API), with a way
 * to the whole list. First of all, "Your tasks": what GET /me/tasks says waits for the person, with
 * its deadlines (process.md §6); then each role's work as the case list's filters show it.
 */
export function HomePage() {
  const state = useSession();
  const roles: Role[] = state.status === 'signed-in' ? (state.user.roles as Role[]) : [];
  const has = (role: Role) => roles.includes(role);
  const casework = roles.some((role) => role !== 'admin');
  const deciding = has('headteacher') || has('governor');

  const reported = useCases(has('deputy_head'), { status: 'reported' });
  const overdue = useCases(has('deputy_head') || deciding, { overdue: true });
  const investigating = useCases(has('investigating_manager'), { assignedToMe: true, status: 'investigation' });
  const investigation = useCases(deciding, { status: 'investigation' });
  const awaiting = useCases(deciding, { status: 'awaiting_decision' });
  const hearings = useCases(deciding, { status: 'hearing' });
  const decided = useCases(deciding || has('hr'), { status: 'decided' });
  const appeals = useCases(has('governor') || has('hr'), { status: 'appeal' });
  const recent = useCases(casework, {});
  const retention = useLoad(
    () =>
      has('headteacher')
        ? api.GET('/retention/due', { params: { query: { limit: 50 } } })
        : Promise.resolve({ data: undefined, response: new Response(null, { status: 204 }) }),
    [has('headteacher')],
  );

  // the case page's code, ahead of the first click on a case
  useEffect(() => void CasePage.preload(), []);

  if (state.status !== 'signed-in') return null;
  const { user, organisationName } = state;
  const names = user.roles.map((role) => ROLE_NAMES[role] ?? role);
  /** The cases of a list that wait for one of these roles (the API's `waitingFor`). */
  const waitingFor = (list: CaseList | undefined, ...who: Role[]) => select(list, (c) => c.waitingFor !== null && who.includes(c.waitingFor as Role));
  const decidingRoles = (['headteacher', 'governor'] as Role[]).filter(has);

  return (
    <Page title="Your work" caption={user.name}>
      <p className="govuk-body" data-testid="who">
        You are signed in as {user.name} ({user.email}), {names.join(' and ').toLowerCase()} at {organisationName}.
      </p>

      {casework && <MyTasks />}
      {casework && (
        <p className="govuk-body">
          <Link href="/notifications">Your notifications, and how you are told by e-mail</Link>
        </p>
      )}

      {has('deputy_head') && (
        <RoleWork role="deputy_head" action={<ButtonLink href="/reports/new">Log a report</ButtonLink>}>
          <Work id="triage" title="Reports to triage" list={reported} all="/cases?status=reported" none="There are no reports waiting to be triaged." />
          <Work
            id="overdue-deputy"
            title="Safeguarding referrals overdue"
            list={overdue}
            all="/cases?overdue=true"
            none="No safeguarding referral is overdue."
          />
        </RoleWork>
      )}

      {has('investigating_manager') && (
        <RoleWork role="investigating_manager">
          <Work
            id="investigating"
            title="Your investigations"
            list={investigating}
            all="/cases?assignedToMe=true&status=investigation"
            none="You are not investigating any case at the moment."
          />
        </RoleWork>
      )}

      {decidingRoles.map((role) => (
        <RoleWork key={role} role={role}>
          {role === 'headteacher' && (
            <p className="govuk-body">
              You take the decisions on the cases where no headteacher is conflicted; the governors take them where every headteacher is.
            </p>
          )}
          {role === 'governor' && <p className="govuk-body">You see the cases where the governors act for a conflicted headteacher, and appeals to hear.</p>}
          <Work
            id={`appoint-${role}`}
            title="Investigating managers to appoint"
            list={waitingFor(investigation, role)}
            all="/cases?status=investigation"
            none="No case is waiting for an investigating manager."
          />
          <Work
            id={`monitoring-${role}`}
            title="Monitoring requests to decide"
            list={select(investigation, (c) => c.pendingMonitoringRequests > 0)}
            all="/cases?status=investigation"
            none="No monitoring request is waiting for a decision."
            count={(c) => `${c.pendingMonitoringRequests} waiting`}
          />
          <Work
            id={`outcome-${role}`}
            title="Investigation reports awaiting an outcome"
            list={waitingFor(awaiting, role)}
            all="/cases?status=awaiting_decision"
            none="No investigation report is waiting for an outcome."
          />
          <Work
            id={`hearing-${role}`}
            title="Hearings to hold and decide"
            list={waitingFor(hearings, role)}
            all="/cases?status=hearing"
            none="No disciplinary hearing is waiting to be held or decided."
          />
          <Work
            id={`close-${role}`}
            title="Cases to close"
            list={waitingFor(decided, role)}
            all="/cases?status=decided"
            none="No case is waiting to be closed."
          />
          {role === 'governor' && (
            <Work id="appeals-governor" title="Appeals to hear" list={appeals} all="/cases?status=appeal" none="No appeal is waiting to be heard." />
          )}
          {role === 'headteacher' && !has('deputy_head') && (
            <Work
              id="overdue-head"
              title="Safeguarding referrals overdue"
              list={overdue}
              all="/cases?overdue=true"
              none="No safeguarding referral is overdue."
            />
          )}
          {role === 'headteacher' && retention.state === 'loaded' && retention.data && <RetentionDue due={retention.data} />}
          {role === 'headteacher' && (
            <ul className="govuk-list">
              <li>
                <Link href="/audit">The audit trail</Link>
              </li>
              <li>
                <Link href="/audit/verify">Verify the audit chain</Link>
              </li>
              {/* HR's too (below): once for a person with both roles */}
              {!has('hr') && <ExportLinks />}
            </ul>
          )}
        </RoleWork>
      ))}

      {has('hr') && (
        <RoleWork
          role="hr"
          action={
            <ul className="govuk-list">
              <ExportLinks />
              <li>
                <Link href="/audit">The audit trail</Link>
              </li>
            </ul>
          }
        >
          <Work
            id="lodge"
            title="Decided cases in their appeal window"
            list={waitingFor(decided, 'hr')}
            all="/cases?status=decided"
            none="No decided case is in its appeal window."
          />
          {!has('governor') && <Work id="appeals-hr" title="Appeals under way" list={appeals} all="/cases?status=appeal" none="No appeal is under way." />}
        </RoleWork>
      )}

      {has('admin') && (
        <RoleWork role="admin">
          <ul className="govuk-list">
            <li>
              <Link href="/admin/users">Users: create, roles, deactivate, reset passwords and second factors</Link>
            </li>
            <li>
              <Link href="/admin/staff">The staff directory</Link>
            </li>
            <li>
              <Link href="/admin/letterhead">The letterhead of the letters</Link>
            </li>
            <li>
              <Link href="/admin/letter-templates">The wording of the letters</Link>
            </li>
            <li>
              <Link href="/admin/nation">Whose bank holidays the deadlines skip</Link>
            </li>
            <li>
              <Link href="/admin/deadlines">Deadlines</Link>
            </li>
            <li>
              <Link href="/admin/sign-in">How people sign in: single sign-on and the second factor</Link>
            </li>
            <li>
              <Link href="/admin/failed-deliveries">E-mails not delivered</Link>
            </li>
          </ul>
        </RoleWork>
      )}

      {(has('governor') || has('headteacher') || has('hr')) && (
        <p className="govuk-body govuk-!-margin-top-6">
          <Link href="/statistics">Statistics: anonymised figures on the cases (§5)</Link>
        </p>
      )}

      {casework && (
        <section aria-labelledby="recent" className="govuk-!-margin-top-8">
          <h2 className="govuk-heading-m" id="recent">
            Cases you can see
          </h2>
          {recent?.state === 'loaded' &&
            (recent.data.items.length ? (
              <CaseTable caption="The newest cases you can see" captionSize="s" compact items={recent.data.items.slice(0, SHOWN)} />
            ) : (
              <p className="govuk-body">There are no cases you can see yet.</p>
            ))}
          <p className="govuk-body">
            <Link href="/cases">All the cases you can see, with filters</Link>
          </p>
        </section>
      )}
    </Page>
  );
}

/** The CSV export of cases and the subject-access exports (HR's and the headteacher's: the API decides who may). */
function ExportLinks() {
  return (
    <>
      <li>
        <Link href="/exports">Export cases (CSV)</Link>
      </li>
      <li>
        <Link href="/subject-access">Subject-access exports</Link>
      </li>
    </>
  );
}

/** The items of a loaded list that pass `keep` (still a list, loading or failed as it was). */
function select(list: CaseList | undefined, keep: (item: CaseListItem) => boolean): CaseList | undefined {
  return list?.state === 'loaded' ? { state: 'loaded', data: { items: list.data.items.filter(keep), nextCursor: list.data.nextCursor } } : list;
}

function RoleWork({ role, action, children }: { role: Role; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`work-${role}`} className="govuk-!-margin-top-6" data-testid={`work-${role}`}>
      <h2 className="govuk-heading-l" id={`work-${role}`}>
        {ROLE_NAMES[role] ?? role}
      </h2>
      {action}
      {children}
    </section>
  );
}

/** One piece of work: how many cases wait, the most urgent first, and the way to all of them. */
function Work({
  id,
  title,
  list,
  all,
  none,
  count,
}: {
  id: string;
  title: string;
  list: CaseList | undefined;
  all: string;
  none: string;
  count?: (item: CaseListItem) => string;
}) {
  if (!list) return null;
  const items = list.state === 'loaded' ? byUrgency(list.data.items) : [];
  const more = list.state === 'loaded' && (items.length > SHOWN || list.data.nextCursor !== null);
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h3 className="govuk-heading-m" id={id}>
        {title}
        {list.state === 'loaded' && (
          <span className="govuk-caption-m">
            {items.length === 0 ? 'None' : `${items.length}${list.data.nextCursor ? ' or more' : ''} ${items.length === 1 ? 'case' : 'cases'}`}
          </span>
        )}
      </h3>
      {list.state === 'loading' && <Loading />}
      {list.state === 'failed' && <p className="govuk-body">{list.problem.detail}</p>}
      {list.state === 'loaded' &&
        (items.length ? (
          <ul className="govuk-list govuk-list--spaced">
            {items.slice(0, SHOWN).map((item) => (
              <li key={item.id}>
                <WorkItem item={item} extra={count?.(item)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{none}</p>
        ))}
      {more && (
        <p className="govuk-body">
          <Link href={all}>See them all in the case list</Link>
        </p>
      )}
    </section>
  );
}

function WorkItem({ item, extra }: { item: CaseListItem; extra?: string }) {
  return (
    <>
      <Link href={`/cases/${item.id}`}>{item.reference}</Link>{' '}
      <span className="govuk-body-s govuk-!-margin-bottom-0">
        reported {formatDate(item.createdAt)}
        {item.safeguarding ? ', safeguarding' : ''}
        {extra ? `, ${extra}` : ''}
      </span>
    </>
  );
}

/** Closed cases past their retention date and not on hold (GET /retention/due, §13): the headteacher erases their content. */
function RetentionDue({ due }: { due: { items: { id: string; reference: string; retainUntil: string }[]; nextCursor: string | null } }) {
  return (
    <section aria-labelledby="retention-due" data-testid="retention-due">
      <h3 className="govuk-heading-m" id="retention-due">
        Retention due (§13)
        <span className="govuk-caption-m">
          {due.items.length === 0 ? 'None' : `${due.items.length}${due.nextCursor ? ' or more' : ''} ${due.items.length === 1 ? 'case' : 'cases'}`}
        </span>
      </h3>
      {due.items.length ? (
        <ul className="govuk-list govuk-list--spaced">
          {due.items.slice(0, SHOWN).map((item) => (
            <li key={item.id}>
              <Link href={`/cases/${item.id}`}>{item.reference}</Link> <span className="govuk-body-s">kept until {formatDate(item.retainUntil)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No closed case is past its retention date.</p>
      )}
      <p className="govuk-body">
        <Link href="/retention">Retention: erase the content of cases past their date</Link>
      </p>
    </section>
  );
}
