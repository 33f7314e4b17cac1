import { NO_DECISION_MAKER } from '../../src/access/conflicts';
import { addPerson, BuiltPerson, buildCase, holdHearing, outcomeBody } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Fairness (issue 9, findings 1, 2, 4, 5 and 14; domain.md "People and roles", "Conflicts of
 * interest"): each rule stated as the rule, with people who hold several roles, replaced
 * investigators and deactivated accounts, on cases driven through the API by the test builder.
 * Each describe has an application of its own: the people it adds (second headteachers, more
 * governors) change who acts on every case of their organisation.
 */

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Who a case's rows say decided what, straight from the database. */
async function deciders(t: TestApp, caseId: string) {
  const { rows } = await t.db.query<{ outcome_by: string | null; outcome_role: string | null; appeal_by: string | null; appeal_role: string | null }>(
    `SELECT (SELECT recorded_by_user_id FROM outcomes WHERE case_id = $1) AS outcome_by,
            (SELECT decided_by_role FROM outcomes WHERE case_id = $1) AS outcome_role,
            (SELECT decided_by_user_id FROM appeals WHERE case_id = $1) AS appeal_by,
            (SELECT decided_by_role FROM appeals WHERE case_id = $1) AS appeal_role`,
    [caseId],
  );
  return rows[0];
}

const actions = async (t: TestApp, caseId: string) =>
  (await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE case_id = $1 ORDER BY seq`, [caseId])).rows.map((r) => r.action);

describe('finding 1: nobody who ever investigated a case decides its outcome or hears its appeal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('a replaced investigator who also holds headteacher neither decides the outcome nor hears the appeal; an unconflicted headteacher and a governor do', async () => {
    // a second headteacher, who is also an investigating manager: appointed, then replaced
    const ivo = await addPerson(t, { name: 'Ivo Investigating Head', roles: ['investigating_manager', 'headteacher'] });
    const awaiting = await buildCase(t, { to: 'hearing', replacedInvestigators: [ivo.email], decider: DEMO.head });
    const asIvo = await t.as(ivo.email);
    // they no longer see the case at all: not as its investigator, not as a headteacher
    expectProblem(await asIvo.get(`/cases/${awaiting.caseId}`), 404);
    expectProblem(await asIvo.post(`/cases/${awaiting.caseId}/outcome`, outcomeBody()), 404);
    expect(await deciders(t, awaiting.caseId)).toEqual(expect.objectContaining({ outcome_by: null }));
    const decided = await (await t.as(DEMO.head)).post(`/cases/${awaiting.caseId}/outcome`, outcomeBody());
    expect(decided.status).toBe(201);
    expect(decided.body.outcome).toEqual(expect.objectContaining({ decidedByRole: 'headteacher', decidedByUserId: t.ids.users[DEMO.head] }));

    const onAppeal = await buildCase(t, { to: 'appeal', replacedInvestigators: [ivo.email], decider: DEMO.head, appealHearing: {} });
    const heard = { result: 'dismissed', rationale: 'The warning stands.' };
    expectProblem(await asIvo.post(`/appeals/${onAppeal.appealId}/decision`, heard), 404);
    expect(await deciders(t, onAppeal.caseId)).toEqual(expect.objectContaining({ appeal_by: null }));
    expect((await (await t.as(DEMO.governor)).post(`/appeals/${onAppeal.appealId}/decision`, heard)).status).toBe(200);
    expect(await deciders(t, onAppeal.caseId)).toEqual(expect.objectContaining({ appeal_by: t.ids.users[DEMO.governor], appeal_role: 'governor' }));
    // Ivo leaves: a second, unconflicted headteacher would act wherever the first is conflicted (the next test's case)
    expect((await (await t.as(DEMO.admin)).patch(`/users/${ivo.userId}`, { active: false })).status).toBe(200);
  });

  it('a replaced investigator who also holds governor neither decides the outcome (for a conflicted headteacher) nor hears the appeal; the other governors do', async () => {
    const gil = await addPerson(t, { name: 'Gil Investigating Governor', roles: ['investigating_manager', 'governor'] });
    const gwen = await addPerson(t, { name: 'Gwen Governor', roles: ['governor'] });
    const asGil = await t.as(gil.email);

    // about the headteacher: the governors act; Gil was appointed, then replaced
    const aboutHead = await buildCase(t, {
      to: 'hearing',
      subjects: [t.ids.staff[DEMO.head]],
      replacedInvestigators: [gil.email],
      decider: DEMO.governor,
    });
    expect(aboutHead.view.decisionMakerRole).toBe('governor');
    expectProblem(await asGil.post(`/cases/${aboutHead.caseId}/outcome`, outcomeBody()), 404);
    const decided = await (await t.as(DEMO.governor)).post(`/cases/${aboutHead.caseId}/outcome`, outcomeBody());
    expect(decided.status).toBe(201);
    expect(decided.body.outcome.decidedByUserId).toBe(t.ids.users[DEMO.governor]);

    // its appeal: not Gil (investigated), not the governor who decided the outcome; Gwen hears it
    const lodged = await (await t.as(DEMO.hr)).post(`/cases/${aboutHead.caseId}/appeals`, { lodgedAt: iso(Date.now() - 60_000), grounds: 'Too harsh' });
    expect(lodged.status).toBe(201);
    const appealId = lodged.body.appeals[0].id;
    await holdHearing(t, { chair: gwen.email, caseId: aboutHead.caseId, invitePath: `/appeals/${appealId}/hearings`, subjects: [t.ids.staff[DEMO.head]] });
    const heard = { result: 'dismissed', rationale: 'The warning stands.' };
    expectProblem(await asGil.post(`/appeals/${appealId}/decision`, heard), 404);
    expectProblem(await (await t.as(DEMO.governor)).post(`/appeals/${appealId}/decision`, heard), 403);
    expect((await (await t.as(gwen.email)).post(`/appeals/${appealId}/decision`, heard)).status).toBe(200);
    expect(await deciders(t, aboutHead.caseId)).toEqual(expect.objectContaining({ appeal_by: gwen.userId, appeal_role: 'governor' }));

    // and on an ordinary case, decided by the headteacher: Gil does not sit on the appeal panel
    const onAppeal = await buildCase(t, { to: 'appeal', replacedInvestigators: [gil.email] });
    expectProblem(await asGil.get(`/cases/${onAppeal.caseId}`), 404);
    expectProblem(await asGil.post(`/appeals/${onAppeal.appealId}/decision`, heard), 404);
    expect((await (await t.as(gwen.email)).get(`/cases/${onAppeal.caseId}`)).status).toBe(200);
  });
});

describe('finding 2: conflicts are of the person, whatever roles they hold', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each([
    ['the reporter', 'deputy_head'],
    ['the reporter', 'hr'],
    ['a witness', 'deputy_head'],
    ['a witness', 'hr'],
  ] as const)(
    'a headteacher who is %s and also holds %s reads the case, but not other people’s statements nor the evidence, and takes no decision on it (403)',
    async (capacity, otherRole) => {
      const hana = await addPerson(t, { name: `Hana Head ${otherRole}`, roles: ['headteacher', otherRole] });
      const asHana = await t.as(hana.email);
      const party = capacity === 'the reporter' ? { reporter: hana.staffId } : {};
      const witnesses = [
        ...(capacity === 'a witness' ? [{ staffId: hana.staffId, statement: 'Hana: I saw the post.' }] : []),
        { staffId: t.ids.staff['Taylor Assistant'], statement: 'Taylor: I saw the post too, and the comments under it.' },
      ];

      // triage: not hers to decide
      if (capacity === 'the reporter') {
        const reported = await buildCase(t, { to: 'reported', ...party });
        expect((await asHana.get(`/cases/${reported.caseId}`)).status).toBe(200);
        expectProblem(await asHana.post(`/cases/${reported.caseId}/triage`, { decision: 'no_further_action', rationale: 'Nothing in it.' }), 403);
        expect(await actions(t, reported.caseId)).not.toContain('case.triaged');
      }

      // the investigation: other people's statements and the evidence are withheld from her; no appointment, no decision
      const built = await buildCase(t, { to: 'awaiting_decision', ...party, witnesses, evidence: 1, monitoring: true, decider: DEMO.head });
      const view = await asHana.get(`/cases/${built.caseId}`);
      expect(view.status).toBe(200);
      const taylor = view.body.interviews.find((i: { staffId: string }) => i.staffId === t.ids.staff['Taylor Assistant']);
      expect(taylor).toEqual(expect.objectContaining({ statement: null, withheld: true }));
      expect(JSON.stringify(view.body)).not.toContain('Taylor: I saw the post too');
      if (capacity === 'a witness') {
        const own = view.body.interviews.find((i: { staffId: string }) => i.staffId === hana.staffId);
        expect(own).toEqual(expect.objectContaining({ statement: 'Hana: I saw the post.' }));
      }
      expect(view.body.evidence).toEqual([expect.objectContaining({ id: built.evidenceId, description: null, withheld: true })]);
      expect(view.body.subjectResponses).toEqual([expect.objectContaining({ response: null, withheld: true })]);
      expect(view.body.investigationReport).toEqual(expect.objectContaining({ summary: null, withheld: true }));
      const item = await asHana.get(`/cases/${built.caseId}/evidence/${built.evidenceId}`);
      expect(item.body).toEqual(expect.objectContaining({ description: null, withheld: true }));
      expectProblem(await asHana.get(`/cases/${built.caseId}/evidence/${built.evidenceId}/content`), 403);

      expectProblem(await asHana.post(`/cases/${built.caseId}/triage`, { decision: 'investigate', rationale: 'x' }), 403);
      expectProblem(await asHana.post(`/cases/${built.caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator2] }), 403);
      expectProblem(await asHana.post(`/monitoring-requests/${built.monitoringRequestId}/approve`, {}), 403);
      expectProblem(await asHana.post(`/cases/${built.caseId}/outcome`, outcomeBody()), 403);
      expectProblem(await asHana.post(`/cases/${built.caseId}/legal-hold`, { reason: 'Tribunal claim' }), 403);
      const head = await t.as(DEMO.head);
      expect(
        (await head.post(`/cases/${built.caseId}/outcome`, outcomeBody({ sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined })))
          .status,
      ).toBe(201);
      expectProblem(await asHana.post(`/cases/${built.caseId}/close`, { reason: 'Done.' }), 403);
      expect((await head.post(`/cases/${built.caseId}/close`, { reason: 'Done.' })).status).toBe(200);
      expect(await deciders(t, built.caseId)).toEqual(expect.objectContaining({ outcome_by: t.ids.users[DEMO.head] }));
      const refused = ['case.triaged', 'case.assigned', 'monitoring.approved', 'outcome.recorded', 'legal_hold.placed', 'case.closed'];
      const byHana = (
        await t.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE case_id = $1 AND actor_user_id = $2`, [built.caseId, hana.userId])
      ).rows.map((r) => r.action);
      expect(byHana.filter((a) => refused.includes(a))).toEqual([]);
    },
  );
});

describe('finding 4: a deactivated headteacher account never counts, neither as the head nor as a conflict', () => {
  let t: TestApp;
  let dora: BuiltPerson;
  beforeAll(async () => {
    t = await startTestApp();
    dora = await addPerson(t, { name: 'Dora Former Head', roles: ['headteacher'], active: false });
  });
  afterAll(() => t?.close());

  it.each([
    ['a subject', (p: BuiltPerson) => ({ subjects: [p.staffId] })],
    ['the reporter', (p: BuiltPerson) => ({ reporter: p.staffId })],
  ])('as %s it hands nothing to the governors: the active, unconflicted headteacher decides', async (_label, party) => {
    const reported = await buildCase(t, { to: 'reported', ...party(dora) });
    expect(reported.view).toEqual(expect.objectContaining({ decisionMakerRole: 'headteacher', decisionBlocked: null }));
    expectProblem(await (await t.as(DEMO.governor)).get(`/cases/${reported.caseId}`), 404);

    const built = await buildCase(t, { to: 'decided', ...party(dora) });
    expect(built.decider).toBe(DEMO.head);
    expect(await deciders(t, built.caseId)).toEqual(expect.objectContaining({ outcome_by: t.ids.users[DEMO.head], outcome_role: 'headteacher' }));
    expectProblem(await (await t.as(DEMO.governor)).post(`/cases/${built.caseId}/close`, {}), 404);
  });

  it('nor as the head: with the only active headteacher conflicted the governors act, however free the deactivated one is', async () => {
    const aboutHead = await buildCase(t, { to: 'triaged', subjects: [t.ids.staff[DEMO.head]] });
    expect(aboutHead.view.decisionMakerRole).toBe('governor');
    expect((await (await t.as(DEMO.governor)).post(`/cases/${aboutHead.caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] })).status).toBe(
      200,
    );
    // the deactivated account cannot act at all
    expectProblem(await (await t.as(dora.email)).get(`/cases/${aboutHead.caseId}`), 401);
    // reactivated, Dora is an unconflicted headteacher again, and acts in the governors' place
    const admin = await t.as(DEMO.admin);
    expect((await admin.patch(`/users/${dora.userId}`, { active: true })).status).toBe(200);
    try {
      expect((await (await t.as(DEMO.deputy)).get(`/cases/${aboutHead.caseId}`)).body.decisionMakerRole).toBe('headteacher');
      expectProblem(await (await t.as(DEMO.governor)).get(`/cases/${aboutHead.caseId}`), 404);
    } finally {
      expect((await admin.patch(`/users/${dora.userId}`, { active: false })).status).toBe(200);
    }
    expect((await (await t.as(DEMO.governor)).get(`/cases/${aboutHead.caseId}`)).status).toBe(200);
  });
});

