import { useState } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ButtonGroup, Link, NotificationBanner, SummaryList } from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { useAccounts } from './accounts';
import { AccountField, RecordPage, StaffFields } from './fields';
import { WhenLoaded } from '../../lib/loaded';

type Staff = components['schemas']['StaffResponse'];

const FIELDS = { name: 'name', email: 'email', jobTitle: 'job-title' };
const LABELS = { name: 'Full name', email: 'E-mail address', jobTitle: 'Job title' };

/**
 * One staff-directory entry (GET /staff/:id): its details, and its link to a user account
 * (PATCH /staff/:id {userId}; null unlinks). The API refuses a record already linked to another
 * account (unlink it first), an account linked to another record, and an admin's own link.
 */
export function StaffMemberPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.GET('/staff/{id}', { params: { path: { id } } }), [id]);
  return <WhenLoaded loaded={loaded}>{(data) => <StaffForms key={data.id} initial={data} />}</WhenLoaded>;
}

function StaffForms({ initial }: { initial: Staff }) {
  const created = (useHistoryState<{ created?: boolean } | null>() ?? {}).created === true;
  const [staff, setStaff] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [email, setEmail] = useState(initial.email ?? '');
  const [jobTitle, setJobTitle] = useState(initial.jobTitle ?? '');
  const [userId, setUserId] = useState(initial.userId ?? '');
  const [notice, setNotice] = useState<string | null>(created ? `${initial.name} has been added to the staff directory` : null);
  const accounts = useAccounts();
  const details = useApiForm(FIELDS, LABELS);
  const link = useApiForm({ userId: 'user-id' }, { userId: 'Account' });

  const changed = (next: Staff, heading: string) => {
    setStaff(next);
    setName(next.name);
    setEmail(next.email ?? '');
    setJobTitle(next.jobTitle ?? '');
    setUserId(next.userId ?? '');
    setNotice(heading);
  };

  const saveDetails = details.submit(
    () =>
      api.PATCH('/staff/{id}', {
        params: { path: { id: staff.id } },
        body: { name, email: email.trim() || null, jobTitle: jobTitle.trim() || null },
      }),
    (next) => {
      link.setErrors({ summary: [], fields: {} });
      changed(next, 'The details have been saved');
    },
  );
  const saveLink = (to: string | null) =>
    link.submit(
      () => api.PATCH('/staff/{id}', { params: { path: { id: staff.id } }, body: { userId: to } }),
      (next) => {
        details.setErrors({ summary: [], fields: {} });
        changed(next, next.userId ? 'The staff record is now linked to the account' : 'The staff record is no longer linked to an account');
      },
    );

  const linkedAccount = accounts.state === 'loaded' ? accounts.data.items.find((user) => user.id === staff.userId) : undefined;
  return (
    <RecordPage
      title="Staff member"
      caption="Staff directory"
      heading={staff.name}
      back={{ href: '/admin/staff', text: 'Staff directory' }}
      banner={notice && <NotificationBanner success heading={notice} />}
      errors={[details.errors, link.errors]}
    >
      <SummaryList
        rows={[
          { key: 'E-mail address', value: <span className="govuk-!-text-break-word">{staff.email ?? 'None'}</span> },
          { key: 'Job title', value: staff.jobTitle ?? 'None' },
          {
            key: 'User account',
            value: staff.userId ? (
              <Link href={`/admin/users/${staff.userId}`}>{linkedAccount ? `${linkedAccount.name} (${linkedAccount.email})` : 'Their account'}</Link>
            ) : (
              'Not linked to an account'
            ),
          },
        ]}
      />

      <h2 className="govuk-heading-m">Details</h2>
      <form onSubmit={saveDetails} noValidate>
        <StaffFields
          name={{ value: name, onChange: setName, error: details.errors.fields.name }}
          email={{ value: email, onChange: setEmail, error: details.errors.fields.email }}
          jobTitle={{ value: jobTitle, onChange: setJobTitle, error: details.errors.fields.jobTitle }}
        />
        <Button disabled={details.submitting}>Save details</Button>
      </form>

      <h2 className="govuk-heading-m">User account</h2>
      <p className="govuk-body">
        Linking the record to the account of the person who signs in ties their conflicts of interest in cases to whatever roles they hold. One record per
        account; a linked record is unlinked before it is linked to another account. An administrator does not link or unlink their own account.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void saveLink(userId || null)();
        }}
        noValidate
      >
        <AccountField label="Account" value={userId} onChange={setUserId} error={link.errors.fields.userId} accounts={accounts} />
        <ButtonGroup>
          <Button disabled={link.submitting}>Save the link</Button>
          {staff.userId && (
            <Button type="button" variant="warning" disabled={link.submitting} onClick={() => void saveLink(null)()}>
              Unlink the account
            </Button>
          )}
        </ButtonGroup>
      </form>
    </RecordPage>
  );
}
