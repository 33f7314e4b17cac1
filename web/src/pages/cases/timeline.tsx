import { useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { useSession } from '../../auth/use-session';
import { Breadcrumbs, Pagination, Timeline } from '../../components';
import { ROLE_NAMES } from '../../lib/format';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { follows, previousCursor, withQuery } from '../../lib/paging';
import { AUDIT_ACTION_NAMES } from './words';
import { Loading } from '../../lib/loaded';

const PAGE_SIZE = 50;

/**
 * What happened on a case, newest first, from the audit log (GET /audit?caseId=…): for those who
 * may read it (the case's read_audit action). Every change and every read of the case's content
 * is there, with who did it and in which role. A case the person may not see is "Page not found".
 */
export function CaseTimelinePage({ id }: { id: string }) {
  const state = useSession();
  const [params] = useSearchParams();
  const cursor = params.get('cursor') ?? undefined;
  const found = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  const events = useLoad(() => api.GET('/audit', { params: { query: { caseId: id, limit: PAGE_SIZE, cursor } } }), [id, cursor]);
  if (found.state === 'failed') return <ProblemPage problem={found.problem} />;
  if (events.state === 'failed') return <ProblemPage problem={events.problem} />;
  if (found.state === 'loading' || events.state === 'loading') {
    return <Loading />;
  }
  const me = state.status === 'signed-in' ? state.user.id : '';
  const { reference } = found.data;
  const here = `/cases/${id}/timeline`;
  const next = events.data.nextCursor ? withQuery(here, { cursor: follows(events.data.nextCursor, cursor) }) : undefined;
  const previous = cursor ? withQuery(here, { cursor: previousCursor(cursor) }) : undefined;
  return (
    <Page
      title={`Timeline – Case ${reference}`}
      caption={`Case ${reference}`}
      heading="Timeline"
      before={
        <Breadcrumbs
          items={[
            { text: 'Your work', href: '/' },
            { text: `Case ${reference}`, href: `/cases/${id}` },
          ]}
        />
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Everything that happened on this case, newest first, from the audit log: each change, and each time someone read its content.
          </p>
          {events.data.items.length ? (
            <Timeline
              items={events.data.items.map((event) => ({
                key: event.id,
                label: AUDIT_ACTION_NAMES[event.action] ?? event.action,
                at: event.occurredAt,
                byline: event.actorUserId
                  ? `${event.actorUserId === me ? 'you' : (event.actorName ?? 'someone')}${event.actorRole ? ` (${(ROLE_NAMES[event.actorRole] ?? event.actorRole).toLowerCase()})` : ''}`
                  : 'the system',
                description: (
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    {event.reason && <span className="govuk-!-display-block">Reason: {event.reason}</span>}
                    <span className="govuk-!-display-block">Audit event {event.seq}</span>
                  </p>
                ),
              }))}
            />
          ) : (
            <p className="govuk-body">There is nothing in the audit log for this case that you may read.</p>
          )}
          <Pagination previous={previous} next={next} />
        </div>
      </div>
    </Page>
  );
}
