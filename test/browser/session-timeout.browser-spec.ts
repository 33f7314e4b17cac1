import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { describeInBrowser, heading, launch, signIn, startWebApp, type Browser, type Page, type WebApp } from './support/browser';

const MINUTE = 60_000;
const isRefresh = (url: string) => new URL(url).pathname === '/auth/refresh';

/**
 * The idle timeout (web.md "a warning before the idle timeout ends the session"), with the default
 * limits (30 minutes idle, 15-minute access tokens). The page's clock is Playwright's (moved by
 * fastForward); the API's is the test clock (t.clock), moved alongside where the API must agree.
 */
describeInBrowser('web application: the idle-timeout warning', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startWebApp(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('warns two minutes before the idle limit; "Stay signed in" keeps the session; activity keeps it silently; left alone, it signs out', async () => {
    expect(app.t.config.sessionIdleMinutes).toBe(30);
    page = await (await browser.newContext()).newPage();
    await page.clock.install();
    await signIn(page, app, DEMO.hr, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });

    // 27 minutes untouched: nothing yet
    await page.clock.fastForward('27:00');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // 28 minutes: the warning, a modal dialog holding the focus
    await page.clock.fastForward('01:05');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/we will sign you out in 1 minute 5\d seconds/);
    expect(await page.evaluate('document.activeElement.closest("dialog") !== null')).toBe(true);
    await expectAccessible(page, 'timeout warning');

    // "Stay signed in" is a use of the session: a refresh, which the API (28 minutes on) accepts
    app.t.clock.advance(28 * MINUTE);
    const stayed = page.waitForResponse((r) => isRefresh(r.url()));
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    expect((await stayed).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    // someone at work (typing) is not warned: when the warning would come, the page refreshes instead
    await page.clock.fastForward('20:00');
    await page.keyboard.press('Tab');
    const silent = page.waitForResponse((r) => isRefresh(r.url()));
    await page.clock.fastForward('08:05');
    expect((await silent).status()).toBe(200);
    expect(await page.getByRole('dialog').count()).toBe(0);

    // left alone: the warning, then, at the limit, signed out
    await page.clock.fastForward('28:05');
    await dialog.waitFor();
    await page.clock.fastForward('02:00');
    await page.getByRole('heading', { name: 'You have been signed out' }).waitFor();
    expect(await page.getByText('you had not used the service for a while').count()).toBe(1);
    await expectAccessible(page, 'signed out after the idle limit');

    // and the API agrees: 31 minutes after its last use, the session is over
    app.t.clock.advance(31 * MINUTE);
    await page.goto(app.url('/'));
    await heading(page).filter({ hasText: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('"Sign out" in the warning signs out at once', async () => {
    page = await (await browser.newContext()).newPage();
    await page.clock.install();
    await signIn(page, app, DEMO.governor, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.clock.fastForward('28:05');
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    await page.context().close();
  });
});
