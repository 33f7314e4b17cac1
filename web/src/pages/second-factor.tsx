import { type ComponentProps, useEffect, useState } from 'react';
import { Redirect, useLocation, useSearchParams } from 'wouter';
import { api } from '../api/client';
import { session } from '../auth/session';
import { useSession } from '../auth/use-session';
import { Button } from '../components/Button';
import { Details } from '../components/Details';
import { ErrorSummary } from '../components/ErrorSummary';
import { Input } from '../components/Input';
import { WarningText } from '../components/WarningText';
import { inGroupsOfFour, svgDataUri } from '../lib/data-uri';
import { Loading } from '../lib/loaded';
import { Page } from '../lib/page';
import { useApiForm } from '../lib/use-api-form';
import { useLoad } from '../lib/use-load';
import { ProblemPage } from './problem';

/** Only a path inside the application: never somewhere else (an open redirect). */
const safeReturn = (path: string | null) => (path && /^\/(?!\/)/.test(path) && !path.startsWith('/second-factor') ? path : '/');

/**
 * The second factor (process.md §7, docs/sign-in.md), after signing in or a reload: what the
 * session says it needs (the login or refresh answer's `secondFactor`) — an authenticator set up
 * first (`enrol`: the QR code, the key to type, the first code; then the ten recovery codes, shown
 * once), or a code (`verify`: the app's, or a recovery code). Then on to where the person was going.
 */
export function SecondFactorPage() {
  const state = useSession();
  const [params] = useSearchParams();
  const [codes, setCodes] = useState<string[] | null>(null);
  const next = safeReturn(params.get('return'));
  if (codes) return <RecoveryCodes codes={codes} next={next} />;
  if (state.status === 'starting') return <Loading />;
  if (state.status === 'signed-out') return <Redirect to={state.reason === 'none' ? '/sign-in' : '/signed-out'} replace />;
  if (state.secondFactor === 'enrol') return <Enrol onConfirmed={setCodes} />;
  if (state.secondFactor === 'verify') return <Verify />;
  return <Redirect to={next} replace />;
}

/** "Sign out" for someone who cannot go on (no phone to hand): the navigation shows no other way out until the second factor is passed. */
function SignOutInstead() {
  return (
    <p className="govuk-body">
      <button type="button" className="app-link-button" onClick={() => void session.signOut()}>
        Sign out
      </button>
    </p>
  );
}

