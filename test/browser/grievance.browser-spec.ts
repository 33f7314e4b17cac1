import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, fillDateInput, heading, signIn, type Page, type WebApp } from './support/browser';

const MINUTE = 60_000;

/**
 * The grievance screens (§6, process.md §4, docs/grievances.md): HR records a grievance about the
 * disciplinary process, the headteacher deciding the case pauses the process for it (the case page
 * shows the banner), a governor — uninvolved in the case — decides it, and the headteacher resumes
 * the process. Each form's missing fields named beside them; axe on every page and state.
 */
describeInBrowser('web application: grievances and pausing the process', () => {
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  beforeEach(() => {
    ({ app } = fx);
  });

  /** A page of its own for this person, signed in. */
  const as = async (email: string): Promise<Page> => {
    const page = await fx.newPage({ timezoneId: 'Europe/London' });
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
    return page;
  };
  const openCase = async (page: Page, caseId: string) => {
    await page.goto(app.url(`/cases/${caseId}`));
    await page.getByTestId('case-status').waitFor();
  };
  const action = (page: Page, name: string) => page.getByTestId('actions').getByRole('link', { name });
  const errorBeside = (page: Page, id: string) => page.locator(`#${id}-error`);
  const goToCase = async (page: Page) => {
    await page.getByRole('link', { name: 'Go to the case' }).click();
    await page.getByTestId('case-status').waitFor();
  };

  it('HR records a related grievance, the headteacher pauses the process, a governor decides the grievance, the headteacher resumes', async () => {
    const built = await buildCase(app.t, { to: 'assigned', label: 'grievance' });
    const lodgedAt = Date.now() - 60 * MINUTE;

    // HR records the grievance
    const hr = await as(DEMO.hr);
    await openCase(hr, built.caseId);
    await action(hr, 'Record a grievance').click();
    await heading(hr).filter({ hasText: 'Record a grievance' }).waitFor();
    await expectAccessible(hr, 'record a grievance');
    await hr.getByRole('button', { name: 'Record the grievance' }).click();
    await hr.locator('.govuk-error-summary').waitFor();
    for (const id of ['lodged-at', 'summary', 'related']) await errorBeside(hr, id).waitFor();
    expect(await hr.title()).toMatch(/^Error: Record a grievance/);
    await expectAccessible(hr, 'record a grievance: fields missing');

    await fillDateInput(hr, 'lodged-at', lodgedAt, true);
    await hr.getByLabel('What does the grievance say?').fill('The investigation did not hear my witness.');
    await hr.locator('#related').check();
    await hr.getByRole('button', { name: 'Record the grievance' }).click();
    await hr.getByRole('heading', { name: 'Grievance recorded' }).waitFor();
    await expectAccessible(hr, 'grievance recorded');
    await goToCase(hr);
    const hrCards = hr.getByTestId('grievances');
    await hrCards.getByText('The investigation did not hear my witness.').waitFor();
    expect(await hrCards.getByTestId('grievance-decision').innerText()).toBe('Not decided yet');
    expect(await hr.getByTestId('paused').count()).toBe(0);
    await expectAccessible(hr, 'case page: a grievance waiting');

    // the headteacher, deciding the case, pauses the process for it
    const head = await as(DEMO.head);
    await openCase(head, built.caseId);
    await action(head, 'Pause the process for a grievance').click();
    await heading(head).filter({ hasText: 'Pause the process for a grievance' }).waitFor();
    await head.getByText('The investigation did not hear my witness.').waitFor();
    await expectAccessible(head, 'pause the process');
    await head.getByRole('button', { name: 'Pause the process' }).click();
    await errorBeside(head, 'reason').waitFor();
    expect(await head.title()).toMatch(/^Error: Pause the process/);
    await expectAccessible(head, 'pause the process: no reason');
    await head.getByLabel('Why is the process paused?').fill('The grievance is about the investigation itself.');
    await head.getByRole('button', { name: 'Pause the process' }).click();
    await head.getByRole('heading', { name: 'Process paused' }).waitFor();
    await expectAccessible(head, 'process paused');
    await goToCase(head);
    const banner = head.getByTestId('paused');
    await banner.getByText('The disciplinary process is paused pending a grievance').waitFor();
    expect(await banner.innerText()).toMatch(/Since .+\./);
    await banner.getByText('The grievance is about the investigation itself.').waitFor();
    expect(await action(head, 'Pause the process for a grievance').count()).toBe(0);
    expect(await action(head, 'Resume the process').count()).toBe(0);
    await head
      .getByTestId('next-step')
      .getByText(/paused pending the grievance/)
      .waitFor();
    await expectAccessible(head, 'case page: paused');

    // a governor, uninvolved in the case, decides the grievance
    const governor = await as(DEMO.governor);
    await openCase(governor, built.caseId);
    await governor.getByTestId('paused').waitFor();
    await action(governor, 'Decide a grievance').click();
    await heading(governor).filter({ hasText: 'Decide a grievance' }).waitFor();
    await governor.getByText('The investigation did not hear my witness.').waitFor();
    await expectAccessible(governor, 'decide a grievance');
    await governor.getByRole('button', { name: 'Record the decision' }).click();
    await governor.locator('.govuk-error-summary').waitFor();
    for (const id of ['outcome', 'reasons', 'decided-at']) await errorBeside(governor, id).waitFor();
    await expectAccessible(governor, 'decide a grievance: fields missing');
    await governor.getByLabel('Partly upheld').check();
    await governor.getByLabel('Reasons for the decision').fill('The witness is to be heard before the report is submitted.');
    await fillDateInput(governor, 'decided-at', Date.now() - 30 * MINUTE, true);
    await governor.getByRole('button', { name: 'Record the decision' }).click();
    await governor.getByRole('heading', { name: 'Grievance decided' }).waitFor();
    await governor.getByText(/may now resume it/).waitFor();
    await expectAccessible(governor, 'grievance decided');

    // the headteacher resumes the process
    await openCase(head, built.caseId);
    expect(await head.getByTestId('grievances').getByTestId('grievance-decision').innerText()).toBe('Partly upheld');
    await head.getByTestId('grievances').getByText('The witness is to be heard before the report is submitted.').waitFor();
    await head.getByTestId('paused').waitFor();
    await action(head, 'Resume the process').click();
    await heading(head).filter({ hasText: 'Resume the process' }).waitFor();
    await head.getByText(/^Partly upheld, /).waitFor();
    await expectAccessible(head, 'resume the process');
    await head.getByRole('button', { name: 'Resume the process' }).click();
    await head.getByRole('heading', { name: 'Process resumed' }).waitFor();
    await expectAccessible(head, 'process resumed');
    await goToCase(head);
    expect(await head.getByTestId('paused').count()).toBe(0);
    expect(await action(head, 'Resume the process').count()).toBe(0);
    await expectAccessible(head, 'case page: resumed');
  });
  it('with several subjects and grievances: whose it is and which one are asked, each missing answer beside its radios; a witness sees the grievances and the pause withheld', async () => {
    const other = await (await app.t.as(DEMO.admin)).post('/staff', { name: 'Priya Grievance-Subject', jobTitle: 'Teaching Assistant' });
    expect(other.status).toBe(201);
    const built = await buildCase(app.t, {
      to: 'assigned',
      subjects: [app.t.ids.staff['Sam Teacher'], other.body.id],
      witnesses: [{ staffId: app.t.ids.staff[DEMO.deputy] }],
      label: 'grievances: several',
    });
    const api = await app.t.as(DEMO.hr);
    for (const [subjectStaffId, summary] of [
      [app.t.ids.staff['Sam Teacher'], 'My witness was not heard.'],
      [other.body.id as string, 'I was not told of the allegation in writing.'],
    ]) {
      const res = await api.post(`/cases/${built.caseId}/grievances`, {
        subjectStaffId,
        summary,
        relatedToProcess: true,
        lodgedAt: new Date(Date.now() - 60 * MINUTE).toISOString(),
      });
      expect(res.status).toBe(201);
    }

    // HR: whose grievance it is, asked when the case has several subjects; unanswered, the API names it beside the radios
    const hr = await as(DEMO.hr);
    await hr.goto(app.url(`/cases/${built.caseId}/grievances/new`));
    await heading(hr).filter({ hasText: 'Record a grievance' }).waitFor();
    expect(await hr.locator('#subject').locator('xpath=ancestor::fieldset').locator('label').allInnerTexts()).toEqual(
      expect.arrayContaining(['Sam Teacher', 'Priya Grievance-Subject']),
    );
    await fillDateInput(hr, 'lodged-at', Date.now() - 10 * MINUTE, true);
    await hr.getByLabel('What does the grievance say?').fill('A third grievance.');
    await hr.locator('#related-2').check();
    await hr.getByRole('button', { name: 'Record the grievance' }).click();
    await errorBeside(hr, 'subject').waitFor();
    await expectAccessible(hr, 'record a grievance: whose not chosen');

    // the headteacher: which grievance the process waits for, asked; unanswered, the API names it beside the radios
    const head = await as(DEMO.head);
    await head.goto(app.url(`/cases/${built.caseId}/pause`));
    await heading(head).filter({ hasText: 'Pause the process for a grievance' }).waitFor();
    await head.getByLabel('Why is the process paused?').fill('Both grievances are about the investigation.');
    await head.getByRole('button', { name: 'Pause the process' }).click();
    await errorBeside(head, 'grievance-id').waitFor();
    await expectAccessible(head, 'pause the process: no grievance chosen');
    await head.getByLabel('Grievance 2', { exact: true }).check();
    await head.getByRole('button', { name: 'Pause the process' }).click();
    await head.getByRole('heading', { name: 'Process paused' }).waitFor();

    // the governor: which grievance they decide, asked before anything is sent
    const governor = await as(DEMO.governor);
    await governor.goto(app.url(`/cases/${built.caseId}/grievances`));
    await heading(governor).filter({ hasText: 'Decide a grievance' }).waitFor();
    await governor.getByLabel('Not upheld').check();
    await governor.getByRole('button', { name: 'Record the decision' }).click();
    await errorBeside(governor, 'grievance').waitFor();
    await expectAccessible(governor, 'decide a grievance: none chosen');

    // the deputy head, a witness: that there are grievances and that the process is paused, not what they say nor why
    const witness = await as(DEMO.deputy);
    await openCase(witness, built.caseId);
    const banner = witness.getByTestId('paused');
    await banner.getByText('Why: not shown to you.').waitFor();
    expect(await banner.innerText()).not.toMatch(/about the investigation/);
    const cards = witness.getByTestId('grievances');
    expect(await cards.getByTestId('withheld').count()).toBe(2);
    expect(await cards.innerText()).not.toMatch(/witness was not heard|not told of the allegation/);
    await expectAccessible(witness, 'case page: grievances withheld from a witness');
  });
});
