import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, fillDateInput, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * Arrange a meeting (process.md §2; docs/letters.md): the investigating manager arranges a meeting
 * from the task list — a time in the past refused beside its date in the API's words, then the
 * subject invited — and the case page lists it; axe on every state.
 */
describeInBrowser('web application: investigation meetings', () => {
  const fx = browserFixture();
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });
  const DAY = 86_400_000;
  const task = (name: string) => page.locator('.govuk-task-list__item').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('the assigned investigator arranges a meeting with the subject; the case page lists it', async () => {
    const built = await buildCase(app.t, { to: 'assigned' });
    await signIn(page, app, DEMO.investigator, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.goto(app.url(`/cases/${built.caseId}/investigation`));
    await heading(page).filter({ hasText: 'Investigation' }).waitFor();
    await expect(task('Arrange a meeting').textContent()).resolves.toMatch(/Optional.*Not yet started/);
    await task('Arrange a meeting').getByRole('link').click();
    await heading(page).filter({ hasText: 'Investigation meetings' }).waitFor();
    await expectAccessible(page, 'meetings: none yet');

    await page.getByLabel('Sam Teacher').check();
    await fillDateInput(page, 'scheduled-for', Date.now() - DAY, true);
    await page.getByLabel('Where').fill('Meeting room 2');
    await page.getByLabel('What the meeting is about').fill('To hear your account of the post');
    await page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await page
      .locator('#scheduled-for-error')
      .getByText(/must be in the future/)
      .waitFor();
    await expectAccessible(page, 'meetings: refused');

    await fillDateInput(page, 'scheduled-for', Date.now() + 7 * DAY, true);
    await page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Meeting arranged').waitFor();
    await page.locator('.govuk-summary-card').getByText('Sam Teacher (the subject)').waitFor();
    await expectAccessible(page, 'meetings: arranged');

    await page.goto(app.url(`/cases/${built.caseId}`));
    await page.locator('section[aria-labelledby="investigation-meetings"]').getByText('To hear your account of the post').waitFor();
  });
});
