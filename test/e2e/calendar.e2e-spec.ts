import { buildCase, outcomeBody } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Working days by the organisation's nation (issue 13 item 1; process.md §6 "Working days";
 * docs/calendar.md): every "within N working days" the API applies skips the bank holidays of
 * the organisation's nation — England and Wales by default, Scotland, Northern Ireland — and
 * the nation is an admin setting (GET/PUT /organisation/nation, audited). Deadlines are judged
 * at the app's clock (test/support/test-app.ts `clock`), across Christmas, Easter and a clock
 * change.
 */
describe('working days by the organisation’s nation (process.md §6)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(async () => {
    t.clock.reset();
    // every test starts in England and Wales, the default
    await t.db.query(`UPDATE organisations SET nation = 'england_and_wales' WHERE id = $1`, [t.ids.org.werrington]);
  });

  type Client = Awaited<ReturnType<typeof signIn>>;

  async function signIn(email: string) {
    const login = await t.http().post('/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    return {
      get: (path: string) => t.http().get(path).set('authorization', auth),
      post: (path: string, body: object) => t.http().post(path).set('authorization', auth).send(body),
      put: (path: string, body: object) => t.http().put(path).set('authorization', auth).send(body),
    };
  }

  /**
   * Puts the app's clock at `instant` and answers `email` signed in with a session live then.
   * Sessions and tokens read the same clock, except the token's expiry (real time): a session
   * for an instant ahead of the real time is begun there; one for an instant already past is
   * begun now, and the clock then goes back (the session is not idle at an earlier instant).
   */
  async function at(instant: string, email: string): Promise<Client> {
    t.clock.reset();
    if (Date.parse(instant) <= Date.now()) {
      const client = await signIn(email);
      t.clock.set(instant);
      return client;
    }
    t.clock.set(instant);
    return signIn(email);
  }

  /** The admin sets the nation (at the real time: the clock is reset). */
  async function setNation(nation: string): Promise<void> {
    t.clock.reset();
    await (await signIn(DEMO.admin)).put('/organisation/nation', { nation }).expect(200);
  }

  /** A safeguarding case whose report is moved to `reportedAt` (time the API cannot be asked to move). */
  async function safeguardingCaseReportedAt(reportedAt: string): Promise<{ id: string; reference: string }> {
    const created = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { involvesPupils: true })).expect(201);
    await t.db.query(`UPDATE cases SET created_at = $2, updated_at = $2 WHERE id = $1`, [created.body.id, reportedAt]);
    await t.db.query(`UPDATE reports SET created_at = $2 WHERE case_id = $1`, [created.body.id, reportedAt]);
    return { id: created.body.id, reference: created.body.reference };
  }
  /** The case as the headteacher reads it, its deadlines judged at `instant` (default: now). */
  const view = async (id: string, instant = new Date().toISOString()) => (await (await at(instant, DEMO.head)).get(`/cases/${id}`).expect(200)).body;
  /** Whether GET /cases?overdue=true at `instant` lists the case. */
  const listedOverdue = async (reference: string, instant: string) =>
    ((await (await at(instant, DEMO.head)).get(`/cases?overdue=true&q=${reference}`).expect(200)).body.items as Array<{ reference: string }>).some(
      (c) => c.reference === reference,
    );

  describe('the nation setting (admin)', () => {
    it('is England and Wales by default, with the last date the bank holidays are known to', async () => {
      const admin = await t.as(DEMO.admin);
      expect((await admin.get('/organisation/nation').expect(200)).body).toEqual({ nation: 'england_and_wales', bankHolidaysKnownThrough: '2030-12-31' });
    });

    it('is set by the admin, audited with what it was and what it became; another organisation’s is untouched', async () => {
      const admin = await t.as(DEMO.admin);
      expect((await admin.put('/organisation/nation', { nation: 'scotland' }).expect(200)).body).toEqual({
        nation: 'scotland',
        bankHolidaysKnownThrough: '2030-12-31',
      });
      expect((await admin.get('/organisation/nation')).body.nation).toBe('scotland');
      const { rows } = await t.db.query(
        `SELECT payload, entity_type, entity_id FROM audit_events WHERE action = 'organisation.nation_updated' AND organisation_id = $1 ORDER BY seq DESC LIMIT 1`,
        [t.ids.org.werrington],
      );
      expect(rows[0]).toEqual({ payload: { from: 'england_and_wales', to: 'scotland' }, entity_type: 'organisation', entity_id: t.ids.org.werrington });
      expect((await (await t.as(DEMO.northAdmin)).get('/organisation/nation')).body.nation).toBe('england_and_wales');
    });

    it('refuses a nation it does not know (400 naming nation)', async () => {
      expectProblem(await (await t.as(DEMO.admin)).put('/organisation/nation', { nation: 'wales' }), 400, 'nation');
      expectProblem(await (await t.as(DEMO.admin)).put('/organisation/nation', {}), 400, 'nation');
    });
  });

  describe('the safeguarding referral and the LADO consultation: within one working day', () => {
    it('reported Thursday 24 December 2026 in England and Wales: due by the end of Tuesday 29 (25 and 28 are bank holidays); overdue from the 30th', async () => {
      const c = await safeguardingCaseReportedAt('2026-12-24T10:00:00Z');
      const due = await view(c.id, '2026-12-29T23:59:00Z');
      expect(due.safeguarding).toEqual(expect.objectContaining({ referralDueBy: '2026-12-29T23:59:59.999Z', referralOverdue: false }));
      expect(due.kcsie.lado).toEqual(expect.objectContaining({ dueBy: '2026-12-29T23:59:59.999Z', overdue: false }));
      expect(await listedOverdue(c.reference, '2026-12-29T23:59:00Z')).toBe(false);

      const late = await view(c.id, '2026-12-30T00:00:01Z');
      expect(late.safeguarding.referralOverdue).toBe(true);
      expect(late.kcsie.lado.overdue).toBe(true);
      expect(await listedOverdue(c.reference, '2026-12-30T00:00:01Z')).toBe(true);
    });

    it('the same case in a Scottish organisation: Christmas 2026 falls alike; New Year does not (2 January is a Scottish bank holiday)', async () => {
      const christmas = await safeguardingCaseReportedAt('2026-12-24T10:00:00Z');
      const newYear = await safeguardingCaseReportedAt('2025-12-31T10:00:00Z'); // a Wednesday
      expect((await view(newYear.id)).safeguarding.referralDueBy).toBe('2026-01-02T23:59:59.999Z');

      await setNation('scotland');
      expect((await view(christmas.id)).safeguarding.referralDueBy).toBe('2026-12-29T23:59:59.999Z');
      const scottish = await view(newYear.id);
      expect(scottish.safeguarding.referralDueBy).toBe('2026-01-05T23:59:59.999Z');
      expect(scottish.kcsie.lado.dueBy).toBe('2026-01-05T23:59:59.999Z');
      // on Monday 5 January the Scottish case is not overdue yet; the English one was, from Saturday 3
      expect(await listedOverdue(newYear.reference, '2026-01-05T12:00:00Z')).toBe(false);
      await setNation('england_and_wales');
      expect(await listedOverdue(newYear.reference, '2026-01-05T12:00:00Z')).toBe(true);
    });

    it('across the clock change (BST → GMT, Sunday 25 October 2026) it counts local dates', async () => {
      // Friday 23 October, 16:00 BST → the end of Monday 26, GMT
      const friday = await safeguardingCaseReportedAt('2026-10-23T15:00:00Z');
      expect((await view(friday.id)).safeguarding.referralDueBy).toBe('2026-10-26T23:59:59.999Z');
      // Thursday 22 October, 23:30 BST (22:30 UTC) is still Thursday: the end of Friday 23, BST
      const lateThursday = await safeguardingCaseReportedAt('2026-10-22T22:30:00Z');
      expect((await view(lateThursday.id)).safeguarding.referralDueBy).toBe('2026-10-23T22:59:59.999Z');
      // 23:30 GMT on Monday: the Friday case is due, not overdue; at midnight GMT it is
      expect((await view(friday.id, '2026-10-26T23:30:00Z')).safeguarding.referralOverdue).toBe(false);
      expect(await listedOverdue(friday.reference, '2026-10-26T23:30:00Z')).toBe(false);
      expect((await view(friday.id, '2026-10-27T00:00:00Z')).safeguarding.referralOverdue).toBe(true);
      expect(await listedOverdue(friday.reference, '2026-10-27T00:00:00Z')).toBe(true);
    });
  });

  describe('the hearing notice: at least 5 working days (process.md §1)', () => {
    it('invited Wednesday 24 March 2027: Good Friday and Easter Monday skipped in England and Wales, Easter Monday counted in Scotland', async () => {
      const built = await buildCase(t, { to: 'awaiting_decision', label: 'easter hearing' });
      const invitation = (scheduledFor: string) => ({
        scheduledFor,
        place: 'Meeting room 2',
        evidenceIds: [],
        possibleOutcomes: ['no_action', 'first_written_warning'],
      });
      const invite = async (scheduledFor: string) =>
        (await at('2027-03-24T10:00:00Z', built.decider)).post(`/cases/${built.caseId}/hearings`, invitation(scheduledFor));
      // invited at 10:00 GMT (and a few milliseconds, the clock runs on): 25, 26 (Good Friday), 29 (Easter Monday), 30, 31, 1, 2
      // → Friday 2 April, 10:00 BST (09:00 UTC) at the earliest
      const refused = await invite('2027-04-01T09:05:00Z');
      expectProblem(refused, 400, 'scheduledFor');
      expect(refused.body.errors[0].message).toContain('2027-04-02T09:00:00');

      await setNation('scotland'); // no Easter Monday in Scotland: Thursday 1 April will do
      expect((await invite('2027-04-01T09:05:00Z')).status).toBe(201);

      await setNation('england_and_wales');
      expect((await invite('2027-04-02T09:05:00Z')).status).toBe(201); // a new invitation replaces the one not held
    });
  });

  describe('the appeal window: at least 5 working days after the decision is communicated (domain.md "Dates the API is told")', () => {
    it('communicated Monday 22 December 2025: Christmas Day and Boxing Day skipped → Wednesday 31 December at the earliest', async () => {
      const built = await buildCase(t, { to: 'hearing', label: 'christmas appeal', report: { observedAt: '2025-11-03T18:30:00Z' } });
      // the hearing was held on 1 December 2025 (time the API cannot be asked to move)
      await t.db.query(`UPDATE hearings SET held_at = '2025-12-01T10:00:00Z' WHERE id = $1`, [built.hearingId]);
      const decider = await t.as(built.decider);
      const outcome = (appealDeadline: string) => outcomeBody({ decidedAt: '2025-12-22T09:00:00Z', communicatedAt: '2025-12-22T10:00:00Z', appealDeadline });
      // 23, 24, (25, 26 bank holidays), 29, 30, 31: counted in weekends only, Tuesday 30 would have done
      const refused = await decider.post(`/cases/${built.caseId}/outcome`, outcome('2025-12-30T10:00:00Z'));
      expectProblem(refused, 400, 'appealDeadline');
      expect(refused.body.errors[0].message).toContain('2025-12-31T10:00:00.000Z or later');
      await decider.post(`/cases/${built.caseId}/outcome`, outcome('2025-12-31T10:00:00Z')).expect(201);
    });
  });
});
