import { useState } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Button, Link, Radios, Tag } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';

type Notification = components['schemas']['NotificationResponse'];
type Preference = components['schemas']['NotificationPreferences']['email'];

/** How each e-mail choice reads (the API's values). */
const PREFERENCES: Record<Preference, { name: string; hint: string }> = {
  both: { name: 'Both', hint: 'An e-mail each time something waits for you, and the daily summary.' },
  immediate: { name: 'Each time', hint: 'An e-mail each time something waits for you.' },
  digest: { name: 'Once a day', hint: 'A summary at 7am of what is due or overdue.' },
};

/**
 * The person's notifications (process.md §6; GET /me/notifications, newest first) — each says what
 * waits on which case, with a way to it and to mark it read — and how they are told by e-mail
 * (GET/PUT /me/notification-preferences). What is shown, and to whom, is the API's.
 */
export function NotificationsPage() {
  const [version, setVersion] = useState(0);
  const loaded = useLoad(() => api.GET('/me/notifications', { params: { query: { limit: 50 } } }), [version]);
  return (
    <Page title="Notifications" heading="Your notifications" before={<BackLink href="/">Your work</BackLink>}>
      <WhenLoaded loaded={loaded}>
        {(page) => (
          <>
            <p className="govuk-body" data-testid="unread">
              {page.unread === 0 ? 'Nothing unread.' : `${page.unread} unread.`}
            </p>
            {page.items.length === 0 ? (
              <p className="govuk-body">You have no notifications.</p>
            ) : (
              <ul className="govuk-list govuk-list--spaced" data-testid="notifications">
                {page.items.map((n) => (
                  <NotificationItem key={n.id} notification={n} onRead={() => setVersion((v) => v + 1)} />
                ))}
              </ul>
            )}
          </>
        )}
      </WhenLoaded>
      <EmailPreference />
    </Page>
  );
}

function NotificationItem({ notification: n, onRead }: { notification: Notification; onRead: () => void }) {
  const form = useApiForm({}, {});
  const markRead = form.submit(() => api.POST('/me/notifications/{id}/read', { params: { path: { id: n.id } } }), onRead);
  return (
    <li>
      <Link href={`/cases/${n.caseId}`}>{n.reference}</Link>: {n.what}
      {n.dueAt && <> — due {formatDateTime(n.dueAt)}</>} <span className="govuk-hint govuk-!-display-inline">({formatDateTime(n.createdAt)})</span>{' '}
      {n.readAt === null ? (
        <>
          <Tag colour="blue">Unread</Tag>{' '}
          <form onSubmit={markRead} noValidate className="govuk-!-display-inline">
            <Button variant="secondary" disabled={form.submitting}>
              Mark as read<span className="govuk-visually-hidden"> ({n.reference})</span>
            </Button>
          </form>
        </>
      ) : null}
    </li>
  );
}

function EmailPreference() {
  const loaded = useLoad(() => api.GET('/me/notification-preferences'), []);
  return (
    <section aria-labelledby="email-preference" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="email-preference">
        E-mails
      </h2>
      <WhenLoaded loaded={loaded}>{(data) => <EmailPreferenceForm initial={data.email} />}</WhenLoaded>
    </section>
  );
}

function EmailPreferenceForm({ initial }: { initial: Preference }) {
  const [email, setEmail] = useState<string>(initial);
  const form = useApiForm({ email: 'email' }, { email: 'E-mails' });
  return (
    <SettingsForm
      saved="Your choice has been saved"
      errors={form.errors}
      submitting={form.submitting}
      onSubmit={(showSaved) => form.submit(() => api.PUT('/me/notification-preferences', { body: { email: email as Preference } }), showSaved)}
      intro={<p className="govuk-body">An e-mail never holds anything of a case: its reference, what waits, and a link here.</p>}
    >
      <Radios
        id="email"
        legend="When should we e-mail you?"
        legendSize="s"
        {...form.choice('email', email, setEmail)}
        items={(Object.keys(PREFERENCES) as Preference[]).map((value) => ({ value, text: PREFERENCES[value].name, hint: PREFERENCES[value].hint }))}
      />
    </SettingsForm>
  );
}
