import { randomBytes } from 'node:crypto';
import { TEST_PASSWORD } from '../support/constants';
import { addPerson, buildCase, outcomeBody } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const NO_ACTION = { sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined };

/**
 * §6, process.md §4: a grievance by the subject about how the policy was applied, recorded on
 * the case by HR, heard by someone uninvolved (the appeal test), and pausing / resuming the
 * disciplinary process for a related one.
 */
describe('grievances and pausing the process (§6, process.md §4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const grievance = (overrides: Record<string, unknown> = {}) => ({
    lodgedAt: iso(Date.now() - 2 * HOUR),
    summary: 'The investigation did not hear my witness.',
    relatedToProcess: true,
    ...overrides,
  });
  const decision = (overrides: Record<string, unknown> = {}) => ({
    outcome: 'partly_upheld',
    reasons: 'The witness is heard before the decision.',
    decidedAt: iso(Date.now() - HOUR),
    ...overrides,
  });

  async function lodged(to: 'assigned' | 'investigated' | 'awaiting_decision' | 'decided', overrides: Record<string, unknown> = {}, spec = {}) {
    const built = await buildCase(t, { to, ...spec });
    const res = await (await t.as(DEMO.hr)).post(`/cases/${built.caseId}/grievances`, grievance(overrides));
    expect(res.status).toBe(201);
    return { ...built, grievanceId: res.body.createdId as string, view: res.body };
  }

  let counter = 0;
  /** A fresh account with these roles, signed in. */
  async function newUser(roles: string[]): Promise<string> {
    const email = `grievance-${++counter}-${randomBytes(3).toString('hex')}@demo.school`;
    const res = await (await t.as(DEMO.admin)).post('/users', { email, name: `Grievance User ${counter}`, password: TEST_PASSWORD, roles });
    expect(res.status).toBe(201);
    return email;
  }

  describe('recording a grievance', () => {
    it('hr records it (201, Location, audited GET); the case shows it', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      const hr = await t.as(DEMO.hr);
      const res = await hr.post(`/cases/${caseId}/grievances`, grievance());
      expect(res.status).toBe(201);
      const id = res.body.createdId;
      expect(res.headers.location).toBe(`/cases/${caseId}/grievances/${id}`);
      expect(res.body.grievances).toEqual([
        expect.objectContaining({
          id,
          subjectStaffId: t.ids.staff['Sam Teacher'],
          summary: 'The investigation did not hear my witness.',
          relatedToProcess: true,
          decision: null,
          withheld: false,
        }),
      ]);
      expect(res.body.paused).toBeNull();
      const read = await (await t.as(DEMO.head)).get(res.headers.location);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(res.body.grievances[0]);
      const events = await t.db.query(`SELECT action, reason FROM audit_events WHERE case_id = $1 AND entity_id = $2 ORDER BY seq`, [caseId, id]);
      expect(events.rows).toEqual([
        { action: 'grievance.lodged', reason: 'related' },
        { action: 'grievance.viewed', reason: null },
      ]);
      // several per case
      expect((await hr.post(`/cases/${caseId}/grievances`, grievance({ relatedToProcess: false }))).status).toBe(201);
      expect((await hr.get(`/cases/${caseId}`)).body.grievances).toHaveLength(2);
    });

    it('only hr records one; the others are refused (403), and a case hr may not see is 404', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      for (const who of [DEMO.deputy, DEMO.head, DEMO.investigator])
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/grievances`, grievance()), 403);
      expectProblem(await (await t.as(DEMO.northHead)).get(`/cases/${caseId}/grievances/${caseId}`), 404);
      // a case about hr itself: hr never sees it
      const own = await buildCase(t, { to: 'assigned', subjects: [t.ids.staff[DEMO.hr]] });
      expectProblem(await (await t.as(DEMO.hr)).post(`/cases/${own.caseId}/grievances`, grievance()), 404);
    });

    it('its dates are stated, never in the future nor before the activity was seen; a closed case takes none', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      const hr = await t.as(DEMO.hr);
      expectProblem(await hr.post(`/cases/${caseId}/grievances`, grievance({ lodgedAt: iso(Date.now() + DAY) })), 400, 'lodgedAt');
      expectProblem(await hr.post(`/cases/${caseId}/grievances`, grievance({ lodgedAt: '2020-01-01T00:00:00Z' })), 400, 'lodgedAt');
      expectProblem(await hr.post(`/cases/${caseId}/grievances`, grievance({ subjectStaffId: t.ids.staff[DEMO.hr] })), 400, 'subjectStaffId');
      const closed = await buildCase(t, { to: 'closed' });
      const refused = await hr.post(`/cases/${closed.caseId}/grievances`, grievance());
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('invalid_transition');
    });
  });

  describe('deciding a grievance: someone uninvolved in the case', () => {
    it('not the headteacher who decided the outcome; a governor, who sees the case while it waits, decides it once', async () => {
      const { caseId, grievanceId } = await lodged('decided', {}, { outcome: NO_ACTION });
      const path = `/cases/${caseId}/grievances/${grievanceId}/decision`;
      expectProblem(await (await t.as(DEMO.head)).post(path, decision()), 403);
      const governor = await t.as(DEMO.governor);
      expect((await governor.get(`/cases/${caseId}`)).body.guidance.actions).toContain('decide_grievance');
      expectProblem(await governor.post(path, decision({ decidedAt: '2020-01-01T00:00:00Z' })), 400, 'decidedAt');
      expectProblem(await governor.post(path, decision({ decidedAt: iso(Date.now() + DAY) })), 400, 'decidedAt');
      const res = await governor.post(path, decision());
      expect(res.status).toBe(200);
      expect(res.body.grievances[0].decision).toEqual({
        outcome: 'partly_upheld',
        reasons: 'The witness is heard before the decision.',
        decidedAt: expect.any(String),
        decidedByUserId: t.ids.users[DEMO.governor],
      });
      // the decider keeps sight of the case; a second decision is refused
      const again = await governor.post(path, decision({ outcome: 'upheld' }));
      expectProblem(again, 409);
      expect(again.body.code).toBe('already_decided');
      // hr does not decide, and nobody decides a grievance of another case
      expectProblem(await (await t.as(DEMO.hr)).post(path, decision()), 403);
      const other = await buildCase(t, { to: 'assigned' });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${other.caseId}/grievances/${grievanceId}/decision`, decision()), 404);
    });

    it('a governor does not see a case without a grievance waiting (404), and an uninvolved headteacher may decide one', async () => {
      const { caseId, grievanceId } = await lodged('assigned');
      const path = `/cases/${caseId}/grievances/${grievanceId}/decision`;
      const plain = await buildCase(t, { to: 'assigned' });
      expectProblem(await (await t.as(DEMO.governor)).get(`/cases/${plain.caseId}`), 404);
      expect((await (await t.as(DEMO.head)).post(path, decision({ outcome: 'not_upheld' }))).status).toBe(200);
    });

    it('not someone who investigated the case, whatever deciding role they hold', async () => {
      const investigator = await newUser(['investigating_manager', 'governor']);
      const { caseId, grievanceId } = await lodged('assigned', {}, { investigator });
      const refused = await (await t.as(investigator)).post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision());
      expectProblem(refused, 403);
      expect((await (await t.as(investigator)).get(`/cases/${caseId}`)).body.guidance.actions).not.toContain('decide_grievance');
    });
  });

  describe('pausing and resuming the disciplinary process', () => {
    it('the decision-maker pauses for a related grievance; no status changes while paused; resumes only once it is decided', async () => {
      const { caseId, grievanceId } = await lodged('investigated');
      const head = await t.as(DEMO.head);
      expect((await head.get(`/cases/${caseId}`)).body.guidance.actions).toContain('pause_process');
      const paused = await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: 'The grievance is about the investigation itself.' });
      expect(paused.status).toBe(200);
      expect(paused.body.paused).toEqual({
        since: expect.any(String),
        reason: 'The grievance is about the investigation itself.',
        grievanceId,
        pausedByUserId: t.ids.users[DEMO.head],
      });
      expect(paused.body.guidance.nextStep.description).toMatch(/paused pending the grievance/);
      const again = await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: 'again' });
      expectProblem(again, 409);
      expect(again.body.code).toBe('already_paused');

      // no status change: the investigation report waits
      const blocked = await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/submit-report`, { summary: 'Report' });
      expectProblem(blocked, 409);
      expect(blocked.body.code).toBe('case_paused');
      expect((await head.get(`/cases/${caseId}`)).body.status).toBe('investigation');

      const early = await head.post(`/cases/${caseId}/resume`);
      expectProblem(early, 409);
      expect(early.body.code).toBe('grievance_undecided');
      expect((await head.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision())).status).toBe(200);
      // only the acting decision-maker resumes
      expectProblem(await (await t.as(DEMO.hr)).post(`/cases/${caseId}/resume`), 403);
      const resumed = await head.post(`/cases/${caseId}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body.paused).toBeNull();
      const notPaused = await head.post(`/cases/${caseId}/resume`);
      expectProblem(notPaused, 409);
      expect(notPaused.body.code).toBe('not_paused');
      expect((await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/submit-report`, { summary: 'Report' })).status).toBe(200);
      const events = await t.db.query(`SELECT action FROM audit_events WHERE case_id = $1 AND action LIKE 'process.%' ORDER BY seq`, [caseId]);
      expect(events.rows.map((r: { action: string }) => r.action)).toEqual(['process.paused', 'process.resumed']);
    });

    it('recording the outcome waits too (409 case_paused)', async () => {
      const { caseId, grievanceId } = await lodged('awaiting_decision');
      const head = await t.as(DEMO.head);
      expect((await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: 'Wait for the grievance.' })).status).toBe(200);
      const outcome = await head.post(`/cases/${caseId}/outcome`, outcomeBody(NO_ACTION));
      expectProblem(outcome, 409);
      expect(outcome.body.code).toBe('case_paused');
    });

    it('no hearing step while paused: the invitation, a new one, the rearrangement, the record, the appeal hearing (409 case_paused)', async () => {
      const day = 24 * HOUR;
      const { caseId, grievanceId } = await lodged('awaiting_decision');
      const head = await t.as(DEMO.head);
      const invitation = { scheduledFor: iso(Date.now() + 14 * day), place: 'Meeting room 2', evidenceIds: [], possibleOutcomes: ['no_action'] };
      expect((await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: 'Wait for the grievance.' })).status).toBe(200);
      const first = await head.post(`/cases/${caseId}/hearings`, invitation);
      expectProblem(first, 409);
      expect(first.body.code).toBe('case_paused');
      expect((await head.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision())).status).toBe(200);
      expect((await head.post(`/cases/${caseId}/resume`)).status).toBe(200);
      const invited = await head.post(`/cases/${caseId}/hearings`, invitation);
      expect(invited.status).toBe(201);
      const hearingId = invited.body.createdId as string;

      const second = await (await t.as(DEMO.hr)).post(`/cases/${caseId}/grievances`, grievance());
      expect((await head.post(`/cases/${caseId}/pause`, { grievanceId: second.body.createdId, reason: 'Wait again.' })).status).toBe(200);
      const steps = [
        head.post(`/cases/${caseId}/hearings`, { ...invitation, scheduledFor: iso(Date.now() + 15 * day) }),
        head.post(`/hearings/${hearingId}/rearrangements`, { basis: 'chair_decision', scheduledFor: iso(Date.now() + 16 * day), reason: 'The room is taken.' }),
        head.post(`/hearings/${hearingId}/record`, { heldAt: iso(Date.now() - HOUR), subjectAttended: true, attendees: [], notes: 'Held.' }),
      ];
      for (const res of await Promise.all(steps)) {
        expectProblem(res, 409);
        expect(res.body.code).toBe('case_paused');
      }
      expect((await head.get(`/cases/${caseId}`)).body.hearings).toEqual([expect.objectContaining({ id: hearingId, held: null, rearrangements: [] })]);

      const { caseId: onAppeal, appealId } = await buildCase(t, { to: 'appeal' });
      const lodgedOnAppeal = await (await t.as(DEMO.hr)).post(`/cases/${onAppeal}/grievances`, grievance());
      expect((await head.post(`/cases/${onAppeal}/pause`, { grievanceId: lodgedOnAppeal.body.createdId, reason: 'Wait.' })).status).toBe(200);
      const appealHearing = await (await t.as(DEMO.governor)).post(`/appeals/${appealId}/hearings`, { ...invitation, possibleOutcomes: undefined });
      expectProblem(appealHearing, 409);
      expect(appealHearing.body.code).toBe('case_paused');
    });

    it('only for a related, undecided grievance of the case, by the acting decision-maker', async () => {
      const { caseId, grievanceId } = await lodged('assigned', { relatedToProcess: false });
      const head = await t.as(DEMO.head);
      expectProblem(await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: 'r' }), 400, 'grievanceId');
      expectProblem(await head.post(`/cases/${caseId}/pause`, { grievanceId: caseId, reason: 'r' }), 400, 'grievanceId');
      const related = await (await t.as(DEMO.hr)).post(`/cases/${caseId}/grievances`, grievance());
      for (const who of [DEMO.hr, DEMO.investigator, DEMO.deputy]) {
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/pause`, { grievanceId: related.body.createdId, reason: 'r' }), 403);
      }
      expectProblem(await (await t.as(DEMO.governor)).post(`/cases/${caseId}/pause`, { grievanceId: related.body.createdId, reason: 'r' }), 403);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/pause`, { grievanceId: related.body.createdId, reason: 'r' }), 404);
      expect((await head.post(`/cases/${caseId}/grievances/${related.body.createdId}/decision`, decision())).status).toBe(200);
      const decided = await head.post(`/cases/${caseId}/pause`, { grievanceId: related.body.createdId, reason: 'r' });
      expectProblem(decided, 409);
      expect(decided.body.code).toBe('already_decided');
    });
  });

  describe('concurrent changes of one grievance meet the change made first (409), never a 404', () => {
    const auditedAs = async (caseId: string, action: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = $2`, [caseId, action])).rows[0].n;

    it('the person hearing it sends eight decisions at once: one 200, seven 409 already_decided; decided once, one audit event', async () => {
      for (let round = 0; round < 3; round++) {
        const { caseId, grievanceId } = await lodged('decided', {}, { outcome: NO_ACTION });
        const governor = await t.as(DEMO.governor);
        const answers = await Promise.all(
          Array.from({ length: 8 }, (_, i) => governor.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision({ reasons: `Decision ${i}.` }))),
        );
        const answered = answers.map((a) => (a.status === 200 ? '200' : `${a.status} ${a.body.code}`)).sort();
        expect({ round, answered }).toEqual({ round, answered: ['200', ...Array<string>(7).fill('409 already_decided')] });
        for (const refused of answers.filter((a) => a.status === 409)) expectProblem(refused, 409);
        const won = answers.find((a) => a.status === 200)!;
        const row = (await t.db.query(`SELECT reasons, decided_by_user_id FROM grievances WHERE id = $1`, [grievanceId])).rows[0];
        expect(row).toEqual({ reasons: won.body.grievances[0].decision.reasons, decided_by_user_id: t.ids.users[DEMO.governor] });
        expect(await auditedAs(caseId, 'grievance.decided')).toBe(1);
      }
    });

    it('the decision-maker pauses, and resumes, eight times at once: one 200 each, the rest 409 already_paused / not_paused', async () => {
      const { caseId, grievanceId } = await lodged('investigated');
      const head = await t.as(DEMO.head);
      const pauses = await Promise.all(Array.from({ length: 8 }, (_, i) => head.post(`/cases/${caseId}/pause`, { grievanceId, reason: `Pause ${i}.` })));
      expect(pauses.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      for (const refused of pauses.filter((a) => a.status === 409)) {
        expectProblem(refused, 409);
        expect(refused.body.code).toBe('already_paused');
      }
      expect(await auditedAs(caseId, 'process.paused')).toBe(1);
      expect((await head.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision())).status).toBe(200);
      const resumes = await Promise.all(Array.from({ length: 8 }, () => head.post(`/cases/${caseId}/resume`)));
      expect(resumes.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      for (const refused of resumes.filter((a) => a.status === 409)) {
        expectProblem(refused, 409);
        expect(refused.body.code).toBe('not_paused');
      }
      expect(await auditedAs(caseId, 'process.resumed')).toBe(1);
    });
  });

  describe('data protection (§13)', () => {
    it('a witness of the case reads that a grievance exists, not what it says; the subject’s export holds it; erasure takes it', async () => {
      const { caseId, grievanceId } = await lodged('decided', {}, { outcome: NO_ACTION, witnesses: [{ staffId: t.ids.staff[DEMO.deputy] }] });
      const deputy = (await (await t.as(DEMO.deputy)).get(`/cases/${caseId}`)).body;
      expect(deputy.grievances).toEqual([expect.objectContaining({ id: grievanceId, summary: null, withheld: true })]);

      const sar = await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff['Sam Teacher']}/subject-access-export`);
      expect(sar.status).toBe(200);
      const mine = sar.body.cases.find((c: { caseId?: string }) => c.caseId === caseId);
      expect(mine.grievances).toEqual([expect.objectContaining({ id: grievanceId, summary: 'The investigation did not hear my witness.' })]);
      const witnessSar = await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff[DEMO.deputy]}/subject-access-export`);
      expect(witnessSar.body.cases.find((c: { caseId?: string }) => c.caseId === caseId).grievances).toEqual([]);

      const governor = await t.as(DEMO.governor);
      expect((await governor.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, decision())).status).toBe(200);
      expect((await (await t.as(DEMO.head)).post(`/cases/${caseId}/close`, {})).status).toBe(200);
      await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [caseId]);
      expect((await (await t.as(DEMO.head)).post('/retention/run')).status).toBe(200);
      const left = await t.db.query(`SELECT count(*)::int AS n FROM grievances WHERE case_id = $1`, [caseId]);
      expect(left.rows[0].n).toBe(0);
      expect((await (await t.as(DEMO.head)).get(`/cases/${caseId}`)).body.grievances).toEqual([]);
    });
  });
});

