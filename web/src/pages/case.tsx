import { api } from '../api/client';
import { Breadcrumbs, SummaryList, Tag } from '../components';
import { formatDateTime, STATUS_NAMES } from '../lib/format';
import { Page } from '../lib/page';
import { useLoad } from '../lib/use-load';
import { ProblemPage } from './problem';

/**
 * A case (placeholder: the case page is another piece of work). Shows the pattern every page
 * that loads something follows: useLoad with the typed client, "not found" for a 404, the
 * reference — and nothing else of the case — in the title.
 */
export function CasePage({ id }: { id: string }) {
  const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
  if (loaded.state === 'loading') {
    return (
      <p className="govuk-body" role="status">
        Loading…
      </p>
    );
  }
  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  const found = loaded.data;
  return (
    <Page title={`Case ${found.reference}`} caption="Case" heading={found.reference} before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag>{STATUS_NAMES[found.status] ?? found.status}</Tag> },
          { key: 'Reported', value: formatDateTime(found.createdAt) },
        ]}
      />
      <p className="govuk-body">The rest of the case page is being built.</p>
    </Page>
  );
}
