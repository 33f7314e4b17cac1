import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * Statistics for governors, the headteacher and HR (GET /statistics, process.md §5,
 * docs/statistics.md): the landing page's link for the roles that may read them, each breakdown a
 * GOV.UK table with suppressed cells as the API says them, a period as two UK dates (a date that
 * is not one named beside its field), and the refusal of a role that may not — axe on each.
 */
describeInBrowser('web application: statistics', () => {
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  let page: Page;

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) await buildCase(fx.app.t, { to: 'reported', label: `statistics ${i + 1}` });
  });
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };
  const LINK = 'Statistics: anonymised figures on the cases (§5)';

  it('a governor: from the landing page, every breakdown a table, small numbers suppressed as the API says them; a period; a date that is not one', async () => {
    await signedIn(DEMO.governor);
    await page.getByRole('link', { name: LINK }).click();
    await heading(page).filter({ hasText: 'Statistics' }).waitFor();
    expect(await page.title()).toBe('Statistics – Social media casework');
    const figures = page.getByTestId('figures');
    await figures.waitFor();
    expect(await figures.locator('h2').innerText()).toBe('All cases reported: 6');
    await page
      .getByTestId('suppression')
      .getByText(/fewer than 5/)
      .waitFor();
    const captions = await figures.locator('caption').allInnerTexts();
    expect(captions).toEqual([
      'By category (Appendix A)',
      'By platform (§2)',
      'By standard (§7, §8) — a case citing several counts under each',
      'By outcome (after any appeal)',
      'Safeguarding (§5)',
      'Overdue now',
      'Working days taken (Monday to Friday, UK), over the cases that reached each step',
    ]);
    // the API's words for a suppressed cell, as it says them
    expect(await figures.locator('[data-suppressed="true"]').count()).toBeGreaterThan(0);
    for (const text of await figures.locator('[data-suppressed="true"]').allInnerTexts()) expect(['fewer than 5', '5 or more']).toContain(text);
    await expectAccessible(page, 'statistics: all cases');

    // a date that is not one: the API names the field, the page shows it beside it
    await page.locator('#from').fill('xx');
    await page.locator('#from-month').fill('1');
    await page.locator('#from-year').fill('2026');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await page.locator('#from-error').waitFor();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Statistics – Social media casework');
    await expectAccessible(page, 'statistics: a date that is not one');

    // a period before any case: no cases, every count "fewer than 5"
    await page.locator('#from').fill('1');
    await page.locator('#from-month').fill('1');
    await page.locator('#from-year').fill('2020');
    await page.locator('#to').fill('31');
    await page.locator('#to-month').fill('12');
    await page.locator('#to-year').fill('2020');
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await figures.locator('h2', { hasText: 'Cases reported from 1 January 2020 to 31 December 2020: fewer than 5' }).waitFor();
    expect(await page.locator('.govuk-error-summary').count()).toBe(0);
    await expectAccessible(page, 'statistics: a period');
  });

  it('the headteacher and HR have the link; a deputy head has none, and at the address is refused in the API’s words', async () => {
    // each in a browser of their own (a signed-in browser does not show the sign-in page)
    const fresh = async () => {
      await page.context().close();
      page = await fx.newPage({ timezoneId: 'Europe/London' });
    };
    for (const who of [DEMO.head, DEMO.hr]) {
      await signedIn(who);
      await page.getByRole('link', { name: LINK }).waitFor();
      await fresh();
    }
    await signedIn(DEMO.deputy);
    expect(await page.getByRole('link', { name: LINK }).count()).toBe(0);
    await page.goto(app.url('/statistics'));
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await page.getByTestId('figures').count()).toBe(0);
    await expectAccessible(page, 'statistics: refused');
  });
});