/**
 * Issue 12: a grievance is seen by the governors who may hear it only while it waits, so the
 * decision of one moves the case out of the others' sight. Eight of them deciding it at once
 * meet that decision: 409 already_decided, never a 404 they did not earn. An application of
 * its own: the governors it adds change who acts on every case of the organisation.
 */
describe('concurrent decisions of one grievance by everyone who may hear it (issue 12)', () => {
  let t: TestApp;
  let governors: string[];
  let userIds: string[];
  beforeAll(async () => {
    t = await startTestApp();
    const more = await Promise.all(Array.from({ length: 7 }, (_, i) => addPerson(t, { name: `Grievance Governor ${'ABCDEFG'[i]}`, roles: ['governor'] })));
    governors = [DEMO.governor, ...more.map((p) => p.email)];
    userIds = [t.ids.users[DEMO.governor], ...more.map((p) => p.userId)];
    for (const email of governors) await t.token(email);
  });

  /** HR records the subject's grievance, related to the process; its id. */
  async function lodgedBy(caseId: string): Promise<string> {
    const lodged = await (
      await t.as(DEMO.hr)
    ).post(`/cases/${caseId}/grievances`, {
      lodgedAt: iso(Date.now() - 2 * HOUR),
      summary: 'The investigation did not hear my witness.',
      relatedToProcess: true,
    });
    expect(lodged.status).toBe(201);
    return lodged.body.createdId as string;
  }
  afterAll(() => t?.close());

  it('eight eligible governors decide one grievance at once: one 200, seven 409 already_decided, decided once, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const { caseId } = await buildCase(t, { to: 'decided', outcome: NO_ACTION });
      const grievanceId = await lodgedBy(caseId);
      const clients = await Promise.all(governors.map((email) => t.as(email)));
      const answers = await Promise.all(
        clients.map((c, i) =>
          c.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, {
            outcome: 'not_upheld',
            reasons: `Governor ${i}.`,
            decidedAt: iso(Date.now() - HOUR),
          }),
        ),
      );
      const answered = answers.map((a) => (a.status === 200 ? '200' : `${a.status} ${a.body.code}`)).sort();
      expect({ round, answered }).toEqual({ round, answered: ['200', ...Array<string>(7).fill('409 already_decided')] });
      for (const refused of answers.filter((a) => a.status === 409)) expectProblem(refused, 409);
      const won = answers.findIndex((a) => a.status === 200);
      const row = (await t.db.query(`SELECT reasons, decided_by_user_id FROM grievances WHERE id = $1`, [grievanceId])).rows[0];
      expect(row).toEqual({ reasons: `Governor ${won}.`, decided_by_user_id: userIds[won] });
      const events = await t.db.query(`SELECT actor_user_id FROM audit_events WHERE case_id = $1 AND action = 'grievance.decided'`, [caseId]);
      expect(events.rows).toEqual([{ actor_user_id: userIds[won] }]);
      // the others no longer see the case (what they did not decide is not theirs to read), and one who asks late meets the decision too
      const loser = clients[(won + 1) % clients.length];
      expectProblem(await loser.get(`/cases/${caseId}`), 404);
      const late = await loser.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, {
        outcome: 'upheld',
        reasons: 'Late.',
        decidedAt: iso(Date.now() - HOUR),
      });
      expectProblem(late, 409);
      expect(late.body.code).toBe('already_decided');
    }
  });

  it('someone who could never hear it still gets the 404 once it is decided (a headteacher who decided the outcome; another school)', async () => {
    const { caseId } = await buildCase(t, { to: 'decided', outcome: NO_ACTION });
    const path = `/cases/${caseId}/grievances/${await lodgedBy(caseId)}/decision`;
    const body = { outcome: 'upheld', reasons: 'Heard.', decidedAt: iso(Date.now() - HOUR) };
    expect((await (await t.as(DEMO.governor)).post(path, body)).status).toBe(200);
    expectProblem(await (await t.as(DEMO.northHead)).post(path, body), 404);
    expectProblem(await (await t.as(DEMO.head)).post(path, body), 403);
  });
});
