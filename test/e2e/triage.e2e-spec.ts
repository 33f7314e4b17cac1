import { randomUUID } from 'node:crypto';
import { buildCase } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * POST /cases/:id/triage and POST /cases/:id/safeguarding-referral (api.md "Reports and
 * cases"; domain.md "The case lifecycle", "Report"; §4 triage by the deputy head, §5 safeguarding).
 */

describe('triage', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const newCase = async (overrides: Record<string, unknown> = {}): Promise<string> => (await buildCase(t, { to: 'reported', report: overrides })).caseId;
  const row = async (caseId: string) =>
    (
      await t.db.query('SELECT status, triage_decision, triage_rationale, triaged_at, triaged_by_user_id, closed_at, safeguarding FROM cases WHERE id = $1', [
        caseId,
      ])
    ).rows[0];
  const events = async (caseId: string, action: string) =>
    (
      await t.db.query(
        'SELECT actor_user_id, actor_role, reason, entity_type, entity_id, payload FROM audit_events WHERE case_id = $1 AND action = $2 ORDER BY seq',
        [caseId, action],
      )
    ).rows;
  const setStatus = (caseId: string, status: string) => t.db.query('UPDATE cases SET status = $2::case_status WHERE id = $1', [caseId, status]);
  const triage = (email: string, caseId: string, body: object) => t.as(email).then((c) => c.post(`/cases/${caseId}/triage`, body));

  describe('POST /cases/:id/triage', () => {
    it(`decision investigate → status investigation; the answer is the updated case`, async () => {
      const id = await newCase();
      const res = await triage(DEMO.deputy, id, { decision: 'investigate', rationale: 'Named colleague; facts to establish.' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          id,
          status: 'investigation',
          closedAt: null,
          triage: {
            decision: 'investigate',
            rationale: 'Named colleague; facts to establish.',
            triagedAt: expect.any(String),
            triagedByUserId: t.ids.users[DEMO.deputy],
          },
          subjects: [expect.objectContaining({ staffId: t.ids.staff['Sam Teacher'] })],
          reports: [expect.objectContaining({ platform: 'facebook' })],
        }),
      );
      const read = await (await t.as(DEMO.head)).get(`/cases/${id}`);
      expect(read.body).toEqual(expect.objectContaining({ status: 'investigation', triage: res.body.triage, closedAt: null }));
      expect(await row(id)).toEqual(
        expect.objectContaining({ status: 'investigation', triage_decision: 'investigate', triaged_by_user_id: t.ids.users[DEMO.deputy], closed_at: null }),
      );
      expect(await events(id, 'case.triaged')).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.deputy],
          actor_role: 'deputy_head',
          entity_type: 'case',
          entity_id: id,
          payload: expect.objectContaining({
            from: 'reported',
            to: 'investigation',
            decision: 'investigate',
            rationale: 'Named colleague; facts to establish.',
          }),
        }),
      ]);
    });

    it(`no_further_action and informal_resolution → closed with closedAt, by the headteacher too`, async () => {
      for (const [email, decision, role] of [
        [DEMO.head, 'no_further_action', 'headteacher'],
        [DEMO.deputy, 'informal_resolution', 'deputy_head'],
        [DEMO.head, 'informal_resolution', 'headteacher'],
        [DEMO.deputy, 'no_further_action', 'deputy_head'],
      ]) {
        const id = await newCase();
        const before = Date.now();
        const res = await triage(email, id, { decision, rationale: `${decision}: words of advice given.` });
        expect({ decision, status: res.status }).toEqual({ decision, status: 200 });
        expect(res.body.status).toBe('closed');
        expect(res.body.triage).toEqual(expect.objectContaining({ decision, triagedByUserId: t.ids.users[email] }));
        expect(Date.parse(res.body.closedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(res.body.closedAt)).toBeLessThanOrEqual(Date.now() + 1000);
        expect((await row(id)).closed_at).toBeInstanceOf(Date);
        const audit = await events(id, 'case.triaged');
        expect(audit).toEqual([
          expect.objectContaining({
            actor_user_id: t.ids.users[email],
            actor_role: role,
            payload: expect.objectContaining({ from: 'reported', to: 'closed', decision }),
          }),
        ]);
      }
    });

    it(`triaging twice → 409 invalid_transition, and only the first is audited`, async () => {
      const id = await newCase();
      expect((await triage(DEMO.deputy, id, { decision: 'investigate', rationale: 'First look.' })).status).toBe(200);
      const again = await triage(DEMO.head, id, { decision: 'no_further_action', rationale: 'Second look.' });
      expectProblem(again, 409);
      expect(again.body.code).toBe('invalid_transition');
      expect(await row(id)).toEqual(expect.objectContaining({ status: 'investigation', triage_decision: 'investigate', closed_at: null }));
      expect(await events(id, 'case.triaged')).toHaveLength(1);
    });

    it(`concurrent triage of one case: exactly one 200 and one 409`, async () => {
      for (let round = 0; round < 5; round++) {
        const id = await newCase();
        const [deputy, head] = [await t.as(DEMO.deputy), await t.as(DEMO.head)];
        const responses = await Promise.all([
          deputy.post(`/cases/${id}/triage`, { decision: 'investigate', rationale: 'Deputy: investigate.' }),
          head.post(`/cases/${id}/triage`, { decision: 'no_further_action', rationale: 'Head: nothing to do.' }),
        ]);
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = responses.find((r) => r.status === 200)!;
        const loser = responses.find((r) => r.status === 409)!;
        expectProblem(loser, 409);
        const stored = await row(id);
        expect(stored.status).toBe(winner.body.status);
        expect(stored.triage_decision).toBe(winner.body.triage.decision);
        const audit = await events(id, 'case.triaged');
        expect(audit).toHaveLength(1);
        expect(audit[0].payload.decision).toBe(winner.body.triage.decision);
      }
    });

    it.each([
      ['investigation', 'investigate'],
      ['closed', 'no_further_action'],
      ['awaiting_decision', 'informal_resolution'],
      ['decided', 'investigate'],
    ])('a case that is %s cannot be triaged (%s): 409 invalid_transition, nothing written', async (status, decision) => {
      const id = await newCase();
      await setStatus(id, status);
      const res = await triage(DEMO.deputy, id, { decision, rationale: 'Again.' });
      expectProblem(res, 409);
      expect(res.body.code).toBe('invalid_transition');
      expect(await row(id)).toEqual(expect.objectContaining({ status, triage_decision: null, closed_at: null }));
      expect(await events(id, 'case.triaged')).toEqual([]);
    });

    describe('who may triage', () => {
      it.each([
        ['hr', DEMO.hr],
        ['an unassigned investigating manager', DEMO.investigator2],
        ['admin', DEMO.admin],
        ["Northfield's admin", DEMO.northAdmin],
      ])('%s → 403, nothing written', async (_label, email) => {
        const id = await newCase();
        expectProblem(await triage(email, id, { decision: 'investigate', rationale: 'Mine to decide?' }), 403);
        expect(await row(id)).toEqual(expect.objectContaining({ status: 'reported', triage_decision: null }));
        expect(await events(id, 'case.triaged')).toEqual([]);
      });

      it('the assigned investigating manager → 403 (they see the case but do not triage it)', async () => {
        const id = await newCase();
        await t.db.query('UPDATE cases SET investigator_user_id = $2 WHERE id = $1', [id, t.ids.users[DEMO.investigator]]);
        expect((await (await t.as(DEMO.investigator)).get(`/cases/${id}`)).status).toBe(200);
        expectProblem(await triage(DEMO.investigator, id, { decision: 'no_further_action', rationale: 'x' }), 403);
        expect((await row(id)).status).toBe('reported');
      });

      it('the governor triages only in place of a conflicted headteacher (§2; domain.md "Nobody is ever stuck")', async () => {
        const free = await newCase();
        expectProblem(await triage(DEMO.governor, free, { decision: 'no_further_action', rationale: 'x' }), 404);
        expect((await row(free)).status).toBe('reported');
        const aboutHead = await newCase({ subjectStaffIds: [t.ids.staff['head@demo.school']] });
        const res = await triage(DEMO.governor, aboutHead, { decision: 'investigate', rationale: 'The governors act for the headteacher.' });
        expect(res.status).toBe(200);
        expect((await row(aboutHead)).status).toBe('investigation');
        expect((await events(aboutHead, 'case.triaged'))[0]).toEqual(expect.objectContaining({ actor_role: 'governor' }));
      });

      it('a headteacher who is a subject of the case gets 404 (cannot see it)', async () => {
        const id = await newCase({ subjectStaffIds: [t.ids.staff['head@demo.school']] });
        expectProblem(await triage(DEMO.head, id, { decision: 'no_further_action', rationale: 'About me: nothing to see.' }), 404);
        expect((await row(id)).status).toBe('reported');
        expect(await events(id, 'case.triaged')).toEqual([]);
      });

      it("another organisation's headteacher gets 404; an unknown case 404; a malformed id 400", async () => {
        const id = await newCase();
        expectProblem(await triage(DEMO.northHead, id, { decision: 'no_further_action', rationale: 'x' }), 404);
        expect((await row(id)).status).toBe('reported');
        expectProblem(await triage(DEMO.deputy, randomUUID(), { decision: 'investigate', rationale: 'x' }), 404);
        expectProblem(await triage(DEMO.deputy, 'case-1', { decision: 'investigate', rationale: 'x' }), 400, 'id');
      });

      it('needs a token (401)', async () => {
        const id = await newCase();
        expectProblem(await t.http().post(`/cases/${id}/triage`).send({ decision: 'investigate', rationale: 'x' }), 401);
      });
    });

    describe('validation (400 naming the field, nothing written)', () => {
      it.each([
        ['rationale missing', { decision: 'investigate' }, 'rationale'],
        ['rationale empty', { decision: 'investigate', rationale: '' }, 'rationale'],
        ['rationale not a string', { decision: 'investigate', rationale: 42 }, 'rationale'],
        ['decision not one of the three', { decision: 'dismiss', rationale: 'Gross misconduct.' }, 'decision'],
        ['decision missing', { rationale: 'Why not.' }, 'decision'],
        ['decision as the status it leads to', { decision: 'closed', rationale: 'x' }, 'decision'],
        ['an unknown field', { decision: 'investigate', rationale: 'x', investigatorUserId: randomUUID() }, 'investigatorUserId'],
      ])('%s', async (_label, body, field) => {
        const id = await newCase();
        expectProblem(await triage(DEMO.deputy, id, body), 400, field);
        expect(await row(id)).toEqual(expect.objectContaining({ status: 'reported', triage_decision: null }));
        expect(await events(id, 'case.triaged')).toEqual([]);
      });
    });

    it('a NUL character in the rationale is a 400 naming rationale', async () => {
      const id = await newCase();
      expectProblem(await triage(DEMO.deputy, id, { decision: 'no_further_action', rationale: 'fine\u0000' }), 400, 'rationale');
      expect((await row(id)).status).toBe('reported');
    });
  });

  describe('POST /cases/:id/safeguarding-referral', () => {
    const referral = (over: Record<string, unknown> = {}) => ({
      referredTo: 'Designated Safeguarding Lead',
      referredAt: new Date(Date.now() - 60_000).toISOString(),
      notes: 'Discussed by phone.',
      ...over,
    });
    const referrals = async (caseId: string) => (await t.db.query('SELECT id FROM safeguarding_referrals WHERE case_id = $1', [caseId])).rows;

    it('201 with the referral in safeguarding.referrals; sets the flag; audited', async () => {
      const id = await newCase();
      expect((await row(id)).safeguarding).toBe(false);
      const body = referral();
      const res = await (await t.as(DEMO.deputy)).post(`/cases/${id}/safeguarding-referral`, body);
      expect(res.status).toBe(201);
      expect(res.body.id).toBe(id);
      expect(res.body.status).toBe('reported');
      expect(res.body.safeguarding).toEqual({
        flagged: true,
        referralDueBy: expect.any(String),
        referralOverdue: false,
        referrals: [
          {
            id: expect.any(String),
            referredTo: 'Designated Safeguarding Lead',
            referredAt: body.referredAt,
            notes: 'Discussed by phone.',
            recordedByUserId: t.ids.users[DEMO.deputy],
          },
        ],
      });
      expect((await row(id)).safeguarding).toBe(true);
      const read = await (await t.as(DEMO.hr)).get(`/cases/${id}`);
      expect(read.body.safeguarding).toEqual(res.body.safeguarding);
      const audit = await events(id, 'safeguarding.referred');
      expect(audit).toEqual([
        expect.objectContaining({
          actor_user_id: t.ids.users[DEMO.deputy],
          actor_role: 'deputy_head',
          entity_type: 'safeguarding_referral',
          entity_id: res.body.safeguarding.referrals[0].id,
          payload: expect.objectContaining({ referredTo: 'Designated Safeguarding Lead' }),
        }),
      ]);
    });

    it('the headteacher may record one too; referrals accumulate, oldest first; notes are optional', async () => {
      const id = await newCase({ involvesPupils: true });
      const first = referral({ referredAt: new Date(Date.now() - 3_600_000).toISOString() });
      expect((await (await t.as(DEMO.deputy)).post(`/cases/${id}/safeguarding-referral`, first)).status).toBe(201);
      const second = { referredTo: 'LADO', referredAt: new Date(Date.now() - 60_000).toISOString() };
      const res = await (await t.as(DEMO.head)).post(`/cases/${id}/safeguarding-referral`, second);
      expect(res.status).toBe(201);
      expect(res.body.safeguarding.flagged).toBe(true);
      expect(res.body.safeguarding.referrals).toEqual([
        expect.objectContaining({ referredTo: 'Designated Safeguarding Lead', recordedByUserId: t.ids.users[DEMO.deputy] }),
        expect.objectContaining({ referredTo: 'LADO', notes: null, recordedByUserId: t.ids.users[DEMO.head] }),
      ]);
      expect((await events(id, 'safeguarding.referred')).map((e) => e.actor_role)).toEqual(['deputy_head', 'headteacher']);
    });

    it('a flagged case with no referral past its due time is overdue; a referral clears it', async () => {
      const id = await newCase({ involvesPupils: true });
      const fresh = await (await t.as(DEMO.deputy)).get(`/cases/${id}`);
      expect(fresh.body.safeguarding).toEqual(expect.objectContaining({ flagged: true, referralOverdue: false, referrals: [] }));
      // reported ten days ago: due long since
      await t.db.query(`UPDATE cases SET created_at = now() - interval '10 days' WHERE id = $1`, [id]);
      const late = await (await t.as(DEMO.deputy)).get(`/cases/${id}`);
      expect(late.body.safeguarding).toEqual(expect.objectContaining({ flagged: true, referralOverdue: true }));
      expect(Date.parse(late.body.safeguarding.referralDueBy)).toBeLessThan(Date.now());
      const referred = await (await t.as(DEMO.head)).post(`/cases/${id}/safeguarding-referral`, referral());
      expect(referred.status).toBe(201);
      expect(referred.body.safeguarding).toEqual(expect.objectContaining({ flagged: true, referralOverdue: false }));
    });

    it('a NUL character in referredTo or notes is a 400 naming the field', async () => {
      for (const [over, field] of [
        [{ referredTo: 'DSL\u0000' }, 'referredTo'],
        [{ notes: 'by phone\u0000' }, 'notes'],
      ] as Array<[Record<string, unknown>, string]>) {
        const id = await newCase();
        expectProblem(await (await t.as(DEMO.deputy)).post(`/cases/${id}/safeguarding-referral`, referral(over)), 400, field);
        expect(await referrals(id)).toEqual([]);
      }
    });

    it.each([
      ['referredAt in the future', { referredAt: new Date(Date.now() + 24 * 3_600_000).toISOString() }, 'referredAt'],
      ['referredAt without a time zone', { referredAt: '2026-11-20T10:00:00' }, 'referredAt'],
      ['referredAt missing', { referredAt: undefined }, 'referredAt'],
      ['referredTo missing', { referredTo: undefined }, 'referredTo'],
      ['referredTo empty', { referredTo: '' }, 'referredTo'],
      ['an unknown field', { caseId: randomUUID() }, 'caseId'],
    ])('%s → 400 naming it, nothing written', async (_label, over, field) => {
      const id = await newCase();
      expectProblem(await (await t.as(DEMO.deputy)).post(`/cases/${id}/safeguarding-referral`, referral(over)), 400, field);
      expect(await referrals(id)).toEqual([]);
      expect((await row(id)).safeguarding).toBe(false);
      expect(await events(id, 'safeguarding.referred')).toEqual([]);
    });

    it.each([
      ['hr', DEMO.hr],
      ['an investigating manager', DEMO.investigator],
      ['admin', DEMO.admin],
    ])('%s → 403, nothing written', async (_label, email) => {
      const id = await newCase();
      expectProblem(await (await t.as(email)).post(`/cases/${id}/safeguarding-referral`, referral()), 403);
      expect(await referrals(id)).toEqual([]);
      expect(await events(id, 'safeguarding.referred')).toEqual([]);
    });

    it('the governor records one only in place of a conflicted headteacher; otherwise the case is not theirs to see (404)', async () => {
      const free = await newCase();
      expectProblem(await (await t.as(DEMO.governor)).post(`/cases/${free}/safeguarding-referral`, referral()), 404);
      const aboutHead = await newCase({ subjectStaffIds: [t.ids.staff['head@demo.school']] });
      expect((await (await t.as(DEMO.governor)).post(`/cases/${aboutHead}/safeguarding-referral`, referral())).status).toBe(201);
      expect(await referrals(aboutHead)).toHaveLength(1);
    });

    it("a case not visible to the caller → 404 (another organisation's head, the head as subject)", async () => {
      const id = await newCase({ subjectStaffIds: [t.ids.staff['head@demo.school']] });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${id}/safeguarding-referral`, referral()), 404);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${id}/safeguarding-referral`, referral()), 404);
      expectProblem(await (await t.as(DEMO.deputy)).post(`/cases/${randomUUID()}/safeguarding-referral`, referral()), 404);
      expect(await referrals(id)).toEqual([]);
    });
  });
});
