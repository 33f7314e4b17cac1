import { randomUUID } from 'node:crypto';
import { CASES_CSV_COLUMNS } from '../../src/exports/cases-csv.sql';
import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, downloadedBy, fillDateInput, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * HR's screens (web.md "Who sees what", issue 11): the case summary on screen and as a PDF, the
 * CSV export by period and status, subject-access exports (and their refusals), lodging an
 * appeal (with the late-entry reason the API asks for) — with axe on every page and state.
 */
describeInBrowser('web application: HR', () => {
  // dates typed into the forms are UK time, as the school's are
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };

  const downloaded = (click: () => Promise<void>) => downloadedBy(page, click);

  /** A date (and time) in UK time, as the date inputs take it. */
  const fillDate = (id: string, ms: number, withTime = false) => fillDateInput(page, id, ms, withTime);

  it('reads a case summary (the policy quoted, special-category evidence withheld), downloads the PDF; asking for special-category content is refused in the API’s words', async () => {
    const built = await buildCase(app.t, { to: 'decided', evidence: [{}, { sensitivity: 'special_category', description: 'Medical letter' }] });
    await signedIn(DEMO.hr);
    await page.goto(app.url(`/cases/${built.caseId}/summary`));
    await heading(page).filter({ hasText: 'HR case summary' }).waitFor();
    expect(await page.title()).toBe(`Summary of case ${built.reference} – Social media casework`);
    const main = page.locator('main');
    await main.getByText('Werrington Primary School (demo)').waitFor();
    await main.getByText('First written warning').first().waitFor();
    // the allegation with the §7.5 clause quoted, its finding; the evidence with its hashes, the special-category item withheld
    expect(await main.locator('.govuk-inset-text').first().textContent()).toMatch(/^§7\.5 /);
    await main.getByText('Substantiated', { exact: true }).waitFor();
    await main.getByText('1 item of special-category evidence is listed without its content (§13).').waitFor();
    expect(await main.getByText('Medical letter').count()).toBe(0);
    await main.getByText('Withheld: special category data (§13)').waitFor();
    expect(await main.locator('td code').count()).toBe(2);
    for (const code of await main.locator('td code').allTextContents()) expect(code).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'case summary (hr)');

    const pdf = await downloaded(() => page.getByRole('button', { name: 'Download PDF' }).click());
    expect(pdf.name).toBe(`${built.reference}-summary.pdf`);
    expect(pdf.bytes.length).toBeGreaterThan(0);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(`Downloaded ${built.reference}-summary.pdf.`).waitFor();
    await expectAccessible(page, 'case summary: PDF downloaded');

    // HR may not include special-category content: the API's 403, above the summary without it
    await page.getByRole('link', { name: 'Show the summary with special-category content' }).click();
    await page.getByText('Special-category content was not included').waitFor();
    await main.getByText('Withheld: special category data (§13)').waitFor();
    await expectAccessible(page, 'case summary: special category refused');

    // "not found", as the API answers, for a case that does not exist
    await page.goto(app.url(`/cases/${randomUUID()}/summary`));
    await heading(page).filter({ hasText: 'Page not found' }).waitFor();
  });

  it('the headteacher, the acting decision-maker, includes special-category content on purpose', async () => {
    const built = await buildCase(app.t, { to: 'decided', evidence: [{ sensitivity: 'special_category', description: 'Medical letter' }] });
    await signedIn(DEMO.head);
    await page.goto(app.url(`/cases/${built.caseId}/summary?include=special`));
    await page.getByText('This summary includes special-category content').waitFor();
    await page.locator('main').getByText('Medical letter').waitFor();
    await expectAccessible(page, 'case summary with special category (headteacher)');
    const pdf = await downloaded(() => page.getByRole('button', { name: 'Download PDF' }).click());
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('downloads the CSV of cases for a period and a status; an empty period is refused beside its field', async () => {
    const decided = await buildCase(app.t, { to: 'decided' });
    const reported = await buildCase(app.t, { to: 'reported' });
    await signedIn(DEMO.hr);
    await page.goto(app.url('/exports'));
    await heading(page).filter({ hasText: 'Export cases as CSV' }).waitFor();
    await expectAccessible(page, 'CSV export');

    // to before from: the API's 400 names `to`, shown beside it
    const now = Date.now();
    await fillDate('from', now);
    await fillDate('to', now - 3 * 86_400_000);
    await page.getByRole('button', { name: 'Download CSV' }).click();
    await page.locator('#to-error').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#to"]').count()).toBe(1);
    expect(await page.title()).toBe('Error: Export cases as CSV – Social media casework');
    await expectAccessible(page, 'CSV export: empty period');

    await fillDate('to', now);
    await page.getByLabel('Decided', { exact: true }).check();
    const csv = await downloaded(() => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(CASES_CSV_COLUMNS.join(','));
    expect(lines.slice(1).some((line) => line.startsWith(`${decided.reference},`))).toBe(true);
    expect(lines.slice(1).some((line) => line.startsWith(`${reported.reference},`))).toBe(false);
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'decided')).toBe(true);
    await page.getByText('The CSV has been downloaded').waitFor();
    await expectAccessible(page, 'CSV downloaded');
  });

  it('runs a subject-access export: the person found in the directory (staff:read) or through a case; their own export is refused', async () => {
    const built = await buildCase(app.t, { to: 'decided' });
    await signedIn(DEMO.hr);
    await page.goto(app.url('/subject-access'));
    await heading(page).filter({ hasText: 'Subject-access export' }).waitFor();
    await expectAccessible(page, 'subject access: find someone');

    await page.getByLabel('Name', { exact: true }).fill('Sam');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    await page.getByRole('link', { name: 'Run the export for Sam Teacher' }).waitFor();
    await expectAccessible(page, 'subject access: directory results for hr');

    await page.getByLabel('Case reference').fill(built.reference);
    await page.getByRole('button', { name: 'Find the case' }).click();
    await page.getByRole('table', { name: `People named in case ${built.reference}` }).waitFor();
    await expectAccessible(page, 'subject access: people named in a case');
    await page
      .getByRole('table', { name: `People named in case ${built.reference}` })
      .getByRole('link', { name: 'Run the export for Sam Teacher' })
      .click();

    await heading(page).filter({ hasText: 'Subject-access export' }).waitFor();
    expect(await page.title()).toBe('Subject-access export – Social media casework');
    await page.locator('.govuk-caption-l').filter({ hasText: 'Sam Teacher' }).waitFor();
    await page.getByRole('heading', { name: `Case ${built.reference}` }).waitFor();
    await expectAccessible(page, 'subject-access export');
    const json = await downloaded(() => page.getByRole('button', { name: 'Download as JSON' }).click());
    expect(json.name).toMatch(/^subject-access-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.bytes.toString('utf8')) as { staff: { name: string }; cases: { reference: string; capacities: string[] }[] };
    expect(exported.staff.name).toBe('Sam Teacher');
    expect(exported.cases).toEqual(expect.arrayContaining([expect.objectContaining({ reference: built.reference, capacities: ['subject'] })]));

    // nobody runs their own: the API's 409, in its words
    await page.goto(app.url(`/staff/${app.t.ids.staff[DEMO.hr]}/subject-access`));
    await heading(page).filter({ hasText: 'You cannot run this export' }).waitFor();
    expect(await page.getByTestId('refusal').textContent()).toMatch(/Nobody runs a subject-access export of themselves/);
    await expectAccessible(page, 'subject-access export: own refused');
  });

  it('the headteacher finds the person in the staff directory', async () => {
    await signedIn(DEMO.head);
    await page.goto(app.url('/subject-access'));
    await page.getByLabel('Name', { exact: true }).fill('Sam Teach');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    await page.getByRole('link', { name: 'Run the export for Sam Teacher' }).waitFor();
    await expectAccessible(page, 'subject access: directory results');
  });

  it('lodges an appeal: the API’s errors beside each field; one received in time but entered after the deadline needs the late-entry reason it asks for', async () => {
    const onTime = await buildCase(app.t, { to: 'decided' });
    await signedIn(DEMO.hr);
    await page.goto(app.url(`/cases/${onTime.caseId}/appeal`));
    await heading(page).filter({ hasText: 'Lodge an appeal' }).waitFor();
    expect(await page.title()).toBe(`Lodge an appeal: case ${onTime.reference} – Social media casework`);
    await expectAccessible(page, 'lodge an appeal');

    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page.locator('#grounds-error').waitFor();
    await page.locator('#lodged-at-error').waitFor();
    expect(await page.locator('#late-entry-reason').count()).toBe(0);
    await expectAccessible(page, 'lodge an appeal: errors');

    await fillDate('lodged-at', Date.now() - 10 * 60_000, true);
    await page.getByLabel('Grounds of appeal').fill('The warning is too harsh for a first post.');
    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page.getByRole('heading', { name: 'Appeal lodged' }).waitFor();
    await expectAccessible(page, 'appeal lodged');
    const after = await (await app.t.as(DEMO.hr)).get(`/cases/${onTime.caseId}`);
    expect(after.body.status).toBe('appeal');

    // the deadline passed 20 minutes ago (the API cannot be asked to move time: the test moves the deadline)
    const late = await buildCase(app.t, { to: 'decided' });
    await app.t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '20 minutes' WHERE case_id = $1`, [late.caseId]);
    await page.goto(app.url(`/cases/${late.caseId}/appeal`));
    await heading(page).filter({ hasText: 'Lodge an appeal' }).waitFor();
    await page.getByLabel('Grounds of appeal').fill('The sanction ignores my apology.');
    // received after the deadline: out of time, in the API's words
    await fillDate('lodged-at', Date.now() - 10 * 60_000, true);
    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/^The appeal deadline was /)
      .waitFor();
    await expectAccessible(page, 'lodge an appeal: out of time');

    // received before the deadline, entered after it: the API asks for a late-entry reason, and the field appears with its message
    await fillDate('lodged-at', Date.now() - 40 * 60_000, true);
    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page.locator('#late-entry-reason-error').waitFor();
    expect(await page.locator('.govuk-error-summary a[href="#late-entry-reason"]').count()).toBe(1);
    await expectAccessible(page, 'lodge an appeal: late-entry reason asked for');
    await page.getByLabel('Why it is entered late').fill('The letter was misfiled in the office and found today.');
    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page.getByRole('heading', { name: 'Appeal lodged' }).waitFor();
  });
});
