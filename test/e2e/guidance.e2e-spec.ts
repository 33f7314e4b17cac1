import { buildCase, outcomeBody, holdHearing } from '../support/case-builder';
import { DEMO, startTestApp, TestApp } from '../support/test-app';

/**
 * The case tells each reader what they may do, how they are involved, and the next step and
 * who takes it (web.md: "a case page shows the case's state, its next step and who takes it";
 * "the API decides, the page explains"). The rules are src/cases/case-guidance.ts.
 */
describe('case guidance (GET /cases/:id `guidance`)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const guidanceOf = async (email: string, caseId: string) => {
    const res = await (await t.as(email)).get(`/cases/${caseId}`);
    expect(res.status).toBe(200);
    return res.body.guidance;
  };

  it('the assigned investigator is told what still blocks the report; the head that it is the investigator’s step', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const ian = await guidanceOf(DEMO.investigator, caseId);
    expect(ian.actions).toEqual(expect.arrayContaining(['investigate', 'request_monitoring']));
    expect(ian.actions).not.toContain('submit_report');
    expect(ian.submission.ready).toBe(false);
    expect(ian.submission.blockers).toEqual(expect.arrayContaining([expect.stringMatching(/no allegation/)]));
    // each blocker with its step, for a task list (the same words)
    expect(ian.submission.missing).toEqual([
      { step: 'allegations', description: expect.stringMatching(/no allegation/) },
      { step: 'response', description: expect.stringMatching(/response/) },
    ]);
    expect(ian.submission.missing.map((m: { description: string }) => m.description)).toEqual(ian.submission.blockers);
    const head = await guidanceOf(DEMO.head, caseId);
    expect(head.nextStep.by).toBe('investigating_manager');
    expect(head.actions).not.toContain('investigate');
  });

  it('once nothing blocks it, the investigator may submit', async () => {
    const { caseId } = await buildCase(t, { to: 'investigated' });
    const ian = await guidanceOf(DEMO.investigator, caseId);
    expect(ian.submission).toEqual({ ready: true, blockers: [], missing: [] });
    expect(ian.actions).toContain('submit_report');
  });

  it('a headteacher who is a witness, and also deputy head, reads the case but is told the governors decide', async () => {
    const { caseId } = await buildCase(t, { to: 'awaiting_decision', witnesses: [{ staffId: t.ids.staff[DEMO.head] }] });
    await t.db.query(`UPDATE users SET roles = '{headteacher,deputy_head}' WHERE email = $1`, [DEMO.head]);
    try {
      const head = await guidanceOf(DEMO.head, caseId);
      expect(head.involvement).toEqual(['witness']);
      expect(head.actions).not.toContain('record_outcome');
      expect(head.nextStep).toEqual({ description: expect.stringMatching(/governors/), by: 'governor' });
      expect((await guidanceOf(DEMO.governor, caseId)).actions).toContain('record_outcome');
    } finally {
      await t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE email = $1`, [DEMO.head]);
    }
  });

  it('a headteacher who investigated is offered the separation waiver (ACAS, small school), and decides with it', async () => {
    await t.db.query(`UPDATE users SET roles = '{headteacher,investigating_manager}' WHERE email = $1`, [DEMO.head]);
    try {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision', investigator: DEMO.head });
      const head = await guidanceOf(DEMO.head, caseId);
      expect(head.actions).not.toContain('record_outcome');
      expect(head.separationWaiver).toBe(true);
      const governor = await guidanceOf(DEMO.governor, caseId);
      expect(governor.actions).toContain('record_outcome');
      expect(governor.separationWaiver).toBe(false);
      // process.md §1: the head chairs the hearing under the same waiver, then decides
      await holdHearing(t, {
        chair: DEMO.head,
        caseId,
        invitePath: `/cases/${caseId}/hearings`,
        subjects: [t.ids.staff['Sam Teacher']],
        invitation: { separationWaiverReason: 'Two-teacher school' },
      });
      const chairing = await guidanceOf(DEMO.head, caseId);
      expect(chairing.separationWaiver).toBe(true);
      expect(chairing.outcomeSanctions).toContain('first_written_warning');
      const decided = await (await t.as(DEMO.head)).post(`/cases/${caseId}/outcome`, outcomeBody({ separationWaiverReason: 'Two-teacher school' }));
      expect(decided.status).toBe(201);
      expect(decided.body.guidance.separationWaiver).toBe(false);
    } finally {
      await t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE email = $1`, [DEMO.head]);
    }
  });

  it('every change answers with the guidance for the person who made it', async () => {
    const { caseId } = await buildCase(t, { to: 'reported' });
    const triaged = await (await t.as(DEMO.deputy)).post(`/cases/${caseId}/triage`, { decision: 'investigate', rationale: 'Worth a look.' });
    expect(triaged.status).toBe(200);
    expect(triaged.body.guidance.nextStep.by).toBe('headteacher');
    expect(triaged.body.guidance.actions).not.toContain('triage');
  });
});
