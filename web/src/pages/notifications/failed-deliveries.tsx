import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Table } from '../../components';
import { formatDateTime } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';

type Failed = components['schemas']['FailedDeliveryResponse'];

/**
 * E-mails given up after the last attempt (process.md §6 "failed deliveries are visible to
 * admins"; GET /notifications/failed-deliveries): to whom and what the mail server said — no case
 * content. The person still has the notification in the service.
 */
export function FailedDeliveriesPage() {
  const loaded = useLoad(() => api.GET('/notifications/failed-deliveries', { params: { query: { limit: 100 } } }), []);
  return (
    <Page title="E-mails not delivered" heading="E-mails not delivered" caption="Notifications" before={<BackLink href="/">Your work</BackLink>}>
      <WhenLoaded loaded={loaded}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="govuk-body">Every e-mail has been delivered.</p>
          ) : (
            <Table<Failed>
              caption="Given up after the last attempt, newest first"
              captionSize="s"
              rowKey={(f) => f.id}
              rows={page.items}
              columns={[
                { header: 'To', cell: (f) => f.recipient },
                { header: 'What', cell: (f) => (f.kind === 'digest' ? 'The daily summary' : 'A notification') },
                { header: 'Attempts', cell: (f) => f.attempts, numeric: true },
                { header: 'What the mail server said', cell: (f) => f.lastError ?? '' },
                { header: 'Last attempt', cell: (f) => formatDateTime(f.lastAttemptAt) },
              ]}
            />
          )
        }
      </WhenLoaded>
      <p className="govuk-body">The people concerned still see their notifications in the service. Check their e-mail address, or the mail server.</p>
    </Page>
  );
}
