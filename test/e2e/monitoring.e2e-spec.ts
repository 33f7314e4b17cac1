import { buildCase } from '../support/case-builder';
import { DEMO, expectProblem, monitoringRequestBody, startTestApp, TestApp } from '../support/test-app';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * §9, §11: monitoring only "legitimately and proportionately", for §9's reasons, and
 * personal social media only where potential misconduct has been brought to the school's
 * attention. Decided once by the headteacher, or a governor when the headteacher is conflicted.
 */
describe('monitoring authorisations (§9, §11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const now = Date.now();
  const validRequest = (overrides: Record<string, unknown> = {}) => monitoringRequestBody(overrides, now);

  /** A case under investigation by Ian; the headteacher conflicted when `headIsSubject`. */
  async function openCase(headIsSubject = false): Promise<{ caseId: string; allegationId: string; decider: string }> {
    const built = await buildCase(t, {
      to: 'assigned',
      subjects: [headIsSubject ? t.ids.staff[DEMO.head] : t.ids.staff['Sam Teacher']],
      allegations: [{ policyStandard: '7.7', summary: 'Harassing posts' }],
    });
    expect(built.decider).toBe(headIsSubject ? DEMO.governor : DEMO.head);
    return { caseId: built.caseId, allegationId: built.allegationIds[0], decider: built.decider };
  }

  async function requestMonitoring(caseId: string, overrides: Record<string, unknown> = {}) {
    return (await t.as(DEMO.investigator)).post(`/cases/${caseId}/monitoring-requests`, validRequest(overrides));
  }

  async function uploadExtract(caseId: string, fields: Record<string, string>) {
    const request = t
      .http()
      .post(`/cases/${caseId}/evidence`)
      .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
      .field('kind', 'monitoring_extract')
      .field('description', 'Web filter log extract')
      .field('source', 'school web filter');
    for (const [name, value] of Object.entries(fields)) request.field(name, value);
    return request.attach('file', PNG, { filename: 'extract.png', contentType: 'image/png' });
  }

  describe('requests', () => {
    it('the assigned investigator asks; the request is pending and shown on the case', async () => {
      const { caseId } = await openCase();
      const created = await requestMonitoring(caseId);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({ status: 'pending', scope: 'school_systems', requestedByUserId: t.ids.users[DEMO.investigator], expired: false }),
      );
      const view = await (await t.as(DEMO.head)).get(`/cases/${caseId}`);
      expect(view.body.monitoring).toEqual([expect.objectContaining({ id: created.body.id, status: 'pending', disclosures: [] })]);
    });

    it.each([
      ['scope', { scope: 'bodycam' }],
      ['reason', { reason: 'curiosity' }],
      ['justification', { justification: '' }],
      ['proportionality', { proportionality: undefined }],
      ['periodFrom', { periodFrom: 'yesterday' }],
      ['periodTo', { periodTo: iso(now - 20 * DAY) }],
      ['systems', { systems: [] }],
      ['expiresAt', { expiresAt: iso(now - DAY) }],
      ['allegationIds', { allegationIds: ['00000000-0000-4000-8000-000000000000'] }],
      ['status', { status: 'approved' }],
      ['decidedByUserId', { decidedByUserId: '00000000-0000-4000-8000-000000000000' }],
    ])('an invalid %s is a 400 naming it', async (field, overrides) => {
      const { caseId } = await openCase();
      expectProblem(await requestMonitoring(caseId, overrides), 400, field);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM monitoring_authorisations WHERE case_id = $1`, [caseId]);
      expect(rows[0].n).toBe(0);
    });

    describe('periods and expiries within bounds a school would set (domain.md "Dates the API is told")', () => {
      it.each([
        ['a monitoring period is at most 12 months', 'periodTo', { periodFrom: iso(now - 400 * DAY), periodTo: iso(now - DAY) }],
        ['an authorisation expires at most 3 months after it is decided', 'expiresAt', { expiresAt: iso(now + 100 * DAY) }],
        [
          'a period of 1,100 years with no real expiry is refused',
          'periodTo',
          { periodFrom: '1900-01-01T00:00:00Z', periodTo: '2999-12-31T00:00:00Z', expiresAt: '2999-12-31T00:00:00Z' },
        ],
      ])('%s (400 naming %s)', async (_label, field, overrides) => {
        const { caseId } = await openCase();
        expectProblem(await requestMonitoring(caseId, overrides), 400, field);
        const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM monitoring_authorisations WHERE case_id = $1`, [caseId]);
        expect(rows[0].n).toBe(0);
      });

      it('a year of logs, expiring in under 3 months, is accepted', async () => {
        const { caseId } = await openCase();
        const created = await requestMonitoring(caseId, { periodFrom: iso(now - 360 * DAY), periodTo: iso(now - DAY), expiresAt: iso(now + 85 * DAY) });
        expect(created.status).toBe(201);
      });

      it('approval checks the expiry again: more than 3 months after the approval is a 409 naming expiresAt, and the request stays pending', async () => {
        const { caseId } = await openCase();
        const { body: request } = await requestMonitoring(caseId);
        // A request stored before the bound (or under a longer configured one).
        await t.db.query(`UPDATE monitoring_authorisations SET expires_at = now() + interval '200 days' WHERE id = $1`, [request.id]);
        const refused = await (await t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/approve`, {});
        expectProblem(refused, 409, 'expiresAt');
        expect(refused.body.code).toBe('monitoring_expiry_out_of_bounds');
        const { rows } = await t.db.query(`SELECT status FROM monitoring_authorisations WHERE id = $1`, [request.id]);
        expect(rows[0].status).toBe('pending');
        // rejecting it stays possible
        expect((await (await t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/reject`, { reason: 'Ask again with a nearer expiry' })).status).toBe(
          200,
        );
      });

      it('a request that expired while pending cannot be approved (409 naming expiresAt)', async () => {
        const { caseId } = await openCase();
        const { body: request } = await requestMonitoring(caseId);
        await t.db.query(`UPDATE monitoring_authorisations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [request.id]);
        expectProblem(await (await t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/approve`, {}), 409, 'expiresAt');
      });
    });

    it('§11: personal social media without an allegation of this case is a 409; with one it is accepted', async () => {
      const { caseId, allegationId } = await openCase();
      const refused = await requestMonitoring(caseId, { scope: 'personal_social_media', reason: 'policy_breach' });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('monitoring_not_permitted');
      const accepted = await requestMonitoring(caseId, { scope: 'personal_social_media', reason: 'policy_breach', allegationIds: [allegationId] });
      expect(accepted.status).toBe(201);
      expect(accepted.body.allegationIds).toEqual([allegationId]);
    });

    it('only the assigned investigator asks: hr, deputy, head 403; the other investigator and another organisation 404', async () => {
      const { caseId } = await openCase();
      for (const who of [DEMO.hr, DEMO.deputy, DEMO.head, DEMO.governor])
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/monitoring-requests`, validRequest()), 403);
      expectProblem(await (await t.as(DEMO.investigator2)).post(`/cases/${caseId}/monitoring-requests`, validRequest()), 404);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/monitoring-requests`, validRequest()), 403);
    });
  });

  describe('decisions', () => {
    it('the headteacher approves; the decision is final (409 on a second decision)', async () => {
      const { caseId } = await openCase();
      const { body: request } = await requestMonitoring(caseId);
      const head = await t.as(DEMO.head);
      const approved = await head.post(`/monitoring-requests/${request.id}/approve`, { note: 'Proportionate' });
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual(
        expect.objectContaining({ status: 'approved', decidedByUserId: t.ids.users[DEMO.head], decidedByRole: 'headteacher', decisionNote: 'Proportionate' }),
      );
      expectProblem(await head.post(`/monitoring-requests/${request.id}/reject`, { reason: 'changed my mind' }), 409);
      expectProblem(await head.post(`/monitoring-requests/${request.id}/approve`, {}), 409);
      const { rows } = await t.db.query(`SELECT action, actor_role FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [request.id]);
      expect(rows).toEqual([
        { action: 'monitoring.requested', actor_role: 'investigating_manager' },
        { action: 'monitoring.approved', actor_role: 'headteacher' },
      ]);
    });

    it('rejection needs a reason', async () => {
      const { caseId } = await openCase();
      const { body: request } = await requestMonitoring(caseId);
      expectProblem(await (await t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/reject`, {}), 400, 'reason');
      const rejected = await (await t.as(DEMO.head)).post(`/monitoring-requests/${request.id}/reject`, { reason: 'Not proportionate' });
      expect(rejected.body).toEqual(expect.objectContaining({ status: 'rejected', decisionNote: 'Not proportionate' }));
    });

    it('never by the requester, hr, the deputy, an investigator or another organisation', async () => {
      const { caseId } = await openCase();
      const { body: request } = await requestMonitoring(caseId);
      for (const who of [DEMO.investigator, DEMO.investigator2, DEMO.hr, DEMO.deputy, DEMO.admin]) {
        expectProblem(await (await t.as(who)).post(`/monitoring-requests/${request.id}/approve`, {}), 403);
      }
      expectProblem(await (await t.as(DEMO.northHead)).post(`/monitoring-requests/${request.id}/approve`, {}), 404);
      expectProblem(await (await t.as(DEMO.governor)).post(`/monitoring-requests/${request.id}/approve`, {}), 404);
      expectProblem(await (await t.as(DEMO.head)).post(`/monitoring-requests/00000000-0000-4000-8000-000000000000/approve`, {}), 404);
      expectProblem(await (await t.as(DEMO.head)).post(`/monitoring-requests/nope/approve`, {}), 400, 'id');
    });

    it('a headteacher who is also the requester (holding both roles) cannot decide it: the governors do', async () => {
      await t.db.query(`UPDATE users SET roles = '{headteacher,investigating_manager}' WHERE id = $1`, [t.ids.users[DEMO.head]]);
      try {
        const { caseId, view } = await buildCase(t, { to: 'assigned', investigator: DEMO.head, appointer: DEMO.head });
        expect(view.decisionMakerRole).toBe('governor');
        const head = await t.as(DEMO.head);
        const request = await head.post(`/cases/${caseId}/monitoring-requests`, validRequest());
        expect(request.status).toBe(201);
        expectProblem(await head.post(`/monitoring-requests/${request.body.id}/approve`, {}), 403);
        const approved = await (await t.as(DEMO.governor)).post(`/monitoring-requests/${request.body.id}/approve`, {});
        expect(approved.body).toEqual(expect.objectContaining({ status: 'approved', decidedByRole: 'governor' }));
      } finally {
        await t.db.query(`UPDATE users SET roles = '{headteacher}' WHERE id = $1`, [t.ids.users[DEMO.head]]);
      }
    });

    it('two decisions at once: exactly one wins, the other is a 409', async () => {
      const { caseId } = await openCase();
      const { body: request } = await requestMonitoring(caseId);
      const head = await t.as(DEMO.head);
      const results = await Promise.all([
        head.post(`/monitoring-requests/${request.id}/approve`, {}),
        head.post(`/monitoring-requests/${request.id}/reject`, { reason: 'no' }),
        head.post(`/monitoring-requests/${request.id}/approve`, {}),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action IN ('monitoring.approved', 'monitoring.rejected')`,
        [request.id],
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('use: evidence obtained by monitoring', () => {
    async function approvedOn(caseId: string, overrides: Record<string, unknown> = {}) {
      const { body } = await requestMonitoring(caseId, overrides);
      await (await t.as(DEMO.head)).post(`/monitoring-requests/${body.id}/approve`, {});
      return body.id as string;
    }

    it('is accepted under an approved, unexpired authorisation of the case whose period covers capturedAt', async () => {
      const { caseId } = await openCase();
      const authorisationId = await approvedOn(caseId);
      const uploaded = await uploadExtract(caseId, { capturedAt: iso(now - 7 * DAY), monitoringAuthorisationId: authorisationId });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body.monitoringAuthorisationId).toBe(authorisationId);
    });

    it('a monitoring extract that cites no authorisation is refused', async () => {
      const { caseId } = await openCase();
      expectProblem(await uploadExtract(caseId, { capturedAt: iso(now - 7 * DAY) }), 409);
    });

    it.each([
      ['pending', async (caseId: string) => (await requestMonitoring(caseId)).body.id, /not been approved/],
      [
        'rejected',
        async (caseId: string) => {
          const { body } = await requestMonitoring(caseId);
          await (await t.as(DEMO.head)).post(`/monitoring-requests/${body.id}/reject`, { reason: 'no' });
          return body.id;
        },
        /rejected/,
      ],
      [
        'expired',
        async (caseId: string) => {
          const id = await approvedOn(caseId);
          await t.db.query(`UPDATE monitoring_authorisations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
          return id;
        },
        /expired/,
      ],
      [
        "another case's",
        async () => {
          const other = await openCase();
          return approvedOn(other.caseId);
        },
        /not one of this case/,
      ],
    ])('is refused under a %s authorisation, saying which condition failed', async (_label, make, message) => {
      const { caseId } = await openCase();
      const authorisationId = await make(caseId);
      const response = await uploadExtract(caseId, { capturedAt: iso(now - 7 * DAY), monitoringAuthorisationId: authorisationId });
      expectProblem(response, 409);
      expect(response.body.detail).toMatch(message);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM evidence WHERE case_id = $1`, [caseId]);
      expect(rows[0].n).toBe(0);
    });

    it('is refused when captured outside the authorised period', async () => {
      const { caseId } = await openCase();
      const authorisationId = await approvedOn(caseId);
      const response = await uploadExtract(caseId, { capturedAt: iso(now - 20 * DAY), monitoringAuthorisationId: authorisationId });
      expectProblem(response, 409);
      expect(response.body.detail).toMatch(/outside the authorised period/);
    });

    it('an unknown authorisation id is refused the same way, not a 500', async () => {
      const { caseId } = await openCase();
      const response = await uploadExtract(caseId, { capturedAt: iso(now - 7 * DAY), monitoringAuthorisationId: '00000000-0000-4000-8000-000000000000' });
      expectProblem(response, 409);
    });
  });

  describe('disclosures (§9 "disclosed to a third party for advice")', () => {
    it('are recorded on an approved authorisation, listed on it and in the audit log', async () => {
      const { caseId } = await openCase();
      const { body: request } = await requestMonitoring(caseId);
      const head = await t.as(DEMO.head);
      const disclosure = { recipient: 'LA HR adviser', purpose: 'advice on further action', disclosedAt: iso(now - 1000) };
      expectProblem(await head.post(`/monitoring-requests/${request.id}/disclosures`, disclosure), 409);
      await head.post(`/monitoring-requests/${request.id}/approve`, {});
      const recorded = await head.post(`/monitoring-requests/${request.id}/disclosures`, disclosure);
      expect(recorded.status).toBe(201);
      expect(recorded.body.disclosures).toEqual([expect.objectContaining({ recipient: 'LA HR adviser', purpose: 'advice on further action' })]);
      const byInvestigator = await (
        await t.as(DEMO.investigator)
      ).post(`/monitoring-requests/${request.id}/disclosures`, { ...disclosure, recipient: 'Police liaison' });
      expect(byInvestigator.status).toBe(201);
      expectProblem(await (await t.as(DEMO.hr)).post(`/monitoring-requests/${request.id}/disclosures`, disclosure), 403);
      expectProblem(await head.post(`/monitoring-requests/${request.id}/disclosures`, { ...disclosure, disclosedAt: iso(now + 10 * DAY) }), 400, 'disclosedAt');
      const { rows } = await t.db.query(
        `SELECT payload->>'recipient' AS recipient FROM audit_events WHERE case_id = $1 AND action = 'monitoring.disclosed' ORDER BY seq`,
        [caseId],
      );
      expect(rows).toEqual([{ recipient: 'LA HR adviser' }, { recipient: 'Police liaison' }]);
      const view = await head.get(`/cases/${caseId}`);
      expect(view.body.monitoring[0].disclosures).toHaveLength(2);
    });
  });

  describe('a case whose subject is the headteacher', () => {
    it('is handled end to end by a governor while the headteacher sees nothing', async () => {
      const { caseId, allegationId, decider } = await openCase(true);
      expect(decider).toBe(DEMO.governor);
      const head = await t.as(DEMO.head);
      const governor = await t.as(DEMO.governor);
      const { body: request } = await requestMonitoring(caseId, { scope: 'personal_social_media', reason: 'policy_breach', allegationIds: [allegationId] });
      expectProblem(await head.post(`/monitoring-requests/${request.id}/approve`, {}), 404);
      const approved = await governor.post(`/monitoring-requests/${request.id}/approve`, { note: 'Governor decision' });
      expect(approved.body).toEqual(expect.objectContaining({ status: 'approved', decidedByRole: 'governor' }));
      expect((await uploadExtract(caseId, { capturedAt: iso(now - 7 * DAY), monitoringAuthorisationId: request.id })).status).toBe(201);
      expect((await head.get(`/cases/${caseId}`)).status).toBe(404);
      expect((await head.get('/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      const audit = await head.get(`/audit?caseId=${caseId}`);
      expect(audit.body.items).toEqual([]);
      expect((await governor.get(`/cases/${caseId}`)).body.monitoring[0].status).toBe('approved');
      expect((await head.get('/audit/verify')).body.valid).toBe(true);
    });
  });
});
