import { api } from '../api/client';
import type { components } from '../api/schema';
import { useSession } from '../auth/use-session';
import { InsetText, Link, SortableTable, Tag } from '../components';
import { formatDateTime, ROLE_NAMES, STATUS_NAMES } from '../lib/format';
import { Page } from '../lib/page';
import { useLoad } from '../lib/use-load';

type CaseListItem = components['schemas']['CaseListItem'];

/** What each role's work will be (web.md "Who sees what"): placeholders until those screens are built. */
const WORK: Record<string, string[]> = {
  deputy_head: ['Log a report', 'Triage new reports', 'Safeguarding referrals, with the clock showing'],
  headteacher: ['Appoint an investigator', 'Monitoring requests to decide', 'Investigation reports awaiting an outcome', 'The audit trail', 'Retention due'],
  investigating_manager: ['Your cases, as task lists', 'Evidence to upload', 'Monitoring requests and disclosures'],
  governor: ['Cases where you act for the headteacher', 'Appeals to hear'],
  hr: ['Case summaries and exports', 'Subject-access exports', 'Appeals to lodge', 'The audit trail'],
  admin: ['Users: create, roles, deactivate, reset passwords', 'The staff directory'],
};

/** Each person lands here: who they are, and their work (newest and most urgent first, once the screens exist). */
export function HomePage() {
  const state = useSession();
  // the API decides who may list cases: a 403 (an admin) just means no list here
  const cases = useLoad(() => api.GET('/cases', { params: { query: { limit: 20 } } }), []);
  if (state.status !== 'signed-in') return null;
  const { user, organisationName } = state;
  const roles = user.roles.map((role) => ROLE_NAMES[role] ?? role);
  return (
    <Page title="Your work" caption={user.name}>
      <p className="govuk-body" data-testid="who">
        You are signed in as {user.name} ({user.email}), {roles.join(' and ').toLowerCase()} at {organisationName}.
      </p>
      {user.roles.map((role) => (
        <section key={role} aria-labelledby={`work-${role}`}>
          <h2 className="govuk-heading-m" id={`work-${role}`}>
            {ROLE_NAMES[role] ?? role}
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {(WORK[role] ?? []).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
      <InsetText>The screens for this work are being built.</InsetText>
      {cases.state === 'loaded' &&
        (cases.data.items.length ? (
          <SortableTable<CaseListItem>
            caption="Cases you can see"
            rows={cases.data.items}
            rowKey={(c) => c.id}
            columns={[
              { header: 'Reference', cell: (c) => <Link href={`/cases/${c.id}`}>{c.reference}</Link>, sortValue: (c) => c.reference },
              { header: 'Status', cell: (c) => <Tag>{STATUS_NAMES[c.status] ?? c.status}</Tag>, sortValue: (c) => c.status },
              { header: 'Reported', cell: (c) => formatDateTime(c.createdAt), sortValue: (c) => c.createdAt },
            ]}
          />
        ) : (
          <p className="govuk-body">There are no cases you can see yet.</p>
        ))}
    </Page>
  );
}
