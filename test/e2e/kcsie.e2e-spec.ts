import { buildCase } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** A safeguarding report (pupils involved: §5 flags it at once). */
const SAFEGUARDING = { involvesPupils: true };
const DISMISSAL = { sanction: 'dismissal_with_notice', warningExpiresAt: undefined };
const NO_ACTION = { sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined };

/**
 * KCSIE Part 4 (process.md §3, issue 12 item 4): the LADO consultation within one working day,
 * KCSIE's finding categories, retention of malicious and false allegations, no close of a
 * safeguarding dismissal without the DBS (and TRA) referral decision, and the reference check.
 */
describe('KCSIE Part 4 (process.md §3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const ladoBody = (overrides: Record<string, unknown> = {}) => ({
    consultedAt: iso(Date.now() - HOUR),
    ladoName: 'J. Smith, LADO',
    advice: 'Proceed under the disciplinary procedure; no police involvement.',
    thresholdMet: true,
    caseManagerUserId: t.ids.users[DEMO.head],
    ...overrides,
  });

  /** A staff member without a login, made by the admin (optionally a teacher). */
  async function newStaff(name: string, teacher?: boolean): Promise<string> {
    const created = await (await t.as(DEMO.admin)).post('/staff', { name, ...(teacher === undefined ? {} : { teacher }) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  describe('the LADO consultation', () => {
    it('is recorded (201, Location, GET), shown with its due time, and not late within one working day', async () => {
      const { caseId } = await buildCase(t, { to: 'reported', report: SAFEGUARDING });
      const deputy = await t.as(DEMO.deputy);
      const before = (await deputy.get(`/cases/${caseId}`)).body.kcsie;
      expect(before.lado).toEqual({ dueBy: expect.any(String), overdue: false, consultations: [] });

      const res = await deputy.post(`/cases/${caseId}/lado-consultations`, ladoBody());
      expect(res.status).toBe(201);
      const id = res.body.createdId;
      expect(res.headers.location).toBe(`/cases/${caseId}/lado-consultations/${id}`);
      expect(res.body.kcsie.lado.consultations).toEqual([
        expect.objectContaining({
          id,
          ladoName: 'J. Smith, LADO',
          thresholdMet: true,
          caseManagerUserId: t.ids.users[DEMO.head],
          late: false,
          withheld: false,
        }),
      ]);
      const read = await (await t.as(DEMO.hr)).get(res.headers.location);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body.kcsie.lado.consultations[0]);
      const events = await t.db.query(`SELECT action, reason FROM audit_events WHERE case_id = $1 AND entity_id = $2 ORDER BY seq`, [caseId, id]);
      expect(events.rows).toEqual([
        { action: 'lado.consulted', reason: 'threshold_met' },
        { action: 'lado_consultation.viewed', reason: null },
      ]);
    });

    it('a late consultation is recorded all the same, and shown late; the case was overdue until then', async () => {
      const { caseId } = await buildCase(t, { to: 'reported', report: SAFEGUARDING });
      // reported ten days ago (the report's own date; the API cannot be asked to move it)
      await t.db.query(`UPDATE cases SET created_at = now() - interval '10 days' WHERE id = $1`, [caseId]);
      const head = await t.as(DEMO.head);
      expect((await head.get(`/cases/${caseId}`)).body.kcsie.lado.overdue).toBe(true);
      const res = await head.post(`/cases/${caseId}/lado-consultations`, ladoBody({ thresholdMet: false }));
      expect(res.status).toBe(201);
      expect(res.body.kcsie.lado).toEqual(
        expect.objectContaining({ overdue: false, consultations: [expect.objectContaining({ late: true, thresholdMet: false })] }),
      );
    });

    it('makes a case that was not flagged a safeguarding matter', async () => {
      const { caseId } = await buildCase(t, { to: 'reported' });
      const deputy = await t.as(DEMO.deputy);
      expect((await deputy.get(`/cases/${caseId}`)).body.kcsie.lado.dueBy).toBeNull();
      const res = await deputy.post(`/cases/${caseId}/lado-consultations`, ladoBody());
      expect(res.status).toBe(201);
      expect(res.body.safeguarding.flagged).toBe(true);
    });

    it('the case manager is an active user of the organisation, never a party to the case', async () => {
      const { caseId } = await buildCase(t, { to: 'reported', report: SAFEGUARDING, reporter: t.ids.staff[DEMO.hr] });
      const deputy = await t.as(DEMO.deputy);
      expectProblem(
        await deputy.post(`/cases/${caseId}/lado-consultations`, ladoBody({ caseManagerUserId: t.ids.users[DEMO.northHead] })),
        400,
        'caseManagerUserId',
      );
      const conflicted = await deputy.post(`/cases/${caseId}/lado-consultations`, ladoBody({ caseManagerUserId: t.ids.users[DEMO.hr] }));
      expectProblem(conflicted, 409);
      expect(conflicted.body.code).toBe('conflict_of_interest');
      expectProblem(await deputy.post(`/cases/${caseId}/lado-consultations`, ladoBody({ consultedAt: iso(Date.now() + DAY) })), 400, 'consultedAt');
    });

    it('a witness of the case reads that it happened, not the advice', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned', report: SAFEGUARDING, lado: true, witnesses: [{ staffId: t.ids.staff[DEMO.hr] }] });
      const hr = await (await t.as(DEMO.hr)).get(`/cases/${caseId}`);
      expect(hr.body.kcsie.lado.consultations).toEqual([expect.objectContaining({ advice: null, withheld: true, ladoName: expect.any(String) })]);
      const head = await (await t.as(DEMO.head)).get(`/cases/${caseId}`);
      expect(head.body.kcsie.lado.consultations).toEqual([expect.objectContaining({ advice: expect.stringContaining('Investigate'), withheld: false })]);
    });
  });

  describe("findings in KCSIE's categories", () => {
    it("a safeguarding allegation takes KCSIE's categories, and any other allegation the ordinary ones", async () => {
      const safeguarding = await buildCase(t, { to: 'investigated', report: SAFEGUARDING, finding: 'malicious' });
      expect((safeguarding.view.allegations as Array<{ finding: { finding: string } }>)[0].finding.finding).toBe('malicious');
      const ian = await t.as(DEMO.investigator);
      const allegationId = safeguarding.allegationIds[0];
      expectProblem(await ian.post(`/cases/${safeguarding.caseId}/findings`, { allegationId, finding: 'inconclusive', reasoning: 'r' }), 400, 'finding');

      const ordinary = await buildCase(t, { to: 'investigated', finding: 'inconclusive' });
      const refused = await ian.post(`/cases/${ordinary.caseId}/findings`, { allegationId: ordinary.allegationIds[0], finding: 'unfounded', reasoning: 'r' });
      expectProblem(refused, 400, 'finding');
    });

    it("a case that becomes safeguarding after its findings restates them in KCSIE's categories before the report goes", async () => {
      const { caseId, allegationIds } = await buildCase(t, { to: 'investigated', finding: 'not_substantiated' });
      expect((await (await t.as(DEMO.deputy)).post(`/cases/${caseId}/lado-consultations`, ladoBody())).status).toBe(201);
      const ian = await t.as(DEMO.investigator);
      const blocked = await ian.post(`/cases/${caseId}/submit-report`, { summary: 'Report' });
      expectProblem(blocked, 409);
      expect(blocked.body).toEqual(expect.objectContaining({ code: 'submission_blocked', detail: expect.stringContaining("KCSIE's categories") }));
      const view = (await ian.get(`/cases/${caseId}`)).body;
      expect(view.guidance.submission.missing).toEqual([{ step: 'findings', description: expect.stringContaining("KCSIE's categories") }]);
      expect((await ian.post(`/cases/${caseId}/findings`, { allegationId: allegationIds[0], finding: 'unsubstantiated', reasoning: 'r' })).status).toBe(201);
      expect((await ian.post(`/cases/${caseId}/submit-report`, { summary: 'Report' })).status).toBe(200);
    });

    it('GET /policy gives the five categories with their KCSIE definitions', async () => {
      const policy = (await (await t.as(DEMO.investigator)).get('/policy')).body;
      expect(policy.kcsieFindings.map((c: { value: string }) => c.value)).toEqual(['substantiated', 'malicious', 'false', 'unsubstantiated', 'unfounded']);
    });
  });

  describe('retention (§13)', () => {
    it('malicious and false allegations leave the record: the base period; substantiated ones are kept ten years from the report', async () => {
      const malicious = await buildCase(t, { to: 'closed', closeVia: 'close', report: SAFEGUARDING, finding: 'malicious', outcome: NO_ACTION });
      const closedAt = new Date(malicious.view.closedAt as string);
      const expected = new Date(closedAt);
      expected.setUTCMonth(expected.getUTCMonth() + t.config.retention.baseMonths);
      expect((malicious.view.retention as { retainUntil: string }).retainUntil).toBe(expected.toISOString());

      const substantiated = await buildCase(t, { to: 'closed', closeVia: 'close', report: SAFEGUARDING });
      const floor = new Date(substantiated.view.createdAt as string);
      floor.setUTCFullYear(floor.getUTCFullYear() + t.config.retention.substantiatedSafeguardingYears);
      expect(new Date((substantiated.view.retention as { retainUntil: string }).retainUntil).getTime()).toBeGreaterThanOrEqual(floor.getTime() - 1000);
    });
  });

  describe('no close without the DBS (and, for a teacher, TRA) referral decision', () => {
    it('a safeguarding case ending in dismissal closes only once the DBS decision is recorded', async () => {
      const subject = await newStaff('Dana Support');
      const { caseId, view } = await buildCase(t, { to: 'decided', report: SAFEGUARDING, subjects: [subject], outcome: DISMISSAL });
      expect(view.status).toBe('decided');
      await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 minute' WHERE case_id = $1`, [caseId]);
      const head = await t.as(DEMO.head);
      const refused = await head.post(`/cases/${caseId}/close`, {});
      expectProblem(refused, 409);
      expect(refused.body).toEqual(expect.objectContaining({ code: 'referral_decision_required', detail: expect.stringContaining('DBS') }));
      expect(refused.body.detail).not.toContain('TRA');
      const waiting = (await head.get(`/cases/${caseId}`)).body;
      expect(waiting.kcsie.referralDecisionsRequired).toEqual(['dbs']);
      // the case says so: no close offered, the next step names the decision
      expect(waiting.guidance.actions).not.toContain('close');
      expect(waiting.guidance.nextStep.description).toContain('DBS referral decision');

      expectProblem(await head.post(`/cases/${caseId}/referral-decisions`, { body: 'dbs', referred: true }), 400, 'referredAt');
      expectProblem(await head.post(`/cases/${caseId}/referral-decisions`, { body: 'dbs', referred: false }), 400, 'reasonNotReferred');
      const recorded = await head.post(`/cases/${caseId}/referral-decisions`, { body: 'dbs', referred: true, referredAt: iso(Date.now() - HOUR) });
      expect(recorded.status).toBe(201);
      expect(recorded.headers.location).toBe(`/cases/${caseId}/referral-decisions/${recorded.body.createdId}`);
      const read = await (await t.as(DEMO.hr)).get(recorded.headers.location);
      expect(read.body).toEqual(expect.objectContaining({ body: 'dbs', referred: true, reasonNotReferred: null }));
      expect((await head.get(`/cases/${caseId}`)).body.guidance.actions).toContain('close');
      expect((await head.post(`/cases/${caseId}/close`, {})).status).toBe(200);
    });

    it('for a teacher also the TRA decision (the staff record’s teacher flag, set by the admin)', async () => {
      const subject = await newStaff('Robin Classroom', true);
      const { caseId } = await buildCase(t, { to: 'decided', report: SAFEGUARDING, subjects: [subject], outcome: DISMISSAL, referralDecision: true });
      await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 minute' WHERE case_id = $1`, [caseId]);
      const head = await t.as(DEMO.head);
      const refused = await head.post(`/cases/${caseId}/close`, {});
      expect(refused.body).toEqual(expect.objectContaining({ code: 'referral_decision_required', detail: expect.stringContaining('TRA') }));
      expect((await head.get(`/cases/${caseId}`)).body.kcsie.referralDecisionsRequired).toEqual(['tra']);
      const tra = { body: 'tra', referred: false, reasonNotReferred: 'The TRA advised the case does not meet its threshold.' };
      expect((await head.post(`/cases/${caseId}/referral-decisions`, tra)).status).toBe(201);
      expect((await head.post(`/cases/${caseId}/close`, {})).status).toBe(200);
    });

    it('the appeal decision that leaves a dismissal in force waits for the decision too; one that reduces it closes', async () => {
      const subject = await newStaff('Alex Office');
      const dismissed = await buildCase(t, { to: 'appeal', report: SAFEGUARDING, subjects: [subject], outcome: DISMISSAL, appealHearing: {} });
      const governor = await t.as(DEMO.governor);
      const refused = await governor.post(`/appeals/${dismissed.appealId}/decision`, { result: 'dismissed', rationale: 'The dismissal stands.' });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('referral_decision_required');
      const varied = await governor.post(`/appeals/${dismissed.appealId}/decision`, {
        result: 'varied',
        rationale: 'A final warning instead.',
        newSanction: 'final_written_warning',
        warningExpiresAt: iso(Date.now() + 300 * DAY),
      });
      expect(varied.status).toBe(200);
      expect(varied.body.status).toBe('closed');
    });

    it('a dismissal on a case that is not safeguarding closes as before', async () => {
      const { view } = await buildCase(t, { to: 'closed', closeVia: 'close', outcome: DISMISSAL });
      expect(view.status).toBe('closed');
    });
  });

  describe('the teacher flag', () => {
    it('is the admin’s, on create and update; false by default', async () => {
      const admin = await t.as(DEMO.admin);
      const created = await admin.post('/staff', { name: 'Flag Test' });
      expect(created.body.teacher).toBe(false);
      expect((await admin.patch(`/staff/${created.body.id}`, { teacher: true })).body.teacher).toBe(true);
      expectProblem(await admin.patch(`/staff/${created.body.id}`, { teacher: null }), 400, 'teacher');
      expect((await admin.get(`/staff/${created.body.id}`)).body.teacher).toBe(true);
    });
  });

  describe('GET /staff/:id/reference-check', () => {
    it('shows substantiated safeguarding findings and live warnings only: never malicious, false, unsubstantiated, unfounded or spent', async () => {
      const subject = await newStaff('Morgan Reference');
      const warned = { sanction: 'final_written_warning', warningExpiresAt: iso(Date.now() + 200 * DAY) };
      const allegation = (summary: string) => ({ policyStandard: '7.6', summary });
      const a = await buildCase(t, {
        to: 'closed',
        closeVia: 'close',
        subjects: [subject],
        report: SAFEGUARDING,
        allegations: [allegation('Shared a pupil photo'), allegation('Messaged a pupil (malicious)')],
        finding: ['substantiated', 'malicious'],
        outcome: warned,
      });
      const b = await buildCase(t, {
        to: 'closed',
        closeVia: 'close',
        subjects: [subject],
        report: SAFEGUARDING,
        allegations: [allegation('Claim F'), allegation('Claim U'), allegation('Claim N')],
        finding: ['false', 'unsubstantiated', 'unfounded'],
        outcome: NO_ACTION,
      });
      // a warning now spent
      const spent = await buildCase(t, { to: 'closed', closeVia: 'close', subjects: [subject], outcome: { warningExpiresAt: iso(Date.now() + DAY) } });
      await t.db.query(`UPDATE outcomes SET warning_expires_at = now() - interval '1 day' WHERE case_id = $1`, [spent.caseId]);
      // still open: not yet anything to say
      await buildCase(t, { to: 'awaiting_decision', subjects: [subject], report: SAFEGUARDING });

      const res = await (await t.as(DEMO.hr)).get(`/staff/${subject}/reference-check`);
      expect(res.status).toBe(200);
      expect(res.body.staff).toEqual({ id: subject, name: 'Morgan Reference', jobTitle: null });
      expect(res.body.substantiatedSafeguardingFindings).toEqual([
        expect.objectContaining({
          caseId: a.caseId,
          reference: a.reference,
          allegationId: a.allegationIds[0],
          finding: 'substantiated',
          summary: 'Shared a pupil photo',
        }),
      ]);
      expect(res.body.liveWarnings).toEqual([
        expect.objectContaining({ caseId: a.caseId, sanction: 'final_written_warning', expiresAt: warned.warningExpiresAt }),
      ]);
      const text = JSON.stringify(res.body);
      for (const never of ['malicious', 'Claim', b.reference, spent.reference, 'unsubstantiated', 'unfounded', '"false"']) expect(text).not.toContain(never);

      // the headteacher may run it too; audited as a look, on each case read and once without a case
      expect((await (await t.as(DEMO.head)).get(`/staff/${subject}/reference-check`)).status).toBe(200);
      const looks = await t.db.query(`SELECT action, case_id FROM audit_events WHERE entity_id = $1 AND action LIKE 'reference_check.%' ORDER BY seq`, [
        subject,
      ]);
      expect(looks.rows.filter((r) => r.action === 'reference_check.viewed')).toHaveLength(2);
      expect(looks.rows.filter((r) => r.action === 'reference_check.case_read').map((r) => r.case_id)).toEqual(expect.arrayContaining([a.caseId, b.caseId]));
    });

    it('nobody runs it on themselves; other roles may not run it at all', async () => {
      const own = await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff[DEMO.hr]}/reference-check`);
      expectProblem(own, 409);
      expect(own.body.code).toBe('own_reference_check');
      expectProblem(await (await t.as(DEMO.deputy)).get(`/staff/${t.ids.staff['Sam Teacher']}/reference-check`), 403);
      expectProblem(await (await t.as(DEMO.northHead)).get(`/staff/${t.ids.staff['Sam Teacher']}/reference-check`), 404);
    });
  });

  describe('subject access and erasure', () => {
    it("the subject's export holds the case's KCSIE records (erasure: erasure.e2e-spec.ts scans their text)", async () => {
      const subject = await newStaff('Jamie Export');
      const { caseId } = await buildCase(t, { to: 'reported', subjects: [subject], report: SAFEGUARDING, lado: true, referralDecision: true });
      const sar = await (await t.as(DEMO.hr)).get(`/staff/${subject}/subject-access-export`);
      const kcsie = sar.body.cases.find((c: { caseId: string }) => c.caseId === caseId).kcsie;
      expect(kcsie.lado.consultations).toHaveLength(1);
      expect(kcsie.referralDecisions).toEqual([expect.objectContaining({ body: 'dbs', referred: false })]);
    });
  });
});
