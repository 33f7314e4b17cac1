import { buildCase, BuiltCase } from '../support/case-builder';
import { DEMO, startTestApp, TestApp } from '../support/test-app';
import { DEFAULT_DEADLINES_BODY } from '../support/organisation-deadlines';

/**
 * GET /me/tasks (issue 13 item 3; process.md §6): what waits for each demo person, computed
 * from the cases' state — the owner of each step by the access rules (the deputy head triages,
 * the appointed investigator investigates, the acting decision-maker decides), with deadlines
 * in working days; only cases the caller may see; nothing of another organisation.
 */
describe('GET /me/tasks (process.md §6)', () => {
  let t: TestApp;
  let reported: BuiltCase;
  let assigned: BuiltCase;
  let awaiting: BuiltCase;
  let unassigned: BuiltCase;

  beforeAll(async () => {
    t = await startTestApp();
    reported = await buildCase(t, { to: 'reported', label: 'tasks reported', report: { involvesPupils: true } });
    unassigned = await buildCase(t, { to: 'triaged', label: 'tasks unassigned' });
    assigned = await buildCase(t, { to: 'assigned', label: 'tasks assigned' });
    awaiting = await buildCase(t, { to: 'awaiting_decision', label: 'tasks awaiting' });
  }, 120_000);
  afterAll(() => t?.close());

  const tasksOf = async (email: string) => {
    const res = await (await t.as(email)).get('/me/tasks');
    expect(res.status).toBe(200);
    return res.body as {
      items: Array<{ caseId: string; reference: string; kind: string; what: string; dueAt: string | null; overdue: boolean }>;
      truncated: boolean;
    };
  };
  const kindsOn = (list: Awaited<ReturnType<typeof tasksOf>>, c: BuiltCase) =>
    list.items
      .filter((i) => i.caseId === c.caseId)
      .map((i) => i.kind)
      .sort();

  it('the deputy head: the report to triage within 2 working days, and its safeguarding referral within 1', async () => {
    const list = await tasksOf(DEMO.deputy);
    expect(kindsOn(list, reported)).toEqual(['safeguarding_referral', 'triage']);
    const triage = list.items.find((i) => i.caseId === reported.caseId && i.kind === 'triage')!;
    expect(triage).toMatchObject({ reference: reported.reference, what: 'Triage the report (§4)', overdue: false });
    expect(Date.parse(triage.dueAt!)).toBeGreaterThan(Date.now());
    for (const other of [assigned, awaiting, unassigned]) expect(kindsOn(list, other)).toEqual([]);
  });

  it('the headteacher: to appoint an investigating manager, and to decide the outcome of the case waiting for it', async () => {
    const list = await tasksOf(DEMO.head);
    expect(kindsOn(list, unassigned)).toEqual(['appoint_investigator']);
    expect(kindsOn(list, awaiting)).toEqual(['decide_outcome']);
    expect(kindsOn(list, reported)).toEqual([]);
    expect(kindsOn(list, assigned)).toEqual([]);
  });

  it('the appointed investigator, and nobody else, investigates — due 20 working days after triage', async () => {
    const mine = await tasksOf(DEMO.investigator);
    expect(kindsOn(mine, assigned)).toEqual(['investigate']);
    const due = mine.items.find((i) => i.caseId === assigned.caseId)!.dueAt!;
    expect(Date.parse(due) - Date.now()).toBeGreaterThan(25 * 86_400_000); // 20 working days is at least four weeks
    expect(kindsOn(await tasksOf(DEMO.investigator2), assigned)).toEqual([]);
  });

  it('HR, the governor (the head is free to decide) and the admin: nothing', async () => {
    for (const email of [DEMO.hr, DEMO.governor, DEMO.admin]) {
      const list = await tasksOf(email);
      for (const c of [reported, unassigned, assigned, awaiting]) expect(kindsOn(list, c)).toEqual([]);
    }
  });

  it('overdue once the deadline has passed (a report made ten days ago), and overdue tasks come first', async () => {
    const old = await buildCase(t, { to: 'reported', label: 'tasks overdue' });
    await t.db.query(`UPDATE cases SET created_at = created_at - interval '10 days' WHERE id = $1`, [old.caseId]);
    const list = await tasksOf(DEMO.deputy);
    const triage = list.items.find((i) => i.caseId === old.caseId && i.kind === 'triage')!;
    expect(triage.overdue).toBe(true);
    expect(list.items[0].overdue).toBe(true);
    const firstNotOverdue = list.items.findIndex((i) => !i.overdue);
    expect(list.items.slice(firstNotOverdue).every((i) => !i.overdue)).toBe(true);
  });

  it('whoever a new task waits for is told in the application, once: the investigator appointed, the headteacher a report to decide', async () => {
    const notes = async (email: string, caseId: string) => {
      const res = await (await t.as(email)).get('/me/notifications?limit=100');
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ caseId: string; kind: string; reference: string; what: string }>).filter((n) => n.caseId === caseId);
    };
    expect((await notes(DEMO.investigator, assigned.caseId)).map((n) => n.kind)).toEqual(['investigate']);
    expect((await notes(DEMO.head, awaiting.caseId)).map((n) => n.kind)).toContain('decide_outcome');
    expect((await notes(DEMO.investigator2, assigned.caseId)).map((n) => n.kind)).toEqual([]);
    // a change that leaves the task as it was tells nobody again: a second allegation on the assigned case
    const before = (await notes(DEMO.investigator, assigned.caseId)).length;
    const res = await (await t.as(DEMO.investigator)).post(`/cases/${assigned.caseId}/allegations`, { policyStandard: '7.5', summary: 'A second post.' });
    expect(res.status).toBe(201);
    expect((await notes(DEMO.investigator, assigned.caseId)).length).toBe(before);
  });

  it('the decision-maker extends the investigation with a reason: the investigator’s deadline moves by those working days', async () => {
    const dueOf = async () => (await tasksOf(DEMO.investigator)).items.find((i) => i.caseId === assigned.caseId && i.kind === 'investigate')!.dueAt!;
    const before = new Date(await dueOf());
    const head = await t.as(DEMO.head);
    const res = await head.post(`/cases/${assigned.caseId}/extend-investigation`, { workingDays: 5, reason: 'A witness is away until the end of term.' });
    expect(res.status).toBe(200);
    const after = new Date(await dueOf());
    // five working days: a week later (no bank holiday falls in between on these dates, or more)
    expect(after.getTime() - before.getTime()).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
    // audited investigation.extended by the head, the extension's record its entity; the reason's words are in the payload
    // (erased with the case, §13), never in the chained `reason` column (a code only, which nothing erases: audit-reason.ts)
    const { rows: events } = await t.db.query(
      `SELECT e.actor_user_id, e.actor_role, e.entity_type, e.reason, e.payload, x.working_days, x.reason AS recorded_reason
       FROM audit_events e LEFT JOIN investigation_extensions x ON x.id = e.entity_id
       WHERE e.case_id = $1 AND e.action = 'investigation.extended' ORDER BY e.seq`,
      [assigned.caseId],
    );
    expect(events).toEqual([
      {
        actor_user_id: t.ids.users[DEMO.head],
        actor_role: 'headteacher',
        entity_type: 'investigation_extension',
        reason: null,
        payload: { workingDays: 5, reason: 'A witness is away until the end of term.' },
        working_days: 5,
        recorded_reason: 'A witness is away until the end of term.',
      },
    ]);
    // the investigator may not extend their own deadline; more than 20 days at once is refused, naming the field
    const own = await (await t.as(DEMO.investigator)).post(`/cases/${assigned.caseId}/extend-investigation`, { workingDays: 5, reason: 'More time.' });
    expect(own.status).toBe(403);
    const tooMany = await head.post(`/cases/${assigned.caseId}/extend-investigation`, { workingDays: 21, reason: 'A long delay.' });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('workingDays');
    // once the investigation is over, there is nothing to extend
    const done = await head.post(`/cases/${awaiting.caseId}/extend-investigation`, { workingDays: 5, reason: 'Too late.' });
    expect(done.status).toBe(409);
    // a refused extension is not audited as one
    const extended = await t.db.query(`SELECT case_id FROM audit_events WHERE action = 'investigation.extended' AND case_id = ANY($1)`, [
      [assigned.caseId, awaiting.caseId],
    ]);
    expect(extended.rows).toEqual([{ case_id: assigned.caseId }]);
  });

  it('an organisation sets its own deadlines (admin, audited): triage within 5 working days moves the deputy head’s deadline', async () => {
    const admin = await t.as(DEMO.admin);
    const defaults = await admin.get('/organisation/deadlines');
    expect(defaults.body).toEqual(DEFAULT_DEADLINES_BODY);
    const dueOf = async () => new Date((await tasksOf(DEMO.deputy)).items.find((i) => i.caseId === reported.caseId && i.kind === 'triage')!.dueAt!);
    const before = await dueOf();
    try {
      const set = await admin.put('/organisation/deadlines', { ...defaults.body, triageWorkingDays: 5 });
      expect(set.status).toBe(200);
      // three more working days: at least three calendar days later
      expect((await dueOf()).getTime() - before.getTime()).toBeGreaterThanOrEqual(3 * 86_400_000 - 3_600_000);
      const { rows } = await t.db.query(`SELECT payload FROM audit_events WHERE action = 'organisation.deadlines_updated' ORDER BY seq DESC LIMIT 1`);
      expect(rows[0].payload.to.triageWorkingDays).toBe(5);
      // out of range: 400 naming the field; another role: 403
      const wrong = await admin.put('/organisation/deadlines', { ...defaults.body, investigationWorkingDays: 200 });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.body)).toContain('investigationWorkingDays');
      expect((await (await t.as(DEMO.head)).put('/organisation/deadlines', defaults.body)).status).toBe(403);
    } finally {
      await admin.put('/organisation/deadlines', defaults.body);
    }
  });

  it('another organisation’s headteacher sees none of these cases', async () => {
    const list = await tasksOf(DEMO.northHead);
    const ours = new Set([reported, unassigned, assigned, awaiting].map((c) => c.caseId));
    expect(list.items.filter((i) => ours.has(i.caseId))).toEqual([]);
  });
});
