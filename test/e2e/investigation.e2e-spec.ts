import { buildCase } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * §4: the investigating manager establishes the facts, fairly. Assignment and its conflicts
 * of interest, the investigation records, written notice and response, findings, and the
 * report that moves the case to awaiting_decision and freezes the investigation.
 */
describe('investigation (§4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const at = '2026-11-21T10:00:00Z';

  /** A case under investigation (report overrides), optionally with an investigator appointed. */
  async function caseUnderInvestigation(overrides: Record<string, unknown> = {}, investigator: string | null = DEMO.investigator): Promise<string> {
    return (await buildCase(t, { to: investigator ? 'assigned' : 'triaged', report: overrides, investigator: investigator ?? undefined })).caseId;
  }

  async function evidenceOf(caseId: string): Promise<string> {
    const { rows } = await t.db.query(
      `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, kind, description, source, captured_at, sha256, size, media_type, original_filename)
       SELECT organisation_id, id, $2, 'screenshot', 'screenshot of the post', 'parent', now(), repeat('a', 64), 1, 'image/png', 'post.png' FROM cases WHERE id = $1
       RETURNING id`,
      [caseId, t.ids.users[DEMO.investigator]],
    );
    return rows[0].id;
  }

  /** Runs the whole investigation short of submission; returns the allegation id. */
  async function investigate(caseId: string, steps: { notify?: boolean; respond?: boolean; find?: boolean } = {}): Promise<string> {
    const ian = await t.as(DEMO.investigator);
    const allegation = await ian.post(`/cases/${caseId}/allegations`, { policyStandard: '7.5', summary: 'Named a colleague in a public post' });
    expect(allegation.status).toBe(201);
    const allegationId = allegation.body.allegations.at(-1).id;
    if (steps.notify ?? true)
      expect((await ian.post(`/cases/${caseId}/subject-notifications`, { sentAt: at, method: 'letter', allegationIds: [allegationId] })).status).toBe(201);
    if (steps.respond ?? true)
      expect((await ian.post(`/cases/${caseId}/subject-responses`, { receivedAt: '2026-11-22T10:00:00Z', response: 'It was a joke' })).status).toBe(201);
    if (steps.find ?? true)
      expect((await ian.post(`/cases/${caseId}/findings`, { allegationId, finding: 'substantiated', reasoning: 'The post is public' })).status).toBe(201);
    return allegationId;
  }

  describe('assignment', () => {
    it('the headteacher appoints an investigating manager, who then sees the case; the other does not', async () => {
      const caseId = await caseUnderInvestigation({}, null);
      const head = await t.as(DEMO.head);
      const before = await (await t.as(DEMO.investigator)).get(`/cases/${caseId}`);
      expect(before.status).toBe(404);
      const assigned = await head.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] });
      expect(assigned.status).toBe(200);
      expect(assigned.body.investigatorUserId).toBe(t.ids.users[DEMO.investigator]);
      expect(assigned.body.assignments).toEqual([expect.objectContaining({ investigatorUserId: t.ids.users[DEMO.investigator], endedAt: null })]);
      expect((await (await t.as(DEMO.investigator)).get(`/cases/${caseId}`)).status).toBe(200);
      expect((await (await t.as(DEMO.investigator2)).get(`/cases/${caseId}`)).status).toBe(404);
      const { rows } = await t.db.query(`SELECT action, actor_role FROM audit_events WHERE case_id = $1 AND action = 'case.assigned'`, [caseId]);
      expect(rows).toEqual([{ action: 'case.assigned', actor_role: 'headteacher' }]);
    });

    it('reassignment takes access away from the previous investigator at once, and is audited', async () => {
      const caseId = await caseUnderInvestigation();
      const head = await t.as(DEMO.head);
      const reassigned = await head.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator2] });
      expect(reassigned.status).toBe(200);
      expect(reassigned.body.assignments.map((a: { endedAt: string | null }) => a.endedAt === null)).toEqual([false, true]);
      const ian = await t.as(DEMO.investigator);
      expect((await ian.get(`/cases/${caseId}`)).status).toBe(404);
      expect((await ian.post(`/cases/${caseId}/allegations`, { category: 'disrepute', summary: 'x' })).status).toBe(404);
      expect((await (await t.as(DEMO.investigator2)).post(`/cases/${caseId}/allegations`, { category: 'disrepute', summary: 'x' })).status).toBe(201);
      const { rows } = await t.db.query(`SELECT payload FROM audit_events WHERE case_id = $1 AND action = 'case.reassigned'`, [caseId]);
      expect(rows[0].payload).toEqual({ investigatorUserId: t.ids.users[DEMO.investigator2], previousInvestigatorUserId: t.ids.users[DEMO.investigator] });
    });

    it('appointing the same investigator again is a 409', async () => {
      const caseId = await caseUnderInvestigation();
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 409);
    });

    it.each([
      ['a subject', { subjectStaffIds: [] as string[] }, 'subject'],
      ['the reporter', {}, 'reporter'],
    ])('refuses an investigating manager who is %s of the case (409)', async (_label, _o, capacity) => {
      const ianStaff = t.ids.staff[DEMO.investigator];
      const overrides = capacity === 'subject' ? { subjectStaffIds: [t.ids.staff['Sam Teacher'], ianStaff] } : { reporter: { staffId: ianStaff } };
      const caseId = await caseUnderInvestigation(overrides, null);
      const response = await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] });
      expectProblem(response, 409);
      expect(response.body.code).toBe('conflict_of_interest');
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action LIKE 'case.%assigned'`, [caseId]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses an investigating manager who is a witness of the case (409)', async () => {
      const caseId = await caseUnderInvestigation({}, DEMO.investigator2);
      const ivy = await t.as(DEMO.investigator2);
      expect(
        (await ivy.post(`/cases/${caseId}/interviews`, { staffId: t.ids.staff[DEMO.investigator], capacity: 'witness', heldAt: at, statement: 'I saw it' }))
          .status,
      ).toBe(201);
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 409);
    });

    it('checks again when a witness is added later: the investigator cannot become a witness of their own case', async () => {
      const caseId = await caseUnderInvestigation();
      const response = await (
        await t.as(DEMO.investigator)
      ).post(`/cases/${caseId}/interviews`, {
        staffId: t.ids.staff[DEMO.investigator],
        capacity: 'witness',
        heldAt: at,
        statement: 'I saw it myself',
      });
      expectProblem(response, 409);
      expect(response.body.code).toBe('conflict_of_interest');
    });

    it('only users holding investigating_manager can be appointed; another organisation’s user is unknown', async () => {
      const caseId = await caseUnderInvestigation({}, null);
      const head = await t.as(DEMO.head);
      expectProblem(await head.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.hr] }), 409);
      expectProblem(await head.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.northHead] }), 400, 'investigatorUserId');
      expectProblem(await head.post(`/cases/${caseId}/assign`, { investigatorUserId: 'nope' }), 400, 'investigatorUserId');
    });

    it('a deactivated investigating manager cannot be appointed', async () => {
      const caseId = await caseUnderInvestigation({}, null);
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [t.ids.users[DEMO.investigator2]]);
      try {
        expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator2] }), 409);
      } finally {
        await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [t.ids.users[DEMO.investigator2]]);
      }
    });

    it('only the decision-maker appoints: deputy, hr, investigators 403; a case not yet triaged is 409', async () => {
      const caseId = await caseUnderInvestigation({}, null);
      for (const who of [DEMO.deputy, DEMO.hr]) {
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 403);
      }
      const reported = await buildCase(t, { to: 'reported' });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${reported.caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 409);
    });

    it('when the headteacher is a subject, the governor appoints and the headteacher sees nothing', async () => {
      const caseId = await caseUnderInvestigation({ subjectStaffIds: [t.ids.staff[DEMO.head]] }, null);
      const head = await t.as(DEMO.head);
      expect((await head.get(`/cases/${caseId}`)).status).toBe(404);
      expectProblem(await head.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 404);
      const governor = await t.as(DEMO.governor);
      const assigned = await governor.post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] });
      expect(assigned.status).toBe(200);
      expect(assigned.body.decisionMakerRole).toBe('governor');
      const { rows } = await t.db.query(`SELECT actor_role FROM audit_events WHERE case_id = $1 AND action = 'case.assigned'`, [caseId]);
      expect(rows).toEqual([{ actor_role: 'governor' }]);
    });
  });

  describe('records', () => {
    it('allegations cite a §7 standard or an App.A category; neither is a 400', async () => {
      const caseId = await caseUnderInvestigation();
      const ian = await t.as(DEMO.investigator);
      expect((await ian.post(`/cases/${caseId}/allegations`, { category: 'confidentiality', summary: 'Shared a pupil’s name' })).status).toBe(201);
      expectProblem(await ian.post(`/cases/${caseId}/allegations`, { summary: 'Something' }), 400, 'policyStandard');
      expectProblem(await ian.post(`/cases/${caseId}/allegations`, { policyStandard: '7.9', summary: 'x' }), 400, 'policyStandard');
    });

    it('facts cite evidence of the same case only', async () => {
      const caseId = await caseUnderInvestigation();
      const other = await caseUnderInvestigation();
      const mine = await evidenceOf(caseId);
      const theirs = await evidenceOf(other);
      const ian = await t.as(DEMO.investigator);
      const ok = await ian.post(`/cases/${caseId}/facts`, { occurredAt: at, description: 'The post went up at 18:30', evidenceIds: [mine] });
      expect(ok.status).toBe(201);
      expect(ok.body.facts).toEqual([expect.objectContaining({ evidenceIds: [mine], occurredAt: '2026-11-21T10:00:00.000Z' })]);
      expectProblem(await ian.post(`/cases/${caseId}/facts`, { occurredAt: at, description: 'x', evidenceIds: [theirs] }), 400, 'evidenceIds');
      expectProblem(await ian.post(`/cases/${caseId}/facts`, { occurredAt: at, description: 'x', evidenceIds: [] }), 400, 'evidenceIds');
    });

    it('interviews record capacity, when, who accompanied them; a witness joins the case parties', async () => {
      const caseId = await caseUnderInvestigation();
      const ian = await t.as(DEMO.investigator);
      const subject = await ian.post(`/cases/${caseId}/interviews`, {
        staffId: t.ids.staff['Sam Teacher'],
        capacity: 'subject',
        heldAt: at,
        accompaniedBy: 'union representative',
        statement: 'I did not mean harm',
      });
      expect(subject.status).toBe(201);
      expect(subject.body.interviews[0]).toEqual(expect.objectContaining({ capacity: 'subject', accompaniedBy: 'union representative', name: 'Sam Teacher' }));
      const witness = await ian.post(`/cases/${caseId}/interviews`, {
        staffId: t.ids.staff['Taylor Assistant'],
        capacity: 'witness',
        heldAt: at,
        statement: 'I saw the post',
      });
      expect(witness.body.witnesses).toEqual([expect.objectContaining({ staffId: t.ids.staff['Taylor Assistant'] })]);
      expectProblem(
        await ian.post(`/cases/${caseId}/interviews`, { staffId: t.ids.staff['Taylor Assistant'], capacity: 'subject', heldAt: at, statement: 'x' }),
        400,
        'staffId',
      );
      expectProblem(await ian.post(`/cases/${caseId}/interviews`, { capacity: 'witness', heldAt: at, statement: 'x' }), 400, 'name');
    });

    it('a witness who is the headteacher hands the decisions to the governors', async () => {
      const caseId = await caseUnderInvestigation();
      const ian = await t.as(DEMO.investigator);
      const response = await ian.post(`/cases/${caseId}/interviews`, {
        staffId: t.ids.staff[DEMO.head],
        capacity: 'witness',
        heldAt: at,
        statement: 'I saw it',
      });
      expect(response.body.decisionMakerRole).toBe('governor');
      expect((await (await t.as(DEMO.head)).get(`/cases/${caseId}`)).status).toBe(404);
      expect((await (await t.as(DEMO.governor)).get(`/cases/${caseId}`)).status).toBe(200);
    });

    it('a response before any notification is a 409', async () => {
      const caseId = await caseUnderInvestigation();
      expectProblem(await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/subject-responses`, { receivedAt: at, response: 'x' }), 409);
    });

    it('notifications cite allegations of this case; findings too', async () => {
      const caseId = await caseUnderInvestigation();
      const other = await caseUnderInvestigation();
      const foreign = await investigate(other, { notify: false, respond: false, find: false });
      const ian = await t.as(DEMO.investigator);
      expectProblem(await ian.post(`/cases/${caseId}/subject-notifications`, { sentAt: at, method: 'letter', allegationIds: [foreign] }), 400, 'allegationIds');
      expectProblem(await ian.post(`/cases/${caseId}/subject-notifications`, { sentAt: at, method: 'telepathy', allegationIds: [foreign] }), 400, 'method');
      expectProblem(await ian.post(`/cases/${caseId}/findings`, { allegationId: foreign, finding: 'substantiated', reasoning: 'x' }), 400, 'allegationId');
    });

    it('a finding may be revised before submission; the audit keeps the previous one', async () => {
      const caseId = await caseUnderInvestigation();
      const allegationId = await investigate(caseId);
      const revised = await (
        await t.as(DEMO.investigator)
      ).post(`/cases/${caseId}/findings`, { allegationId, finding: 'inconclusive', reasoning: 'Account may be shared' });
      expect(revised.body.allegations[0].finding).toEqual(expect.objectContaining({ finding: 'inconclusive' }));
      const { rows } = await t.db.query(
        `SELECT payload->'previous'->>'finding' AS previous FROM audit_events WHERE entity_id = $1 AND action = 'finding.revised'`,
        [allegationId],
      );
      expect(rows).toEqual([{ previous: 'substantiated' }]);
    });
  });

  describe('visibility of every investigation route', () => {
    const routes = (caseId: string, allegationId: string) =>
      [
        [`/cases/${caseId}/allegations`, { category: 'disrepute', summary: 'x' }],
        [`/cases/${caseId}/facts`, { occurredAt: at, description: 'x', evidenceIds: [allegationId] }],
        [`/cases/${caseId}/interviews`, { name: 'A Parent', capacity: 'witness', heldAt: at, statement: 'x' }],
        [`/cases/${caseId}/subject-notifications`, { sentAt: at, method: 'letter', allegationIds: [allegationId] }],
        [`/cases/${caseId}/subject-responses`, { receivedAt: at, response: 'x' }],
        [`/cases/${caseId}/findings`, { allegationId, finding: 'substantiated', reasoning: 'x' }],
        [`/cases/${caseId}/submit-report`, { summary: 'x' }],
      ] as const;

    it('the unassigned investigator and another organisation get 404 on every route; other roles 403', async () => {
      const caseId = await caseUnderInvestigation();
      const allegationId = await investigate(caseId, { notify: false, respond: false, find: false });
      for (const [path, body] of routes(caseId, allegationId)) {
        expectProblem(await (await t.as(DEMO.investigator2)).post(path, body), 404);
        for (const who of [DEMO.head, DEMO.deputy, DEMO.hr, DEMO.governor, DEMO.admin, DEMO.northHead]) {
          expectProblem(await (await t.as(who)).post(path, body), 403);
        }
      }
      // Another organisation's headteacher cannot appoint into this case: it does not exist for them.
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 404);
    });
  });

  describe('submit-report', () => {
    it.each([
      ['no allegation', { allegation: false }],
      ['the subject not notified (nor, then, able to respond)', { notify: false, respond: false }],
      ['no response recorded', { respond: false }],
      ['an allegation without a finding', { find: false }],
    ])('is refused (409) with %s', async (_label, steps) => {
      const caseId = await caseUnderInvestigation();
      const { allegation, ...rest } = steps as { allegation?: boolean; notify?: boolean; respond?: boolean; find?: boolean };
      if (allegation !== false) await investigate(caseId, rest);
      const response = await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/submit-report`, { summary: 'Report' });
      expectProblem(response, 409);
      expect(response.body.code).toBe('submission_blocked');
      expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0].status).toBe('investigation');
    });

    it('is refused when one of two allegations was never notified', async () => {
      const caseId = await caseUnderInvestigation();
      await investigate(caseId);
      const ian = await t.as(DEMO.investigator);
      const second = await ian.post(`/cases/${caseId}/allegations`, { policyStandard: '8', summary: 'Excessive use at work' });
      await ian.post(`/cases/${caseId}/findings`, { allegationId: second.body.allegations.at(-1).id, finding: 'not_substantiated', reasoning: 'x' });
      expectProblem(await ian.post(`/cases/${caseId}/submit-report`, { summary: 'Report' }), 409);
    });

    it('a recorded refusal to respond counts as the response', async () => {
      const caseId = await caseUnderInvestigation();
      const allegationId = await investigate(caseId, { respond: false });
      const ian = await t.as(DEMO.investigator);
      await ian.post(`/cases/${caseId}/subject-responses`, {
        receivedAt: '2026-11-22T10:00:00Z',
        response: 'Declined to comment at the meeting',
        refusedToRespond: true,
      });
      expect(allegationId).toBeDefined();
      expect((await ian.post(`/cases/${caseId}/submit-report`, { summary: 'Report' })).status).toBe(200);
    });

    it('moves the case to awaiting_decision, after which the investigation is read-only', async () => {
      const caseId = await caseUnderInvestigation();
      const allegationId = await investigate(caseId);
      const ian = await t.as(DEMO.investigator);
      const submitted = await ian.post(`/cases/${caseId}/submit-report`, { summary: 'The allegation is substantiated.' });
      expect(submitted.status).toBe(200);
      expect(submitted.body.status).toBe('awaiting_decision');
      expect(submitted.body.investigationReport).toEqual(
        expect.objectContaining({ summary: 'The allegation is substantiated.', submittedByUserId: t.ids.users[DEMO.investigator] }),
      );
      const evidenceId = await evidenceOf(caseId);
      for (const [path, body] of [
        ['allegations', { category: 'disrepute', summary: 'x' }],
        ['facts', { occurredAt: at, description: 'x', evidenceIds: [evidenceId] }],
        ['interviews', { name: 'A Parent', capacity: 'witness', heldAt: at, statement: 'x' }],
        ['subject-notifications', { sentAt: at, method: 'letter', allegationIds: [allegationId] }],
        ['subject-responses', { receivedAt: at, response: 'x' }],
        ['findings', { allegationId, finding: 'inconclusive', reasoning: 'x' }],
        ['submit-report', { summary: 'again' }],
      ] as const) {
        const response = await ian.post(`/cases/${caseId}/${path}`, body);
        expectProblem(response, 409);
      }
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator2] }), 409);
    });

    it('the whole investigation leaves a verifying audit chain', async () => {
      const verify = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(verify.body).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null }));
    });
  });
});