describe('finding 5: nobody is ever stuck', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('a case about the governor reported by the headteacher: an investigation nobody could appoint to is a 409 naming what is missing, shown on the case, until an unconflicted person is made a governor', async () => {
    const stuck = await buildCase(t, { to: 'reported', subjects: [t.ids.staff[DEMO.governor]], reporter: t.ids.staff[DEMO.head] });
    expect(stuck.view).toEqual(expect.objectContaining({ decisionMakerRole: null, decisionBlocked: NO_DECISION_MAKER }));
    expect(NO_DECISION_MAKER).toMatch(/governor/);
    const deputy = await t.as(DEMO.deputy);
    const refused = await deputy.post(`/cases/${stuck.caseId}/triage`, { decision: 'investigate', rationale: 'Facts to establish.' });
    expectProblem(refused, 409);
    expect(refused.body).toEqual(expect.objectContaining({ code: 'no_decision_maker', detail: NO_DECISION_MAKER }));
    expect((await deputy.get(`/cases/${stuck.caseId}`)).body).toEqual(
      expect.objectContaining({ status: 'reported', decisionMakerRole: null, decisionBlocked: NO_DECISION_MAKER }),
    );
    expect(await actions(t, stuck.caseId)).not.toContain('case.triaged');

    // the admin gives an unconflicted person the governor role: the case moves on, with them acting
    const pat = await addPerson(t, { name: 'Pat Parent Governor', roles: ['hr'] });
    expect((await (await t.as(DEMO.admin)).patch(`/users/${pat.userId}`, { roles: ['hr', 'governor'] })).status).toBe(200);
    const triaged = await deputy.post(`/cases/${stuck.caseId}/triage`, { decision: 'investigate', rationale: 'Facts to establish.' });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toEqual(expect.objectContaining({ status: 'investigation', decisionMakerRole: 'governor', decisionBlocked: null }));
    const assigned = await (await t.as(pat.email)).post(`/cases/${stuck.caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] });
    expect(assigned.status).toBe(200);
    const { rows } = await t.db.query(`SELECT actor_role FROM audit_events WHERE case_id = $1 AND action = 'case.assigned'`, [stuck.caseId]);
    expect(rows).toEqual([{ actor_role: 'governor' }]);
  });

  it('a due case whose only headteacher is conflicted is erased by the governor’s retention run', async () => {
    const aboutHead = await buildCase(t, { to: 'closed', closeVia: 'triage', subjects: [t.ids.staff[DEMO.head]] });
    const plain = await buildCase(t, { to: 'closed', closeVia: 'triage' });
    await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = ANY($1::uuid[])`, [[aboutHead.caseId, plain.caseId]]);
    const head = await t.as(DEMO.head);
    const governor = await t.as(DEMO.governor);
    const dueIds = async (client: typeof head) => (await client.get('/retention/due?limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(await dueIds(head)).toContain(plain.caseId);
    expect(await dueIds(head)).not.toContain(aboutHead.caseId);
    expect(await dueIds(governor)).toEqual([aboutHead.caseId]);

    const headRun = await head.post('/retention/run', {});
    expect(headRun.status).toBe(200);
    expect(headRun.body.erased).toContain(plain.caseId);
    expect(headRun.body.erased).not.toContain(aboutHead.caseId);
    const governorRun = await governor.post('/retention/run', {});
    expect(governorRun.status).toBe(200);
    expect(governorRun.body.erased).toEqual([aboutHead.caseId]);
    const erased = await t.db.query(`SELECT erased_at FROM cases WHERE id = $1`, [aboutHead.caseId]);
    expect(erased.rows[0].erased_at).toBeInstanceOf(Date);
    expect(await dueIds(governor)).toEqual([]);
    expect((await head.get('/audit/verify')).body).toEqual(expect.objectContaining({ valid: true }));
  });
});

describe('finding 14: concurrent appeal decisions meet the decided case (409), never a 404', () => {
  let t: TestApp;
  let governors: string[];
  beforeAll(async () => {
    t = await startTestApp();
    const more = await Promise.all(Array.from({ length: 7 }, (_, i) => addPerson(t, { name: `Governor Number ${'ABCDEFG'[i]}`, roles: ['governor'] })));
    governors = [DEMO.governor, ...more.map((p) => p.email)];
    for (const email of governors) await t.token(email);
  });
  afterAll(() => t?.close());

  it('eight eligible governors decide one appeal at once: exactly one 200 and seven 409, round after round', async () => {
    for (let round = 0; round < 3; round++) {
      // process.md §1: the appeal is heard first (the builder: by the demo governor); every governor then tries to decide it
      const { caseId, appealId } = await buildCase(t, { to: 'appeal', appealHearing: {} });
      const clients = await Promise.all(governors.map((email) => t.as(email)));
      const answers = await Promise.all(clients.map((c, i) => c.post(`/appeals/${appealId}/decision`, { result: 'dismissed', rationale: `Governor ${i}` })));
      expect({ round, statuses: answers.map((a) => a.status).sort() }).toEqual({ round, statuses: [200, 409, 409, 409, 409, 409, 409, 409] });
      for (const answer of answers.filter((a) => a.status === 409)) expectProblem(answer, 409);
      const won = answers.findIndex((a) => a.status === 200);
      expect(await deciders(t, caseId)).toEqual(expect.objectContaining({ appeal_role: 'governor' }));
      expect((await actions(t, caseId)).filter((a) => a === 'appeal.decided')).toHaveLength(1);
      expect(answers[won].body.status).toBe('closed');
    }
  });
});

describe('a subject never reads their case, whatever roles they hold, once their staff record is linked', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  // Linking itself (by e-mail, by PATCH /staff/:id, its refusals) is people.e2e-spec.ts's; here: every casework role at once.
  it('holding deputy_head, investigating_manager, headteacher, governor and hr, they read nothing of it after the link: 404 on every route', async () => {
    const sol = await addPerson(t, {
      name: 'Sol Many Hats',
      roles: ['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'],
      linked: false,
    });
    const onAppeal = await buildCase(t, { to: 'appeal', subjects: [sol.staffId], evidence: 1, monitoring: true });
    const reported = await buildCase(t, { to: 'reported', subjects: [sol.staffId] });
    const asSol = await t.as(sol.email);
    // unlinked, the system cannot know it is them: any headteacher reads it
    expect((await asSol.get(`/cases/${onAppeal.caseId}`)).status).toBe(200);

    expect((await (await t.as(DEMO.admin)).patch(`/staff/${sol.staffId}`, { userId: sol.userId })).status).toBe(200);
    const listed = (await asSol.get('/cases?limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(listed).not.toContain(onAppeal.caseId);
    expect(listed).not.toContain(reported.caseId);
    const c = onAppeal.caseId;
    const attempts: Array<[string, () => PromiseLike<{ status: number }>]> = [
      ['GET case', () => asSol.get(`/cases/${c}`)],
      ['GET evidence', () => asSol.get(`/cases/${c}/evidence/${onAppeal.evidenceId}`)],
      ['GET content', () => asSol.get(`/cases/${c}/evidence/${onAppeal.evidenceId}/content`)],
      ['GET summary', () => asSol.get(`/cases/${c}/summary`)],
      ['POST triage', () => asSol.post(`/cases/${reported.caseId}/triage`, { decision: 'no_further_action', rationale: 'About me: nothing in it.' })],
      ['POST referral', () => asSol.post(`/cases/${c}/safeguarding-referral`, { referredTo: 'DSL', referredAt: iso(Date.now() - HOUR) })],
      ['POST allegation', () => asSol.post(`/cases/${c}/allegations`, { policyStandard: '7.5', summary: 'x' })],
      ['POST monitoring approve', () => asSol.post(`/monitoring-requests/${onAppeal.monitoringRequestId}/approve`, {})],
      ['POST appeal decision', () => asSol.post(`/appeals/${onAppeal.appealId}/decision`, { result: 'upheld', rationale: 'Not guilty.' })],
      ['POST legal hold', () => asSol.post(`/cases/${c}/legal-hold`, { reason: 'Mine.' })],
    ];
    for (const [label, attempt] of attempts) expect({ label, status: (await attempt()).status }).toEqual({ label, status: 404 });
    const audit = await asSol.get(`/audit?caseId=${c}&limit=200`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([]);
    expect(await deciders(t, c)).toEqual(expect.objectContaining({ appeal_by: null }));
    expect(await actions(t, reported.caseId)).not.toContain('case.triaged');
  });
});

describe('finding 5, the appeal: an appeal nobody may hear says so', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  // The headteacher is the subject, so the governors act; the one governor decided the outcome and the other (also an
  // investigating manager) investigated first and was replaced: nobody in the organisation may hear the appeal.
  it('a 409 naming what is missing to the governor who decided, and decisionBlocked on the case', async () => {
    const gil = await addPerson(t, { name: 'Gil Investigating Governor', roles: ['investigating_manager', 'governor'] });
    const stuck = await buildCase(t, { to: 'appeal', subjects: [t.ids.staff[DEMO.head]], replacedInvestigators: [gil.email], decider: DEMO.governor });
    const heard = { result: 'dismissed', rationale: 'The warning stands.' };
    expectProblem(await (await t.as(gil.email)).post(`/appeals/${stuck.appealId}/decision`, heard), 404);
    const refused = await (await t.as(DEMO.governor)).post(`/appeals/${stuck.appealId}/decision`, heard);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'no_decision_maker' });
    expect((await (await t.as(DEMO.deputy)).get(`/cases/${stuck.caseId}`)).body.decisionBlocked).toEqual(expect.stringMatching(/governor/));
  });
});
