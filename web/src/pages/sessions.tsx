import { useState } from 'react';
import { api } from '../api/client';
import { problemOf } from '../api/problem';
import type { components } from '../api/schema';
import { Button, ButtonGroup } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Link } from '../components/Link';
import { NotificationBanner } from '../components/NotificationBanner';
import { Table } from '../components/Table';
import { Tag } from '../components/Tag';
import { formatDateTime } from '../lib/format';
import { Page } from '../lib/page';
import { useLoad } from '../lib/use-load';
import { ProblemPage } from './problem';
import { Loading } from '../lib/loaded';

type Session = components['schemas']['SessionResponse'];

/** Your account: where you are signed in (GET /auth/sessions), and signing out of the other places (DELETE /auth/sessions/:id). */
export function SessionsPage() {
  const [version, setVersion] = useState(0);
  const [ended, setEnded] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useLoad(() => api.GET('/auth/sessions', { params: { query: { limit: 200 } } }), [version]);

  const end = async (sessions: Session[]) => {
    setBusy(true);
    setFailure(null);
    let count = 0;
    for (const { id } of sessions) {
      const { error, response } = await api.DELETE('/auth/sessions/{id}', { params: { path: { id } } });
      // already ended (404) is as good as ended
      if (response.ok || response.status === 404) count++;
      else setFailure(problemOf(error, response).detail);
    }
    setEnded(count);
    setBusy(false);
    setVersion((v) => v + 1);
  };

  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  const sessions = loaded.state === 'loaded' ? loaded.data.items : [];
  const others = sessions.filter((s) => !s.current);
  return (
    <Page title="Your account">
      {ended !== null && !failure && (
        <NotificationBanner success heading={ended === 1 ? 'You have signed out of 1 other session' : `You have signed out of ${ended} other sessions`} />
      )}
      <ErrorSummary errors={failure ? [{ text: failure }] : []} />
      <p className="govuk-body">
        <Link href="/account/password">Change your password</Link>
      </p>
      <h2 className="govuk-heading-m">Where you are signed in</h2>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <Table<Session>
            caption="Your sessions"
            captionSize="s"
            rows={sessions}
            rowKey={(s) => s.id}
            columns={[
              { header: 'Signed in', cell: (s) => formatDateTime(s.createdAt) },
              { header: 'Last used', cell: (s) => formatDateTime(s.lastUsedAt) },
              { header: 'Browser', cell: (s) => s.userAgent ?? 'Not known' },
              {
                header: 'Action',
                cell: (s) =>
                  s.current ? (
                    <Tag colour="green">This browser</Tag>
                  ) : (
                    <button type="button" className="govuk-link app-link-button" disabled={busy} onClick={() => void end([s])}>
                      Sign out<span className="govuk-visually-hidden"> of the session started {formatDateTime(s.createdAt)}</span>
                    </button>
                  ),
              },
            ]}
          />
          {others.length > 0 && (
            <ButtonGroup>
              <Button type="button" variant="warning" disabled={busy} onClick={() => void end(others)}>
                Sign out of all other sessions
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
    </Page>
  );
}
