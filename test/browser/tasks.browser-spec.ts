import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { eventually, TestSmtp } from '../support/smtp';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * Issue 13 (process.md §6): the headteacher appoints an investigating manager in the browser;
 * the e-mail that tells the investigator arrives at a real SMTP server (reference, what waits and
 * a link — no case content); the investigator signs in and finds the case first in "Your tasks",
 * with its deadline, and follows it to the case. axe on the landing page.
 */
describeInBrowser('web application: tasks and the e-mail that tells of them', () => {
  let smtp: TestSmtp;
  const fx = browserFixture({ timezoneId: 'Europe/London' }, async () => {
    smtp = await TestSmtp.start();
    return { SMTP_URL: smtp.url, SMTP_FROM: 'Casework <casework@werrington.test>', APP_URL: 'http://casework.test', JOBS: 'on', JOBS_POLL_SECONDS: '1' };
  });
  let app: WebApp;
  let page: Page;

  afterAll(() => smtp?.stop());
  beforeEach(() => {
    ({ app, page } = fx);
  });

  it('appointed in the browser, told by e-mail, and the case waits first in the investigator’s tasks', async () => {
    const description = 'A post naming a pupil by a nickname, shared widely among parents.';
    const triaged = await buildCase(app.t, { to: 'triaged', label: 'tasks in the browser', report: { description } });

    await signIn(page, app, DEMO.head, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    // the head's own tasks name the case: an investigating manager to appoint
    const headTasks = page.getByTestId('my-tasks');
    await headTasks.getByRole('link', { name: triaged.reference }).waitFor();
    await page.goto(app.url(`/cases/${triaged.caseId}/assign`));
    await heading(page).filter({ hasText: 'Appoint an investigating manager' }).waitFor();
    await page.getByLabel('Ian Investigator').check();
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.getByRole('heading', { name: 'Investigating manager appointed' }).waitFor();

    // the e-mail that told them: to them, the reference, what waits, a link; nothing of the case
    const [mail] = await eventually(
      () => smtp.to(DEMO.investigator).filter((m) => m.subject.includes(triaged.reference)),
      (mails) => mails.length === 1,
      30_000,
    );
    expect(mail.text).toContain('Investigate and submit the report (§4)');
    expect(mail.text).toContain(`http://casework.test/app/cases/${triaged.caseId}`);
    for (const content of [description, 'Sam Teacher', 'nickname']) expect(`${mail.subject}\n${mail.text}`).not.toContain(content);

    // the investigator signs in: the case waits in their tasks, with its deadline
    const investigator = await fx.newPage();
    await signIn(investigator, app, DEMO.investigator, TEST_PASSWORD);
    const tasks = investigator.getByTestId('my-tasks');
    const row = tasks.locator('tr', { hasText: triaged.reference });
    await row.waitFor();
    expect(await row.innerText()).toContain('Investigate and submit the report (§4)');
    expect(await row.innerText()).toMatch(/\d{1,2} \w+ 20\d\d/); // the deadline, in UK words
    await expectAccessible(investigator, 'landing page with tasks');
    await row.getByRole('link', { name: triaged.reference }).click();
    await investigator.getByTestId('case-status').waitFor();
    expect(investigator.url()).toContain(`/app/cases/${triaged.caseId}`);

    // the same news in the service: unread, then read; and the e-mail choice
    await investigator.goto(app.url('/notifications'));
    const item = investigator.getByTestId('notifications').locator('li', { hasText: triaged.reference });
    await item.getByText('Unread').waitFor();
    expect(await item.innerText()).toContain('Investigate and submit the report (§4)');
    await expectAccessible(investigator, 'notifications');
    await item.getByRole('button', { name: /Mark as read/ }).click();
    await investigator.getByTestId('unread').filter({ hasText: 'Nothing unread.' }).waitFor();
    await investigator.getByLabel('Once a day').check();
    await investigator.getByRole('button', { name: 'Save' }).click();
    await investigator.getByText('Your choice has been saved').waitFor();
    expect((await (await app.t.as(DEMO.investigator)).get('/me/notification-preferences')).body).toEqual({ email: 'digest' });
  });

  it('the admin: whose bank holidays the deadlines skip, the deadlines, and the e-mails not delivered', async () => {
    await signIn(page, app, DEMO.admin, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Whose bank holidays the deadlines skip' }).click();
    await heading(page).filter({ hasText: 'Whose bank holidays' }).waitFor();
    expect(await page.getByLabel('England and Wales').isChecked()).toBe(true);
    await expectAccessible(page, 'nation');
    await page.getByLabel('Scotland').check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: deadlines count on these bank holidays from now on').waitFor();
    expect((await (await app.t.as(DEMO.admin)).get('/organisation/nation')).body.nation).toBe('scotland');
    // the deadlines: a number out of range named beside its field, in the API's words; then saved
    await page.goto(app.url('/admin/deadlines'));
    await heading(page).filter({ hasText: 'Deadlines' }).waitFor();
    expect(await page.getByLabel('Days to triage a report').inputValue()).toBe('2');
    await page.getByLabel('Days to investigate').fill('99');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#investigation-error').waitFor();
    await expectAccessible(page, 'deadlines: out of range');
    await page.getByLabel('Days to investigate').fill('25');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: every task counts on these from now on').waitFor();
    expect((await (await app.t.as(DEMO.admin)).get('/organisation/deadlines')).body.investigationWorkingDays).toBe(25);
    await page.goto(app.url('/admin/failed-deliveries'));
    await page.getByText('Every e-mail has been delivered.').waitFor();
    await expectAccessible(page, 'e-mails not delivered');
  });
});
