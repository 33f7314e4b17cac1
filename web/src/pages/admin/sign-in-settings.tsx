import { useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { BackLink, Checkboxes, Input, Radios, SummaryList, Textarea } from '../../components';
import { ROLE_NAMES } from '../../lib/format';
import { WhenLoaded } from '../../lib/loaded';
import { Page } from '../../lib/page';
import { SettingsForm } from '../../lib/settings-form';
import { useApiForm } from '../../lib/use-api-form';
import { useLoad } from '../../lib/use-load';
import { ROLES, type Role } from './roles';

type Settings = components['schemas']['SignInSettingsResponse'];
type Request = components['schemas']['SignInSettingsRequest'];

const FIELDS = {
  passwordSignIn: 'password-sign-in',
  secondFactorRoles: 'second-factor-roles',
  acceptProviderMfa: 'accept-provider-mfa',
  sso: 'sso',
  'sso.issuer': 'sso-issuer',
  'sso.clientId': 'sso-client-id',
  'sso.clientSecret': 'sso-client-secret',
  'sso.allowedDomains': 'sso-allowed-domains',
};
const LABELS = {
  passwordSignIn: 'Passwords',
  secondFactorRoles: 'Roles that need a second factor',
  acceptProviderMfa: 'The provider’s own second factor',
  sso: 'Single sign-on',
  'sso.issuer': 'Issuer',
  'sso.clientId': 'Client ID',
  'sso.clientSecret': 'Client secret',
  'sso.allowedDomains': 'Allowed e-mail domains',
};

/** One domain a line, as typed: blank lines and spaces around each left out (the API checks each). */
export const domainsOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * How the school's people sign in (process.md §7; GET/PUT /organisation/sign-in, admin): the roles
 * that must pass a second factor, password sign-in on or off, single sign-on with the school's
 * provider (Microsoft Entra ID, Google Workspace: issuer, client ID and secret, the e-mail domains it
 * vouches for) and whether the provider's own multi-factor sign-in counts. The redirect URI to
 * register with the provider and the sign-in link to give the school's people are shown to copy.
 */
export function SignInSettingsPage() {
  const loaded = useLoad(() => api.GET('/organisation/sign-in'), []);
  if (loaded.state === 'loaded') return <SignInSettingsForm initial={loaded.data} />;
  return (
    <SettingsPage failed={false}>
      <WhenLoaded loaded={loaded}>{() => null}</WhenLoaded>
    </SettingsPage>
  );
}

/** The page around the form: "Error: " first in its title while the form shows the API's errors. */
function SettingsPage({ failed, children }: { failed: boolean; children: ReactNode }) {
  return (
    <Page
      title={failed ? 'Error: How people sign in' : 'How people sign in'}
      caption="Your organisation"
      heading="How people sign in"
      before={<BackLink href="/">Your work</BackLink>}
    >
      {children}
    </Page>
  );
}

function SignInSettingsForm({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState(initial);
  const [roles, setRoles] = useState<string[]>(initial.secondFactorRoles);
  const [passwords, setPasswords] = useState(initial.passwordSignIn ? 'yes' : 'no');
  const [providerMfa, setProviderMfa] = useState<string[]>(initial.acceptProviderMfa ? ['yes'] : []);
  const [sso, setSso] = useState(initial.sso ? 'yes' : 'no');
  const [issuer, setIssuer] = useState(initial.sso?.issuer ?? '');
  const [clientId, setClientId] = useState(initial.sso?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState((initial.sso?.allowedDomains ?? []).join('\n'));
  const form = useApiForm(FIELDS, LABELS);

  const body = (): Request => ({
    passwordSignIn: passwords === 'yes',
    secondFactorRoles: roles as Role[],
    acceptProviderMfa: providerMfa.includes('yes'),
    sso:
      sso === 'yes'
        ? { issuer: issuer.trim(), clientId: clientId.trim(), ...(clientSecret ? { clientSecret } : {}), allowedDomains: domainsOf(domains) }
        : null,
  });
  const saved = (next: Settings, showSaved: () => void) => {
    setSettings(next);
    setClientSecret('');
    showSaved();
  };

  const secretSet = settings.sso?.clientSecretSet ?? false;
  return (
    <SettingsPage failed={form.errors.summary.length > 0}>
      <SettingsForm
        saved="Saved: people sign in this way from their next sign-in"
        errors={form.errors}
        submitting={form.submitting}
        onSubmit={(showSaved) =>
          form.submit(
            () => api.PUT('/organisation/sign-in', { body: body() }),
            (next) => saved(next, showSaved),
          )
        }
      >
        <Checkboxes
          id="second-factor-roles"
          legend="Who must use a second factor"
          legendSize="m"
          hint={
            <>
              They enter a code from an authenticator app on their phone as well as signing in, and set the app up at their next sign-in.
              {settings.secondFactorRolesDefault ? ' These are the default: every role that reads casework.' : ''}
            </>
          }
          {...form.choices('secondFactorRoles', roles, setRoles)}
          items={ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role] ?? role }))}
        />
        <Radios
          id="password-sign-in"
          legend="Can people sign in with a password?"
          legendSize="m"
          {...form.choice('passwordSignIn', passwords, setPasswords)}
          items={[
            { value: 'yes', text: 'Yes, with their e-mail address and password, or with their school account if single sign-on is set up' },
            { value: 'no', text: 'No, only with their school account (single sign-on must be set up)' },
          ]}
        />
        <Radios
          id="sso"
          legend="Single sign-on with the school’s accounts"
          legendSize="m"
          hint="OpenID Connect: Microsoft Entra ID (Microsoft 365), Google Workspace, or another provider. People must already have an account here, with the e-mail address of their school account."
          {...form.choice('sso', sso, setSso)}
          items={[
            {
              value: 'yes',
              text: 'Set up',
              conditional: (
                <>
                  <Input
                    id="sso-issuer"
                    label="Issuer"
                    hint={
                      <>
                        For Microsoft Entra ID: <code className="govuk-!-text-break-word">https://login.microsoftonline.com/&lt;your tenant ID&gt;/v2.0</code>.
                        For Google Workspace: <code className="govuk-!-text-break-word">https://accounts.google.com</code>
                      </>
                    }
                    type="url"
                    spellCheck={false}
                    autoComplete="off"
                    {...form.text('sso.issuer', issuer, setIssuer)}
                  />
                  <Input id="sso-client-id" label="Client ID" spellCheck={false} autoComplete="off" {...form.text('sso.clientId', clientId, setClientId)} />
                  <Input
                    id="sso-client-secret"
                    label="Client secret"
                    hint={
                      secretSet
                        ? 'A secret is set (it is never shown). Leave this empty to keep the one set.'
                        : 'From your provider, when you registered this service with it.'
                    }
                    type="password"
                    autoComplete="new-password"
                    spellCheck={false}
                    {...form.text('sso.clientSecret', clientSecret, setClientSecret)}
                  />
                  <Textarea
                    id="sso-allowed-domains"
                    label="Allowed e-mail domains"
                    hint="One a line, for example school.example. Only people whose school account has an e-mail address in one of these can sign in this way."
                    rows={3}
                    spellCheck={false}
                    {...form.text('sso.allowedDomains', domains, setDomains)}
                  />
                  <Checkboxes
                    id="accept-provider-mfa"
                    legend="The provider’s second factor"
                    legendSize="s"
                    {...form.choices('acceptProviderMfa', providerMfa, setProviderMfa)}
                    items={[
                      {
                        value: 'yes',
                        text: 'Accept the school account’s own multi-factor sign-in as the second factor',
                        hint: 'When the provider says the person used more than a password (its amr claim), they are not asked for a code here as well.',
                      },
                    ]}
                  />
                </>
              ),
            },
            { value: 'no', text: 'Not set up' },
          ]}
        />
      </SettingsForm>

      <h2 className="govuk-heading-m">To give your provider and your people</h2>
      <SummaryList
        rows={[
          {
            key: 'Redirect URI',
            value: (
              <>
                <code className="govuk-!-text-break-word" data-testid="redirect-uri">
                  {settings.redirectUri}
                </code>
                <p className="govuk-hint govuk-!-margin-top-2 govuk-!-margin-bottom-0">Register it with your provider as this service’s redirect URI.</p>
              </>
            ),
          },
          {
            key: 'Sign-in link',
            value: (
              <>
                <code className="govuk-!-text-break-word" data-testid="sign-in-url">
                  {settings.signInUrl}
                </code>
                <p className="govuk-hint govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  Give it to your people: its sign-in page offers “Sign in with your school account”.
                </p>
              </>
            ),
          },
        ]}
      />
    </SettingsPage>
  );
}
