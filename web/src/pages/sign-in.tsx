import { useEffect, useState, type FormEvent } from 'react';
import { Redirect, useSearchParams } from 'wouter';
import { formErrors, NO_ERRORS, type FormErrors, type Problem, type SummaryError } from '../api/problem';
import { isOrganisationId, rememberedSchool, ssoFailed, ssoStartUrl, ssoStarting } from '../auth/remembered-school';
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

/**
 * What went wrong with a single sign-on, in plain words and what to do (the API's redirect to
 * `/app/sign-in?sso_error=<problem code>`, src/auth/sso/sso.controller.ts; docs/api-contract.md).
 */
export const SSO_ERRORS: Record<string, string> = {
  sso_state_mismatch:
    'Signing in with your school account took too long or was started in another window, so it could not be finished. Sign in with your school account again.',
  sso_failed: 'Your school account did not sign you in. Try again, and if it happens again ask your school’s IT support.',
  sso_no_account:
    'There is no account in this service for your school account. Ask your school’s administrator to add you with the e-mail address of your school account.',
  sso_provider_unavailable: 'Your school’s sign-in service could not be reached. Try again in a few minutes.',
  sso_not_configured:
    'Your school has not set up signing in with school accounts. Sign in with your e-mail address and password, or ask your school’s administrator.',
};

/** An sso_error the page does not know (a newer API): still said plainly. */
export const SSO_ERROR_UNKNOWN = 'Signing in with your school account did not work. Try again.';

export const ssoErrorText = (code: string): string => (Object.hasOwn(SSO_ERRORS, code) ? SSO_ERRORS[code] : SSO_ERROR_UNKNOWN);

/** 403 password_sign_in_not_allowed: the password was right, but the school takes its own accounts only. */
export const passwordNotAllowed = (hasSchoolButton: boolean): SummaryError => ({
  text: hasSchoolButton
    ? 'Your school does not let you sign in here with a password. Use “Sign in with your school account” instead.'
    : 'Your school does not let you sign in here with a password. Use the sign-in link your school gave you to sign in with your school account.',
});

/**
 * Sign in: with the school's own accounts (single sign-on, process.md §7) when the page knows the
 * school — its link `?school=<id>`, or the school whose single sign-on worked here before — and
 * with an e-mail address and password. A failed single sign-on comes back as `?sso_error=`.
 */
export function SignInPage() {
  const state = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [submitting, setSubmitting] = useState(false);
  const [remembered] = useState(rememberedSchool);
  const ssoError = params.get('sso_error');
  const asked = params.get('school');
  const school = isOrganisationId(asked) ? asked : remembered;

  useEffect(() => {
    if (ssoError) ssoFailed();
  }, [ssoError]);

  if (state.status === 'signed-in') return <Redirect to={safeReturn(params.get('return'))} replace />;

  const shown: FormErrors = errors.summary.length || !ssoError ? errors : { summary: [{ text: ssoErrorText(ssoError) }], fields: {} };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    const problem: Problem | null = await session.signIn(email, password);
    setSubmitting(false);
    if (problem) {
      setErrors(
        problem.code === 'password_sign_in_not_allowed' ? { summary: [passwordNotAllowed(Boolean(school))], fields: {} } : formErrors(problem, FIELDS, LABELS),
      );
      setPassword('');
    }
  };

  return (
    <Page title={shown.summary.length ? 'Error: Sign in' : 'Sign in'} heading="Sign in">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={shown.summary} />
          {school && (
            <>
              <p className="govuk-body">Use the account you sign in to your school’s e-mail with.</p>
              {/* a navigation out of the application (to the API, then the school's provider): a plain link */}
              <a
                href={ssoStartUrl(school)}
                role="button"
                draggable={false}
                className="govuk-button govuk-button--start"
                data-module="govuk-button"
                onClick={() => ssoStarting(school)}
              >
                Sign in with your school account
              </a>
              <h2 className="govuk-heading-m">Or sign in with your e-mail address and password</h2>
            </>
          )}
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
            <Button disabled={submitting} variant={school ? 'secondary' : 'primary'}>
              Sign in
            </Button>
          </form>
        </div>
      </div>
    </Page>
  );
}
