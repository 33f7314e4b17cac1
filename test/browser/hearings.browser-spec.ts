import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, fillDateInput, FOCUS_VISIBLE, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * The hearings screens (process.md §1; docs/hearings.md): before a disciplinary hearing the
 * outcome form offers only no further action and says why, with the way to the invitation; an
 * invitation too soon refused beside its date in the API's words; a hearing whose invitation
 * letter was not recorded as sent refused with the way to the letters; the hearing recorded by
 * keyboard alone, focus visible at every stop; a rearrangement (its reason required, beside the
 * field) shown on the case page. axe on every page and state.
 */
describeInBrowser('web application: hearings', () => {
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });

  const MINUTE = 60_000;
  const DAY = 24 * 60 * MINUTE;
  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };
  const open = async (path: string, title: string) => {
    await page.goto(app.url(path));
    await heading(page).filter({ hasText: title }).waitFor();
  };
  const summary = () => page.locator('.govuk-error-summary');
  const fillDate = (id: string, at: number, withTime = true) => fillDateInput(page, id, at, withTime);

  it('before the hearing the outcome form offers only no further action and says why; the invitation too soon is refused beside its date; unsent, the hearing cannot be recorded', async () => {
    const built = await buildCase(app.t, { to: 'awaiting_decision', evidence: 1 });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
    await page.getByLabel('No further action').waitFor();
    expect(await page.locator('input[name="sanction"]').count()).toBe(1);
    expect(await page.getByLabel('First written warning').count()).toBe(0);
    expect(await page.getByTestId('hearing-needed').innerText()).toContain('A sanction follows a disciplinary hearing');
    await expectAccessible(page, 'outcome form: no hearing yet');

    // the way to the invitation
    await page.getByTestId('hearing-needed').getByRole('link', { name: 'Arrange the disciplinary hearing' }).click();
    await heading(page).filter({ hasText: 'Invite to the disciplinary hearing' }).waitFor();
    // every sanction ticked as a possible outcome until the chair takes some off
    await page.getByLabel('Summary dismissal for gross misconduct').waitFor();
    expect(await page.locator('input[name="possible-outcomes"]:checked').count()).toBe(6);
    await expectAccessible(page, 'invite to the disciplinary hearing');

    // tomorrow: too little notice, in the API's words beside the date
    await fillDate('scheduled-for', Date.now() + DAY);
    await page.getByLabel('Where is it held?').fill('Meeting room 2');
    await page.getByLabel(/^Evidence item 1/).check();
    await page.getByRole('button', { name: 'Record the invitation' }).click();
    await page.locator('#scheduled-for-error').waitFor();
    expect(await page.locator('#scheduled-for-error').innerText()).toMatch(/working days after the invitation/);
    expect(await summary().locator('a[href="#scheduled-for"]').count()).toBe(1);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'invitation: too little notice');

    await fillDate('scheduled-for', Date.now() + 14 * DAY);
    await page.getByRole('button', { name: 'Record the invitation' }).click();
    await page.getByRole('heading', { name: 'Invitation recorded' }).waitFor();
    await page.getByRole('link', { name: 'Go to the letters' }).waitFor();
    await expectAccessible(page, 'invitation recorded');
    const view = (await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body;
    expect(view.status).toBe('hearing');
    const [hearing] = view.hearings;
    expect(hearing).toMatchObject({ kind: 'disciplinary', place: 'Meeting room 2', evidenceIds: [built.evidenceId], noticeGiven: false });

    // the case page: the hearing, and what its notice lacks in the API's words
    await page.getByRole('link', { name: 'Go to the case' }).click();
    await heading(page).filter({ hasText: built.reference }).waitFor();
    expect(await page.getByTestId('case-status').innerText()).toBe('Hearing');
    expect(await page.getByTestId('notice-problem').innerText()).toMatch(/has not been recorded as sent/);
    await expectAccessible(page, 'case page: hearing arranged, notice not given');

    // the hearing's time passes with no letter sent: recording it is refused, with the way to the letters
    await app.t.db.query(
      `UPDATE hearings SET invited_at = now() - interval '21 days', original_scheduled_for = now() - interval '2 hours', scheduled_for = now() - interval '2 hours' WHERE id = $1`,
      [hearing.id],
    );
    await page.getByTestId('actions').getByRole('link', { name: 'Record the disciplinary hearing' }).click();
    await heading(page).filter({ hasText: 'Record the disciplinary hearing' }).waitFor();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Notes of the hearing').fill('The allegation was put.');
    await page.getByRole('button', { name: 'Record the hearing' }).click();
    await page.getByTestId('notice-missing').waitFor();
    expect(await summary().innerText()).toMatch(/has not given the notice due/);
    expect(
      await page.getByTestId('notice-missing').getByRole('link', { name: 'Generate the invitation letter and record it as sent' }).getAttribute('href'),
    ).toBe(`/app/cases/${built.caseId}/letters`);
    await expectAccessible(page, 'record the hearing: notice not given');
  });

  it('the chair records the hearing by keyboard alone: focus visible at every stop', async () => {
    const built = await buildCase(app.t, { to: 'hearing', hearing: { invitedOnly: true } });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}/hearing/record`, 'Record the disciplinary hearing');
    await page.locator('#held-at').waitFor();
    await expectAccessible(page, 'record the hearing');
    const active = () => page.evaluate('document.activeElement ? document.activeElement.id : ""') as Promise<string>;
    const stops: string[] = [];
    async function press(key: 'Tab' | 'ArrowDown' | 'Space') {
      await page.keyboard.press(key);
      const focus = (await page.evaluate(FOCUS_VISIBLE)) as { what: string; visible: boolean };
      stops.push(focus.what);
      expect(focus).toEqual({ what: focus.what, visible: true });
    }
    async function tabTo(id: string) {
      for (let i = 0; i < 80; i++) {
        await press('Tab');
        if ((await active()) === id) return;
      }
      throw new Error(`Tab never reached #${id}`);
    }
    // when it was held: the time arranged, already filled in; attended: Yes (the first radio), with Space
    await tabTo('subject-attended');
    await press('Space');
    expect(await page.locator('#subject-attended').isChecked()).toBe(true);
    await tabTo('companion-name');
    await page.keyboard.type('R. Patel');
    // who the companion is: into the radios, then down to the trade union representative
    await tabTo('companion-category');
    await press('ArrowDown');
    expect(await active()).toBe('companion-category-2');
    expect(await page.locator('#companion-category-2').isChecked()).toBe(true);
    await tabTo('attendee-1-name');
    await page.keyboard.type('A. Shah');
    await tabTo('attendee-1-capacity');
    await page.keyboard.type('note-taker (HR)');
    await tabTo('notes');
    await page.keyboard.type('The allegation and the evidence were put; the member of staff answered each.');
    await tabTo('representations');
    await page.keyboard.type('They accepted posting it.');
    for (let i = 0; i < 10; i++) {
      await press('Tab');
      if ((await page.evaluate('document.activeElement && document.activeElement.textContent')) === 'Record the hearing') break;
    }
    await page.keyboard.press('Enter');
    await page.locator('.govuk-notification-banner--success').getByText('Hearing recorded').waitFor();
    await expectAccessible(page, 'case page: hearing recorded');
    expect(stops.length).toBeGreaterThan(10);
    const hearing = (await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.hearings[0];
    expect(hearing.held).toMatchObject({
      subjectAttended: true,
      attendees: [{ name: 'A. Shah', capacity: 'note-taker (HR)' }],
      companion: { name: 'R. Patel', category: 'trade_union_representative', adjustmentReason: null },
      representations: 'They accepted posting it.',
    });
    // held: now every sanction is offered to its chair
    await open(`/cases/${built.caseId}/outcome`, 'Record the outcome');
    await page.getByLabel('Summary dismissal for gross misconduct').waitFor();
    expect(await page.getByTestId('hearing-needed').count()).toBe(0);
  });

  it('the chair rearranges the hearing (the reason for their own decision required, beside it); the case page shows the rearrangement', async () => {
    const built = await buildCase(app.t, { to: 'hearing', hearing: { invitedOnly: true } });
    await signedIn(DEMO.head);
    await open(`/cases/${built.caseId}`, built.reference);
    const hearings = page.getByTestId('hearings');
    await hearings.getByText('Notice given').waitFor();
    await hearings.getByRole('link', { name: /^Rearrange/ }).click();
    await heading(page).filter({ hasText: 'Rearrange the disciplinary hearing' }).waitFor();
    await expectAccessible(page, 'rearrange');

    await page.getByLabel('The chair’s decision').check();
    await fillDate('scheduled-for', Date.now() + 10 * DAY);
    await page.getByLabel('The new place (if it changes)').fill('The library');
    await page.getByRole('button', { name: 'Rearrange the hearing' }).click();
    await page.locator('#reason-error').waitFor();
    expect(await summary().locator('a[href="#reason"]').count()).toBe(1);
    await expectAccessible(page, 'rearrange: no reason');

    await page.getByLabel('Why it moves', { exact: true }).fill('The chair is on a course that day.');
    await page.getByRole('button', { name: 'Rearrange the hearing' }).click();
    await page.locator('.govuk-notification-banner--success').getByText('Hearing rearranged').waitFor();
    const rearranged = page.getByTestId('rearrangements');
    await rearranged.getByText('The chair’s decision: The chair is on a course that day.').waitFor();
    await hearings.getByText('The library').waitFor();
    await expectAccessible(page, 'case page: hearing rearranged');
    const hearing = (await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}`)).body.hearings[0];
    expect(hearing).toMatchObject({ place: 'The library', rearrangements: [{ basis: 'chair_decision', reason: 'The chair is on a course that day.' }] });
  });
});
