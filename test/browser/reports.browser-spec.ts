import { TEST_PASSWORD } from '../support/constants';
import { DEMO, reportBody } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * The deputy head's screens (web.md "Who sees what", issue 11): logging a report with the
 * policy's own words beside each choice (the API's errors beside their fields and in the
 * summary first), triage with the policy's words for each decision, a safeguarding referral
 * with the clock showing — each ending on the case page, which shows what was recorded. The
 * browser runs in another time zone than the school: what is typed is UK time all the same.
 */
describeInBrowser('web application: the deputy head logs, triages and refers', () => {
  // far from London: the forms take UK time whatever the browser's zone
  const fx = browserFixture({ timezoneId: 'America/New_York' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };
  const fillDate = async (id: string, [day, month, year, hour, minute]: string[]) => {
    await page.locator(`#${id}`).fill(day);
    await page.locator(`#${id}-month`).fill(month);
    await page.locator(`#${id}-year`).fill(year);
    await page.locator(`#${id}-hour`).fill(hour);
    await page.locator(`#${id}-minute`).fill(minute);
  };
  const actionLinks = async () => (await page.getByTestId('actions').locator('a').allInnerTexts()).sort();

  it('logs a report (the API’s errors first, beside their fields), triages it, records the referral with the clock showing', async () => {
    await signedIn(DEMO.deputy);
    await page.getByRole('button', { name: 'Log a report' }).click();
    await heading(page).filter({ hasText: 'Log a report' }).waitFor();
    expect(await page.title()).toBe('Log a report – Social media casework');
    // the policy's own words beside each choice: §2, Appendix A, §7 and §8
    await page
      .getByText(/This list is not exhaustive/)
      .first()
      .waitFor();
    await page
      .locator('#category-item-hint')
      .getByText(/criticising or arguing with colleagues/)
      .waitFor();
    await page.getByText(/“You must not identify yourself as an employee of Werrington Primary School on social media\.”/).waitFor();
    await page.getByText(/Employees are not permitted to spend an excessive amount of time using social media/).waitFor();
    await expectAccessible(page, 'log a report');

    // a first try with most of it missing: what the API says, beside each field and in the summary
    await page.getByLabel('What was seen').fill('A post naming a colleague and a pupil’s family.');
    await page.getByLabel('Another platform').check();
    await page.getByRole('button', { name: 'Log the report' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.title()).toBe('Error: Log a report – Social media casework');
    const summary = await page.locator('.govuk-error-summary').innerText();
    for (const words of [
      'The staff members the report is about',
      'The platform’s name',
      'When it was seen',
      'Category',
      'Whether pupils are involved',
      'The reporter’s name',
    ]) {
      expect(summary).toContain(words);
    }
    expect(await page.locator('#subjects-error').innerText()).toMatch(/The staff members the report is about/);
    // the heading stays as it was; the title says there are errors
    expect(await heading(page).innerText()).toBe('Log a report');
    expect(await page.locator('#platform-other-error').innerText()).toMatch(/The platform’s name/);
    expect(await page.locator('#observed-at-error').innerText()).toMatch(/When it was seen/);
    expect(await page.locator('#category-error').innerText()).toMatch(/Category/);
    expect(await page.locator('#involves-pupils-error').innerText()).toMatch(/pupils/);
    expect(await page.locator('.govuk-error-summary a[href="#observed-at"]').count()).toBe(1);
    // the summary's link takes the person to the field
    await page.locator('.govuk-error-summary a[href="#category"]').click();
    expect(await page.evaluate('document.activeElement.id')).toBe('category');
    await expectAccessible(page, 'log a report, with the API’s errors');

    // the staff directory, searched by name
    await page.getByLabel('Search the staff directory by name').fill('Sam');
    await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor({ state: 'attached' });
    await page.getByLabel('Sam Teacher').check();
    await page.getByLabel('Search the staff directory by name').fill('Taylor');
    await page.getByLabel('Taylor Assistant').waitFor();
    // a subject ticked stays ticked while the search changes
    expect(await page.getByLabel('Sam Teacher').isChecked()).toBe(true);
    await page.getByLabel('The platform’s name').fill('Mastodon');
    // 18:30 on 1 July 2026 in the UK is 17:30 UTC (summer time), whatever the browser's zone
    await fillDate('observed-at', ['1', '7', '2026', '18', '30']);
    await page.getByLabel('Web address (optional)').fill('https://mastodon.example/@someone/1');
    await page.getByLabel('App.A Bringing the organisation into disrepute').check();
    await page.getByLabel('§7.5 Information about the school, its staff or governors').check();
    await page.getByLabel('§7.6 Information about pupils or their families').check();
    await page.locator('#involves-pupils').check();
    await page.locator('#harm-2').check();
    await page.getByLabel('Someone outside the school, such as a parent').check();
    await page.getByLabel('Their name').fill('Alex Parent');
    await page.getByLabel('Their relationship to the school').fill('parent of a Year 4 pupil');
    const created = page.waitForResponse((r) => r.url().endsWith('/reports') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Log the report' }).click();
    const answer = await created;
    expect(answer.status()).toBe(201);
    const { id, reference, reports } = (await answer.json()) as { id: string; reference: string; reports: { observedAt: string }[] };
    expect(reports[0].observedAt).toBe('2026-07-01T17:30:00.000Z');

    // the new case's page: what was recorded, what comes next, what the deputy may do
    await heading(page).filter({ hasText: reference }).waitFor();
    expect(page.url()).toBe(app.url(`/cases/${id}`));
    await page.getByText('Another platform: Mastodon').waitFor();
    await page.getByText(/^1 July 2026(,| at) 18:30$/).waitFor();
    await page.getByText('Alex Parent (parent of a Year 4 pupil)').waitFor();
    expect(await page.getByTestId('case-status').innerText()).toMatch(/Reported\s+Safeguarding/);
    expect(await page.getByTestId('next-step-by').innerText()).toBe('Who takes it: Deputy headteacher');
    expect(await page.getByTestId('referral-clock').innerText()).toMatch(/Not referred yet/);
    expect(await actionLinks()).toEqual(['Record a LADO consultation', 'Record a safeguarding referral', 'Triage the report']);
    await expectAccessible(page, 'case page of the new report');

    // triage: the three decisions with the policy's words; nothing chosen first
    await page.getByRole('link', { name: 'Triage the report' }).click();
    await heading(page).filter({ hasText: 'Triage the report' }).waitFor();
    expect(await page.title()).toBe(`Triage – Case ${reference} – Social media casework`);
    await page.getByText(/must establish the facts of the matter/).waitFor();
    await page.getByText(/act fairly and proportionately/).waitFor();
    await page.getByText(/addressing the matter informally/).waitFor();
    await expectAccessible(page, 'triage');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('#decision-error').waitFor();
    expect(await page.locator('#rationale-error').innerText()).toMatch(/Reasons/);
    expect(await page.title()).toBe(`Error: Triage – Case ${reference} – Social media casework`);
    await expectAccessible(page, 'triage, with the API’s errors');
    await page.getByLabel('Investigate').check();
    await page.getByLabel('Reasons').fill('A pupil’s family is named: the facts must be established.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('case-status').getByText('Under investigation').waitFor();
    await page.locator('#triage').locator('..').getByText('§4 Investigate').waitFor();
    expect(await page.getByTestId('next-step').innerText()).toMatch(/Appoint an investigating manager/);
    expect(await page.getByTestId('next-step-by').innerText()).toBe('Who takes it: Headteacher');

    // the referral, with the clock: due by the end of the next working day, not referred yet
    await page.getByRole('link', { name: 'Record a safeguarding referral' }).click();
    await heading(page).filter({ hasText: 'Record a safeguarding referral' }).waitFor();
    expect(await page.getByTestId('referral-due').innerText()).toMatch(/Not referred yet/);
    await expectAccessible(page, 'safeguarding referral');
    // "when" starts at now, UK time; nothing to whom: the API says so
    await page.getByRole('button', { name: 'Record the referral' }).click();
    await page.locator('#referred-to-error').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#referred-to"]').count()).toBe(1);
    await expectAccessible(page, 'safeguarding referral, with the API’s errors');
    await page.getByLabel('Referred to').fill('Designated Safeguarding Lead');
    await page.getByLabel('Notes (optional)').fill('Discussed by phone.');
    await page.getByRole('button', { name: 'Record the referral' }).click();
    await heading(page).filter({ hasText: reference }).waitFor();
    expect(await page.getByTestId('referral-clock').innerText()).toMatch(/Referred/);
    await page.locator('#safeguarding').locator('..').getByRole('cell', { name: 'Designated Safeguarding Lead' }).waitFor();
    await page.locator('#safeguarding').locator('..').getByRole('cell', { name: 'Discussed by phone.' }).waitFor();
    await expectAccessible(page, 'case page after the referral');
  });

  it('the clock shows an overdue referral, on the referral page, the case page and the deputy’s work', async () => {
    const res = await (await app.t.as(DEMO.deputy)).post('/reports', reportBody(app.t, { involvesPupils: true }));
    expect(res.status).toBe(201);
    const { id, reference } = res.body as { id: string; reference: string };
    // reported a week ago: the referral was due by the end of the next working day
    await app.t.db.query(`UPDATE cases SET created_at = now() - interval '7 days' WHERE id = $1`, [id]);

    await signedIn(DEMO.deputy);
    await page.getByTestId('overdue-deputy').getByRole('link', { name: reference }).waitFor();
    await page.getByTestId('overdue-deputy').getByRole('link', { name: reference }).click();
    await heading(page).filter({ hasText: reference }).waitFor();
    expect(await page.getByTestId('case-status').innerText()).toMatch(/Referral overdue/);
    expect(await page.getByTestId('referral-clock').innerText()).toMatch(/Overdue/);
    await page.getByRole('link', { name: 'Record a safeguarding referral' }).click();
    expect(await page.getByTestId('referral-due').innerText()).toMatch(/Overdue/);
    await expectAccessible(page, 'safeguarding referral, overdue');
  });

  it('a reporter from the staff directory; a triage that closes the case', async () => {
    await signedIn(DEMO.deputy);
    await page.goto(app.url('/reports/new'));
    await heading(page).filter({ hasText: 'Log a report' }).waitFor();
    await page.getByLabel('Search the staff directory by name').fill('Taylor');
    await page.getByRole('status').filter({ hasText: '1 person found' }).waitFor({ state: 'attached' }); // settled: nothing below moves
    await page.getByLabel('Taylor Assistant').check();
    await page.getByLabel('Facebook').check();
    await fillDate('observed-at', ['2', '11', '2026', '09', '05']);
    await page.getByLabel('What was seen').fill('A photograph of a school trip on a personal account.');
    await page.getByLabel('App.A Photographs or videos of the school, pupils or colleagues').check();
    await page.locator('#involves-pupils-2').check();
    await page.getByLabel('A member of staff').check();
    await page.getByLabel('Member of staff', { exact: true }).selectOption({ label: 'Sam Teacher (Class Teacher, Year 4)' });
    await page.getByRole('button', { name: 'Log the report' }).click();
    await page.getByTestId('next-step').waitFor();
    await page.getByText('Sam Teacher (Class Teacher, Year 4)').waitFor();
    await page.getByText(/^2 November 2026(,| at) 0?9:05$/).waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('Reported');

    await page.getByRole('link', { name: 'Triage the report' }).click();
    await page.getByLabel('Resolve it informally').check();
    await page.getByLabel('Reasons').fill('Asked to take the photograph down; done the same day.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByTestId('case-status').getByText('Closed').waitFor();
    // closed, and a referral may still be recorded (§5: also after closure)
    expect(await actionLinks()).toEqual(['Record a LADO consultation', 'Record a safeguarding referral']);
    await expectAccessible(page, 'case page closed at triage (deputy head)');
  });
});
