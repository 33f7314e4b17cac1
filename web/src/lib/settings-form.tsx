import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, ErrorSummary, NotificationBanner } from '../components';
import type { FormErrors } from '../api/problem';

/**
 * A settings page's form, saved in place (the letterhead, the nation, the deadlines, the e-mail
 * choice): the API's errors summarised above it, its fields, one button, and once saved a success
 * banner — cleared by the next attempt, so that it never stands beside a new error.
 */
export function SettingsForm({
  saved,
  errors,
  submitting,
  onSubmit,
  button = 'Save',
  intro,
  children,
}: {
  /** The banner's words once saved. */
  saved: string;
  errors: FormErrors;
  submitting: boolean;
  /** The form's submit (useApiForm's `submit`), told to show the banner when it succeeds. */
  onSubmit: (showSaved: () => void) => (event?: FormEvent) => Promise<void>;
  button?: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const [shown, setShown] = useState(false);
  const submit = onSubmit(() => setShown(true));
  return (
    <>
      {shown && <NotificationBanner success heading={saved} />}
      <ErrorSummary errors={errors.summary} />
      {intro}
      <form
        onSubmit={(event) => {
          setShown(false);
          void submit(event);
        }}
        noValidate
      >
        {children}
        <Button disabled={submitting}>{button}</Button>
      </form>
    </>
  );
}
