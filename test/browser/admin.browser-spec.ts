import { TEST_PASSWORD } from '../support/constants';
import { DEMO } from '../support/test-app';
import { expectAccessible } from './support/axe';
import { browserFixture, describeInBrowser, heading, signIn, type Page, type WebApp } from './support/browser';

/**
 * The admin's screens (web.md "Who sees what", issue 11): user accounts (create — a weak password
 * refused beside its field first —, roles, password reset with the temporary password shown once,
 * deactivation, and the refusals of administration's own rules) and the staff directory (search,
 * create, link to an account and unlink) — with axe on every page and state.
 */
describeInBrowser('web application: admin', () => {
  const fx = browserFixture();
  let app: WebApp;
  let page: Page;
  let counter = 0;
  beforeEach(async () => {
    ({ app, page } = fx);
    await signIn(page, app, DEMO.admin, TEST_PASSWORD);
    await page.getByTestId('who').waitFor();
  });

  const banner = (text: string) => page.locator('.govuk-notification-banner').getByText(text);

  /** A new account made through the API, for the tests that act on one. */
  async function newUser(roles: string[] = ['hr']): Promise<{ id: string; email: string; name: string }> {
    const n = ++counter;
    const email = `admin-web-${n}@demo.school`;
    const name = `Admin Web ${n}`;
    const res = await (await app.t.as(DEMO.admin)).post('/users', { email, name, password: `quiet orchard lantern ${n}`, roles });
    expect(res.status).toBe(201);
    return { id: res.body.id, email, name };
  }

  it('creates a user: a weak password is refused beside its field, in the API’s words; then the account, with its roles', async () => {
    await page.goto(app.url('/admin/users'));
    await heading(page).filter({ hasText: 'User accounts' }).waitFor();
    await page.getByRole('link', { name: 'Helen Head' }).waitFor();
    await expectAccessible(page, 'user accounts');

    await page.getByRole('button', { name: 'Add a user' }).click();
    await heading(page).filter({ hasText: 'Add a user' }).waitFor();
    await expectAccessible(page, 'add a user');

    await page.getByLabel('E-mail address').fill('pat.newcomer@demo.school');
    await page.getByLabel('Full name').fill('Pat Newcomer');
    await page.getByLabel('First password').fill('password1234');
    await page.getByLabel('HR officer', { exact: true }).check();
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.locator('#password-error').waitFor();
    expect(await page.locator('#password-error').textContent()).toMatch(/^Error: Password is a commonly used password/);
    expect(await page.locator('.govuk-error-summary a[href="#password"]').count()).toBe(1);
    expect(await page.title()).toBe('Error: Add a user – Social media casework');
    await expectAccessible(page, 'add a user: weak password refused');

    // the person's own name in it: refused too, for its own reason
    await page.getByLabel('First password').fill('pat newcomer 2026 rules');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.locator('#password-error').filter({ hasText: 'must not be your e-mail address or your name' }).waitFor();

    await page.getByLabel('First password').fill('velvet harbour compass ninety');
    await page.getByRole('button', { name: 'Add the user' }).click();
    await banner('Account created for Pat Newcomer').waitFor();
    await heading(page).filter({ hasText: 'Pat Newcomer' }).waitFor();
    expect(await page.locator('.govuk-summary-list').textContent()).toContain('HR officer');
    await expectAccessible(page, 'user created');

    // an e-mail already taken: the API's 409, in its words
    await page.goto(app.url('/admin/users/new'));
    await page.getByLabel('E-mail address').fill('pat.newcomer@demo.school');
    await page.getByLabel('Full name').fill('Pat Again');
    await page.getByLabel('First password').fill('velvet harbour compass ninety');
    await page.getByLabel('Governor', { exact: true }).check();
    await page.getByRole('button', { name: 'Add the user' }).click();
    await page.locator('.govuk-error-summary').waitFor();
    await expectAccessible(page, 'add a user: e-mail taken');
  });

  it('changes a user’s roles; an admin’s own roles and own deactivation are refused in the API’s words', async () => {
    const user = await newUser(['hr']);
    await page.goto(app.url(`/admin/users/${user.id}`));
    await heading(page).filter({ hasText: user.name }).waitFor();
    expect(await page.title()).toBe('User account – Social media casework');
    await expectAccessible(page, 'user account');

    await page.getByLabel('HR officer', { exact: true }).uncheck();
    await page.getByLabel('Governor', { exact: true }).check();
    await page.getByRole('button', { name: 'Save name and roles' }).click();
    await banner('The account’s name and roles have been saved').waitFor();
    expect((await (await app.t.as(DEMO.admin)).get(`/users/${user.id}`)).body.roles).toEqual(['governor']);
    await expectAccessible(page, 'roles changed');

    // no roles at all: the API's 400, beside the checkboxes
    await page.getByLabel('Governor', { exact: true }).uncheck();
    await page.getByRole('button', { name: 'Save name and roles' }).click();
    await page.locator('#roles-error').waitFor();
    await expectAccessible(page, 'roles: none chosen');

    // the admin's own account
    await page.goto(app.url(`/admin/users/${app.t.ids.users[DEMO.admin]}`));
    await heading(page).filter({ hasText: 'Ada Admin' }).waitFor();
    await page.getByLabel('HR officer', { exact: true }).check();
    await page.getByRole('button', { name: 'Save name and roles' }).click();
    await page.locator('.govuk-error-summary').getByText('own roles', { exact: false }).waitFor();
    await expectAccessible(page, 'own roles refused');
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page
      .locator('.govuk-error-summary')
      .getByText(/deactivate/i)
      .waitFor();
  });

  it('resets a password: the temporary password shown once; the person signs in with it and must choose their own', async () => {
    const user = await newUser(['hr']);
    await page.goto(app.url(`/admin/users/${user.id}`));
    await heading(page).filter({ hasText: user.name }).waitFor();
    await page.getByRole('button', { name: 'Reset password' }).click();
    const shown = page.getByTestId('temporary-password');
    await shown.waitFor();
    const temporary = (await shown.textContent())!.trim();
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.getByText('This is the only time it will be shown.').waitFor();
    await expectAccessible(page, 'password reset: temporary password shown');

    // once: the page, loaded again, has no password to show
    await page.reload();
    await heading(page).filter({ hasText: user.name }).waitFor();
    expect(await page.getByTestId('temporary-password').count()).toBe(0);

    const them = await fx.newPage();
    await signIn(them, app, user.email, temporary);
    await heading(them).filter({ hasText: 'Change your password' }).waitFor();
    await them.getByText('Choose a new password to continue').waitFor();
    await them.getByLabel('Current password').fill(temporary);
    await them.getByLabel('New password').fill('maple lighthouse orbit seven');
    await them.getByRole('button', { name: 'Change password' }).click();
    await them.getByText('Your password has been changed').waitFor();
    await them.context().close();
  });

  it('deactivates a user: they can no longer sign in; and reactivates them', async () => {
    const user = await newUser(['deputy_head']);
    await page.goto(app.url(`/admin/users/${user.id}`));
    await heading(page).filter({ hasText: user.name }).waitFor();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await banner('The account has been deactivated').waitFor();
    await page.locator('.govuk-summary-list').getByText('Deactivated').waitFor();
    await expectAccessible(page, 'user deactivated');
    expect(
      (
        await app.t
          .http()
          .post('/auth/login')
          .send({ email: user.email, password: `quiet orchard lantern ${counter}` })
      ).status,
    ).toBe(401);

    await page.goto(app.url('/admin/users'));
    await page
      .getByRole('row', { name: new RegExp(user.name) })
      .getByText('Deactivated')
      .waitFor();

    await page.goto(app.url(`/admin/users/${user.id}`));
    await page.getByRole('button', { name: 'Reactivate account' }).click();
    await banner('The account has been reactivated').waitFor();
  });

  it('the staff directory: searches, adds a staff member (errors beside their fields first), links the record to an account and unlinks it', async () => {
    const account = await newUser(['investigating_manager']);
    await page.goto(app.url('/admin/staff'));
    await heading(page).filter({ hasText: 'Staff directory' }).waitFor();
    await expectAccessible(page, 'staff directory');
    await page.getByLabel('Search by name').fill('sam');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(app.url('/admin/staff?q=sam'));
    await page.getByRole('link', { name: 'Sam Teacher' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'staff directory: search results');

    await page.goto(app.url('/admin/staff/new'));
    await heading(page).filter({ hasText: 'Add a staff member' }).waitFor();
    await expectAccessible(page, 'add a staff member');
    await page.getByLabel('E-mail address (optional)').fill('not an address');
    await page.getByRole('button', { name: 'Add the staff member' }).click();
    await page.locator('#name-error').waitFor();
    await page.locator('#email-error').waitFor();
    await expectAccessible(page, 'add a staff member: errors');

    await page.getByLabel('Full name').fill('Robin Supply');
    await page.getByLabel('E-mail address (optional)').fill('');
    await page.getByLabel('Job title (optional)').fill('Supply teacher');
    await page.getByRole('button', { name: 'Add the staff member' }).click();
    await banner('Robin Supply has been added to the staff directory').waitFor();
    await heading(page).filter({ hasText: 'Robin Supply' }).waitFor();
    await expectAccessible(page, 'staff member added');
    const staffId = new URL(page.url()).pathname.split('/').at(-1)!;

    // an account linked to someone else (the deputy's): the API's 409, in its words
    await page.getByLabel('Account', { exact: true }).selectOption(app.t.ids.users[DEMO.deputy]);
    await page.getByRole('button', { name: 'Save the link' }).click();
    await page.locator('.govuk-error-summary').getByText('That account is already linked to another staff member.').waitFor();
    await expectAccessible(page, 'link refused');

    await page.getByLabel('Account', { exact: true }).selectOption(account.id);
    await page.getByRole('button', { name: 'Save the link' }).click();
    await banner('The staff record is now linked to the account').waitFor();
    await page
      .locator('.govuk-summary-list')
      .getByRole('link', { name: `${account.name} (${account.email})` })
      .waitFor();
    expect((await (await app.t.as(DEMO.admin)).get(`/users/${account.id}`)).body.staffId).toBe(staffId);
    await expectAccessible(page, 'staff record linked');

    await page.getByRole('button', { name: 'Unlink the account' }).click();
    await banner('The staff record is no longer linked to an account').waitFor();
    expect((await (await app.t.as(DEMO.admin)).get(`/staff/${staffId}`)).body.userId).toBeNull();

    // and the details
    await page.getByLabel('Job title (optional)').fill('Cover supervisor');
    await page.getByRole('button', { name: 'Save details' }).click();
    await banner('The details have been saved').waitFor();
    expect((await (await app.t.as(DEMO.admin)).get(`/staff/${staffId}`)).body.jobTitle).toBe('Cover supervisor');
  });

  it('the directory a page at a time: next and previous pages keep the search', async () => {
    const admin = await app.t.as(DEMO.admin);
    for (let i = 1; i <= 51; i++) expect((await admin.post('/staff', { name: `Paged Person ${String(i).padStart(2, '0')}` })).status).toBe(201);
    await page.goto(app.url('/admin/staff?q=paged'));
    await page.getByRole('link', { name: 'Paged Person 51' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(50);
    expect(await page.getByRole('link', { name: 'Previous page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.getByRole('link', { name: 'Paged Person 01' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('paged');
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await expectAccessible(page, 'staff directory: second page');
    await page.getByRole('link', { name: 'Previous page' }).click();
    await page.getByRole('link', { name: 'Paged Person 51' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(50);
  });

  it('a user or staff record that is not there is "not found"', async () => {
    await page.goto(app.url('/admin/users/00000000-0000-4000-8000-000000000000'));
    await heading(page).filter({ hasText: 'Page not found' }).waitFor();
    await page.goto(app.url('/admin/staff/00000000-0000-4000-8000-000000000000'));
    await heading(page).filter({ hasText: 'Page not found' }).waitFor();
  });
});
