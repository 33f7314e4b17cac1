import { buildCase, CaseSpec } from '../support/case-builder';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * GET /cases items say whose work each case is (`waitingFor`: the role of its next step, the case
 * view's guidance.nextStep.by) and how many monitoring requests wait for a decision — what each
 * person's landing page needs to show their work (web.md "Who sees what"), with no case content.
 */
describe('GET /cases: waitingFor and pendingMonitoringRequests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** The case as a list item and as the case view, both read by `email`. */
  async function listedAndViewed(email: string, caseId: string, reference: string) {
    const client = await t.as(email);
    const list = await client.get(`/cases?q=${reference}`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === caseId);
    const view = await client.get(`/cases/${caseId}`);
    expect(view.status).toBe(200);
    return { item, view: view.body };
  }

  const stages: Array<[string, CaseSpec, string | null, number]> = [
    ['reported: the deputy head triages', { to: 'reported' }, 'deputy_head', 0],
    ['triaged to investigate, nobody appointed: the headteacher appoints', { to: 'triaged' }, 'headteacher', 0],
    [
      'appointed, a monitoring request pending: the investigating manager (one request to decide)',
      { to: 'assigned', monitoring: true },
      'investigating_manager',
      1,
    ],
    ['monitoring approved: nothing pending', { to: 'assigned', monitoring: true, monitoringDecision: 'approve' }, 'investigating_manager', 0],
    ['report submitted: the headteacher decides', { to: 'awaiting_decision' }, 'headteacher', 0],
    ['decided, the appeal window open: HR may lodge an appeal', { to: 'decided' }, 'hr', 0],
    ['appeal lodged: a governor hears it', { to: 'appeal' }, 'governor', 0],
    ['closed: nobody', { to: 'closed' }, null, 0],
  ];

  it.each(stages)('%s', async (_what, spec, waitingFor, pending) => {
    const { caseId, reference } = await buildCase(t, spec);
    // HR reads every case of the school: the list item and the view, side by side
    const { item, view } = await listedAndViewed(DEMO.hr, caseId, reference);
    expect({ waitingFor: item.waitingFor, pendingMonitoringRequests: item.pendingMonitoringRequests }).toEqual({
      waitingFor,
      pendingMonitoringRequests: pending,
    });
    expect(item.waitingFor).toBe(view.guidance.nextStep.by);
  });

  it('every headteacher conflicted: the case waits for the governors, the same for every reader', async () => {
    const { caseId, reference } = await buildCase(t, { to: 'awaiting_decision', witnesses: [{ staffId: t.ids.staff[DEMO.head] }] });
    const asHr = await listedAndViewed(DEMO.hr, caseId, reference);
    const asGovernor = await listedAndViewed(DEMO.governor, caseId, reference);
    expect(asHr.item.waitingFor).toBe('governor');
    expect(asGovernor.item.waitingFor).toBe('governor');
    expect(asGovernor.view.guidance.nextStep.by).toBe('governor');
    // the conflicted head does not see it at all
    const head = await (await t.as(DEMO.head)).get(`/cases?q=${reference}`);
    expect(head.body.items).toEqual([]);
  });

  it('the appeal window passed: the decision-maker closes the case', async () => {
    const { caseId, reference } = await buildCase(t, { to: 'decided' });
    // the deadline moved into the past (the API refuses to record one there)
    await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 day' WHERE case_id = $1`, [caseId]);
    const { item, view } = await listedAndViewed(DEMO.hr, caseId, reference);
    expect(item.waitingFor).toBe('headteacher');
    expect(view.guidance.nextStep.by).toBe('headteacher');
  });

  it('a whole page: every item says whose work it is, filters unchanged', async () => {
    const res = await (await t.as(DEMO.head)).get('/cases?limit=200');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(5);
    for (const item of res.body.items) {
      expect(['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr', null]).toContain(item.waitingFor);
      expect(item.pendingMonitoringRequests).toBeGreaterThanOrEqual(0);
    }
    const reported = await (await t.as(DEMO.head)).get('/cases?status=reported');
    expect(reported.body.items.every((i: { waitingFor: string }) => i.waitingFor === 'deputy_head')).toBe(true);
  });
});
