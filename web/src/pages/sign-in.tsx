import { useState, type FormEvent } from 'react';
import { Redirect, useSearchParams } from 'wouter';
import { formErrors, NO_ERRORS, type FormErrors } from '../api/problem';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input } from '../components/Input';
import { Page } from '../lib/page';

const FIELDS = { email: 'email', password: 'password' };
const LABELS = { email: 'E-mail address', password: 'Password' };

/** Only a path inside the application: never somewhere else (an open redirect). */
const safeReturn = (path: string | null) => (path && /^\/(?!\/)/.test(path) ? path : '/');

export function SignInPage() {
  const state = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === 'signed-in') return <Redirect to={safeReturn(params.get('return'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    const problem = await session.signIn(email, password);
    setSubmitting(false);
    if (problem) {
      setErrors(formErrors(problem, FIELDS, LABELS));
      setPassword('');
    }
  };

  return (
    <Page title={errors.summary.length ? 'Error: Sign in' : 'Sign in'} heading="Sign in">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors.summary} />
          <form onSubmit={submit} noValidate>
            <Input
              id="email"
              label={LABELS.email}
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={errors.fields.email}
            />
            <Input
              id="password"
              label={LABELS.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={errors.fields.password}
            />
            <Button disabled={submitting}>Sign in</Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
