import { generateSync } from 'otplib';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, scrollsSideways, signIn, webStorage, type Page } from './support/browser';

/**
 * Issue 14, process.md §7: the second factor in the browser — a school requires it of a role (PUT
 * /organisation/sign-in), the person signs in with their password, sets up an authenticator (the
 * QR code, the key typed into the same library an app would use, otplib), sees the ten recovery
 * codes once and reaches the cases; the next sign-in asks for a code and takes a recovery code; an
 * admin resets the second factor (after a confirmation) and the person sets it up again. axe on
 * every state; the new pages at 320 px.
 */
describeInBrowser('web application: two-factor authentication (process.md §7)', () => {
  const fixture = browserFixture();
  const PERSON = DEMO.governor;
  let secret = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    // Werrington asks the governors for a second factor (the demo schools ask nobody)
    const admin = await fixture.app.t.as(DEMO.admin);
    const current = await admin.get('/organisation/sign-in');
    expect(current.status).toBe(200);
    const res = await admin.put('/organisation/sign-in', {
      passwordSignIn: current.body.passwordSignIn,
      secondFactorRoles: ['governor'],
      acceptProviderMfa: false,
      sso: null,
    });
    expect(res.status).toBe(200);
  });

  const codeNow = () => generateSync({ secret, strategy: 'totp' });
  /** A code of the authenticator ten minutes from now: outside the window of steps accepted (RFC 6238 §5.2). */
  const codeLater = () => generateSync({ secret, strategy: 'totp', epoch: Math.floor(Date.now() / 1000) + 600 });

  async function at320(page: Page, what: string): Promise<void> {
    const wide = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    expect({ what, sideways: await scrollsSideways(page) }).toEqual({ what, sideways: false });
    if (wide) await page.setViewportSize(wide);
  }

  it('signing in with a password, the person sets up an authenticator, sees the recovery codes once, then reaches the cases', async () => {
    const { page, app } = fixture;
    await page.goto(app.url('/cases'));
    await page.waitForURL(/\/sign-in\?return=%2Fcases$/);
    await page.getByLabel('E-mail address').fill(PERSON);
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await heading(page).filter({ hasText: 'Set up your authenticator app' }).waitFor();
    // where they were going is kept; the navigation offers nothing but signing out
    expect(new URL(page.url()).pathname).toBe('/app/second-factor');
    expect(new URL(page.url()).searchParams.get('return')).toBe('/cases');
    expect(await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBeGreaterThan(0);

    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // the browser decodes it as an image (the page's CSP allows data: images)
    type Img = { decode(): Promise<void>; naturalWidth: number };
    expect(await qr.evaluate(async (img) => (await (img as unknown as Img).decode(), (img as unknown as Img).naturalWidth))).toBeGreaterThan(0);
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'second factor: set up');
    await at320(page, 'second factor: set up');

    // another route than the second factor's: still the set-up page
    await page.goto(app.url('/cases'));
    await heading(page).filter({ hasText: 'Set up your authenticator app' }).waitFor();
    secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');

    // a wrong code: the API's words beside the field and in the summary
    await page.getByLabel('Code', { exact: true }).fill(codeLater());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('#code-error').waitFor();
    expect(await page.title()).toBe('Error: Set up your authenticator app – Social media casework');
    expect(await page.locator('.govuk-error-summary a[href="#code"]').textContent()).toMatch(/^Code is not a current code/);
    await expectAccessible(page, 'second factor: set up, wrong code');

    await page.getByLabel('Code', { exact: true }).fill(codeNow());
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page).filter({ hasText: 'Save your recovery codes' }).waitFor();
    recoveryCodes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await expectAccessible(page, 'second factor: recovery codes');
    await at320(page, 'second factor: recovery codes');
    // the codes are not kept in the browser's storage
    expect(JSON.stringify(await webStorage(page))).not.toContain(recoveryCodes[0]);

    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await heading(page).filter({ hasText: 'Cases' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/cases');
    await page.getByRole('link', { name: 'Your work' }).first().click();
    await page.getByTestId('who').waitFor();
    // a reload: the session has passed its second factor
    await page.reload();
    await page.getByTestId('who').waitFor();
  });

  it('the next sign-in asks for a code: a wrong one is refused beside its field; a recovery code lets them in', async () => {
    const { page, app } = fixture;
    expect(recoveryCodes).toHaveLength(10);
    await signIn(page, app, PERSON, TEST_PASSWORD);
    await heading(page).filter({ hasText: 'Enter the code from your authenticator app' }).waitFor();
    await expectAccessible(page, 'second factor: verify');
    await at320(page, 'second factor: verify');

    await page.getByLabel('Code', { exact: true }).fill(codeLater());
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.locator('#code-error').waitFor();
    expect(await page.title()).toBe('Error: Enter the code from your authenticator app – Social media casework');
    await expectAccessible(page, 'second factor: verify, wrong code');

    await page.getByText('Use a recovery code instead').click();
    await page.getByLabel('Recovery code').fill('AAAAA-AAAAA');
    await page.getByRole('button', { name: 'Continue with a recovery code' }).click();
    await page.locator('#recovery-code-error').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#recovery-code"]').count()).toBe(1);
    await expectAccessible(page, 'second factor: verify, wrong recovery code');

    // a code of the step used at set-up would be a replay (RFC 6238 §5.2): the recovery code instead
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await page.getByRole('button', { name: 'Continue with a recovery code' }).click();
    await page.getByTestId('who').waitFor();
    expect(await heading(page).textContent()).toBe('Your work');
    await page.getByRole('link', { name: 'Your work' }).first().waitFor();
    // used up: the same recovery code again is refused (through the API, as the page would send it)
    const again = await app.t.http().post('/auth/login').send({ email: PERSON, password: TEST_PASSWORD, tokenDelivery: 'body' });
    const verify = await app.t
      .http()
      .post('/auth/second-factor/verify')
      .set('authorization', `Bearer ${again.body.accessToken}`)
      .send({ code: recoveryCodes[0] });
    expect(verify.status).toBe(400);
  });

  it('an admin resets a person’s second factor after confirming; at their next sign-in they set one up again', async () => {
    const { page, app } = fixture;
    await signIn(page, app, DEMO.admin, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.goto(app.url(`/admin/users/${app.t.ids.users[PERSON]}`));
    await page.getByRole('heading', { name: 'Second factor' }).waitFor();
    await page.getByRole('button', { name: 'Reset second factor' }).click();
    await page.getByTestId('confirm-second-factor-reset').waitFor();
    await expectAccessible(page, 'admin: confirm the second factor reset');
    // cancelled: nothing happens
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Reset second factor' }).click();
    await page.getByRole('button', { name: 'Yes, reset their second factor' }).click();
    await page.getByText('Gavin Governor’s second factor has been reset').waitFor();
    await expectAccessible(page, 'admin: second factor reset');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();

    await signIn(page, app, PERSON, TEST_PASSWORD);
    await heading(page).filter({ hasText: 'Set up your authenticator app' }).waitFor();
    // signing out from here ends the session
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  });
});
