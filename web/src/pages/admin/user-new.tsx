import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api/client';
import { BackLink, Button, ErrorSummary, Input } from '../../components';
import { Page } from '../../lib/page';
import { useApiForm } from '../../lib/use-api-form';
import { NameField, RolesField } from './fields';
import { type Role } from './roles';

const FIELDS = { email: 'email', name: 'name', password: 'password', roles: 'roles' };
const LABELS = { email: 'E-mail address', name: 'Full name', password: 'Password', roles: 'Roles' };

/** The NCSC's advice, as the API applies it: length and a deny-list, nothing else. */
export const PASSWORD_HINT =
  'At least 12 characters. Not the person’s e-mail address or name, and not a commonly used password. There are no rules about capitals, numbers or symbols (NCSC guidance): several random words make a good one.';

/**
 * A new user account (POST /users): e-mail, name, a first password, roles. The API decides whether
 * the password will do and says why not beside it; an account made with the e-mail of an unlinked
 * staff record is linked to that record.
 */
export function NewUserPage() {
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const form = useApiForm(FIELDS, LABELS);

  const submit = form.submit(
    () => api.POST('/users', { body: { email, name, password, roles: roles as Role[] } }),
    (user) => navigate(`/admin/users/${user.id}`, { state: { created: true } }),
  );

  return (
    <Page title={form.errors.summary.length ? 'Error: Add a user' : 'Add a user'} before={<BackLink href="/admin/users">User accounts</BackLink>}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <form onSubmit={submit} noValidate>
            <Input
              id="email"
              label={LABELS.email}
              hint="They sign in with it. If a staff record without an account has this address, the account is linked to it."
              type="email"
              autoComplete="off"
              spellCheck={false}
              {...form.text('email', email, setEmail)}
            />
            <NameField value={name} onChange={setName} error={form.errors.fields.name} />
            <Input
              id="password"
              label="First password"
              hint={PASSWORD_HINT}
              type="password"
              autoComplete="new-password"
              {...form.text('password', password, setPassword)}
            />
            <RolesField
              legendSize="m"
              hint="Select every role they hold. A person’s conflicts of interest follow them whatever roles they hold."
              values={roles}
              onChange={setRoles}
              error={form.errors.fields.roles}
            />
            <Button disabled={form.submitting}>Add the user</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
