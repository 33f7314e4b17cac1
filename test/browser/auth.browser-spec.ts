import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, reportBody } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { describeInBrowser, heading, launch, scrollsSideways, signIn, startWebApp, webStorage, type Browser, type Page, type WebApp } from './support/browser';

/**
 * The web application's foundation (issue 11): signing in and out, passwords, sessions, "not
 * found", the CSP, narrow screens and zoom, keyboard only, no token in web storage — with axe on
 * every page and state — and the first page's weight and time to interactive (measured, reported).
 */
describeInBrowser('web application: sign-in, account and shell', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let counter = 0;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  /** What the browser refused under the Content-Security-Policy (an inline style, a script): nothing, ever. */
  let refused: string[] = [];
  beforeEach(async () => {
    refused = [];
    page = await (await browser.newContext()).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
  });
  afterEach(async () => {
    await page.context().close();
    expect(refused).toEqual([]);
  });

  /** A new HR user of Werrington (created through the API as the admin), so a test may change its password. */
  async function newUser(): Promise<{ id: string; email: string; password: string }> {
    const email = `web-user-${++counter}@demo.school`;
    const password = `quiet orchard lantern ${counter}`;
    const res = await (await app.t.as(DEMO.admin)).post('/users', { email, name: `Web User ${counter}`, password, roles: ['hr'] });
    expect(res.status).toBe(201);
    return { id: res.body.id, email, password };
  }

  it('/ and /app answer with the application; its Content-Security-Policy allows no inline script, no inline style', async () => {
    const response = await page.goto(`${app.origin}/`);
    await page.waitForURL(app.url('/sign-in?return=%2F'));
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    // the Swagger UI keeps its own, looser policy
    const docs = await fetch(`${app.origin}/docs`);
    expect(docs.headers.get('content-security-policy')).toContain('unsafe-inline');
    // a page's path that is not a file is the application; a missing file is a 404
    expect((await fetch(app.url('/cases/anything'))).status).toBe(200);
    expect((await fetch(app.url('/assets/missing-file.js'))).status).toBe(404);
  });

  it('signs in (errors where they belong), lands on the person’s work, keeps no token in web storage, signs out', async () => {
    await page.goto(app.url('/'));
    await expect(heading(page).textContent()).resolves.toBe('Sign in');
    expect(await page.title()).toBe('Sign in – Social media casework');
    await expectAccessible(page, 'sign-in');

    // nothing typed: the API's validation, beside each field and in the summary
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Sign in – Social media casework');
    expect(await page.locator('#email-error').textContent()).toMatch(/E-mail address/);
    expect(await page.locator('.govuk-error-summary a[href="#email"]').count()).toBe(1);
    await expectAccessible(page, 'sign-in with field errors');

    // a wrong password: the API's words, in the summary
    await signIn(page, app, DEMO.head, 'not the password');
    await page.locator('.govuk-error-summary').getByText('The e-mail or password is wrong.').waitFor();
    await expectAccessible(page, 'sign-in refused');

    const login = page.waitForResponse((r) => r.url().endsWith('/auth/login') && r.status() === 200);
    await signIn(page, app, DEMO.head, TEST_PASSWORD);
    const { accessToken } = (await (await login).json()) as { accessToken: string };
    await page.getByTestId('who').waitFor();
    expect(await heading(page).textContent()).toBe('Your work');
    expect(await page.title()).toBe('Your work – Social media casework');
    expect(await page.getByTestId('who').textContent()).toBe(
      'You are signed in as Helen Head (head@demo.school), headteacher at Werrington Primary School (demo).',
    );
    expect(await page.getByTestId('header').textContent()).toBe('Werrington Primary School (demo)');
    await expectAccessible(page, 'landing page (headteacher)');

    // the access token lives in memory only; the refresh token is an HttpOnly cookie script cannot read
    const storage = await webStorage(page);
    expect(storage).toEqual({ local: {}, session: {}, cookie: '' });
    expect(JSON.stringify(storage)).not.toContain(accessToken);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, path: c.path }))).toEqual([
      { name: 'smp_refresh', httpOnly: true, sameSite: 'Strict', path: '/auth' },
    ]);

    // a reload signs in again silently, from the cookie
    await page.reload();
    await page.getByTestId('who').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    expect(await page.title()).toBe('You have signed out – Social media casework');
    await expectAccessible(page, 'signed out');
    await page.goto(app.url('/'));
    await heading(page).filter({ hasText: 'Sign in' }).waitFor();
    expect(await page.context().cookies()).toEqual([]);
  });

  it('by keyboard alone: skip link, e-mail, password, Enter', async () => {
    await page.goto(app.url('/sign-in'));
    await heading(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main-content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('email');
    await page.keyboard.type(DEMO.deputy);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('password');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('who').waitFor();
    // after the navigation, focus is on the new page's heading (announced by screen readers)
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Your work');
    // and on through the navigation to signing out
    await page.getByRole('link', { name: 'Your account' }).focus();
    await page.keyboard.press('Enter');
    await heading(page).filter({ hasText: 'Your account' }).waitFor();
    // focus is on the new page's heading; just before it, the navigation's last item
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Sign out');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
  });

  it('320 px wide and at 200% zoom: the sign-in and landing pages do not scroll sideways', async () => {
    for (const [what, viewport] of [
      ['320 px', { width: 320, height: 640 }],
      // 200% zoom of a 1280 px window lays the page out in 640 CSS pixels, drawn twice as large
      ['200% zoom', { width: 640, height: 400 }],
    ] as const) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: what === '200% zoom' ? 2 : 1 });
      const narrow = await context.newPage();
      await narrow.goto(app.url('/sign-in'));
      await heading(narrow).waitFor();
      expect({ what, page: 'sign-in', scrolls: await scrollsSideways(narrow) }).toEqual({ what, page: 'sign-in', scrolls: false });
      await expectAccessible(narrow, `sign-in at ${what}`);
      await signIn(narrow, app, DEMO.investigator, TEST_PASSWORD);
      await narrow.getByTestId('who').waitFor();
      expect({ what, page: 'landing', scrolls: await scrollsSideways(narrow) }).toEqual({ what, page: 'landing', scrolls: false });
      await expectAccessible(narrow, `landing at ${what}`);
      await context.close();
    }
  });

  it('changes the password: a wrong current one is shown beside its field; then every other session ends', async () => {
    const user = await newUser();
    const other = await (await browser.newContext()).newPage();
    await signIn(other, app, user.email, user.password);
    await other.getByTestId('who').waitFor();

    await signIn(page, app, user.email, user.password);
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('link', { name: 'Change your password' }).click();
    await heading(page).filter({ hasText: 'Change your password' }).waitFor();
    await expectAccessible(page, 'change password');

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill('seven copper kettles sing');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#current-password-error').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#current-password"]').count()).toBe(1);
    await expectAccessible(page, 'change password: wrong current password');

    // a password the API refuses (its e-mail address): the API's rule, beside the field
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill(`${user.email}-2026`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.locator('#new-password-error').waitFor();
    expect(await page.locator('#new-password-error').textContent()).toMatch(/^Error: New password /);

    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill('seven copper kettles sing');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await expectAccessible(page, 'password changed');

    // this session goes on; the other one has ended: its next request signs it out
    await page.getByRole('link', { name: 'Go to your work' }).click();
    await page.getByTestId('who').waitFor();
    await other.getByRole('link', { name: 'Your account' }).click();
    await other.getByRole('heading', { name: 'You have been signed out' }).waitFor();
    await other.context().close();
  });

  it('after an admin reset: signing in leads to choosing a new password, and nowhere else until then', async () => {
    const user = await newUser();
    const reset = await (await app.t.as(DEMO.admin)).post(`/users/${user.id}/password-reset`);
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;

    await signIn(page, app, user.email, temporary);
    await heading(page).filter({ hasText: 'Change your password' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/account/password');
    await page.getByText('Choose a new password to continue').waitFor();
    await expectAccessible(page, 'forced password change');
    // anywhere else leads back here
    await page.goto(app.url('/account/sessions'));
    await heading(page).filter({ hasText: 'Change your password' }).waitFor();

    await page.getByLabel('Current password').fill(temporary);
    await page.getByLabel('New password').fill('granite willow parade forty');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password has been changed').waitFor();
    await page.getByRole('link', { name: 'Go to your work' }).click();
    await page.getByTestId('who').waitFor();
  });

  it('lists the person’s sessions and signs out of the others; another tab of this browser follows a sign-out', async () => {
    const user = await newUser();
    const elsewhere = await (await browser.newContext()).newPage();
    await signIn(elsewhere, app, user.email, user.password);
    await elsewhere.getByTestId('who').waitFor();

    await signIn(page, app, user.email, user.password);
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('table').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    await page.getByText('This browser').waitFor();
    await expectAccessible(page, 'your sessions');

    await page.getByRole('button', { name: 'Sign out of all other sessions' }).click();
    await page.getByText('You have signed out of 1 other session').waitFor();
    // the list, loaded again
    await page.getByRole('table').waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'other sessions ended');
    await elsewhere.getByRole('link', { name: 'Your account' }).click();
    await elsewhere.getByRole('heading', { name: 'You have been signed out' }).waitFor();
    await elsewhere.context().close();

    // two tabs share the session (and refresh one at a time): signing out in one signs out the other
    const tab = await page.context().newPage();
    await tab.goto(app.url('/'));
    await tab.getByTestId('who').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await tab.getByRole('heading', { name: 'You have signed out' }).waitFor();
  });

  it('"Page not found": an unknown address, a case that does not exist, and a case the person may not see, alike', async () => {
    const report = await (await app.t.as(DEMO.deputy)).post('/reports', reportBody(app.t));
    expect(report.status).toBe(201);
    const { id, reference } = report.body as { id: string; reference: string };

    await signIn(page, app, DEMO.head, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.getByRole('link', { name: reference }).click();
    await heading(page).filter({ hasText: reference }).waitFor();
    expect(await page.title()).toBe(`Case ${reference} – Social media casework`);
    await expectAccessible(page, 'case (placeholder)');

    for (const path of ['/no/such/page', `/cases/${randomUUID()}`]) {
      await page.goto(app.url(path));
      await heading(page).filter({ hasText: 'Page not found' }).waitFor();
    }
    expect(await page.title()).toBe('Page not found – Social media casework');
    await expectAccessible(page, 'page not found');

    // another school's headteacher: the same page, as the API answers the same 404
    const north = await (await browser.newContext()).newPage();
    await signIn(north, app, DEMO.northHead, TEST_PASSWORD);
    await north.getByTestId('who').waitFor();
    expect(await north.getByText(reference).count()).toBe(0);
    await north.goto(app.url(`/cases/${id}`));
    await heading(north).filter({ hasText: 'Page not found' }).waitFor();
    expect(await north.getByText(reference).count()).toBe(0);
    await north.context().close();
  });

  it('measures the first page: its JavaScript compressed (under 150 KB) and the time until the landing and a case page are usable (reported)', async () => {
    expect((await (await app.t.as(DEMO.deputy)).post('/reports', reportBody(app.t))).status).toBe(201);
    await page.goto(app.url('/sign-in'));
    await heading(page).waitFor();
    // every script the first page loaded, as the server sends it, compressed (gzip -9)
    const scripts = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => e.name).filter((url) => /\\.m?js(\\?|$)/.test(url))`,
    )) as string[];
    let jsGzipBytes = 0;
    for (const script of scripts) jsGzipBytes += gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer()), { level: 9 }).length;
    expect(jsGzipBytes).toBeGreaterThan(0);
    expect(jsGzipBytes).toBeLessThan(150 * 1024);

    await signIn(page, app, DEMO.head, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    const usable = async (ready: () => Promise<void>) => {
      await page.reload();
      await ready();
      return page.evaluate(
        `(() => { const n = performance.getEntriesByType('navigation')[0]; return { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd), usable: Math.round(performance.now()) }; })()`,
      );
    };
    const landing = await usable(() => page.getByRole('table').waitFor());
    await page.getByRole('link', { name: /^SMP-/ }).first().click();
    // the case page is usable once its status (from GET /cases/:id) is on screen
    await page.getByTestId('case-status').waitFor();
    const casePage = await usable(() => page.getByTestId('case-status').waitFor());
    const measured = { jsGzipBytes, scripts: scripts.length, landing, casePage, at: new Date().toISOString() };
    mkdirSync(join(__dirname, '..', '..', 'dist'), { recursive: true });
    writeFileSync(join(__dirname, '..', '..', 'dist', 'web-measurements.json'), `${JSON.stringify(measured, null, 2)}\n`);
    process.stdout.write(`web measurements: ${JSON.stringify(measured)}\n`);
  });
});
