import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, reportBody } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * The case page, the case list and each person's landing page (web.md "Who sees what", issue
 * 11): what the API says, explained — the state, the next step and who takes it, how the reader
 * is involved, what they may do, everything recorded with the policy's words, withheld items
 * saying so, the timeline; "Page not found" exactly where the API answers 404; the list's
 * filters and pages; each person's work. axe on every page and state.
 */
describeInBrowser('web application: the case page, the case list, the landing page', () => {
  const fx = browserFixture();
  let app: WebApp;
  let page: Page;
  // the nested describes build their cases in beforeAll: the app is bound before them
  beforeAll(() => {
    app = fx.app;
  });
  beforeEach(() => {
    page = fx.page;
  });

  const signedIn = async (email: string, on: Page = page) => {
    await signIn(on, app, email, TEST_PASSWORD);
    await on.getByTestId('who').waitFor();
  };
  /** The case page, loaded. */
  const openCase = async (caseId: string, reference: string, on: Page = page) => {
    await on.goto(app.url(`/cases/${caseId}`));
    await heading(on).filter({ hasText: reference }).waitFor();
  };
  const text = (selector: string, on: Page = page) => on.locator(selector).first().innerText();
  const actionLinks = async (on: Page = page) => (await on.getByTestId('actions').locator('a').allInnerTexts()).sort();
  const notFound = async (path: string, on: Page = page) => {
    await on.goto(app.url(path));
    await heading(on).filter({ hasText: 'Page not found' }).waitFor();
    expect(await on.title()).toBe('Page not found – Social media casework');
  };

  describe('the case page', () => {
    let full: Awaited<ReturnType<typeof buildCase>>;
    beforeAll(async () => {
      full = await buildCase(app.t, {
        to: 'appeal',
        report: { policyStandards: ['7.5', '7.7'], involvesPupils: true },
        referral: true,
        witnesses: [{ name: 'Pat Parent', statement: 'I saw it at the school gate on my phone.' }],
        evidence: 2,
        fact: true,
        monitoring: true,
        monitoringDecision: 'approve',
      });
    });

    it('the deputy head: the state, the next step and who takes it, everything recorded with the policy’s words', async () => {
      await signedIn(DEMO.deputy);
      await openCase(full.caseId, full.reference);
      expect(await page.title()).toBe(`Case ${full.reference} – Social media casework`);
      expect(await text('[data-testid="case-status"]')).toMatch(/Appeal\s+Safeguarding/);
      expect(await text('[data-testid="next-step"]')).toMatch(/Invite the subject to the appeal hearing/);
      expect(await text('[data-testid="next-step-by"]')).toBe('Who takes it: Governor');
      expect(await text('[data-testid="decision-maker"]')).toBe('Decisions on this case are taken by the headteacher.');
      expect(await page.getByTestId('involvement').count()).toBe(0);
      expect(await actionLinks()).toEqual(['Record a LADO consultation', 'Record a safeguarding referral']);
      // the report, with App.A's and §7's own words beside the clauses
      const report = page.locator('#reports').locator('..');
      await report.getByText('App.A Bringing the organisation into disrepute').waitFor();
      await report.getByText(/§7\.5 Information about the school/).waitFor();
      await report
        .getByText(/“You must not under any circumstances disclose any confidential or personal information about Werrington Primary School/)
        .waitFor();
      await report.getByText(/§7\.7 Defamation, discrimination, bullying or harassment/).waitFor();
      // safeguarding: flagged, the referral on record
      const safeguarding = page.locator('#safeguarding').locator('..');
      expect(await safeguarding.getByTestId('referral-clock').innerText()).toMatch(/Referred/);
      await safeguarding.getByRole('cell', { name: 'Designated safeguarding lead' }).waitFor();
      // allegations with the clause's words and the finding; evidence with its SHA-256 and a link to its page
      const allegations = page.locator('#allegations').locator('..');
      await allegations.getByText('Named a colleague in a public post').waitFor();
      await allegations.getByText('Substantiated').waitFor();
      const evidence = page.locator('#evidence').locator('..');
      const sha = (full.view as { evidence?: { sha256: string }[] }).evidence?.[0]?.sha256;
      const shown = (await evidence.locator('code').first().innerText()).replace(/\s/g, '');
      expect(shown).toMatch(/^[0-9a-f]{64}$/);
      if (sha) expect(shown).toBe(sha);
      expect(
        await evidence
          .getByRole('link', { name: /View its custody trail/ })
          .first()
          .getAttribute('href'),
      ).toBe(`/app/cases/${full.caseId}/evidence/${full.evidenceIds[0]}`);
      await page.locator('#facts').waitFor();
      await page.locator('#monitoring').locator('..').getByText('Approved').waitFor();
      await page.locator('#outcome').locator('..').getByText('First written warning', { exact: false }).first().waitFor();
      await page.locator('#appeals').locator('..').getByText('Not decided yet').waitFor();
      await expectAccessible(page, 'case page (deputy head, appeal)');
    });

    it('the headteacher and HR: their actions, and the timeline from the audit log, page by page', async () => {
      await signedIn(DEMO.head);
      await openCase(full.caseId, full.reference);
      const head = await actionLinks();
      expect(head).toEqual(expect.arrayContaining(['Timeline (audit log)', 'HR case summary', 'Place a legal hold']));
      // they decided the outcome: someone else hears the appeal
      expect(head).not.toContain('Decide the appeal');
      expect(await text('[data-testid="involvement"]')).toBe('You decided the outcome of this case: you do not hear its appeal.');
      await expectAccessible(page, 'case page (headteacher, appeal)');

      await page.getByRole('link', { name: 'Timeline (audit log)' }).click();
      await heading(page).filter({ hasText: 'Timeline' }).waitFor();
      expect(await page.title()).toBe(`Timeline – Case ${full.reference} – Social media casework`);
      await page.locator('.moj-timeline').getByText('Report logged').waitFor();
      await page.locator('.moj-timeline').getByText('Appeal lodged').waitFor();
      expect(await page.locator('.moj-timeline').getByText('by you (headteacher)').count()).toBeGreaterThan(0);
      expect(await page.locator('.moj-timeline').getByText('by Dee Deputy (deputy headteacher)').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'timeline');
      // reading the case is itself in the log: enough reads make a second page
      for (let i = 0; i < 50; i++) expect((await (await app.t.as(DEMO.hr)).get(`/cases/${full.caseId}`)).status).toBe(200);
      await page.reload();
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.getByRole('link', { name: 'Previous page' }).waitFor();
      await page.locator('.moj-timeline').getByText('Report logged').waitFor();
      await expectAccessible(page, 'timeline, an older page');
      await page.getByRole('link', { name: 'Previous page' }).click();
      await page.locator('.moj-timeline').getByText('Case viewed').first().waitFor();

      const hr = await fx.newPage();
      await signedIn(DEMO.hr, hr);
      await openCase(full.caseId, full.reference, hr);
      // §6: hr records a grievance while the case is open
      expect(await actionLinks(hr)).toEqual(['HR case summary', 'Record a grievance', 'Timeline (audit log)']);
      expect(await text('[data-testid="next-step-by"]', hr)).toBe('Who takes it: Governor');
      await expectAccessible(hr, 'case page (HR, appeal)');
      await hr.context().close();
    });

    it('a headteacher who is a witness (and deputy head) reads the case without others’ statements; the governors decide, and the governor is told so', async () => {
      const conflicted = await buildCase(app.t, {
        to: 'awaiting_decision',
        witnesses: [
          { staffId: app.t.ids.staff[DEMO.head], statement: 'I saw the post myself.' },
          { name: 'Pat Parent', statement: 'I saw it too.' },
        ],
        evidence: 1,
      });
      await app.t.db.query(`UPDATE users SET roles = '{headteacher,deputy_head}' WHERE email = $1`, [DEMO.head]);
      try {
        await signedIn(DEMO.head);
        await openCase(conflicted.caseId, conflicted.reference);
        expect(await text('[data-testid="involvement"]')).toBe(
          'You are a witness in this case: you do not see other people’s statements or evidence, and you take no decision on it.',
        );
        expect(await text('[data-testid="decision-maker"]')).toBe('Decisions on this case are taken by the governors because every headteacher is conflicted.');
        expect(await text('[data-testid="next-step-by"]')).toBe('Who takes it: Governor');
        // their own statement, not the other witness's, nor the evidence, nor the report
        const interviews = page.locator('#interviews').locator('..');
        await interviews.getByText('I saw the post myself.').waitFor();
        expect(await interviews.getByText('I saw it too.').count()).toBe(0);
        expect(await interviews.getByTestId('withheld').count()).toBe(1);
        expect(await page.locator('#evidence').locator('..').getByTestId('withheld').count()).toBe(1);
        await page.getByText('Withheld: a reporter or witness of the case does not read the investigation report.').waitFor();
        expect(await actionLinks()).not.toContain('Record the outcome');
        await expectAccessible(page, 'case page (a witness headteacher: withheld statements)');
      } finally {
        await app.t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE email = $1`, [DEMO.head]);
      }

      const governor = await fx.newPage();
      await signedIn(DEMO.governor, governor);
      await openCase(conflicted.caseId, conflicted.reference, governor);
      expect(await text('[data-testid="decision-maker"]', governor)).toBe(
        'Decisions on this case are taken by the governors because every headteacher is conflicted.',
      );
      expect(await actionLinks(governor)).toContain('Record the outcome');
      expect(await governor.getByTestId('withheld').count()).toBe(0);
      await governor.locator('#interviews').locator('..').getByText('I saw it too.').waitFor();
      await expectAccessible(governor, 'case page (governor acting for a conflicted headteacher)');
      await governor.context().close();

      // the headteacher alone (a witness, no other role): the case is not there for them
      const alone = await fx.newPage();
      await signedIn(DEMO.head, alone);
      await notFound(`/cases/${conflicted.caseId}`, alone);
      await alone.context().close();
    });

    it('"Page not found": another school’s headteacher, and an investigating manager not appointed to the case', async () => {
      const assigned = await buildCase(app.t, { to: 'assigned' });
      await signedIn(DEMO.northHead);
      await notFound(`/cases/${assigned.caseId}`);
      expect(await page.getByText(assigned.reference).count()).toBe(0);
      await notFound(`/cases/${assigned.caseId}/timeline`);
      await expectAccessible(page, 'page not found (another school)');

      const other = await fx.newPage();
      await signedIn(DEMO.investigator2, other);
      await notFound(`/cases/${assigned.caseId}`, other);
      expect(await other.getByText(assigned.reference).count()).toBe(0);
      await expectAccessible(other, 'page not found (unassigned investigating manager)');
      await other.context().close();

      // the one appointed sees it, and is told what they are
      const ian = await fx.newPage();
      await signedIn(DEMO.investigator, ian);
      await openCase(assigned.caseId, assigned.reference, ian);
      expect(await text('[data-testid="involvement"]', ian)).toMatch(/You are the investigating manager of this case/);
      expect(await actionLinks(ian)).toEqual(expect.arrayContaining(['Work on the investigation', 'Request monitoring']));
      await ian.getByTestId('submission-blockers').getByText('no allegation has been recorded').waitFor();
      await expectAccessible(ian, 'case page (the investigating manager)');
      await ian.context().close();
    });

    it('a case closed at triage: the decision with the policy’s words, nothing more to do', async () => {
      const closed = await buildCase(app.t, {
        to: 'closed',
        closeVia: 'triage',
        triage: { decision: 'informal_resolution', rationale: 'A word with the teacher.' },
      });
      await signedIn(DEMO.head);
      await openCase(closed.caseId, closed.reference);
      const triage = page.locator('#triage').locator('..');
      await triage.getByText('§6 Resolve it informally').waitFor();
      await triage.getByText(/addressing the matter informally/).waitFor();
      await triage.getByText('A word with the teacher.').waitFor();
      expect(await text('[data-testid="next-step"]')).toMatch(/^Nothing until the retention date/);
      expect(await page.getByTestId('next-step-by').count()).toBe(0);
      await expectAccessible(page, 'case page (closed at triage)');
    });
  });

  describe('the case list', () => {
    const refs: Record<string, { id: string; reference: string }> = {};
    beforeAll(async () => {
      const deputy = await app.t.as(DEMO.deputy);
      const report = async (name: string, overrides: Record<string, unknown> = {}) => {
        const res = await deputy.post('/reports', reportBody(app.t, overrides));
        expect(res.status).toBe(201);
        refs[name] = { id: res.body.id, reference: res.body.reference };
      };
      await report('taylor', { subjectStaffIds: [app.t.ids.staff['Taylor Assistant']] });
      await report('overdue', { involvesPupils: true });
      // reported a week ago: its referral, due by the end of the next working day, is overdue
      await app.t.db.query(`UPDATE cases SET created_at = now() - interval '7 days' WHERE id = $1`, [refs.overdue.id]);
      await report('pupils', { involvesPupils: true });
      // more than a page of cases
      for (let i = 0; i < 50; i += 10) await Promise.all(Array.from({ length: 10 }, (_, j) => report(`plain${i + j}`)));
    });

    it('filters by status, safeguarding, overdue, a search and dates; shows the API’s errors beside the filter; pages on', async () => {
      await signedIn(DEMO.deputy);
      await page.getByRole('link', { name: 'All the cases you can see, with filters' }).click();
      await heading(page).filter({ hasText: 'Cases' }).waitFor();
      await page.getByRole('table').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(50);
      await expectAccessible(page, 'case list');

      // keyset pages: next, and back
      await page.getByRole('link', { name: 'Next page' }).click();
      await page.getByRole('link', { name: 'Previous page' }).waitFor();
      await page.getByRole('table').waitFor();
      expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
      await expectAccessible(page, 'case list, the next page');
      await page.getByRole('link', { name: 'Previous page' }).click();
      await page.waitForURL(app.url('/cases'));

      // overdue: the one case whose referral is past due
      await page.getByLabel('Overdue').check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/overdue=true/);
      await page.getByRole('table').getByRole('link', { name: refs.overdue.reference }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      await page.locator('.moj-filter__selected').getByText('Overdue').waitFor();
      await expectAccessible(page, 'case list filtered: overdue');
      // the tag removes the filter
      await page.locator('.moj-filter__tag').filter({ hasText: 'Overdue' }).click();
      await page.waitForURL(app.url('/cases'));

      // safeguarding only
      await page.getByLabel('Safeguarding cases').check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/safeguarding=true/);
      await page.getByRole('table').getByRole('link', { name: refs.pupils.reference }).waitFor();
      expect((await page.locator('tbody tr').allInnerTexts()).every((row) => row.includes('Safeguarding'))).toBe(true);
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await page.waitForURL(app.url('/cases'));

      // a subject's name
      await page.getByLabel('Reference or subject’s name').fill('Taylor');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/q=Taylor/);
      await page.getByRole('table').getByRole('link', { name: refs.taylor.reference }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      await expectAccessible(page, 'case list filtered: search');

      // too short a search: the API's 400, beside the field and in the summary
      await page.getByLabel('Reference or subject’s name').fill('Ta');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('.govuk-error-summary').waitFor();
      expect(await page.locator('#q-error').innerText()).toMatch(/3 to 100 characters/);
      expect(await page.locator('.govuk-error-summary a[href="#q"]').count()).toBe(1);
      expect(await page.title()).toBe('Error: Cases – Social media casework');
      await expectAccessible(page, 'case list: a search the API refuses');

      // a period that holds nothing: `to` before `from`, named by the API
      await page.goto(app.url('/cases'));
      await page.getByRole('table').waitFor();
      await page.locator('#from').fill('2');
      await page.locator('#from-month').fill('11');
      await page.locator('#from-year').fill('2026');
      await page.locator('#to').fill('1');
      await page.locator('#to-month').fill('11');
      await page.locator('#to-year').fill('2026');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.locator('#to-error').waitFor();
      await expectAccessible(page, 'case list: a period the API refuses');

      // status, and today's reports
      await page.goto(app.url('/cases'));
      await page.getByRole('table').waitFor();
      await page.getByLabel('Reported', { exact: true }).check();
      const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'numeric', year: 'numeric' })
        .formatToParts(new Date())
        .reduce<Record<string, string>>((parts, p) => ({ ...parts, [p.type]: p.value }), {});
      await page.locator('#from').fill(today.day);
      await page.locator('#from-month').fill(today.month);
      await page.locator('#from-year').fill(today.year);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=reported.*from=/);
      await page.getByRole('table').waitFor();
      const rows = await page.locator('tbody tr').allInnerTexts();
      expect(rows.every((row) => row.includes('Reported'))).toBe(true);
      // reported a week ago: not in today's
      expect(rows.some((row) => row.includes(refs.overdue.reference))).toBe(false);
      await expectAccessible(page, 'case list filtered: status and period');
    });

    it('an investigating manager: the cases assigned to them', async () => {
      const mine = await buildCase(app.t, { to: 'assigned' });
      const theirs = await buildCase(app.t, { to: 'assigned', investigator: DEMO.investigator2 });
      await signedIn(DEMO.investigator);
      await page.goto(app.url('/cases?assignedToMe=true'));
      await page.getByRole('table').getByRole('link', { name: mine.reference }).waitFor();
      expect(await page.getByText(theirs.reference).count()).toBe(0);
      await expectAccessible(page, 'case list (investigating manager, assigned to me)');
    });
  });

  describe('the landing page: each person’s work', () => {
    it('the deputy head, the investigating manager, the headteacher, a governor and HR each see what waits for them', async () => {
      const triage = await buildCase(app.t, { to: 'reported' });
      const appoint = await buildCase(app.t, { to: 'triaged' });
      const monitoring = await buildCase(app.t, { to: 'assigned', monitoring: true });
      const outcome = await buildCase(app.t, { to: 'awaiting_decision' });
      const forGovernors = await buildCase(app.t, { to: 'awaiting_decision', witnesses: [{ staffId: app.t.ids.staff[DEMO.head] }] });
      const window = await buildCase(app.t, { to: 'decided' });
      const appeal = await buildCase(app.t, { to: 'appeal' });
      const erasable = await buildCase(app.t, { to: 'closed' });
      await app.t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [erasable.caseId]);

      await signedIn(DEMO.deputy);
      await page.getByTestId('triage').getByRole('link', { name: triage.reference }).waitFor();
      expect(await page.getByTestId('triage').getByText(appoint.reference).count()).toBe(0);
      await page.getByRole('button', { name: 'Log a report' }).waitFor();
      await expectAccessible(page, 'landing page (deputy head)');

      const ian = await fx.newPage();
      await signedIn(DEMO.investigator, ian);
      await ian.getByTestId('investigating').getByRole('link', { name: monitoring.reference }).waitFor();
      expect(await ian.getByTestId('investigating').getByText(appoint.reference).count()).toBe(0);
      await expectAccessible(ian, 'landing page (investigating manager)');
      await ian.context().close();

      const head = await fx.newPage();
      await signedIn(DEMO.head, head);
      await head.getByTestId('appoint-headteacher').getByRole('link', { name: appoint.reference }).waitFor();
      await head.getByTestId('monitoring-headteacher').getByRole('link', { name: monitoring.reference }).waitFor();
      await head.getByTestId('outcome-headteacher').getByRole('link', { name: outcome.reference }).waitFor();
      // the governors decide that one: the head does not see it at all
      expect(await head.getByText(forGovernors.reference).count()).toBe(0);
      expect(await head.getByTestId('appoint-headteacher').getByText(monitoring.reference).count()).toBe(0);
      await head.getByTestId('retention-due').getByRole('link', { name: erasable.reference }).waitFor();
      await head.getByRole('link', { name: 'Verify the audit chain' }).waitFor();
      await expectAccessible(head, 'landing page (headteacher)');
      await head.context().close();

      const governor = await fx.newPage();
      await signedIn(DEMO.governor, governor);
      await governor.getByTestId('outcome-governor').getByRole('link', { name: forGovernors.reference }).waitFor();
      await governor.getByTestId('appeals-governor').getByRole('link', { name: appeal.reference }).waitFor();
      expect(await governor.getByTestId('outcome-governor').getByText(outcome.reference).count()).toBe(0);
      await expectAccessible(governor, 'landing page (governor)');
      await governor.context().close();

      const hr = await fx.newPage();
      await signedIn(DEMO.hr, hr);
      await hr.getByTestId('lodge').getByRole('link', { name: window.reference }).waitFor();
      await hr.getByTestId('appeals-hr').getByRole('link', { name: appeal.reference }).waitFor();
      await expectAccessible(hr, 'landing page (HR)');
      // from the work to the case
      await hr.getByTestId('lodge').getByRole('link', { name: window.reference }).click();
      await heading(hr).filter({ hasText: window.reference }).waitFor();
      expect(await actionLinks(hr)).toContain('Lodge an appeal');
      await hr.context().close();

      const admin = await fx.newPage();
      await signedIn(DEMO.admin, admin);
      await admin.getByRole('link', { name: 'The staff directory' }).waitFor();
      expect(await admin.getByRole('table').count()).toBe(0);
      await expectAccessible(admin, 'landing page (admin)');
      await admin.context().close();
    });
  });
});
