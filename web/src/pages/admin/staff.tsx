import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { api } from '../../api/client';
import { formErrors } from '../../api/problem';
import type { components } from '../../api/schema';
import { Breadcrumbs, Button, ButtonLink, ErrorSummary, Input, Link, Pagination, Table, Tag } from '../../components';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { cursorTrail, pageHref, pagination } from '../../lib/paging';
import { Loading } from '../../lib/loaded';

type Staff = components['schemas']['StaffResponse'];

const PAGE_SIZE = 50;

/** The staff directory (GET /staff), newest first, searched by name (`?q=` in the address, as the API takes it). */
export function StaffDirectoryPage() {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const q = params.get('q') ?? '';
  const trail = cursorTrail(params);
  const cursor = trail.at(-1);
  const [search, setSearch] = useState(q);
  const loaded = useLoad(() => api.GET('/staff', { params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined } } }), [q, cursor ?? null]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // a new search starts at its first page
    const next = new URLSearchParams();
    if (search.trim()) next.set('q', search.trim());
    navigate(pageHref('/admin/staff', next, []));
  };

  // a search the API refuses (its 400 names q) is shown beside the box; anything else is the page's problem
  const searchError = loaded.state === 'failed' && loaded.problem.status === 400 ? formErrors(loaded.problem, { q: 'q' }, { q: 'Name' }) : null;
  if (loaded.state === 'failed' && !searchError) return <ProblemPage problem={loaded.problem} />;
  const title = q ? `Staff directory: search results` : 'Staff directory';
  return (
    <Page title={searchError ? `Error: ${title}` : title} heading="Staff directory" before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}>
      <ButtonLink href="/admin/staff/new">Add a staff member</ButtonLink>
      <p className="govuk-body">
        <Link href="/admin/users">User accounts</Link>
      </p>
      {searchError && <ErrorSummary errors={searchError.summary} />}
      <form onSubmit={submit} noValidate role="search">
        <Input
          id="q"
          label="Search by name"
          labelSize="s"
          hint="Part of a name is enough."
          spellCheck={false}
          autoComplete="off"
          width="one-half"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          error={searchError?.fields.q}
        />
        <Button variant="secondary">Search</Button>
      </form>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'loaded' &&
        (loaded.data.items.length ? (
          <>
            <Table<Staff>
              caption={q ? `Staff whose name contains “${q}”` : 'Staff, newest first'}
              captionSize="s"
              rows={loaded.data.items}
              rowKey={(s) => s.id}
              columns={[
                { header: 'Name', cell: (s) => <Link href={`/admin/staff/${s.id}`}>{s.name}</Link> },
                { header: 'Job title', cell: (s) => s.jobTitle ?? '' },
                { header: 'E-mail address', cell: (s) => <span className="govuk-!-text-break-word">{s.email ?? ''}</span> },
                { header: 'Account', cell: (s) => (s.userId ? <Tag colour="green">Linked</Tag> : <Tag colour="grey">No account</Tag>) },
              ]}
            />
            <Pagination {...pagination('/admin/staff', params, trail, loaded.data.nextCursor)} />
          </>
        ) : (
          <p className="govuk-body" role="status">
            {q ? `Nobody in the directory has a name containing “${q}”.` : 'The directory is empty.'}
          </p>
        ))}
    </Page>
  );
}
