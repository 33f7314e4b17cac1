import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildCase, uniquePng } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, fillDateInput, heading, scrollsSideways, signIn, type Page, type WebApp } from './support/browser';

/**
 * The investigating manager's screens (web.md "Who sees what"; issue 11): the case as a task list
 * worked from appointment to submission (a refusal first, in the API's words), evidence uploaded
 * two files at once with progress, an item's hash, custody, download and hand-over, a monitoring
 * request and a disclosure, one task by keyboard alone, and "Page not found" for an investigator
 * the case is not assigned to — axe on every page and state.
 */
describeInBrowser('web application: the investigating manager', () => {
  const fx = browserFixture({ acceptDownloads: true });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;
  /** Types a date `ago` ms back into the date input `id` (and its time, `withTime`). */
  const fillDate = (id: string, ago: number, withTime = true) => fillDateInput(page, id, Date.now() - ago, withTime);

  async function signInAs(email: string) {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  }
  async function open(path: string, title: string | RegExp) {
    await page.goto(app.url(path));
    await heading(page).filter({ hasText: title }).waitFor();
  }
  /** The status of a task in the task list (GOV.UK: its link is described by its hint and status). */
  const task = (name: string) => page.locator('.govuk-task-list__item').filter({ has: page.getByRole('link', { name, exact: true }) });
  const banner = () => page.locator('.govuk-notification-banner--success');
  const errorSummary = () => page.locator('.govuk-error-summary');

  it('the assigned investigator works the case from appointment to submission through the task list', async () => {
    const built = await buildCase(app.t, { to: 'assigned' });
    await signInAs(DEMO.investigator);
    await open(`/cases/${built.caseId}/investigation`, 'Investigation');
    expect(await page.title()).toBe(`Investigation – Case ${built.reference} – Social media casework`);
    expect(page.url()).not.toMatch(/Sam|Teacher/);
    // each step: what the API says it lacks
    await expect(task('Allegations').textContent()).resolves.toMatch(/no allegation has been recorded.*Incomplete/);
    await expect(task('The subject’s response').textContent()).resolves.toMatch(/response \(or refusal to respond\) has not been recorded.*Incomplete/);
    await expect(task('Evidence').textContent()).resolves.toMatch(/Optional.*Not yet started/);
    await expect(task('Submit the investigation report').textContent()).resolves.toMatch(/Cannot submit yet/);
    await expectAccessible(page, 'task list: nothing recorded');
    // 320 px wide: nothing scrolls sideways
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await scrollsSideways(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 720 });

    // submitting now: the blockers listed, and the API's refusal (409 submission_blocked) in its own words
    await task('Submit the investigation report').getByRole('link').click();
    await heading(page).filter({ hasText: 'Submit the investigation report' }).waitFor();
    await expect(page.getByTestId('blockers').textContent()).resolves.toMatch(/No allegation has been recorded/);
    await expectAccessible(page, 'submit: not ready');
    await page.getByLabel('Report summary').fill('Too early.');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await errorSummary()
      .getByText(/The report cannot go to the decision-maker yet: no allegation has been recorded/)
      .waitFor();
    expect(await page.title()).toBe(`Error: Submit the investigation report – Case ${built.reference} – Social media casework`);
    await expectAccessible(page, 'submit: refused by the API');

    // allegation: the API's field errors first, then one tied to §7.5 with the policy's words beside it
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await task('Allegations').getByRole('link').click();
    await heading(page).filter({ hasText: 'Allegations' }).waitFor();
    await expect(page.locator('#clause-item-hint').textContent()).resolves.toMatch(/^“When posting or communicating on social media/);
    await page.getByRole('button', { name: 'Record the allegation' }).click();
    await errorSummary().waitFor();
    expect(await page.locator('#summary-error').count()).toBe(1);
    await expectAccessible(page, 'allegation: field errors');
    await page.getByLabel('§7.5 Information about the school, its staff or governors').check();
    await page.getByLabel('Summary of the allegation').fill('Named a colleague in a public post');
    await page.getByRole('button', { name: 'Record the allegation' }).click();
    await banner().getByText('Allegation recorded').waitFor();
    await page.locator('.govuk-summary-card').getByText('Named a colleague in a public post').waitFor();
    await expectAccessible(page, 'allegation recorded');

    // evidence: two files at once, each with its progress (the upload slowed down so it shows)
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await task('Evidence').getByRole('link').click();
    await heading(page).filter({ hasText: 'Evidence' }).waitFor();
    await expectAccessible(page, 'evidence: none yet');
    await page.getByRole('button', { name: 'Add evidence' }).click();
    await heading(page).filter({ hasText: 'Add evidence' }).waitFor();
    await expectAccessible(page, 'add evidence: empty');
    await page.getByLabel('Screenshot').check();
    await page.getByLabel('Description').fill('Screenshots of the public post');
    await page.getByLabel('Source').fill('Sent by the reporter');
    await fillDate('captured-at', 2 * DAY);
    const files = [
      { name: 'post-1.png', mimeType: 'image/png', buffer: Buffer.concat([uniquePng(), randomBytes(384 * 1024)]) },
      { name: 'post-2.png', mimeType: 'image/png', buffer: Buffer.concat([uniquePng(), randomBytes(384 * 1024)]) },
    ];
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await page.evaluate(`
      window.progressSeen = [];
      new MutationObserver(() => {
        for (const row of document.querySelectorAll('.moj-multi-file-upload__row')) {
          const name = row.querySelector('.moj-multi-file-upload__filename');
          const progress = row.querySelector('.moj-multi-file-upload__progress');
          if (name && progress) window.progressSeen.push(name.textContent + ' ' + progress.textContent);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    `);
    await page.locator('#files').setInputFiles(files);
    await page.locator('.moj-multi-file-upload__success').nth(1).waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const seen = (await page.evaluate('window.progressSeen')) as string[];
    for (const file of files) {
      // each file's own progress, partway (neither nothing nor all of it) before it was done
      expect(seen.some((line) => new RegExp(`^${file.name} ([1-9]|[1-9]\\d)%$`).test(line))).toBe(true);
    }
    const successes = await page.locator('.moj-multi-file-upload__success').allTextContents();
    expect(successes.sort()).toEqual([
      expect.stringMatching(/^post-1\.png added as evidence \(SHA-256 [0-9a-f]{12}…\)$/),
      expect.stringMatching(/^post-2\.png added/),
    ]);
    const sha = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');
    for (const file of files) expect(successes.join(' ')).toContain(sha(file.buffer).slice(0, 12));
    await expectAccessible(page, 'add evidence: two files uploaded');

    // a fact resting on both
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await expect(task('Evidence').textContent()).resolves.toMatch(/2 items.*Completed/);
    await task('Facts').getByRole('link').click();
    await heading(page).filter({ hasText: 'Facts' }).waitFor();
    await fillDate('occurred-at', 2 * DAY - HOUR);
    await page.getByLabel('What happened').fill('The post went up that evening and named a colleague.');
    for (const box of await page.locator('input[name="evidence"]').all()) await box.check();
    await page.getByRole('button', { name: 'Record the fact' }).click();
    await banner().getByText('Fact recorded').waitFor();
    expect(
      await page
        .locator('.govuk-summary-card')
        .getByRole('link', { name: /^Screenshot: Screenshots of the public post$/ })
        .count(),
    ).toBe(2);
    await expectAccessible(page, 'fact recorded');

    // a witness interview, someone outside the staff directory
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await task('Interviews').getByRole('link').click();
    await heading(page).filter({ hasText: 'Interviews' }).waitFor();
    await page.getByLabel('Or their name').fill('Pat Parent');
    await page.getByLabel('A witness').check();
    await fillDate('held-at', 30 * HOUR);
    await page.getByLabel('Accompanied by (optional)').fill('Nobody');
    await page.getByLabel('Statement').fill('I saw the post on my phone that evening.');
    await expectAccessible(page, 'interview form filled');
    await page.getByRole('button', { name: 'Record the interview' }).click();
    await banner().getByText('Interview recorded').waitFor();
    await page.locator('.govuk-summary-card').getByText('Pat Parent (a witness)').waitFor();
    await expectAccessible(page, 'interview recorded');

    // written notice of the allegation
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await task('Written notice to the subject').getByRole('link').click();
    await heading(page).filter({ hasText: 'Written notice to the subject' }).waitFor();
    await fillDate('sent-at', 28 * HOUR);
    await page.getByLabel('Letter').check();
    await page.getByLabel('Allegation 1').check();
    await page.getByRole('button', { name: 'Record the notice' }).click();
    await banner().getByText('Written notice recorded').waitFor();
    await expectAccessible(page, 'notice recorded');

    // the response
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await task('The subject’s response').getByRole('link').click();
    await heading(page).filter({ hasText: 'The subject’s response' }).waitFor();
    await fillDate('received-at', 20 * HOUR);
    await page.getByLabel('Yes, they responded').check();
    await page.getByLabel('Their response').fill('I accept that I posted it.');
    await page.getByRole('button', { name: 'Record the response' }).click();
    await banner().getByText('Response recorded').waitFor();
    await expectAccessible(page, 'response recorded');

    // findings: the only step left, as the task list says
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await expect(task('Findings').textContent()).resolves.toMatch(/1 allegation\(s\) have no finding.*Incomplete/);
    await expect(task('Written notice to the subject').textContent()).resolves.toMatch(/Completed/);
    await task('Findings').getByRole('link').click();
    await heading(page).filter({ hasText: 'Findings' }).waitFor();
    await expectAccessible(page, 'findings: none yet');
    await page.getByRole('link', { name: 'Record the finding on allegation 1' }).click();
    await heading(page).filter({ hasText: 'Finding on allegation 1' }).waitFor();
    await page.getByLabel('Substantiated', { exact: true }).check();
    await page.getByLabel('Reasoning').fill('The screenshots and the witness show it; the subject accepts it.');
    await expectAccessible(page, 'finding form');
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await banner().getByText('Finding recorded').waitFor();
    // revisable until submission: changed, and the list says so
    await page.getByRole('link', { name: 'Change the finding on allegation 1' }).click();
    await heading(page).filter({ hasText: 'Finding on allegation 1' }).waitFor();
    await page.getByText(/Recorded on .* as substantiated/).waitFor();
    await page.getByLabel('Inconclusive').check();
    await page.getByRole('button', { name: 'Save the finding' }).click();
    await banner().getByText('Finding recorded').waitFor();
    await page.locator('.govuk-summary-card').getByText('Inconclusive').waitFor();

    // submit: ready, check the answers, submit
    await page.getByRole('link', { name: 'Investigation', exact: true }).click();
    await expect(task('Submit the investigation report').textContent()).resolves.toMatch(/Ready to submit/);
    await task('Submit the investigation report').getByRole('link').click();
    await heading(page).filter({ hasText: 'Submit the investigation report' }).waitFor();
    expect(await page.getByTestId('blockers').count()).toBe(0);
    await expectAccessible(page, 'submit: ready, check the answers');
    await page.getByLabel('Report summary').fill('The allegation is substantiated on the screenshots and the witness statement.');
    await page.getByRole('button', { name: 'Submit the report' }).click();
    await page.getByRole('heading', { name: 'Investigation report submitted' }).waitFor();
    await expectAccessible(page, 'report submitted');
    const after = await (await app.t.as(DEMO.investigator)).get(`/cases/${built.caseId}`);
    expect(after.body.status).toBe('awaiting_decision');
    expect(after.body.evidence).toHaveLength(2);
    expect(after.body.facts[0].evidenceIds).toHaveLength(2);
    expect(after.body.allegations[0].finding).toEqual(expect.objectContaining({ finding: 'inconclusive' }));
    expect(after.body.interviews).toEqual([expect.objectContaining({ name: 'Pat Parent', capacity: 'witness' })]);
  });

  it('evidence dropped on the upload (drag and drop); a file the API refuses says why, beside the field and for that file', async () => {
    const built = await buildCase(app.t, { to: 'assigned' });
    await signInAs(DEMO.investigator);
    await open(`/cases/${built.caseId}/investigation/evidence/new`, 'Add evidence');
    await page.getByLabel('Document').check();
    await page.getByLabel('Description').fill('The post, printed');
    await page.getByLabel('Source').fill('The reporter');
    await fillDate('captured-at', DAY);
    /** Drops files on the drop zone, as a person dragging them from their desktop would. */
    const drop = async (files: { name: string; type: string; base64: string }[]) => {
      // (in the page: the test's TypeScript knows no DOM)
      const dataTransfer = await page.evaluateHandle(`(() => {
        const transfer = new DataTransfer();
        for (const f of ${JSON.stringify(files)}) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
        return transfer;
      })()`);
      await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer });
    };
    await drop([{ name: 'printed.png', type: 'image/png', base64: uniquePng().toString('base64') }]);
    await page
      .locator('.moj-multi-file-upload__success')
      .getByText(/^printed\.png added as evidence/)
      .waitFor();
    // a program is not evidence the API takes (415): its words, for that file and beside the files
    await drop([{ name: 'tool.exe', type: 'application/x-msdownload', base64: Buffer.from('MZ\x90\x00 not a document').toString('base64') }]);
    await page
      .locator('.moj-multi-file-upload__error')
      .getByText(/^tool\.exe was not added: /)
      .waitFor();
    await page.locator('#files-error').waitFor();
    expect(await page.title()).toBe(`Error: Add evidence – Case ${built.reference} – Social media casework`);
    await expectAccessible(page, 'add evidence: one added by drag and drop, one refused');
    const view = await (await app.t.as(DEMO.investigator)).get(`/cases/${built.caseId}`);
    expect(view.body.evidence).toEqual([expect.objectContaining({ kind: 'document', description: 'The post, printed', originalFilename: 'printed.png' })]);
  });

  it('an item of evidence: its hash, its chain of custody, a download with the same bytes, and a hand-over', async () => {
    const content = Buffer.concat([uniquePng(), randomBytes(2048)]);
    const built = await buildCase(app.t, { to: 'assigned', evidence: [{ content, filename: 'post.png', description: 'Screenshot of the post' }] });
    const sha256 = createHash('sha256').update(content).digest('hex');
    await signInAs(DEMO.investigator);
    await open(`/cases/${built.caseId}/evidence/${built.evidenceId}`, 'Screenshot');
    expect(await page.title()).toBe(`Evidence item – Case ${built.reference} – Social media casework`);
    expect(await page.getByTestId('sha256').textContent()).toBe(sha256);
    const list = page.locator('.govuk-summary-list').first();
    await expect(list.textContent()).resolves.toMatch(/Size2\.\d KB/);
    await expect(list.textContent()).resolves.toMatch(/Media typeimage\/png/);
    await expect(page.locator('.moj-timeline').textContent()).resolves.toMatch(/Collected/);
    await expect(page.locator('.moj-timeline').textContent()).resolves.toMatch(/Viewed.*by You \(investigating manager\)/);
    await expectAccessible(page, 'evidence item');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('post.png');
    expect(
      createHash('sha256')
        .update(readFileSync((await download.path())!))
        .digest('hex'),
    ).toBe(sha256);
    await banner().getByText('Downloaded').waitFor();
    await expectAccessible(page, 'evidence item: downloaded');

    await page.getByRole('button', { name: 'Record a hand-over' }).click();
    await heading(page).filter({ hasText: 'Record a hand-over' }).waitFor();
    await page.getByRole('button', { name: 'Record the hand-over' }).click();
    await errorSummary().waitFor();
    expect(await page.locator('#to-error').count()).toBe(1);
    await expectAccessible(page, 'hand-over: field errors');
    await page.getByLabel('To whom').fill('HR Services, Peterborough City Council');
    await fillDate('handed-over-at', 2 * MINUTE);
    await page.getByLabel('Note (optional)').fill('Sealed copy, by hand.');
    await page.getByRole('button', { name: 'Record the hand-over' }).click();
    await banner().getByText('Hand-over recorded in the chain of custody').waitFor();
    const timeline = await page.locator('.moj-timeline').textContent();
    expect(timeline).toMatch(/Handed over to HR Services, Peterborough City Council/);
    expect(timeline).toMatch(/Sealed copy, by hand\./);
    expect(timeline).toMatch(/Downloaded/);
    await expectAccessible(page, 'evidence item: handed over');

    // special-category evidence, seen by someone who may see the case but not read it: only that it exists
    const secret = await buildCase(app.t, { to: 'assigned', evidence: [{ sensitivity: 'special_category', description: 'Medical note' }] });
    let reader: string | undefined;
    for (const email of [DEMO.deputy, DEMO.hr]) {
      const seen = await (await app.t.as(email)).get(`/cases/${secret.caseId}/evidence/${secret.evidenceId}`);
      if (seen.status === 200 && seen.body.withheld) reader = reader ?? email;
    }
    expect(reader).toBeDefined();
    await page.context().clearCookies();
    await signInAs(reader!);
    await open(`/cases/${secret.caseId}/evidence/${secret.evidenceId}`, 'Screenshot');
    await page.getByText(/This item is special category data \(§13\)/).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Medical note');
    await expectAccessible(page, 'evidence item: withheld');
  });

  it('a monitoring request (§9, §11), and a disclosure once it is approved', async () => {
    const built = await buildCase(app.t, { to: 'assigned', allegations: [{ policyStandard: '7.8', summary: 'Social media during lessons' }] });
    await signInAs(DEMO.investigator);
    await open(`/cases/${built.caseId}/investigation`, 'Investigation');
    await page.getByText('No monitoring has been requested on this case.').waitFor();
    await page.getByRole('button', { name: 'Request monitoring' }).click();
    await heading(page).filter({ hasText: 'Request monitoring' }).waitFor();
    await expect(page.locator('#scope-item-hint').textContent()).resolves.toMatch(
      /^“The school reserves the right to legitimately and proportionately monitor/,
    );
    await expect(page.locator('#reason-item-hint').textContent()).resolves.toBe('“been using social media websites when he/ she should be working;”');
    await expectAccessible(page, 'monitoring request: empty');
    await page.getByRole('button', { name: 'Request monitoring' }).click();
    await errorSummary().waitFor();
    expect(await page.locator('#scope-error').count()).toBe(1);
    await expectAccessible(page, 'monitoring request: field errors');

    await page.getByLabel('School computers and devices (§9)').check();
    await page.getByLabel('Using social media when they should be working').check();
    await page.getByLabel('Why it is needed').fill('Reports of social media use during lessons.');
    await page.getByLabel('Why less intrusive means will not do').fill('Asking colleagues did not settle it; two weeks of the filter log only.');
    await fillDate('period-from', 14 * DAY, false);
    await fillDate('period-to', DAY, false);
    await page.getByLabel('Systems or accounts covered').fill('school web filter log\nschool e-mail account');
    await fillDate('expires-at', -30 * DAY, false);
    await page.getByLabel('Allegation 1').check();
    await page.getByRole('button', { name: 'Request monitoring' }).click();
    await heading(page).filter({ hasText: 'Investigation' }).waitFor();
    await banner()
      .getByText(/Monitoring requested/)
      .waitFor();
    const row = page.locator('table').filter({ hasText: 'Monitoring requests' }).locator('tbody tr');
    await expect(row.textContent()).resolves.toMatch(/School computers and devices.*Waiting for a decision/);
    await expectAccessible(page, 'task list: monitoring requested');
    const view = await (await app.t.as(DEMO.investigator)).get(`/cases/${built.caseId}`);
    const request = view.body.monitoring[0];
    expect(request).toEqual(
      expect.objectContaining({ scope: 'school_systems', reason: 'working_time_use', systems: ['school web filter log', 'school e-mail account'] }),
    );
    expect(request.allegationIds).toEqual(built.allegationIds);
    // whole UK days: the period from the start of its first day to the end of its last
    expect(new Date(request.periodTo).getTime() - new Date(request.periodFrom).getTime()).toBeGreaterThan(13.9 * DAY);

    // the headteacher approves (their screens are another area's): then a disclosure for advice
    expect((await (await app.t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/approve`, {})).status).toBe(200);
    await page.reload();
    await expect(row.textContent()).resolves.toMatch(/Approved/);
    await row.getByRole('link', { name: /Record a disclosure/ }).click();
    await heading(page).filter({ hasText: 'Record a disclosure' }).waitFor();
    await expectAccessible(page, 'disclosure: empty');
    await page.getByLabel('Disclosed to').fill('Local authority HR adviser');
    await page.getByLabel('Purpose').fill('Advice on further action (§9)');
    await fillDate('disclosed-at', MINUTE);
    await page.getByRole('button', { name: 'Record the disclosure' }).click();
    await banner().getByText('Disclosure recorded').waitFor();
    await expect(row.textContent()).resolves.toMatch(/Local authority HR adviser/);
    await expectAccessible(page, 'task list: disclosure recorded');
  });

  it('by keyboard alone: from the task list, an allegation recorded (no mouse)', async () => {
    const built = await buildCase(app.t, { to: 'assigned' });
    await signInAs(DEMO.investigator);
    await open(`/cases/${built.caseId}/investigation`, 'Investigation');
    const active = () => page.evaluate('document.activeElement && (document.activeElement.id || document.activeElement.textContent)') as Promise<string>;
    /** Tab (only) until focus is on what `want` names. */
    async function tabTo(want: string | RegExp) {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const now = (await active()) ?? '';
        if (typeof want === 'string' ? now === want : want.test(now)) return;
      }
      throw new Error(`Tab never reached ${String(want)}`);
    }
    await tabTo('Allegations');
    await page.keyboard.press('Enter');
    await heading(page).filter({ hasText: 'Allegations' }).waitFor();
    // focus moved to the new page's heading; the first radio, then the arrows to §7.5 (the fifth)
    expect(await active()).toBe('Allegations');
    await tabTo('clause');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    expect(await active()).toBe('clause-5');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('summary');
    await page.keyboard.type('Shared a colleague’s address in a public post');
    await page.keyboard.press('Tab');
    expect(await active()).toBe('Record the allegation');
    await page.keyboard.press('Enter');
    await banner().getByText('Allegation recorded').waitFor();
    // the banner took focus, so it is announced
    expect(await page.evaluate('document.activeElement.classList.contains("govuk-notification-banner")')).toBe(true);
    const view = await (await app.t.as(DEMO.investigator)).get(`/cases/${built.caseId}`);
    expect(view.body.allegations).toEqual([expect.objectContaining({ policyStandard: '7.5', summary: 'Shared a colleague’s address in a public post' })]);
  });

  it('an investigator the case is not assigned to gets "Page not found" on the case and every investigation screen', async () => {
    const built = await buildCase(app.t, { to: 'assigned', evidence: 1, monitoring: true });
    await signInAs(DEMO.investigator2);
    const paths = [
      `/cases/${built.caseId}`,
      `/cases/${built.caseId}/investigation`,
      `/cases/${built.caseId}/investigation/allegations`,
      `/cases/${built.caseId}/investigation/evidence/new`,
      `/cases/${built.caseId}/investigation/submit`,
      `/cases/${built.caseId}/evidence/${built.evidenceId}`,
      `/cases/${built.caseId}/monitoring/new`,
      `/cases/${built.caseId}/monitoring/${built.monitoringRequestId}/disclosures/new`,
    ];
    for (const path of paths) {
      await page.goto(app.url(path));
      await heading(page).filter({ hasText: 'Page not found' }).waitFor();
      expect(await page.title()).toBe('Page not found – Social media casework');
    }
    expect(await page.locator('body').textContent()).not.toContain(built.reference);
    await expectAccessible(page, 'unassigned investigator: page not found');
  });
});
