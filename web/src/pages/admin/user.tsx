import { useState } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { Button, ButtonGroup, InsetText, Link, NotificationBanner, SummaryList, Tag, WarningText } from '../../components';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { NameField, RecordPage, RolesField } from './fields';
import { roleNames, type Role } from './roles';
import { WhenLoaded } from '../../lib/loaded';

type User = components['schemas']['UserResponse'];

const FIELDS = { name: 'name', roles: 'roles' };
const LABELS = { name: 'Full name', roles: 'Roles' };

/**
 * One user account (GET /users/:id): change the name and roles, deactivate or reactivate it
 * (PATCH /users/:id), reset the password (POST /users/:id/password-reset: the temporary password
 * is shown once), reset the second factor after a confirmation (POST /users/:id/second-factor-reset:
 * they set up an authenticator again at their next sign-in). The API refuses what administration's
 * own rules forbid — an admin's own roles, their own deactivation or second factor, the last active
 * admin — and the page shows its words.
 */
export function UserPage({ id }: { id: string }) {
  const loaded = useLoad(() => api.GET('/users/{id}', { params: { path: { id } } }), [id]);
  return <WhenLoaded loaded={loaded}>{(data) => <UserForms key={data.id} initial={data} />}</WhenLoaded>;
}

type Notice = { heading: string; text?: string } | null;

function UserForms({ initial }: { initial: User }) {
  const created = (useHistoryState<{ created?: boolean } | null>() ?? {}).created === true;
  const [user, setUser] = useState(initial);
  const [name, setName] = useState(initial.name);
  const [roles, setRoles] = useState<string[]>(initial.roles);
  const [notice, setNotice] = useState<Notice>(created ? { heading: `Account created for ${initial.name}` } : null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const details = useApiForm(FIELDS, LABELS);
  // deactivation and the password reset: problems without fields, in one summary of their own
  const actions = useApiForm({});

  const changed = (next: User, heading: string) => {
    setUser(next);
    setName(next.name);
    setRoles(next.roles);
    setTemporary(null);
    setConfirmingReset(false);
    setNotice({ heading });
    actions.setErrors({ summary: [], fields: {} });
  };

  const saveDetails = details.submit(
    () => api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: { name, roles: roles as Role[] } }),
    (next) => changed(next, 'The account’s name and roles have been saved'),
  );
  const setActive = (active: boolean) =>
    actions.submit(
      () => api.PATCH('/users/{id}', { params: { path: { id: user.id } }, body: { active } }),
      (next) => changed(next, active ? 'The account has been reactivated' : 'The account has been deactivated'),
    )();
  const resetPassword = actions.submit(
    () => api.POST('/users/{id}/password-reset', { params: { path: { id: user.id } } }),
    (answer) => {
      setNotice(null);
      setTemporary(answer.temporaryPassword);
    },
  );
  const resetSecondFactor = actions.submit(
    () => api.POST('/users/{id}/second-factor-reset', { params: { path: { id: user.id } } }),
    () => changed(user, `${user.name}’s second factor has been reset`),
  );

  return (
    <RecordPage
      title="User account"
      caption="User account"
      heading={user.name}
      back={{ href: '/admin/users', text: 'User accounts' }}
      banner={
        <>
          {notice && <NotificationBanner success heading={notice.heading} />}
          {temporary && <TemporaryPassword password={temporary} name={user.name} />}
        </>
      }
      errors={[actions.errors, details.errors]}
    >
      <SummaryList
        rows={[
          { key: 'E-mail address', value: <span className="govuk-!-text-break-word">{user.email}</span> },
          { key: 'Roles', value: roleNames(user.roles) },
          { key: 'Account', value: user.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag> },
          {
            key: 'Staff record',
            value: user.staffId ? <Link href={`/admin/staff/${user.staffId}`}>Their staff record</Link> : 'Not linked to a staff record',
          },
        ]}
      />

      <h2 className="govuk-heading-m">Name and roles</h2>
      <form onSubmit={saveDetails} noValidate>
        <NameField value={name} onChange={setName} error={details.errors.fields.name} />
        <RolesField
          legendSize="s"
          hint="An administrator does not change their own roles, and the school always keeps an active administrator."
          values={roles}
          onChange={setRoles}
          error={details.errors.fields.roles}
        />
        <Button disabled={details.submitting}>Save name and roles</Button>
      </form>

      <h2 className="govuk-heading-m">Password</h2>
      <p className="govuk-body">
        Resetting the password signs them out everywhere and gives you a temporary password to pass on to them. They must choose their own when they next sign
        in.
      </p>
      <Button type="button" variant="secondary" disabled={actions.submitting} onClick={() => void resetPassword()}>
        Reset password
      </Button>

      <h2 className="govuk-heading-m">Second factor</h2>
      <p className="govuk-body">
        If they have lost the phone with their authenticator app and their recovery codes, reset their second factor. They are signed out everywhere and set up
        an authenticator app again when they next sign in.
      </p>
      {confirmingReset ? (
        <div data-testid="confirm-second-factor-reset">
          <WarningText>Only do this when you are sure it is them asking: whoever next signs in to their account sets up the new authenticator app.</WarningText>
          <ButtonGroup>
            <Button type="button" variant="warning" disabled={actions.submitting} onClick={() => void resetSecondFactor()}>
              Yes, reset their second factor
            </Button>
            <button type="button" className="app-link-button" onClick={() => setConfirmingReset(false)}>
              Cancel
            </button>
          </ButtonGroup>
        </div>
      ) : (
        <Button type="button" variant="secondary" disabled={actions.submitting} onClick={() => setConfirmingReset(true)}>
          Reset second factor
        </Button>
      )}

      <h2 className="govuk-heading-m">{user.active ? 'Deactivate the account' : 'Reactivate the account'}</h2>
      {user.active ? (
        <>
          <p className="govuk-body">
            They can no longer sign in, and are signed out at once. Their records and their place in past cases stay as they are; a deactivated account never
            counts as a decision-maker.
          </p>
          <Button type="button" variant="warning" disabled={actions.submitting} onClick={() => void setActive(false)}>
            Deactivate account
          </Button>
        </>
      ) : (
        <>
          <InsetText>This account is deactivated: they cannot sign in.</InsetText>
          <Button type="button" variant="secondary" disabled={actions.submitting} onClick={() => void setActive(true)}>
            Reactivate account
          </Button>
        </>
      )}
    </RecordPage>
  );
}

/** The temporary password, shown once (the banner takes focus, so it is read out), with the warning that it cannot be shown again. */
function TemporaryPassword({ password, name }: { password: string; name: string }) {
  return (
    <NotificationBanner success title="Password reset" heading={`Temporary password for ${name}`}>
      <p className="govuk-heading-m govuk-!-text-break-word" data-testid="temporary-password">
        <code>{password}</code>
      </p>
      <WarningText>
        This is the only time it will be shown. Give it to them now, in person or in a way only they can read. They must choose their own password when they
        next sign in.
      </WarningText>
    </NotificationBanner>
  );
}
