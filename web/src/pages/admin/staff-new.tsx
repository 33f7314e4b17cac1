import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input, Select } from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { accountOptions, useAccounts } from './accounts';

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
            <Input
              id="name"
              label={LABELS.name}
              autoComplete="off"
              spellCheck={false}
              value={name}
              onChange={(event) => setName(event.target.value)}
              error={form.errors.fields.name}
            />
            <Input
              id="email"
              label={`${LABELS.email} (optional)`}
              hint="Their work address. A user account created later with this address is linked to this record."
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={form.errors.fields.email}
            />
            <Input
              id="job-title"
              label={`${LABELS.jobTitle} (optional)`}
              autoComplete="off"
              value={jobTitle}
              onChange={(event) => setJobTitle(event.target.value)}
              error={form.errors.fields.jobTitle}
            />
            <Select
              id="user-id"
              label={`Link to a user account (optional)`}
              hint="If this person signs in to the service. One staff record per account."
              value={userId}
              onChange={(event) => setUserId(event.target.value)}
              error={form.errors.fields.userId}
              disabled={accounts.state !== 'loaded'}
              options={accounts.state === 'loaded' ? accountOptions(accounts.data.items) : [{ value: '', text: 'Loading the accounts…' }]}
            />
            <Button disabled={form.submitting}>Add the staff member</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
