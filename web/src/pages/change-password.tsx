import { useState } from 'react';
import { api } from '../api/client';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input } from '../components/Input';
import { Link } from '../components/Link';
import { NotificationBanner } from '../components/NotificationBanner';
import { Page } from '../lib/page';
import { useApiForm } from '../lib/use-api-form';

/** Your password: changed when you like, and first of all after an admin has reset it (403 password_change_required). */
export function ChangePasswordPage() {
  const state = useSession();
  const forced = state.status === 'signed-in' && state.passwordChangeRequired;
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useApiForm(
    { currentPassword: 'current-password', newPassword: 'new-password' },
    { currentPassword: 'Current password', newPassword: 'New password' },
  );

  const submit = form.submit(
    () => api.POST('/auth/password', { body: { currentPassword, newPassword } }),
    () => {
      setChanged(true);
      setCurrentPassword('');
      setNewPassword('');
      session.passwordChanged();
    },
  );

  return (
    <Page title={form.errors.summary.length ? 'Error: Change your password' : 'Change your password'}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {changed && (
            <NotificationBanner success heading="Your password has been changed">
              <p className="govuk-body">You have been signed out everywhere else.</p>
              <p className="govuk-body">
                <Link href="/" className="govuk-notification-banner__link">
                  Go to your work
                </Link>
              </p>
            </NotificationBanner>
          )}
          {forced && (
            <NotificationBanner heading="Choose a new password to continue">
              <p className="govuk-body">An administrator has reset your password. Use the temporary password you were given as your current password.</p>
            </NotificationBanner>
          )}
          <ErrorSummary errors={form.errors.summary} />
          <form onSubmit={submit} noValidate>
            <Input
              id="current-password"
              label="Current password"
              type="password"
              autoComplete="current-password"
              {...form.text('currentPassword', currentPassword, setCurrentPassword)}
            />
            <Input
              id="new-password"
              label="New password"
              hint="At least 12 characters. Not your e-mail address or name, and not a commonly used password: several random words make a good one."
              type="password"
              autoComplete="new-password"
              {...form.text('newPassword', newPassword, setNewPassword)}
            />
            <Button disabled={form.submitting}>Change password</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
