import { buildCase } from '../support/case-builder';
import { docxText } from '../support/docx-text';
import { binaryParser } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';
import { withOrganisationDeadlines } from '../support/organisation-deadlines';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Precautionary suspension (process.md §1, last bullet; ACAS Code; KCSIE Part 4: never
 * automatic): the acting decision-maker suspends a subject on full pay during the process, with
 * the grounds, reasons and alternatives considered, a review date at most 4 weeks ahead; reviews
 * continue or end it; unreviewed by its date it lapses; the outcome ends it.
 */
describe('precautionary suspension (process.md §1)', () => {
  let t: TestApp;
  let sam: string;
  beforeAll(async () => {
    t = await startTestApp();
    sam = t.ids.staff['Sam Teacher'];
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    subjectStaffId: sam,
    startsAt: iso(Date.now() - HOUR),
    grounds: ['risk_to_pupils', 'risk_to_evidence'],
    reasons: 'Messages to pupils are alleged; the account could be deleted.',
    alternativesConsidered: 'Other duties away from pupils were considered; the evidence risk remains.',
    reviewBy: iso(Date.now() + 14 * DAY),
    ...overrides,
  });

  /** A case under investigation about Sam, and the headteacher's suspension of Sam. */
  async function suspended(overrides: Record<string, unknown> = {}) {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const res = await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions`, body(overrides));
    expect(res.status).toBe(201);
    return { caseId, suspensionId: res.body.createdId as string, res };
  }

  it('the headteacher suspends a subject (201, Location, an audited GET); the case shows it active, and guidance offers the review', async () => {
    const { caseId, suspensionId, res } = await suspended();
    expect(res.headers.location).toBe(`/cases/${caseId}/suspensions/${suspensionId}`);
    expect(res.body.suspensions).toEqual([
      expect.objectContaining({
        id: suspensionId,
        subjectStaffId: sam,
        subjectName: 'Sam Teacher',
        grounds: ['risk_to_pupils', 'risk_to_evidence'],
        status: 'active',
        endedAt: null,
        endReason: null,
        reviews: [],
        withheld: false,
      }),
    ]);
    expect(res.body.suspensions[0].reviewBy).toBe(res.body.suspensions[0].firstReviewBy);
    expect(res.body.guidance.actions).toEqual(expect.arrayContaining(['suspend', 'review_suspension']));
    const read = await (await t.as(DEMO.hr)).get(res.headers.location);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body.suspensions[0]);
    const events = await t.db.query(`SELECT action, reason FROM audit_events WHERE case_id = $1 AND entity_id = $2 ORDER BY seq`, [caseId, suspensionId]);
    expect(events.rows).toEqual([
      { action: 'suspension.recorded', reason: 'risk_to_pupils_and_risk_to_evidence' },
      { action: 'suspension.viewed', reason: null },
    ]);
    // the reasons are case content: not in the hash-chained reason
    expect(JSON.stringify(events.rows)).not.toContain('Messages to pupils');
    expect((await (await t.as(DEMO.hr)).get(`/cases/${caseId}/suspensions/${caseId}`)).status).toBe(404);
  });

  describe('who may', () => {
    it('not the deputy head, HR or the investigating manager (403); nobody who cannot see the case (404)', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      for (const who of [DEMO.deputy, DEMO.hr, DEMO.investigator]) {
        expectProblem(await (await t.as(who)).post(`/cases/${caseId}/suspensions`, body()), 403);
      }
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/suspensions`, body()), 404);
      // the headteacher as the subject: the case is hidden from them, the governors act
      const headSubject = await buildCase(t, { to: 'assigned', subjects: [t.ids.staff[DEMO.head]] });
      const own = body({ subjectStaffId: t.ids.staff[DEMO.head] });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${headSubject.caseId}/suspensions`, own), 404);
      expect((await (await t.as(DEMO.governor)).post(`/cases/${headSubject.caseId}/suspensions`, own)).status).toBe(201);
    });

    it('a conflicted headteacher (a witness, who takes no decision and so does not see the case: 404): the governors suspend and review', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned', witnesses: [{ staffId: t.ids.staff[DEMO.head] }] });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions`, body()), 404);
      const governor = await t.as(DEMO.governor);
      const res = await governor.post(`/cases/${caseId}/suspensions`, body());
      expect(res.status).toBe(201);
      expect(res.body.guidance.actions).toEqual(expect.arrayContaining(['suspend', 'review_suspension']));
      const review = { decision: 'end', reasons: 'The evidence is secured.' };
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions/${res.body.createdId}/reviews`, review), 404);
      expect((await governor.post(`/cases/${caseId}/suspensions/${res.body.createdId}/reviews`, review)).status).toBe(200);
    });

    it('a witness of the case reads that the suspension exists and its dates, not the reasons', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned', witnesses: [{ staffId: t.ids.staff[DEMO.hr] }] });
      expect((await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions`, body())).status).toBe(201);
      const hr = (await (await t.as(DEMO.hr)).get(`/cases/${caseId}`)).body;
      expect(hr.suspensions).toEqual([expect.objectContaining({ status: 'active', reasons: null, alternativesConsidered: null, withheld: true })]);
    });
  });

  describe('what is recorded', () => {
    it('the review date is after the start and at most 4 weeks after it (400 naming reviewBy)', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      const head = await t.as(DEMO.head);
      const startsAt = Date.now() - HOUR;
      const post = (o: Record<string, unknown>) => head.post(`/cases/${caseId}/suspensions`, body({ startsAt: iso(startsAt), ...o }));
      expectProblem(await post({ reviewBy: iso(startsAt + 28 * DAY + MINUTE) }), 400, 'reviewBy');
      expectProblem(await post({ reviewBy: iso(startsAt - MINUTE) }), 400, 'reviewBy');
      expectProblem(await post({ startsAt: iso(Date.now() + DAY) }), 400, 'startsAt');
      expectProblem(await post({ startsAt: '2020-01-01T00:00:00Z', reviewBy: '2020-01-20T00:00:00Z' }), 400, 'startsAt');
      expectProblem(await post({ grounds: [] }), 400, 'grounds');
      expectProblem(await post({ grounds: ['convenience'] }), 400, 'grounds');
      expectProblem(await post({ alternativesConsidered: ' ' }), 400, 'alternativesConsidered');
      expectProblem(await post({ subjectStaffId: t.ids.staff['Robin Teacher'] }), 400, 'subjectStaffId');
      expect((await post({ reviewBy: iso(startsAt + 28 * DAY) })).status).toBe(201);
    });

    it('one active suspension per subject (409 already_suspended)', async () => {
      const { caseId } = await suspended();
      const again = await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions`, body());
      expectProblem(again, 409);
      expect(again.body.code).toBe('already_suspended');
    });

    it('not after the outcome (409)', async () => {
      const { caseId } = await buildCase(t, { to: 'decided' });
      const refused = await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions`, body());
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('invalid_transition');
      expect((await (await t.as(DEMO.head)).get(`/cases/${caseId}`)).body.guidance.actions).not.toContain('suspend');
    });
  });

  describe('the organisation’s own review period (issue 13: shorter than 4 weeks, never longer)', () => {
    it('14 days refuses a review date 20 days ahead that the 4 weeks accept, at the start and on a continuing review', async () => {
      const { caseId, suspensionId } = await suspended();
      const head = await t.as(DEMO.head);
      const twentyDays = iso(Date.now() + 20 * DAY);
      const continuing = { decision: 'continue', reasons: 'The risk remains.', reviewBy: twentyDays };
      const { caseId: other } = await buildCase(t, { to: 'assigned' });
      await withOrganisationDeadlines(t, { suspensionReviewMaxDays: 14 }, async () => {
        expectProblem(await head.post(`/cases/${other}/suspensions`, body({ reviewBy: twentyDays })), 400, 'reviewBy');
        expectProblem(await head.post(`/cases/${caseId}/suspensions/${suspensionId}/reviews`, continuing), 400, 'reviewBy');
      });
      expect((await head.post(`/cases/${other}/suspensions`, body({ reviewBy: twentyDays }))).status).toBe(201);
      expect((await head.post(`/cases/${caseId}/suspensions/${suspensionId}/reviews`, continuing)).status).toBe(200);
    });

    it('no longer than 4 weeks, nor under a week (400 naming suspensionReviewMaxDays)', async () => {
      const admin = await t.as(DEMO.admin);
      const was = (await admin.get('/organisation/deadlines')).body;
      expect(was.suspensionReviewMaxDays).toBe(28);
      for (const days of [29, 6])
        expectProblem(await admin.put('/organisation/deadlines', { ...was, suspensionReviewMaxDays: days }), 400, 'suspensionReviewMaxDays');
    });
  });

  describe('reviews', () => {
    it('continue: with reasons and a new review date at most 4 weeks after the review; then end', async () => {
      const { caseId, suspensionId } = await suspended();
      const head = await t.as(DEMO.head);
      const path = `/cases/${caseId}/suspensions/${suspensionId}/reviews`;
      expectProblem(await head.post(path, { decision: 'continue', reasons: 'Still needed.' }), 400, 'reviewBy');
      expectProblem(await head.post(path, { decision: 'continue', reasons: 'Still needed.', reviewBy: iso(Date.now() + 29 * DAY) }), 400, 'reviewBy');
      expectProblem(await head.post(path, { decision: 'end', reasons: 'Done.', reviewBy: iso(Date.now() + 7 * DAY) }), 400, 'reviewBy');
      const next = iso(Date.now() + 21 * DAY);
      const continued = await head.post(path, { decision: 'continue', reasons: 'The investigation interviews are not finished.', reviewBy: next });
      expect(continued.status).toBe(200);
      const s = continued.body.suspensions[0];
      expect(s).toEqual(
        expect.objectContaining({ status: 'active', reviewBy: next, reviews: [expect.objectContaining({ decision: 'continue', reviewBy: next })] }),
      );
      expect(s.firstReviewBy).not.toBe(next);

      const ended = await head.post(path, { decision: 'end', reasons: 'The interviews are done; the evidence is secured.' });
      expect(ended.status).toBe(200);
      expect(ended.body.suspensions[0]).toEqual(expect.objectContaining({ status: 'ended', endReason: 'review', endedAt: expect.any(String) }));
      expect(ended.body.suspensions[0].reviews.map((r: { decision: string }) => r.decision)).toEqual(['continue', 'end']);
      expect(ended.body.guidance.actions).not.toContain('review_suspension');
      const over = await head.post(path, { decision: 'end', reasons: 'Again.' });
      expectProblem(over, 409);
      expect(over.body.code).toBe('suspension_ended');
      // a new suspension may follow an ended one
      expect((await head.post(`/cases/${caseId}/suspensions`, body())).status).toBe(201);
      const events = await t.db.query(`SELECT action, reason FROM audit_events WHERE case_id = $1 AND entity_id = $2 ORDER BY seq`, [caseId, suspensionId]);
      expect(events.rows.map((e: { action: string }) => e.action)).toEqual(['suspension.recorded', 'suspension.continued', 'suspension.ended']);
    });

    it('not reviewed by its review date, it has lapsed: the case says so with the date, a review is refused (409 suspension_lapsed), a new one may be recorded', async () => {
      const { caseId, suspensionId } = await suspended();
      // started three weeks ago, its review date a minute ago
      await t.db.query(`UPDATE suspensions SET starts_at = now() - interval '21 days', review_by = now() - interval '1 minute' WHERE id = $1`, [suspensionId]);
      const head = await t.as(DEMO.head);
      const view = (await head.get(`/cases/${caseId}`)).body;
      const [s] = view.suspensions;
      expect(s).toEqual(expect.objectContaining({ status: 'lapsed', endReason: 'lapsed', endedAt: s.reviewBy }));
      expect(view.guidance.actions).not.toContain('review_suspension');
      expect(view.guidance.actions).toContain('suspend');
      const refused = await head.post(`/cases/${caseId}/suspensions/${suspensionId}/reviews`, {
        decision: 'continue',
        reasons: 'Late.',
        reviewBy: iso(Date.now() + 7 * DAY),
      });
      expectProblem(refused, 409);
      expect(refused.body.code).toBe('suspension_lapsed');
      expect((await head.post(`/cases/${caseId}/suspensions`, body())).status).toBe(201);
    });

    it('an unknown suspension answers 404', async () => {
      const { caseId } = await buildCase(t, { to: 'assigned' });
      expectProblem(await (await t.as(DEMO.head)).post(`/cases/${caseId}/suspensions/${caseId}/reviews`, { decision: 'end', reasons: 'x' }), 404);
    });
  });

  it('ends, at the latest, with the outcome: not a sanction', async () => {
    const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
    const head = await t.as(DEMO.head);
    expect((await head.post(`/cases/${caseId}/suspensions`, body())).status).toBe(201);
    const decided = await head.post(`/cases/${caseId}/outcome`, {
      sanction: 'no_action',
      grossMisconduct: false,
      rationale: 'The post did not breach the policy.',
      decidedAt: iso(Date.now() - MINUTE),
    });
    expect(decided.status).toBe(201);
    expect(decided.body.status).toBe('decided');
    expect(decided.body.suspensions).toEqual([expect.objectContaining({ status: 'ended', endReason: 'outcome', endedAt: expect.any(String) })]);
    expect(decided.body.sanctionInForce).toBe('no_action');
  });

  it('the suspension letter (process.md §2): from the record, by the acting decision-maker — full pay, the grounds, not a sanction, the review date', async () => {
    const { caseId, suspensionId } = await suspended();
    const head = await t.as(DEMO.head);
    const list = (await head.get(`/cases/${caseId}/letters`)).body;
    expect(list.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'suspension', recordId: suspensionId, subjectStaffId: sam, mayGenerate: true })]),
    );
    const docx = await head.get(`/cases/${caseId}/letters/suspension?format=docx`).buffer(true).parse(binaryParser);
    expect(docx.status).toBe(200);
    const text = docxText(docx.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('suspended from work on full pay');
    expect(text).toContain('a risk to pupils');
    expect(text).toContain('a risk to the evidence');
    expect(text).toContain('not a disciplinary sanction');
    expect(text).toContain('not a finding');
    expect(text).toMatch(/reviewed by \d{1,2} \w+ \d{4}/);
    expect((await (await t.as(DEMO.investigator)).get(`/cases/${caseId}/letters/suspension?format=docx`)).status).toBe(403);
    const sent = await head.post(`/cases/${caseId}/letters/suspension/sent`, { sentAt: iso(Date.now() - MINUTE), method: 'hand' });
    expect(sent.status).toBe(200);
  });

  it('on a case about two people, the suspension letter is to the one suspended only (the list, and 400 naming subject for the other)', async () => {
    const other = t.ids.staff['Taylor Assistant'];
    const { caseId } = await buildCase(t, { to: 'assigned', subjects: [sam, other] });
    const head = await t.as(DEMO.head);
    expect((await head.post(`/cases/${caseId}/suspensions`, body())).status).toBe(201);
    const items = (await head.get(`/cases/${caseId}/letters`)).body.items.filter((i: { kind: string }) => i.kind === 'suspension');
    expect(items.map((i: { subjectStaffId: string }) => i.subjectStaffId)).toEqual([sam]);
    expect((await head.get(`/cases/${caseId}/letters/suspension?format=docx`)).status).toBe(200);
    expectProblem(await head.get(`/cases/${caseId}/letters/suspension?format=docx&subject=${other}`), 400, 'subject');
  });

  it("the subject's subject-access export holds their own suspensions", async () => {
    const { caseId, suspensionId } = await suspended();
    const sar = await (await t.as(DEMO.hr)).get(`/staff/${sam}/subject-access-export`);
    expect(sar.status).toBe(200);
    const own = sar.body.cases.find((c: { caseId?: string }) => c.caseId === caseId);
    expect(own.suspensions).toEqual([expect.objectContaining({ id: suspensionId, subjectStaffId: sam, grounds: ['risk_to_pupils', 'risk_to_evidence'] })]);
  });

  it('erasure (§13) removes the suspensions and their reviews', async () => {
    const { caseId, suspensionId } = await suspended();
    const head = await t.as(DEMO.head);
    await head.post(`/cases/${caseId}/suspensions/${suspensionId}/reviews`, { decision: 'end', reasons: 'Secured.' });
    const { caseId: closedId } = await buildCase(t, { to: 'closed', closeVia: 'triage' });
    // the suspension's case, closed and due: set directly (the case under investigation cannot close)
    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now(), retain_until = now() - interval '1 day' WHERE id = ANY($1::uuid[])`, [
      [caseId, closedId],
    ]);
    const run = await head.post('/retention/run');
    expect(run.status).toBe(200);
    const left = await t.db.query(
      `SELECT (SELECT count(*) FROM suspensions WHERE case_id = $1)::int AS suspensions, (SELECT count(*) FROM suspension_reviews WHERE case_id = $1)::int AS reviews`,
      [caseId],
    );
    expect(left.rows[0]).toEqual({ suspensions: 0, reviews: 0 });
  });
});
