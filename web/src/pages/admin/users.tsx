import { useSearchParams } from 'wouter';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Breadcrumbs, ButtonLink, Link, Pagination, Table, Tag } from '../../components';
import { Page } from '../../lib/page';
import { useLoad } from '../../lib/use-load';
import { ProblemPage } from '../problem';
import { cursorTrail, pagination } from '../../lib/paging';
import { roleNames } from './roles';
import { Loading } from '../../lib/loaded';

type User = components['schemas']['UserResponse'];

const PAGE_SIZE = 50;

/** The organisation's user accounts, newest first, a page at a time (GET /users). */
export function UsersPage() {
  const [params] = useSearchParams();
  const trail = cursorTrail(params);
  const cursor = trail.at(-1);
  const loaded = useLoad(() => api.GET('/users', { params: { query: { limit: PAGE_SIZE, cursor } } }), [cursor ?? null]);
  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  return (
    <Page
      title={trail.length ? `User accounts (page ${trail.length + 1})` : 'User accounts'}
      heading="User accounts"
      before={<Breadcrumbs items={[{ text: 'Your work', href: '/' }]} />}
    >
      <ButtonLink href="/admin/users/new">Add a user</ButtonLink>
      <p className="govuk-body">
        <Link href="/admin/staff">The staff directory</Link>
      </p>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : (
        <>
          <Table<User>
            caption={trail.length ? `Accounts, page ${trail.length + 1}` : 'Accounts, newest first'}
            captionSize="s"
            rows={loaded.data.items}
            rowKey={(user) => user.id}
            columns={[
              { header: 'Name', cell: (user) => <Link href={`/admin/users/${user.id}`}>{user.name}</Link> },
              { header: 'E-mail address', cell: (user) => <span className="govuk-!-text-break-word">{user.email}</span> },
              { header: 'Roles', cell: (user) => roleNames(user.roles) },
              { header: 'Account', cell: (user) => (user.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>) },
            ]}
          />
          <Pagination {...pagination('/admin/users', params, trail, loaded.data.nextCursor)} />
        </>
      )}
    </Page>
  );
}
