import { randomUUID } from 'node:crypto';
import { buildCase, holdHearing } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, monitoringRequestBody } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, fillDateInput, heading, scrollsSideways, signIn, type Page, type WebApp } from './support/browser';

/**
 * The headteacher's and the governors' decisions (web.md "Who sees what", issue 11): appointing
 * the investigating manager (and a refused appointment explained), monitoring requests approved
 * and rejected (and a decision already taken), the outcome (an error first, beside its field),
 * closure, legal hold placed and lifted, the appeal heard by a governor, the audit trail and its
 * verification, retention due and run, and a conflicted head told who acts instead — with axe
 * on every page and state.
 */
describeInBrowser('web application: decisions (headteacher and governors)', () => {
  // the browser is not in the UK: what is typed and shown is UK time all the same
  const fx = browserFixture({ timezoneId: 'America/New_York' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const DAY = 24 * 3_600_000;

  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };
  const open = async (path: string, title: string) => {
    await page.goto(app.url(path));
    await heading(page).filter({ hasText: title }).waitFor();
  };
  const summary = () => page.locator('.govuk-error-summary');
  /** A date (and time) in UK time, as the date inputs take it. */
  const fillDate = (id: string, ms: number, withTime = false) => fillDateInput(page, id, ms, withTime);

  it('the head appoints an investigating manager; appointing a witness of the case is refused in the API’s words', async () => {
    const triaged = await buildCase(app.t, { to: 'triaged' });
    await signedIn(DEMO.head);
    await open(`/cases/${triaged.caseId}/assign`, 'Appoint an investigating manager');
    expect(await page.title()).toBe(`Appoint an investigating manager: case ${triaged.reference} – Social media casework`);
    await page.getByLabel('Ian Investigator').waitFor();
    await page.getByText('Assistant Headteacher, investigator@demo.school').waitFor();
    await expectAccessible(page, 'appoint');

    // nothing chosen: the API's 400, beside the radios and in the summary
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.locator('#investigator-error').waitFor();
    expect(await summary().locator('a[href="#investigator"]').count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: Appoint an investigating manager/);
    await expectAccessible(page, 'appoint: nothing chosen');

    await page.getByLabel('Ian Investigator').check();
    await page.getByRole('button', { name: 'Appoint' }).click();
    await page.getByRole('heading', { name: 'Investigating manager appointed' }).waitFor();
    await page.locator('.govuk-panel').getByText('Ian Investigator').waitFor();
    await expectAccessible(page, 'appointed');
    const view = await (await app.t.as(DEMO.head)).get(`/cases/${triaged.caseId}`);
    expect(view.body.investigatorUserId).toBe(app.t.ids.users[DEMO.investigator]);

    // Ivy is a witness of this case: appointing her instead is a conflict of interest, which the API explains
    const witnessed = await buildCase(app.t, { to: 'assigned', witnesses: [{ staffId: app.t.ids.staff[DEMO.investigator2] }] });
    await open(`/cases/${witnessed.caseId}/assign`, 'Appoint an investigating manager');
    await page.getByTestId('current-investigator').getByText('Ian Investigator').waitFor();
    await page.getByLabel('Ivy Investigator').check();
    await page.getByRole('button', { name: 'Appoint' }).click();
    await summary().getByText('Cannot appoint: the investigating manager cannot be a witness of the case (§4 fair and unbiased).').waitFor();
    await expectAccessible(page, 'appoint: conflict of interest refused');
  });

  it('the head approves one monitoring request and rejects another, side by side with what they rest on; a decision already taken is final', async () => {
    const built = await buildCase(app.t, { to: 'assigned', monitoring: true });
    const second = await (
      await app.t.as(DEMO.investigator)
    ).post(
      `/cases/${built.caseId}/monitoring-requests`,
      monitoringRequestBody({ scope: 'school_systems', reason: 'it_security', justification: 'Malware alerts from the laptop', systems: ['staff laptop 12'] }),
    );
    expect(second.status).toBe(201);
    const third = await (
      await app.t.as(DEMO.investigator)
    ).post(`/cases/${built.caseId}/monitoring-requests`, monitoringRequestBody({ justification: 'A third look' }));
    expect(third.status).toBe(201);

    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/monitoring`, 'Monitoring requests');
    const main = page.locator('main');
    // scope and reason in the policy's own words, justification, proportionality, period and expiry
    await main
      .getByText(
        '“The school reserves the right to legitimately and proportionately monitor employee’s internet, email and social media usage on school computers or mobile devices.”',
      )
      .first()
      .waitFor();
    await main.getByText('“been using social media websites when he/ she should be working;”').first().waitFor();
    await main.getByText('“damaged the security and integrity of IT systems; or”').waitFor();
    await main.getByText('Reports of social media use during lessons').waitFor();
    await main.getByText('A two-week window of the web filter log only; asking colleagues did not settle it').first().waitFor();
    expect(await main.getByText('Waiting for a decision').count()).toBe(3);
    await expectAccessible(page, 'monitoring requests');

    const sectionOf = (justification: string) => main.locator('section').filter({ hasText: justification });
    // no choice made: said beside the radios
    const first = sectionOf('Reports of social media use during lessons');
    await first.getByRole('button', { name: 'Record the decision' }).click();
    await first.locator('.govuk-error-message').getByText('Choose whether to approve or reject the request').waitFor();
    await expectAccessible(page, 'monitoring: no decision chosen');

    await first.getByLabel('Approve', { exact: true }).check();
    await first.getByLabel('Note (optional)').fill('Two weeks only, as asked.');
    await first.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Monitoring request approved').waitFor();
    await first.getByText('Two weeks only, as asked.').waitFor();
    await first.locator('.govuk-tag', { hasText: 'Approved' }).waitFor();
    await expectAccessible(page, 'monitoring: approved');

    // a rejection needs a reason: the API's 400, beside the field
    const malware = sectionOf('Malware alerts from the laptop');
    await malware.getByLabel('Reject', { exact: true }).check();
    await malware.getByRole('button', { name: 'Record the decision' }).click();
    await malware.locator(`#reason-${second.body.id}-error`).waitFor();
    await expectAccessible(page, 'monitoring: rejection without a reason');
    await malware.getByLabel('Reason for rejecting').fill('Not proportionate: the IT provider can check the laptop.');
    await malware.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText('Monitoring request rejected').waitFor();
    await malware.locator('.govuk-tag', { hasText: 'Rejected' }).waitFor();
    await expectAccessible(page, 'monitoring: rejected');

    // decided elsewhere meanwhile: the API says a decision is final
    expect((await (await app.t.as(DEMO.head)).post(`/monitoring-requests/${third.body.id}/approve`, {})).status).toBe(200);
    const stale = sectionOf('A third look');
    await stale.getByLabel('Reject', { exact: true }).check();
    await stale.getByLabel('Reason for rejecting').fill('Too late.');
    await stale.getByRole('button', { name: 'Record the decision' }).click();
    await stale.locator('.govuk-error-summary').getByText('This request was already approved; a decision is final.').waitFor();
    await expectAccessible(page, 'monitoring: already decided');
  });

  it('the head records the outcome from the investigation’s findings, after the hearing; an appeal deadline too soon is shown beside its field first', async () => {
    // the disciplinary hearing held and recorded by the head (process.md §1): every sanction is open to them
    const built = await buildCase(app.t, { to: 'hearing', summary: 'The post named a colleague; the subject accepts it.' });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
    const main = page.locator('main');
    await main.getByText('The post named a colleague; the subject accepts it.').waitFor();
    await main.getByText('Substantiated').first().waitFor();
    await main.getByText('Named a colleague in a public post').waitFor();
    // the sanctions with the policy's own words
    await page.getByLabel('Summary dismissal for gross misconduct').waitFor();
    await main
      .getByText(/“Serious breaches of this policy, for example incidents of bullying of colleagues/)
      .first()
      .waitFor();
    // the waiver is offered only to an investigator deciding their own case
    expect(await page.locator('#separation-waiver-reason').count()).toBe(0);
    await expectAccessible(page, 'outcome form');

    // nothing chosen: each of the API's field errors beside its field
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.locator('#sanction-error').waitFor();
    expect(await summary().locator('a[href="#sanction"]').count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: Record the outcome/);
    await expectAccessible(page, 'outcome: nothing chosen');

    const now = Date.now();
    await page.getByLabel('First written warning').check();
    await page.locator('#gross-misconduct-2').check();
    await page.getByLabel('Reasons for the decision').fill('The substantiated post breached §7.5; a first warning is proportionate.');
    await fillDate('communicated-at', now, true);
    await fillDate('warning-expires-at', now + 365 * DAY);
    await fillDate('appeal-deadline', now + DAY);
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.locator('#appeal-deadline-error').waitFor();
    expect(await page.locator('#appeal-deadline-error').textContent()).toMatch(/Appeal deadline/);
    expect(await summary().locator('a[href="#appeal-deadline"]').count()).toBe(1);
    await expectAccessible(page, 'outcome: appeal deadline too soon');

    await fillDate('appeal-deadline', now + 21 * DAY);
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('heading', { name: 'Outcome recorded' }).waitFor();
    await page.locator('.govuk-panel').getByText('First written warning').waitFor();
    await expectAccessible(page, 'outcome recorded');
    const outcome = (await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.outcome;
    expect(outcome).toEqual(expect.objectContaining({ sanction: 'first_written_warning', grossMisconduct: false }));
    // the dates were UK time, whatever the browser's zone: the deadline is the end of that day in London
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        new Date(outcome.appealDeadline),
      ),
    ).toBe('23:59');
  });

  it('a headteacher who investigated is offered the separation waiver, and decides with its reason recorded', async () => {
    await app.t.db.query(`UPDATE users SET roles = '{headteacher,investigating_manager}' WHERE email = $1`, [DEMO.head]);
    try {
      const built = await buildCase(app.t, { to: 'awaiting_decision', investigator: DEMO.head });
      await signedIn(DEMO.head);
      await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
      await page.getByLabel('Why the investigating manager also decides').waitFor();
      await expectAccessible(page, 'outcome form with the separation waiver');

      const now = Date.now();
      // no hearing has been held: no further action (the only outcome without one, process.md §1)
      await page.getByLabel('No further action').check();
      await page.locator('#gross-misconduct-2').check();
      await page.getByLabel('Reasons for the decision').fill('A first post, accepted at once.');
      await fillDate('communicated-at', now, true);
      // the waiver left blank: the API names it, beside its field
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.locator('#separation-waiver-reason-error').waitFor();
      await expectAccessible(page, 'outcome: separation waiver without a reason');
      await page.getByLabel('Why the investigating manager also decides').fill('Two-teacher school: nobody else can decide.');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      await page.getByRole('heading', { name: 'Outcome recorded' }).waitFor();
      const outcome = (await (await app.t.as(DEMO.governor)).get(`/cases/${built.caseId}`)).body.outcome;
      expect(outcome).toEqual(expect.objectContaining({ separationWaiverReason: 'Two-teacher school: nobody else can decide.', decidedByRole: 'headteacher' }));
    } finally {
      await app.t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE email = $1`, [DEMO.head]);
    }
  });

  it('closing: while the appeal window is open the case says so; once it has passed the head closes it', async () => {
    const built = await buildCase(app.t, { to: 'decided' });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/close`, 'Close the case');
    await page
      .getByTestId('not-yours')
      .getByText(/The appeal window is open until/)
      .waitFor();
    await expectAccessible(page, 'close: appeal window open');

    await app.t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 minute' WHERE case_id = $1`, [built.caseId]);
    await open(`/cases/${built.caseId}/close`, 'Close the case');
    await page.getByLabel('Reason (optional)').fill('No appeal was lodged in time.');
    await expectAccessible(page, 'close form');
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByRole('heading', { name: 'Case closed' }).waitFor();
    await page.getByText(/Its content is kept until/).waitFor();
    await expectAccessible(page, 'case closed');
    expect((await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.status).toBe('closed');
  });

  it('a legal hold is placed (its reason required, beside the field) and lifted, at the same address', async () => {
    const built = await buildCase(app.t, { to: 'closed' });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/legal-hold`, 'Place a legal hold');
    await expectAccessible(page, 'legal hold: none');
    await page.getByRole('button', { name: 'Place a legal hold' }).click();
    await page.locator('#reason-error').waitFor();
    await expectAccessible(page, 'legal hold: no reason');

    await page.getByLabel('Reason for the hold').fill('Employment tribunal claim received');
    await page.getByRole('button', { name: 'Place a legal hold' }).click();
    await page.getByText('Legal hold placed').waitFor();
    await heading(page).filter({ hasText: 'Lift the legal hold' }).waitFor();
    await page.locator('main').getByText('Employment tribunal claim received').waitFor();
    await expectAccessible(page, 'legal hold placed');

    // the same address, later: the page shows the hold from the case
    await open(`/cases/${built.caseId}/legal-hold`, 'Lift the legal hold');
    await page.getByRole('button', { name: 'Lift the legal hold' }).click();
    await page.getByText('Legal hold lifted').waitFor();
    await heading(page).filter({ hasText: 'Place a legal hold' }).waitFor();
    await expectAccessible(page, 'legal hold lifted');
    expect((await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.retention.legalHold).toBeNull();
  });

  it('the governor hears the appeal: the grounds shown, a variation needs its new sanction, then the case closes', async () => {
    const built = await buildCase(app.t, { to: 'appeal', appeal: { grounds: 'The warning is out of proportion to one post.' } });
    // the appeal hearing, held and recorded by the governor, who then decides (process.md §1)
    await holdHearing(app.t, {
      chair: DEMO.governor,
      caseId: built.caseId,
      invitePath: `/appeals/${built.appealId}/hearings`,
      subjects: [app.t.ids.staff['Sam Teacher']],
    });
    await signedIn(DEMO.governor);
    await open(`/cases/${built.caseId}/appeal/decision`, 'Decide the appeal');
    await page.locator('main').getByText('The warning is out of proportion to one post.').waitFor();
    await page.locator('main').getByText('The substantiated post breached §7.5.').waitFor();
    await expectAccessible(page, 'appeal decision form');

    await page.getByLabel('Vary the outcome').check();
    await page.getByLabel('Reasons for the decision').fill('One post, accepted at once: informal action is enough.');
    await expectAccessible(page, 'appeal decision: varied, revealed');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.locator('#new-sanction-error').waitFor();
    await expectAccessible(page, 'appeal decision: new sanction missing');

    await page.getByLabel('Informal action or management advice').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('heading', { name: 'Appeal decided' }).waitFor();
    await page.getByText('The outcome now in force: Informal action or management advice. The case is closed.').waitFor();
    await expectAccessible(page, 'appeal decided');
    // the decision closes the case (the governor who decided it may still read it)
    expect((await (await app.t.as(DEMO.governor)).get(`/cases/${built.caseId}`)).body.status).toBe('closed');
  });

  it('a conflicted head (a witness, who sees the case as deputy head) is told the governors decide, and why', async () => {
    const built = await buildCase(app.t, { to: 'awaiting_decision', witnesses: [{ staffId: app.t.ids.staff[DEMO.head] }] });
    await app.t.db.query(`UPDATE users SET roles = '{headteacher,deputy_head}' WHERE email = $1`, [DEMO.head]);
    try {
      await signedIn(DEMO.head);
      await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
      const explanation = page.getByTestId('not-yours');
      await explanation.getByText('You cannot record the outcome on this case now.').waitFor();
      await explanation.getByText('How you are involved: you are a witness in this case.').waitFor();
      await explanation.getByText('the governors, acting for the headteacher: every headteacher is conflicted on it').waitFor();
      await explanation
        .getByText('Decide the outcome (§12): no action, or invite the subject to a disciplinary hearing before any sanction (ACAS Code): the governors.')
        .waitFor();
      expect(await page.getByRole('button', { name: 'Record the outcome' }).count()).toBe(0);
      await expectAccessible(page, 'outcome: conflicted head told who acts');
    } finally {
      await app.t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE email = $1`, [DEMO.head]);
    }
    // the governor, who acts for the head here, gets the form
    await page.context().clearCookies();
    await signedIn(DEMO.governor);
    await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
    await page.getByRole('button', { name: 'Record the outcome' }).waitFor();
    // and a case nobody shows this person is "not found", as the API answers
    await page.goto(app.url(`/cases/${randomUUID()}/outcome`));
    await heading(page).filter({ hasText: 'Page not found' }).waitFor();
  });

  it('the audit trail: filtered by case, by person and by date (a bad period beside its field), paged; and its verification', async () => {
    const built = await buildCase(app.t, { to: 'triaged' });
    // more than a page of events: each read of a case is one (of another case)
    const other = await buildCase(app.t, { to: 'reported' });
    const hr = await app.t.as(DEMO.hr);
    for (let i = 0; i < 50; i++) expect((await hr.get(`/cases/${other.caseId}`)).status).toBe(200);
    await signedIn(DEMO.head);
    await open('/audit', 'Audit trail');
    const table = page.locator('main table');
    await table.waitFor();
    await expectAccessible(page, 'audit trail');

    await page.getByLabel('Case reference').fill(built.reference.toLowerCase());
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(new RegExp(`/app/audit\\?caseId=${built.caseId}$`));
    await table.getByText('Case triaged').waitFor();
    await table.getByText('Report created').waitFor();
    const cases = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(cases.every((text) => text.startsWith(built.reference))).toBe(true);
    await page.locator('.moj-filter__selected').getByText(built.reference).waitFor();
    expect(await page.getByLabel('Case reference').inputValue()).toBe(built.reference);
    await expectAccessible(page, 'audit trail: one case');

    // by person: the deputy who logged and triaged it
    await table
      .getByRole('link', { name: /^Dee Deputy/ })
      .first()
      .click();
    await page.waitForURL(/actorId=/);
    await page.locator('.moj-filter__selected').getByText('Dee Deputy').waitFor();
    const who = await table.locator('tbody tr td:nth-child(2) a').allTextContents();
    expect(who.length).toBeGreaterThan(0);
    expect(who.every((text) => text.startsWith('Dee Deputy'))).toBe(true);
    await expectAccessible(page, 'audit trail: one case, one person');

    // a case nobody sees by that reference
    await page.getByLabel('Case reference').fill('SMP-1999-9999');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('#case-error').getByText('There is no case with the reference SMP-1999-9999 that you can see').waitFor();

    // a period that ends before it starts: the API's 400 names `to`, shown beside it
    await page.goto(app.url('/audit?from=2026-06-02&to=2026-06-01'));
    await page.locator('#to-error').waitFor();
    expect(await page.title()).toBe('Error: Audit trail – Social media casework');
    await expectAccessible(page, 'audit trail: empty period');

    // pages: next, then back
    await open('/audit', 'Audit trail');
    await table.waitFor();
    const firstPage = await table.locator('tbody tr').first().textContent();
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/pages=/);
    await page.getByRole('link', { name: 'Previous page' }).waitFor();
    expect(await table.locator('tbody tr').first().textContent()).not.toBe(firstPage);
    await expectAccessible(page, 'audit trail: second page');

    await page.getByRole('link', { name: 'Check the audit trail has not been altered' }).click();
    await heading(page).filter({ hasText: 'Check the audit trail' }).waitFor();
    await page.getByTestId('verification').getByText('Intact').waitFor();
    expect(await page.getByTestId('verification').locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await expectAccessible(page, 'audit verification: intact');

    // someone alters an event's details behind the service's back (the database refuses it unless told to replicate): the check says where
    const client = await app.t.db.connect();
    try {
      const { rows } = await client.query<{ seq: string; payload: unknown }>(`SELECT seq, payload FROM audit_events WHERE case_id = $1 ORDER BY seq LIMIT 1`, [
        built.caseId,
      ]);
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE audit_events SET payload = '{"altered": true}' WHERE seq = $1`, [rows[0].seq]);
      try {
        await page.getByRole('button', { name: 'Check again' }).click();
        await page.getByTestId('verification').getByText('Altered').waitFor();
        await page.getByTestId('verification').getByText(`Event ${rows[0].seq}`).waitFor();
        await expectAccessible(page, 'audit verification: altered');
      } finally {
        // put it back as it was, for the tests after this one
        await client.query(`UPDATE audit_events SET payload = $2::jsonb WHERE seq = $1`, [rows[0].seq, JSON.stringify(rows[0].payload)]);
        await client.query('RESET session_replication_role');
      }
    } finally {
      client.release(true);
    }
  });

  it('320 px wide: the decision screens do not scroll sideways (the audit trail’s table scrolls in its own pane)', async () => {
    const assigned = await buildCase(app.t, { to: 'assigned', monitoring: true });
    const awaiting = await buildCase(app.t, { to: 'awaiting_decision' });
    const narrow = await fx.newPage({ viewport: { width: 320, height: 640 } });
    try {
      await signIn(narrow, app, DEMO.head, TEST_PASSWORD);
      await narrow.getByTestId('who').waitFor();
      for (const [path, title] of [
        [`/cases/${assigned.caseId}/assign`, 'Appoint an investigating manager'],
        [`/cases/${assigned.caseId}/monitoring`, 'Monitoring requests'],
        [`/cases/${awaiting.caseId}/outcome`, 'Record the outcome'],
        ['/audit', 'Audit trail'],
        ['/audit/verify', 'Check the audit trail'],
        ['/retention', 'Cases due for erasure'],
      ]) {
        await narrow.goto(app.url(path));
        await heading(narrow).filter({ hasText: title }).waitFor();
        await narrow.locator('main .govuk-summary-list, main table, main form, main .govuk-body').first().waitFor();
        expect({ title, scrolls: await scrollsSideways(narrow) }).toEqual({ title, scrolls: false });
        await expectAccessible(narrow, `${title} at 320 px`);
      }
    } finally {
      await narrow.context().close();
    }
  });

  it('retention: the cases due, a confirmation step, then the run’s result', async () => {
    const built = await buildCase(app.t, { to: 'closed' });
    await app.t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [built.caseId]);
    await signedIn(DEMO.head);
    await open('/retention', 'Cases due for erasure');
    const table = page.locator('main table');
    await table.getByRole('link', { name: built.reference }).waitFor();
    await expectAccessible(page, 'retention due');

    await page.getByRole('button', { name: 'Erase the content of due cases' }).click();
    await heading(page).filter({ hasText: 'Erase the content of due cases' }).waitFor();
    await page.getByText(/It cannot be undone/).waitFor();
    await expectAccessible(page, 'retention: confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await heading(page).filter({ hasText: 'Cases due for erasure' }).waitFor();

    await page.getByRole('button', { name: 'Erase the content of due cases' }).click();
    await page.getByRole('button', { name: 'Erase now' }).click();
    await page.getByRole('heading', { name: 'Retention run complete' }).waitFor();
    await page.getByTestId('run-result').getByText(built.reference).waitFor();
    await page.getByText('No case is due for erasure.').waitFor();
    await expectAccessible(page, 'retention run');
    expect((await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.retention.erasedAt).not.toBeNull();
  });
});