/** Enrolment: POST /auth/second-factor/enrolment, then …/confirm with the first code. */
function Enrol({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const enrolment = useLoad(() => api.POST('/auth/second-factor/enrolment'), []);
  const [code, setCode] = useState('');
  const form = useApiForm({ code: 'code' }, { code: 'Code' });
  const enrolled = enrolment.state === 'failed' && enrolment.problem.code === 'second_factor_enrolled';
  useEffect(() => {
    // set up already (in another tab): the session's own answer says it needs a code instead
    if (enrolled) void session.refresh();
  }, [enrolled]);
  if (enrolment.state === 'loading' || enrolled) return <Loading />;
  if (enrolment.state === 'failed') return <ProblemPage problem={enrolment.problem} />;
  const { qrCodeSvg, secret } = enrolment.data;
  const submit = form.submit(
    () => api.POST('/auth/second-factor/enrolment/confirm', { body: { code: code.trim() } }),
    (answer) => {
      onConfirmed(answer.recoveryCodes);
      session.secondFactorPassed();
    },
  );
  return (
    <Page title={form.errors.summary.length ? 'Error: Set up your authenticator app' : 'Set up your authenticator app'}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={form.errors.summary} />
          <p className="govuk-body">
            Your school asks for a code from an app on your phone each time you sign in, as well as your password or school account. This keeps the records in
            this service safe if your password is ever known to someone else.
          </p>
          <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
          <p className="govuk-body">
            Use any authenticator app, for example Microsoft Authenticator or Google Authenticator, or the one your school recommends.
          </p>
          <h2 className="govuk-heading-m">2. Add this service to the app</h2>
          <p className="govuk-body">In the app, choose to add an account, then scan this QR code.</p>
          <img className="app-qr-code" src={svgDataUri(qrCodeSvg)} alt="QR code for your authenticator app" width={200} height={200} />
          <p className="govuk-body">If you cannot scan it, choose to enter a key instead, and type this key:</p>
          <p className="govuk-body govuk-!-font-weight-bold govuk-!-text-break-word">
            <code data-testid="totp-secret">{inGroupsOfFour(secret)}</code>
          </p>
          <h2 className="govuk-heading-m">3. Enter the code the app shows</h2>
          <form onSubmit={submit} noValidate>
            <AuthenticatorCode hint="The 6 numbers the app shows for this service, for example 123456" {...form.text('code', code, setCode)} />
            <Button disabled={form.submitting}>Continue</Button>
          </form>
          <SignOutInstead />
        </div>
      </div>
    </Page>
  );
}

/** The ten recovery codes, once: the API never shows them again. */
function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const [, navigate] = useLocation();
  return (
    <Page title="Save your recovery codes">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">Your authenticator app is set up. If you ever lose your phone, you can sign in with one of these codes instead.</p>
          <ul className="govuk-list app-recovery-codes" data-testid="recovery-codes" aria-label="Recovery codes">
            {codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <WarningText>
            This is the only time these codes are shown. Write them down or print this page, and keep them somewhere safe, away from your phone. Each code works
            once.
          </WarningText>
          <Button type="button" onClick={() => navigate(next, { replace: true })}>
            I have saved these codes
          </Button>
        </div>
      </div>
    </Page>
  );
}

/** The six-digit code of an authenticator app, as a phone offers to fill it in (one-time-code, digits). */
function AuthenticatorCode(props: { hint: string; value: string; onChange: ComponentProps<typeof Input>['onChange']; error?: string }) {
  return <Input id="code" label="Code" width="10" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} {...props} />;
}

/** A code: POST /auth/second-factor/verify with the app's code, or (behind "Use a recovery code instead") a recovery code. */
function Verify() {
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState('');
  const form = useApiForm({ code: 'code' }, { code: 'Code' });
  const recoveryForm = useApiForm({ code: 'recovery-code' }, { code: 'Recovery code' });
  const passed = () => session.secondFactorPassed();
  const submit = form.submit(() => api.POST('/auth/second-factor/verify', { body: { code: code.trim() } }), passed);
  const submitRecovery = recoveryForm.submit(() => api.POST('/auth/second-factor/verify', { body: { code: recovery.trim() } }), passed);
  const failed = form.errors.summary.length > 0 || recoveryForm.errors.summary.length > 0;
  return (
    <Page title={failed ? 'Error: Enter the code from your authenticator app' : 'Enter the code from your authenticator app'}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={[...form.errors.summary, ...recoveryForm.errors.summary]} />
          <form onSubmit={submit} noValidate>
            <AuthenticatorCode hint="The 6 numbers your authenticator app shows for this service, for example 123456" {...form.text('code', code, setCode)} />
            <Button disabled={form.submitting}>Continue</Button>
          </form>
          <Details summary="Use a recovery code instead" open={recoveryForm.errors.summary.length > 0 || undefined}>
            <p className="govuk-body">If you do not have your phone, use one of the recovery codes you saved when you set up the app. Each code works once.</p>
            <form onSubmit={submitRecovery} noValidate>
              <Input
                id="recovery-code"
                label="Recovery code"
                width="20"
                autoComplete="off"
                spellCheck={false}
                {...recoveryForm.text('code', recovery, setRecovery)}
              />
              <Button variant="secondary" disabled={recoveryForm.submitting}>
                Continue with a recovery code
              </Button>
            </form>
            <p className="govuk-body">If you have no recovery codes left, ask your school’s administrator to reset your second factor.</p>
          </Details>
          <SignOutInstead />
        </div>
      </div>
    </Page>
  );
}
