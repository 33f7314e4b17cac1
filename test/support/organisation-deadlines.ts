import { DEMO, TestApp } from './test-app';

/** process.md §6's defaults, as `PUT /organisation/deadlines` takes them (docs/tasks.md "Each organisation's deadlines"). */
export const DEFAULT_DEADLINES_BODY = {
  triageWorkingDays: 2,
  investigationWorkingDays: 20,
  appealHearingWorkingDays: 20,
  monitoringExpiryNoticeWorkingDays: 5,
  // the deployment's fair-process settings (issue 13): its hearing notice and appeal window, 4 weeks, its warning life
  hearingNoticeWorkingDays: 5,
  appealDeadlineMinWorkingDays: 5,
  suspensionReviewMaxDays: 28,
  warningMaxMonths: 24,
};

/** The demo school's deadlines set to `set` (over what they are) for `work`, then put back. */
export async function withOrganisationDeadlines(t: TestApp, set: Partial<typeof DEFAULT_DEADLINES_BODY>, work: () => Promise<void>): Promise<void> {
  const admin = await t.as(DEMO.admin);
  const was = (await admin.get('/organisation/deadlines')).body;
  expect((await admin.put('/organisation/deadlines', { ...was, ...set })).status).toBe(200);
  try {
    await work();
  } finally {
    expect((await admin.put('/organisation/deadlines', was)).status).toBe(200);
  }
}
