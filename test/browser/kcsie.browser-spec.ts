import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * KCSIE Part 4's screens (issue 12, docs/kcsie.md): KCSIE's five findings with their definitions
 * on a safeguarding case (the ordinary three elsewhere), the LADO consultation, the DBS / TRA
 * referral decision with its conditional reveal, the case page's `kcsie` section, and the
 * reference check — each with a field error beside its field, a refusal in the API's words and
 * success, axe on every state.
 */
describeInBrowser('web application: KCSIE Part 4', () => {
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
  const openCase = async (caseId: string) => {
    await page.goto(app.url(`/cases/${caseId}`));
    await page.getByTestId('case-status').waitFor();
  };
  const errorBeside = (id: string) => page.locator(`#${id}-error`);

  it('offers KCSIE’s five findings with their definitions on a safeguarding case, the ordinary three elsewhere; a missing finding is named beside the radios', async () => {
    const allegations = [{ policyStandard: '7.5', summary: 'Shared a photograph of pupils' }];
    const safeguarding = await buildCase(app.t, { to: 'assigned', referral: true, allegations, label: 'kcsie findings' });
    const ordinary = await buildCase(app.t, { to: 'assigned', allegations, label: 'ordinary findings' });
    await signedIn(DEMO.investigator);

    await page.goto(app.url(`/cases/${ordinary.caseId}/investigation/findings/${ordinary.allegationIds[0]}`));
    await heading(page).filter({ hasText: 'Finding on allegation 1' }).waitFor();
    expect(await page.locator('#finding').locator('xpath=ancestor::fieldset').locator('label').allInnerTexts()).toEqual([
      'Substantiated',
      'Not substantiated',
      'Inconclusive',
    ]);

    await page.goto(app.url(`/cases/${safeguarding.caseId}/investigation/findings/${safeguarding.allegationIds[0]}`));
    await heading(page).filter({ hasText: 'Finding on allegation 1' }).waitFor();
    await page.getByText(/Keeping Children Safe in Education, Part 4/).waitFor();
    const fieldset = page.locator('#finding').locator('xpath=ancestor::fieldset');
    await fieldset.getByText('Unfounded').waitFor();
    expect(await fieldset.locator('label').allInnerTexts()).toEqual(['Substantiated', 'Malicious', 'False', 'Unsubstantiated', 'Unfounded']);
    // each with KCSIE's definition beside it, from GET /policy
    expect(await fieldset.locator('.govuk-radios__hint').count()).toBe(5);
    await expectAccessible(page, 'KCSIE findings');

    await page.getByLabel('Reasoning').fill('The messages were invented to harm the colleague.');
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await errorBeside('finding').waitFor();
    expect(await page.title()).toMatch(/^Error: Finding on allegation 1/);
    await expectAccessible(page, 'KCSIE findings: no finding chosen');

    await page.getByLabel('Malicious').check();
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await heading(page)
      .filter({ hasText: /^Findings$/ })
      .waitFor();
    await page.locator('.govuk-summary-card').getByText('Malicious').waitFor();
    await expectAccessible(page, 'KCSIE findings: recorded');
  });

  it('records a LADO consultation: the fields the API names, a case manager who is a party refused in its words, then the case page with the consultation', async () => {
    // the chair of governors reported it: a party to the case
    const built = await buildCase(app.t, { to: 'reported', referral: true, reporter: app.t.ids.staff[DEMO.governor], label: 'lado' });
    await signedIn(DEMO.deputy);
    await openCase(built.caseId);
    // the clock, before any consultation
    await page.getByTestId('lado-clock').getByText('Not consulted yet').waitFor();
    await page.getByTestId('actions').getByRole('link', { name: 'Record a LADO consultation' }).click();
    await heading(page).filter({ hasText: 'Record a LADO consultation' }).waitFor();
    expect(await page.title()).toMatch(/^LADO consultation – Case SMP-/);
    await expectAccessible(page, 'LADO consultation');

    await page.getByRole('button', { name: 'Record the consultation' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    for (const id of ['lado-name', 'advice', 'threshold-met', 'case-manager']) await errorBeside(id).waitFor();
    expect(await page.title()).toMatch(/^Error: LADO consultation/);
    await expectAccessible(page, 'LADO consultation: fields missing');

    await page.getByLabel('The LADO consulted').fill('J. Smith, LADO, Peterborough City Council');
    await page.getByLabel('The LADO’s advice').fill('Investigate under the disciplinary procedure; keep the LADO informed.');
    await page.locator('#threshold-met').check();
    // the case managers offered are those who lead casework (GET /people/case-managers), with their roles
    expect(await page.locator('#case-manager option').allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Gavin Governor (Governor)',
        expect.stringMatching(/^.+ \(Headteacher\)$/),
        expect.stringMatching(/^.+ \(Deputy headteacher\)$/),
      ]),
    );
    // the governor reported the case: a party, not its case manager
    await page.selectOption('#case-manager', app.t.ids.users[DEMO.governor]);
    await page.getByRole('button', { name: 'Record the consultation' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/case manager|party|conflict/i)
      .waitFor();
    await expectAccessible(page, 'LADO consultation: case manager refused');

    await page.selectOption('#case-manager', app.t.ids.users[DEMO.head]);
    await page.getByRole('button', { name: 'Record the consultation' }).click();
    await page.getByRole('alert').getByText('LADO consultation recorded').waitFor();
    const section = page.locator('section[aria-labelledby="kcsie"]');
    await section.getByText('J. Smith, LADO, Peterborough City Council').waitFor();
    await section.getByText('Investigate under the disciplinary procedure; keep the LADO informed.').waitFor();
    await page.getByTestId('lado-clock').getByText('Consulted').waitFor();
    await expectAccessible(page, 'case page after a LADO consultation');
  });

  it('marks a late consultation late, and an overdue clock', async () => {
    const late = await buildCase(app.t, {
      to: 'reported',
      referral: true,
      lado: { consultedAt: new Date(Date.now() + 60_000).toISOString() },
      label: 'late lado',
    });
    await app.t.db.query(`UPDATE cases SET created_at = created_at - interval '10 days' WHERE id = $1`, [late.caseId]);
    await app.t.db.query(`UPDATE lado_consultations SET consulted_at = now() WHERE case_id = $1`, [late.caseId]);
    const overdue = await buildCase(app.t, { to: 'reported', referral: true, label: 'overdue lado' });
    await app.t.db.query(`UPDATE cases SET created_at = created_at - interval '10 days' WHERE id = $1`, [overdue.caseId]);
    await signedIn(DEMO.head);
    await openCase(overdue.caseId);
    await page.getByTestId('lado-clock').getByText('Overdue').waitFor();
    await openCase(late.caseId);
    const consulted = page.getByTestId('lado-consulted-at');
    await consulted.waitFor();
    expect(await consulted.innerText()).toMatch(/Late/);
    await expectAccessible(page, 'case page: a late consultation');
  });

  it('records a DBS decision with the reason revealed under “not referred”: the missing reason beside its field, then the case page says what the close still needs', async () => {
    const built = await buildCase(app.t, {
      to: 'decided',
      referral: true,
      outcome: { sanction: 'dismissal_with_notice', warningExpiresAt: undefined },
      label: 'referral decision',
    });
    await signedIn(DEMO.head);
    await openCase(built.caseId);
    expect(await page.getByTestId('referral-decisions-required').innerText()).toMatch(/^Before the case may close: DBS/);
    await expectAccessible(page, 'case page: referral decision required');
    await page.getByTestId('actions').getByRole('link', { name: 'Record the DBS or TRA referral decision' }).click();
    await heading(page).filter({ hasText: 'Record a DBS or TRA referral decision' }).waitFor();
    await expectAccessible(page, 'referral decision');

    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await errorBeside('body').waitFor();
    await errorBeside('referred').waitFor();
    await expectAccessible(page, 'referral decision: nothing chosen');

    await page.getByLabel('DBS (Disclosure and Barring Service)').check();
    // the conditional reveal: the date under "referred", the reason under "not referred"
    await page.getByLabel('Yes, referred').check();
    await page.locator('#referred-at').waitFor();
    expect(await page.locator('#reason-not-referred').isHidden()).toBe(true);
    await page.getByLabel('No, not referred').check();
    await page.getByLabel('Why not?').waitFor();
    expect(await page.locator('#referred-at').isHidden()).toBe(true);
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await errorBeside('reason-not-referred').waitFor();
    await expectAccessible(page, 'referral decision: reason missing');

    await page.getByLabel('Why not?').fill('The LADO advised that the harm threshold is not met.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('alert').getByText('Referral decision recorded').waitFor();
    const section = page.locator('section[aria-labelledby="kcsie"]');
    await section.getByText('The LADO advised that the harm threshold is not met.').waitFor();
    await section.getByText('Not referred').waitFor();
    expect(await page.getByTestId('referral-decisions-required').count()).toBe(0);
    await expectAccessible(page, 'case page after a referral decision');
  });

  it('the reference check: reached from the subject-access search, what may be said and what never is; one’s own refused in the API’s words', async () => {
    await buildCase(app.t, { to: 'closed', referral: true, finding: 'substantiated', label: 'reference: substantiated' });
    await buildCase(app.t, { to: 'closed', referral: true, finding: 'malicious', label: 'reference: malicious' });
    await signedIn(DEMO.hr);
    await page.goto(app.url('/subject-access'));
    await page.getByLabel('Name').fill('Sam');
    await page.getByRole('button', { name: 'Search the directory' }).click();
    await page.getByRole('link', { name: 'Reference check for Sam Teacher' }).click();
    await heading(page).filter({ hasText: 'Reference check: Sam Teacher' }).waitFor();
    await page.getByText(/never includes/).waitFor();
    const findings = page.locator('table', { hasText: 'Substantiated findings of concluded safeguarding cases' });
    await findings.waitFor();
    // the substantiated finding, never the malicious one
    expect(await findings.locator('tbody tr').count()).toBe(1);
    expect(await findings.innerText()).not.toMatch(/Malicious/);
    await expectAccessible(page, 'reference check');

    await page.goto(app.url(`/staff/${app.t.ids.staff['Harriet HR']}/reference-check`));
    const refusal = page.getByTestId('refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/Nobody runs a reference check on themselves: a colleague \(HR\) answers the request for a reference\./);
    await expectAccessible(page, 'reference check: one’s own refused');
  });
});
