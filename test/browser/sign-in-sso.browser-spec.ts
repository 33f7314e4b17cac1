import { DataSource } from 'typeorm';
import { OrganisationSetup } from '../../src/organisations/organisations.service';
import { TEST_PASSWORD } from '../support/constants';
import { TestOidcProvider, type TestOidcAccount } from '../support/oidc-provider';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, ownOriginEnv, scrollsSideways, signIn, webStorage, type Page } from './support/browser';

/**
 * Issue 14, process.md §7, in the browser: single sign-on through a real OpenID provider
 * (oidc-provider on a loopback port; the app's APP_URL is its own origin, so the redirect URI
 * registered with the provider is the app's) — the school's sign-in link, the provider's login,
 * back in the application signed in, the school remembered; its failures in plain words; a school
 * that takes no password; the admin's sign-in settings page. And a person in two schools (the
 * demo's HR officer) switching between them, and told to sign in where the sign-in does not carry
 * over. axe on every new state; the new pages at 320 px.
 */
describeInBrowser('web application: single sign-on and people in several schools (process.md §7)', () => {
  const fixture = browserFixture({}, () => ownOriginEnv());
  let provider: TestOidcProvider;
  let school: string;
  const ADMIN = 'admin@sso-academy.example';
  const HR = 'hr@sso-academy.example';
  const CLIENT = { clientId: 'casework-web', clientSecret: 'a-client-secret-of-the-school' };
  const accounts: TestOidcAccount[] = [
    { sub: 'hr-sub', email: HR, emailVerified: true, name: 'Hana HR', amr: ['pwd'] },
    { sub: 'stranger-sub', email: 'stranger@sso-academy.example', emailVerified: true },
  ];

  beforeAll(async () => {
    const { t, origin } = fixture.app;
    expect(t.config.email.appUrl).toBe(origin);
    provider = await TestOidcProvider.start({ clients: [{ ...CLIENT, redirectUris: [`${origin}/auth/sso/callback`] }], accounts });
    const passwordHash = (await t.db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.admin])).rows[0].password_hash as string;
    school = await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const id = await setup.createOrganisation('Sso Academy');
      await setup.createPerson(id, { email: ADMIN, name: 'Ada Admin', roles: ['admin'], passwordHash, jobTitle: 'Office manager' });
      await setup.createPerson(id, { email: HR, name: 'Hana HR', roles: ['hr'], passwordHash, jobTitle: 'HR' });
      return id;
    });
    await configure(ADMIN, { passwordSignIn: true });
  });
  afterAll(async () => {
    await provider?.stop();
  });

  /** PUT /organisation/sign-in as `admin`: the test provider, no second factor. */
  async function configure(admin: string, { passwordSignIn }: { passwordSignIn: boolean }) {
    const res = await (
      await fixture.app.t.as(admin)
    ).put('/organisation/sign-in', {
      passwordSignIn,
      secondFactorRoles: [],
      acceptProviderMfa: false,
      sso: { issuer: provider.issuer, ...CLIENT, allowedDomains: ['sso-academy.example'] },
    });
    expect(res.status).toBe(200);
    return res.body as { signInUrl: string; redirectUri: string };
  }

  async function at320(page: Page, what: string): Promise<void> {
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    expect({ what, sideways: await scrollsSideways(page) }).toEqual({ what, sideways: false });
    if (wide) await page.setViewportSize(wide);
  }

  /** The provider's own login page: the account's subject, then "Sign in". */
  async function atProvider(page: Page, sub: string): Promise<void> {
    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    await page.locator('#login').fill(sub);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Signed in at the provider already (its own session): straight back, no login page. */
  async function throughProvider(page: Page): Promise<void> {
    await page.getByTestId('who').waitFor();
    expect(await page.locator('#login').count()).toBe(0);
  }

  it('signs in through the school’s link and its provider; back in the application signed in; the school remembered for next time', async () => {
    const { page, app } = fixture;
    const { signInUrl } = await configure(ADMIN, { passwordSignIn: true });
    expect(signInUrl).toBe(app.url(`/sign-in?school=${school}`));

    await page.goto(signInUrl);
    const button = page.getByRole('button', { name: 'Sign in with your school account' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe(`/auth/sso/${school}/start`);
    // the password stays possible
    await page.getByLabel('E-mail address').waitFor();
    await expectAccessible(page, 'sign-in with the school’s single sign-on');
    await at320(page, 'sign-in with the school’s single sign-on');

    await button.click();
    await atProvider(page, 'hr-sub');
    await page.getByTestId('who').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/');
    expect(await page.getByTestId('who').textContent()).toBe('You are signed in as Hana HR (hr@sso-academy.example), hr officer at Sso Academy.');
    expect(await page.getByTestId('header').textContent()).toBe('Sso Academy');
    // the session is the password's: an HttpOnly refresh cookie; the school's id (no token) remembered
    expect((await page.context().cookies()).find((c) => c.name === 'smp_refresh')).toEqual(expect.objectContaining({ httpOnly: true, sameSite: 'Strict' }));
    expect(await webStorage(page)).toEqual({ local: { 'smp-school': school }, session: {}, cookie: '' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    // the plain sign-in page keeps offering the school's sign-in
    await page.goto(app.url('/sign-in'));
    await page.getByRole('button', { name: 'Sign in with your school account' }).click();
    await throughProvider(page);
    expect(await page.getByTestId('who').textContent()).toContain('Hana HR');
  });

  it('what goes wrong with single sign-on is said plainly on the sign-in page, with what to do', async () => {
    const { page, app } = fixture;
    // a real refusal: the provider vouches for someone with no account at the school
    await page.goto(app.url(`/sign-in?school=${school}`));
    await page.getByRole('button', { name: 'Sign in with your school account' }).click();
    await atProvider(page, 'stranger-sub');
    await page.waitForURL((url) => url.pathname === '/app/sign-in' && url.searchParams.get('sso_error') === 'sso_no_account');
    const summary = page.locator('.govuk-error-summary');
    await summary.getByText('There is no account in this service for your school account.', { exact: false }).waitFor();
    expect(await page.title()).toBe('Error: Sign in – Social media casework');
    // a failed attempt is not remembered
    expect((await webStorage(page)).local).toEqual({});
    await expectAccessible(page, 'sign-in: single sign-on refused');
    await at320(page, 'sign-in: single sign-on refused');

    const words: Record<string, string> = {
      sso_state_mismatch: 'Sign in with your school account again.',
      sso_failed: 'Your school account did not sign you in.',
      sso_provider_unavailable: 'Your school’s sign-in service could not be reached.',
      sso_not_configured: 'Your school has not set up signing in with school accounts.',
      something_new: 'Signing in with your school account did not work. Try again.',
    };
    for (const [code, text] of Object.entries(words)) {
      await page.goto(app.url(`/sign-in?sso_error=${code}`));
      await summary.getByText(text, { exact: false }).waitFor();
    }
    await expectAccessible(page, 'sign-in: an unknown sso_error');
  });

  it('a school that takes no password: the right password is refused with the way to sign in instead', async () => {
    const { page, app } = fixture;
    await configure(ADMIN, { passwordSignIn: false });
    try {
      await signIn(page, app, HR, TEST_PASSWORD);
      await page.locator('.govuk-error-summary').getByText('Your school does not let you sign in here with a password.', { exact: false }).waitFor();
      expect(await page.locator('.govuk-error-summary').textContent()).toContain('Use the sign-in link your school gave you');
      await expectAccessible(page, 'sign-in: password not allowed');
      // with the school's link, the page points at its button
      await page.goto(app.url(`/sign-in?school=${school}`));
      await page.getByLabel('E-mail address').fill(HR);
      await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.locator('.govuk-error-summary').getByText('Use “Sign in with your school account” instead.', { exact: false }).waitFor();
    } finally {
      await configure(ADMIN, { passwordSignIn: true });
    }
  });

  it('the admin’s sign-in settings: the form, the API’s errors beside their fields, the redirect URI and sign-in link to copy', async () => {
    const { page, app } = fixture;
    await signIn(page, app, ADMIN, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: 'How people sign in: single sign-on and the second factor' }).click();
    await heading(page).filter({ hasText: 'How people sign in' }).waitFor();
    expect(await page.getByTestId('redirect-uri').textContent()).toBe(`${app.origin}/auth/sso/callback`);
    expect(await page.getByTestId('sign-in-url').textContent()).toBe(app.url(`/sign-in?school=${school}`));
    expect(await page.getByLabel('Issuer').inputValue()).toBe(provider.issuer);
    expect(await page.getByLabel('Client secret').inputValue()).toBe('');
    await page.getByText('Leave this empty to keep the one set.', { exact: false }).waitFor();
    await expectAccessible(page, 'admin: sign-in settings');
    await at320(page, 'admin: sign-in settings');

    // an issuer that is not an address, a domain that is not one: beside each field
    await page.getByLabel('Issuer').fill('not an address');
    await page.getByLabel('Allowed e-mail domains').fill('sso-academy.example\nnot a domain');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#sso-issuer-error').waitFor();
    await page.locator('#sso-allowed-domains-error').waitFor();
    expect(await page.title()).toBe('Error: How people sign in – Social media casework');
    await expectAccessible(page, 'admin: sign-in settings with errors');

    // the second factor for HR, another domain; the secret left empty is kept
    await page.getByLabel('Issuer').fill(provider.issuer);
    await page.getByLabel('Allowed e-mail domains').fill('sso-academy.example\n\n  second.example  ');
    await page.getByLabel('HR officer').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: people sign in this way from their next sign-in').waitFor();
    await expectAccessible(page, 'admin: sign-in settings saved');
    const saved = await (await app.t.as(ADMIN)).get('/organisation/sign-in');
    expect(saved.body).toEqual(
      expect.objectContaining({
        passwordSignIn: true,
        secondFactorRoles: ['hr'],
        sso: { issuer: provider.issuer, clientId: CLIENT.clientId, clientSecretSet: true, allowedDomains: ['sso-academy.example', 'second.example'] },
      }),
    );
    await configure(ADMIN, { passwordSignIn: true });
  });

  it('a person in two schools sees which one they work in, switches, and is told to sign in where this sign-in does not carry over', async () => {
    const { page, app } = fixture;
    const { werrington, northfield } = app.t.ids.org;
    await signIn(page, app, DEMO.hr, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    const switcher = page.getByTestId('organisation-switcher');
    await switcher.getByRole('link', { name: 'Switch school' }).waitFor();
    expect(await page.getByTestId('header').textContent()).toBe('Werrington Primary School (demo)');
    await expectAccessible(page, 'landing page with the school switcher');

    await switcher.getByRole('link', { name: 'Switch school' }).click();
    await heading(page).filter({ hasText: 'Switch school' }).waitFor();
    expect(await page.getByLabel('Werrington Primary School (demo) (the school you are working in now)').isChecked()).toBe(true);
    await expectAccessible(page, 'switch school');
    await at320(page, 'switch school');
    await page.getByLabel('Northfield Primary (demo)').check();
    await page.getByRole('button', { name: 'Switch school' }).click();
    await page.getByTestId('who').waitFor();
    await page.getByTestId('header').filter({ hasText: 'Northfield Primary (demo)' }).waitFor();
    expect(await page.getByTestId('who').textContent()).toContain('at Northfield Primary (demo)');
    // the new session is the one in use, also after a reload (the refresh cookie was replaced)
    await page.reload();
    await page.getByTestId('header').filter({ hasText: 'Northfield Primary (demo)' }).waitFor();

    // back to Werrington, which then takes single sign-on only: a password session does not carry over there
    await page.getByTestId('organisation-switcher').getByRole('link', { name: 'Switch school' }).click();
    await heading(page).filter({ hasText: 'Switch school' }).waitFor();
    await configureWerrington(false);
    try {
      await page.getByLabel('Werrington Primary School (demo)').check();
      await page.getByRole('button', { name: 'Switch school' }).click();
      await page.getByTestId('sign-in-there').waitFor();
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'You cannot switch to Werrington Primary School (demo) without signing in there',
      );
      expect(await page.title()).toBe('Error: Switch school – Social media casework');
      await expectAccessible(page, 'switch school: sign in there');
      await at320(page, 'switch school: sign in there');
      await page.getByRole('button', { name: 'Sign out and sign in to Werrington Primary School (demo)' }).click();
      await page.waitForURL((url) => url.pathname === '/app/sign-in' && url.searchParams.get('school') === werrington);
      await page.getByRole('button', { name: 'Sign in with your school account' }).waitFor();
      expect(await page.context().cookies()).toEqual([]);
    } finally {
      await configureWerrington(true);
    }
    expect(northfield).not.toBe(werrington);
  });

  /** Werrington's sign-in: single sign-on with the test provider, passwords on or off (as its admin). */
  async function configureWerrington(passwordSignIn: boolean) {
    const res = await (
      await fixture.app.t.as(DEMO.admin)
    ).put('/organisation/sign-in', {
      passwordSignIn,
      secondFactorRoles: [],
      acceptProviderMfa: false,
      sso: passwordSignIn ? null : { issuer: provider.issuer, ...CLIENT, allowedDomains: ['demo.school'] },
    });
    expect(res.status).toBe(200);
  }
});
