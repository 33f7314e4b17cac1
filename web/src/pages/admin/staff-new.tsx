import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { BackLink, Button, ErrorSummary } from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { useAccounts } from './accounts';
import { AccountField, StaffFields } from './fields';

const FIELDS = { name: 'name', email: 'email', jobTitle: 'job-title', userId: 'user-id' };
const LABELS = { name: 'Full name', email: 'E-mail address', jobTitle: 'Job title', userId: 'Account' };

/**
 * A new staff-directory entry (POST /staff): a person who can be a subject, witness or reporter,
 * with or without a user account. Linking it to an account ties the person's conflicts of
 * interest to whatever roles that account holds; the API refuses a link already taken.
 */
export function NewStaffPage() {
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [userId, setUserId] = useState('');
  const accounts = useAccounts();
  const form = useApiForm(FIELDS, LABELS);

  const submit = form.submit(
    () =>
      api.POST('/staff', {
        body: {
          name,
          ...(email.trim() ? { email: email.trim() } : {}),
          ...(jobTitle.trim() ? { jobTitle: jobTitle.trim() } : {}),
          ...(userId ? { userId } : {}),
        },
      }),
    (staff) => navigate(`/admin/staff/${staff.id}`, { state: { created: true } }),
  );

  return (
    <Page
      title={form.errors.summary.length ? 'Error: Add a staff member' : 'Add a staff member'}
      before={<BackLink href="/admin/staff">Staff directory</BackLink>}
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <form onSubmit={submit} noValidate>
            <StaffFields
              name={{ value: name, onChange: setName, error: form.errors.fields.name }}
              email={{ value: email, onChange: setEmail, error: form.errors.fields.email }}
              emailHint="Their work address. A user account created later with this address is linked to this record."
              jobTitle={{ value: jobTitle, onChange: setJobTitle, error: form.errors.fields.jobTitle }}
            />
            <AccountField
              label="Link to a user account (optional)"
              hint="If this person signs in to the service. One staff record per account."
              value={userId}
              onChange={setUserId}
              error={form.errors.fields.userId}
              accounts={accounts}
            />
            <Button disabled={form.submitting}>Add the staff member</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
