import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * Precautionary suspension's screens (process.md §1; docs/suspension.md): the headteacher suspends
 * a subject on full pay from the case page's action (the API's 400s beside their fields, a review
 * date beyond 4 weeks refused in its words), then reviews it — continue, then end — and the case
 * page's card follows. Axe on every state.
 */
describeInBrowser('web application: precautionary suspension', () => {
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const errorBeside = (id: string) => page.locator(`#${id}-error`);
  /** A UK date `days` from now into a date input's three fields. */
  const fillDate = async (id: string, days: number) => {
    const [day, month, year] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
      .format(new Date(Date.now() + days * 86_400_000))
      .split('/');
    await page.locator(`#${id}`).fill(day);
    await page.locator(`#${id}-month`).fill(month);
    await page.locator(`#${id}-year`).fill(year);
  };

  it('the headteacher suspends from the case page, then reviews: continue, then end', async () => {
    const built = await buildCase(app.t, { to: 'assigned', label: 'suspension' });
    await signIn(page, app, DEMO.head, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    await page.goto(app.url(`/cases/${built.caseId}`));
    await page.getByTestId('case-status').waitFor();
    expect(await page.getByTestId('actions').getByRole('link', { name: 'Review the suspension' }).count()).toBe(0);
    await page.getByTestId('actions').getByRole('link', { name: 'Suspend on full pay' }).click();
    await heading(page).filter({ hasText: 'Suspend on full pay' }).waitFor();
    expect(await page.title()).toMatch(/^Suspend – Case SMP-/);
    await expectAccessible(page, 'suspend');

    // nothing filled in but when: the API names each missing field
    await page.getByRole('button', { name: 'Record the suspension' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    for (const id of ['subject', 'grounds', 'reasons', 'alternatives', 'review-by']) await errorBeside(id).waitFor();
    expect(await page.title()).toMatch(/^Error: Suspend/);
    await expectAccessible(page, 'suspend: fields missing');

    await page.getByLabel('Sam Teacher').check();
    await page.getByLabel('A risk to the evidence').check();
    await page.getByLabel('Reasons', { exact: true }).fill('The account holding the posts could be deleted.');
    await page.getByLabel('Alternatives considered').fill('Supervision was considered; it does not protect the account.');
    // beyond 4 weeks: refused beside the date, in the API's words
    await fillDate('review-by', 35);
    await page.getByRole('button', { name: 'Record the suspension' }).click();
    await errorBeside('review-by')
      .getByText(/4 weeks/)
      .waitFor();
    await expectAccessible(page, 'suspend: review date too late');

    await fillDate('review-by', 14);
    await page.getByRole('button', { name: 'Record the suspension' }).click();
    await page.getByRole('alert').getByText('Suspension recorded').waitFor();
    const section = page.locator('section[aria-labelledby="suspensions"]');
    await section.getByTestId('suspension-status').getByText('Suspended').waitFor();
    await section.getByText('The account holding the posts could be deleted.').waitFor();
    await expectAccessible(page, 'case page: suspended');

    // review: continue, with a new date
    await page.getByTestId('actions').getByRole('link', { name: 'Review the suspension' }).click();
    await heading(page).filter({ hasText: 'Review the suspension' }).waitFor();
    await expectAccessible(page, 'review suspension');
    await page.getByLabel('Continue the suspension').check();
    await fillDate('review-by', 21);
    await page.getByLabel('Reasons').fill('The interviews are not finished.');
    await expectAccessible(page, 'review suspension: continue revealed');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('alert').getByText('Suspension review recorded').waitFor();
    await section.getByText(/continued, to be reviewed by/).waitFor();

    // and end
    await page.getByTestId('actions').getByRole('link', { name: 'Review the suspension' }).click();
    await heading(page).filter({ hasText: 'Review the suspension' }).waitFor();
    await page.getByLabel('End the suspension').check();
    await page.getByLabel('Reasons').fill('The evidence is secured.');
    await page.getByRole('button', { name: 'Record the review' }).click();
    await page.getByRole('alert').getByText('Suspension review recorded').waitFor();
    await section.getByTestId('suspension-status').getByText('Ended').waitFor();
    expect(await page.getByTestId('actions').getByRole('link', { name: 'Review the suspension' }).count()).toBe(0);
    await expectAccessible(page, 'case page: suspension ended');
  });
});
