import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { docxText } from '../support/docx-text';
import { pdfText } from '../support/exports-fixtures';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, downloadedBy, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * The letters screens (issue 12 item 3; process.md §2; docs/letters.md): the acting
 * decision-maker opens Letters from a decided case, downloads the outcome letter as PDF and DOCX
 * (read back), is refused recording it sent before it was generated (the API's 409, in its
 * words), records it sent and sees it listed so; someone who may not make it sees no download;
 * the admin sets the letterhead and adjusts the wording (a removed placeholder refused beside the
 * field, then saved), and the next letter says it. axe on every page and state.
 */
describeInBrowser('web application: letters', () => {
  const fx = browserFixture({ timezoneId: 'Europe/London' });
  let app: WebApp;
  let page: Page;
  beforeEach(() => {
    ({ app, page } = fx);
  });
  const open = () => fx.newPage();

  const signedIn = async (email: string) => {
    await signIn(page, app, email, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  };

  const downloaded = (click: () => Promise<void>) => downloadedBy(page, click);

  const outcomeCard = () => page.getByRole('region', { name: 'Outcome of the disciplinary process, to Sam Teacher' });

  it('the headteacher opens Letters from a decided case, downloads the outcome letter (PDF, DOCX), records it sent and sees it so', async () => {
    const built = await buildCase(app.t, { to: 'decided' });
    const { reference } = built;
    await signedIn(DEMO.head);
    await page.goto(app.url(`/cases/${built.caseId}`));
    await page.getByTestId('actions').getByRole('link', { name: 'Letters', exact: true }).click();
    await heading(page).filter({ hasText: 'Letters' }).waitFor();
    expect(await page.title()).toBe(`Letters: case ${reference} – Social media casework`);
    const card = outcomeCard();
    await card.getByText('Not generated').waitFor();
    await page.getByText('Recording a letter as sent is what satisfies the written step').waitFor();
    await expectAccessible(page, 'letters: not generated');

    // before it was generated: the API's 409, in its words, above the form
    await card.getByRole('link', { name: /^Record as sent/ }).click();
    await heading(page).filter({ hasText: 'Record a letter as sent' }).waitFor();
    await expectAccessible(page, 'record as sent');
    await page.getByLabel('By post').check();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    const summary = page.locator('.govuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/generat/i);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'record as sent: not generated yet');
    await page.getByRole('link', { name: 'Back to the letters' }).click();
    await heading(page).filter({ hasText: 'Letters' }).waitFor();

    const pdf = await downloaded(() =>
      outcomeCard()
        .getByRole('button', { name: /^Download PDF/ })
        .click(),
    );
    expect(pdf.name).toBe(`${reference}-outcome.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(`Downloaded ${reference}-outcome.pdf.`).waitFor();
    const { text } = await pdfText(pdf.bytes);
    expect(text).toContain('Sam Teacher');
    expect(text).toContain(reference);
    await expectAccessible(page, 'letters: PDF downloaded');

    const docx = await downloaded(() =>
      outcomeCard()
        .getByRole('button', { name: /^Download Word document/ })
        .click(),
    );
    expect(docx.name).toBe(`${reference}-outcome.docx`);
    const words = docxText(docx.bytes);
    expect(words).toContain('Sam Teacher');
    expect(words).toContain('First written warning');

    // generated now: recorded as sent, by post
    await page.reload();
    await outcomeCard().getByText('Generated, not sent').waitFor();
    await expectAccessible(page, 'letters: generated');
    await outcomeCard()
      .getByRole('link', { name: /^Record as sent/ })
      .click();
    await heading(page).filter({ hasText: 'Record a letter as sent' }).waitFor();
    // a date in the future: the API's 400, beside the date
    await page.locator('#sent-at-year').fill(String(new Date().getFullYear() + 1));
    await page.getByRole('button', { name: 'Record as sent' }).click();
    await page.locator('#sent-at-error').waitFor();
    await expectAccessible(page, 'record as sent: date refused');
    const now = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(new Date());
    await page.locator('#sent-at-year').fill(now);
    await page.getByLabel('By post').check();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    await page.locator('.govuk-notification-banner').getByText('Recorded as sent: Outcome of the disciplinary process, to Sam Teacher').waitFor();
    await outcomeCard().getByText('Sent', { exact: true }).waitFor();
    expect(await outcomeCard().innerText()).toContain('by post');
    expect(
      await outcomeCard()
        .getByRole('link', { name: /^Record as sent/ })
        .count(),
    ).toBe(0);
    await expectAccessible(page, 'letters: sent');

    // already sent: the form, opened again by its address, shows the API's 409 in its words
    const letters0 = await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}/letters`);
    const sentItem = letters0.body.items.find((i: { kind: string }) => i.kind === 'outcome');
    await page.goto(app.url(`/cases/${built.caseId}/letters/outcome/sent?subject=${sentItem.subjectStaffId}&record=${sentItem.recordId}`));
    await heading(page).filter({ hasText: 'Record a letter as sent' }).waitFor();
    await page.getByLabel('By e-mail').check();
    await page.getByRole('button', { name: 'Record as sent' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    expect(await page.locator('.govuk-error-summary').innerText()).toMatch(/This letter was recorded as sent on/);
    await expectAccessible(page, 'record as sent: already sent');

    // the API has it
    const letters = await (await app.t.as(DEMO.head)).get(`/cases/${built.caseId}/letters`);
    expect(letters.body.items.find((i: { kind: string }) => i.kind === 'outcome')).toMatchObject({ state: 'sent', sentMethod: 'post' });
  });

  it('a case with two subjects has a letter for each: each downloads with its own name', async () => {
    const admin = await app.t.as(DEMO.admin);
    const other = await admin.post('/staff', { name: 'Priya Second-Subject', jobTitle: 'Teaching Assistant' });
    expect(other.status).toBe(201);
    const built = await buildCase(app.t, { to: 'decided', subjects: [app.t.ids.staff['Sam Teacher'], other.body.id] });
    await signedIn(DEMO.head);
    await page.goto(app.url(`/cases/${built.caseId}/letters`));
    await heading(page).filter({ hasText: 'Letters' }).waitFor();
    const second = page.getByRole('region', { name: 'Outcome of the disciplinary process, to Priya Second-Subject' });
    await second.getByText('Not generated').waitFor();
    await outcomeCard().getByText('Not generated').waitFor();
    await expectAccessible(page, 'letters: two subjects');
    const pdf = await downloaded(() => second.getByRole('button', { name: /^Download PDF/ }).click());
    const { text } = await pdfText(pdf.bytes);
    expect(text).toContain('Priya Second-Subject');
    expect(text).not.toContain('Sam Teacher');
    await page.reload();
    await second.getByText('Generated, not sent').waitFor();
    await outcomeCard().getByText('Not generated').waitFor();
  });

  it('someone who sees the case but does not make its letters (HR) sees their state and no download', async () => {
    const built = await buildCase(app.t, { to: 'decided' });
    await signedIn(DEMO.hr);
    await page.goto(app.url(`/cases/${built.caseId}/letters`));
    await heading(page).filter({ hasText: 'Letters' }).waitFor();
    await outcomeCard().getByText('Only the acting decision-maker makes this letter and records it sent.').waitFor();
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Record as sent/ }).count()).toBe(0);
    await expectAccessible(page, 'letters: may not make them');
  });

  it('the admin sets the letterhead and adjusts the wording (a removed placeholder refused beside the field); the next letter says it', async () => {
    await signedIn(DEMO.admin);
    await page.getByRole('link', { name: 'The letterhead of the letters' }).click();
    await heading(page).filter({ hasText: 'The letterhead' }).waitFor();
    await expectAccessible(page, 'letterhead');
    await page.getByLabel('Postal address').fill('12 Browser Lane\nWerrington\nPeterborough PE4 6ZZ');
    await page.getByLabel('Who signs the letters').fill('Robin Signer');
    await page.getByLabel('Their title').fill('Headteacher');
    await page.getByRole('button', { name: 'Save the letterhead' }).click();
    await page.locator('.govuk-notification-banner').getByText('The letterhead has been saved').waitFor();
    await expectAccessible(page, 'letterhead saved');

    await page.goto(app.url('/'));
    await page.getByRole('link', { name: 'The wording of the letters' }).click();
    await heading(page).filter({ hasText: 'The wording of the letters' }).waitFor();
    await expectAccessible(page, 'letter wording list');
    await page.getByRole('link', { name: /^Change the wording \(Outcome of the disciplinary process\)/ }).click();
    await heading(page).filter({ hasText: 'Outcome of the disciplinary process' }).waitFor();
    await page.getByText('{{right_of_appeal}}').first().waitFor();
    await expectAccessible(page, 'letter wording');

    const field = page.getByLabel('Wording', { exact: true });
    const original = await field.inputValue();
    expect(original).toContain('{{right_of_appeal}}');
    await field.fill(original.replace('{{right_of_appeal}}', ''));
    await page.getByRole('button', { name: 'Save the wording' }).click();
    await page.locator('#body-error').waitFor();
    expect(await page.locator('#body-error').innerText()).toContain('right_of_appeal');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page, 'letter wording: placeholder refused');

    await page.getByRole('button', { name: 'Restore the default wording' }).click();
    expect(await field.inputValue()).toContain('{{right_of_appeal}}');
    await field.fill(`${original}\n\nThis wording was adjusted in the browser test.`);
    await page.getByRole('button', { name: 'Save the wording' }).click();
    await page.locator('.govuk-notification-banner').getByText('The wording has been saved').waitFor();
    expect(await page.locator('#body-error').count()).toBe(0);
    await expectAccessible(page, 'letter wording saved');

    // the next outcome letter, made by the headteacher, says it, on the new letterhead
    const built = await buildCase(app.t, { to: 'decided' });
    await page.context().close();
    page = await open();
    await signedIn(DEMO.head);
    await page.goto(app.url(`/cases/${built.caseId}/letters`));
    const docx = await downloaded(() =>
      outcomeCard()
        .getByRole('button', { name: /^Download Word document/ })
        .click(),
    );
    const words = docxText(docx.bytes);
    expect(words).toContain('This wording was adjusted in the browser test.');
    expect(words).toContain('12 Browser Lane');
    expect(words).toContain('Robin Signer');
    const pdf = await downloaded(() =>
      outcomeCard()
        .getByRole('button', { name: /^Download PDF/ })
        .click(),
    );
    expect((await pdfText(pdf.bytes)).text).toContain('This wording was adjusted in the browser test.');
  });
});
