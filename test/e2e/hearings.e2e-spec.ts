import { buildCase, outcomeBody } from '../support/case-builder';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';
import { withOrganisationDeadlines } from '../support/organisation-deadlines';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const ALL = ['no_action', 'informal_action', 'first_written_warning', 'final_written_warning', 'dismissal_with_notice', 'summary_dismissal'];

/**
 * Hearings (process.md §1; ACAS Code; ERA 1999 s10; issue 12 item 1): no sanction but no action
 * before a held hearing; the written invitation with notice; the companion and the subject's one
 * rearrangement; the hearing record; the decision in absence; the appeal hearing by someone
 * uninvolved before the appeal decision.
 */
describe('hearings (process.md §1)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const invitation = (overrides: Record<string, unknown> = {}) => ({
    scheduledFor: iso(Date.now() + 14 * DAY),
    place: 'Meeting room 2',
    evidenceIds: [],
    possibleOutcomes: ALL,
    ...overrides,
  });
  const record = (overrides: Record<string, unknown> = {}) => ({
    heldAt: iso(Date.now() - 90 * 60_000),
    subjectAttended: true,
    attendees: [{ name: 'A. Shah', capacity: 'note-taker (HR)' }],
    notes: 'The allegations were put.',
    ...overrides,
  });
  const sam = () => t.ids.staff['Sam Teacher'];
  /** A problem+json refusal with its code (and the field, for a 400). */
  const refused = (res: Parameters<typeof expectProblem>[0], status: number, code: string, field?: string) => {
    expectProblem(res, status, field);
    expect(res.body.code).toBe(code);
  };

  /** Time passes (the API cannot be asked to skip it): the invitation three weeks back, the hearing `hoursAgo` hours ago. */
  const pastHearing = (hearingId: string, hoursAgo = 2) =>
    t.db.query(
      `UPDATE hearings SET invited_at = now() - interval '21 days', original_scheduled_for = now() - $2 * interval '1 hour', scheduled_for = now() - $2 * interval '1 hour' WHERE id = $1`,
      [hearingId, hoursAgo],
    );

  /** The invitation letter generated and recorded as sent, `daysAgo` days ago. */
  async function sendInvitation(caseId: string, hearingId: string, daysAgo: number, kind = 'hearing_invitation', by: string = DEMO.head) {
    const chair = await t.as(by);
    expect((await chair.get(`/cases/${caseId}/letters/${kind}?record=${hearingId}&subject=${sam()}&format=docx`)).status).toBe(200);
    const sent = await chair.post(`/cases/${caseId}/letters/${kind}/sent`, {
      record: hearingId,
      subject: sam(),
      sentAt: iso(Date.now() - daysAgo * DAY),
      method: 'post',
    });
    expect(sent.status).toBe(200);
  }

  describe('before a sanction', () => {
    it('no sanction but no_action without a held hearing (409 hearing_required); no_action needs none', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const view = (await head.get(`/cases/${caseId}`)).body;
      expect(view.guidance.outcomeSanctions).toEqual(['no_action']);
      expect(view.guidance.actions).toEqual(expect.arrayContaining(['arrange_hearing', 'record_outcome']));
      refused(await head.post(`/cases/${caseId}/outcome`, outcomeBody()), 409, 'hearing_required');
      const { caseId: other } = await buildCase(t, { to: 'awaiting_decision' });
      const noAction = { sanction: 'no_action', warningExpiresAt: undefined, appealDeadline: undefined };
      expect((await head.post(`/cases/${other}/outcome`, outcomeBody(noAction))).status).toBe(201);
    });

    it('the invitation: by the acting decision-maker, with notice, citing the case’s own evidence; the case moves to hearing', async () => {
      const { caseId, evidenceIds } = await buildCase(t, { to: 'awaiting_decision', evidence: 1 });
      expectProblem(await (await t.as(DEMO.deputy)).post(`/cases/${caseId}/hearings`, invitation()), 403);
      expectProblem(await (await t.as(DEMO.investigator)).post(`/cases/${caseId}/hearings`, invitation()), 403);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${caseId}/hearings`, invitation()), 404);
      const head = await t.as(DEMO.head);
      // HEARING_NOTICE_WORKING_DAYS (5): two days ahead is too soon
      refused(await head.post(`/cases/${caseId}/hearings`, invitation({ scheduledFor: iso(Date.now() + 2 * DAY) })), 400, 'validation_failed', 'scheduledFor');
      const foreign = (await buildCase(t, { to: 'assigned', evidence: 1 })).evidenceIds[0];
      refused(await head.post(`/cases/${caseId}/hearings`, invitation({ evidenceIds: [foreign] })), 400, 'validation_failed', 'evidenceIds');

      const res = await head.post(`/cases/${caseId}/hearings`, invitation({ evidenceIds: evidenceIds }));
      expect(res.status).toBe(201);
      const id = res.body.createdId;
      expect(res.headers.location).toBe(`/hearings/${id}`);
      expect(res.body.status).toBe('hearing');
      expect(res.body.hearings).toEqual([
        expect.objectContaining({
          id,
          kind: 'disciplinary',
          chairUserId: t.ids.users[DEMO.head],
          chairRole: 'headteacher',
          evidenceIds,
          possibleOutcomes: ALL,
          current: true,
          noticeGiven: false,
          noticeProblem: expect.stringContaining('has not been recorded as sent'),
          held: null,
        }),
      ]);
      expect(res.body.guidance.actions).toEqual(expect.arrayContaining(['arrange_hearing', 'record_hearing', 'write_letters']));
      expect((await head.get(`/hearings/${id}`)).body).toEqual(res.body.hearings[0]);
      const audit = await t.db.query(`SELECT action, reason FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [id]);
      expect(audit.rows).toEqual([
        { action: 'hearing.invited', reason: 'disciplinary' },
        { action: 'hearing.viewed', reason: null },
      ]);
    });

    it('the hearing is held only once the written invitation gave the notice (409 hearing_notice_not_given), and not before its time', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const id = (await head.post(`/cases/${caseId}/hearings`, invitation())).body.createdId;
      await pastHearing(id);
      refused(await head.post(`/hearings/${id}/record`, record()), 409, 'hearing_notice_not_given');
      // sent two days before the hearing: not five working days
      await sendInvitation(caseId, id, 2);
      refused(await head.post(`/hearings/${id}/record`, record()), 409, 'hearing_notice_not_given');
      expect((await head.get(`/hearings/${id}`)).body).toMatchObject({
        noticeGiven: false,
        noticeProblem: expect.stringContaining('less than 5 working days'),
      });
    });

    it('with the notice given: held by its chair (not before its time), and then the chair decides; the outcome is not dated before the hearing', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const id = (await head.post(`/cases/${caseId}/hearings`, invitation())).body.createdId;
      await pastHearing(id);
      await sendInvitation(caseId, id, 20);
      refused(await head.post(`/hearings/${id}/record`, record({ heldAt: iso(Date.now() - 3 * HOUR) })), 400, 'validation_failed', 'heldAt');
      refused(
        await head.post(`/hearings/${id}/record`, record({ companion: { name: 'My friend', category: 'other_reasonable_adjustment' } })),
        400,
        'validation_failed',
        'companion.adjustmentReason',
      );
      expectProblem(await (await t.as(DEMO.governor)).post(`/hearings/${id}/record`, record()), 404);
      const held = await head.post(
        `/hearings/${id}/record`,
        record({ companion: { name: 'R. Patel', category: 'trade_union_representative' }, representations: 'I apologise.' }),
      );
      expect(held.status).toBe(200);
      expect(held.body.hearings[0]).toMatchObject({
        noticeGiven: true,
        held: {
          subjectAttended: true,
          companion: { name: 'R. Patel', category: 'trade_union_representative', adjustmentReason: null },
          representations: 'I apologise.',
        },
      });
      expect(held.body.guidance.outcomeSanctions).toEqual(ALL);
      refused(await head.post(`/hearings/${id}/record`, record()), 409, 'hearing_held');
      refused(
        await head.post(`/hearings/${id}/rearrangements`, { basis: 'chair_decision', scheduledFor: iso(Date.now() + DAY), reason: 'x' }),
        409,
        'hearing_held',
      );
      refused(await head.post(`/cases/${caseId}/hearings`, invitation()), 409, 'hearing_held');
      refused(await head.post(`/cases/${caseId}/outcome`, outcomeBody({ decidedAt: iso(Date.now() - 3 * HOUR) })), 400, 'validation_failed', 'decidedAt');
      const decided = await head.post(`/cases/${caseId}/outcome`, outcomeBody());
      expect(decided.status).toBe(201);
      expect(decided.body.status).toBe('decided');
    });

    it('a reporter or witness does not read what was said at the hearing', async () => {
      const { caseId, hearingId } = await buildCase(t, {
        to: 'hearing',
        reporter: t.ids.staff[DEMO.deputy],
        triage: { by: DEMO.head },
      });
      const deputy = await t.as(DEMO.deputy);
      const hearing = (await deputy.get(`/hearings/${hearingId}`)).body;
      expect(hearing).toMatchObject({ withheld: true, held: { notes: null, representations: null, attendees: null } });
      const head = (await (await t.as(DEMO.head)).get(`/cases/${caseId}`)).body.hearings[0];
      expect(head).toMatchObject({ withheld: false, held: { notes: expect.any(String) } });
    });
  });

  describe('rearrangement and absence (ERA 1999 s10; ACAS Code)', () => {
    it('the subject’s companion-unavailable request: once, within 5 working days of the date first proposed; further moves are the chair’s, with a reason', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const scheduled = Date.now() + 14 * DAY;
      const id = (await head.post(`/cases/${caseId}/hearings`, invitation({ scheduledFor: iso(scheduled) }))).body.createdId;
      refused(
        await head.post(`/hearings/${id}/rearrangements`, { basis: 'companion_unavailable', scheduledFor: iso(scheduled + 10 * DAY) }),
        400,
        'validation_failed',
        'scheduledFor',
      );
      refused(
        await head.post(`/hearings/${id}/rearrangements`, { basis: 'chair_decision', scheduledFor: iso(scheduled + DAY) }),
        400,
        'validation_failed',
        'reason',
      );
      const moved = await head.post(`/hearings/${id}/rearrangements`, { basis: 'companion_unavailable', scheduledFor: iso(scheduled + 2 * DAY) });
      expect(moved.status).toBe(200);
      expect(moved.body.hearings[0]).toMatchObject({
        scheduledFor: iso(scheduled + 2 * DAY),
        originalScheduledFor: iso(scheduled),
        rearrangements: [expect.objectContaining({ basis: 'companion_unavailable', reason: null })],
      });
      refused(
        await head.post(`/hearings/${id}/rearrangements`, { basis: 'companion_unavailable', scheduledFor: iso(scheduled + 3 * DAY) }),
        409,
        'companion_rearrangement_used',
      );
      const chair = await head.post(`/hearings/${id}/rearrangements`, {
        basis: 'chair_decision',
        scheduledFor: iso(scheduled + 4 * DAY),
        reason: 'The chair is ill.',
      });
      expect(chair.status).toBe(200);
      expect(chair.body.hearings[0].rearrangements).toHaveLength(2);
    });

    it('a decision in absence only when the subject misses a rearranged hearing, with the reason', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const id = (await head.post(`/cases/${caseId}/hearings`, invitation())).body.createdId;
      await pastHearing(id, 3);
      await sendInvitation(caseId, id, 20);
      const absent = record({ subjectAttended: false, absenceReason: 'No reply and no reason given.' });
      refused(await head.post(`/hearings/${id}/record`, absent), 409, 'absence_needs_rearrangement');
      expect(
        (await head.post(`/hearings/${id}/rearrangements`, { basis: 'chair_decision', scheduledFor: iso(Date.now() + DAY), reason: 'Missed.' })).status,
      ).toBe(200);
      await t.db.query(`UPDATE hearings SET scheduled_for = now() - interval '2 hours' WHERE id = $1`, [id]);
      refused(await head.post(`/hearings/${id}/record`, record({ subjectAttended: false })), 400, 'validation_failed', 'absenceReason');
      const held = await head.post(`/hearings/${id}/record`, absent);
      expect(held.status).toBe(200);
      expect(held.body.hearings[0].held).toMatchObject({ subjectAttended: false, absenceReason: 'No reply and no reason given.' });
      expect((await head.post(`/cases/${caseId}/outcome`, outcomeBody())).status).toBe(201);
    });
  });

  describe('the appeal hearing', () => {
    it('the appeal is decided after its hearing, by the uninvolved person who chaired it; the outcome’s decider may not hear it', async () => {
      const { caseId, appealId } = await buildCase(t, { to: 'appeal' });
      const governor = await t.as(DEMO.governor);
      const decision = { result: 'dismissed', rationale: 'The warning stands.' };
      refused(await governor.post(`/appeals/${appealId}/decision`, decision), 409, 'appeal_hearing_required');
      // the headteacher decided the outcome: they read the case, but may not hear its appeal
      expectProblem(await (await t.as(DEMO.head)).post(`/appeals/${appealId}/hearings`, invitation({ possibleOutcomes: undefined })), 403);
      const invited = await governor.post(`/appeals/${appealId}/hearings`, {
        scheduledFor: iso(Date.now() + 14 * DAY),
        place: 'Governors’ room',
        evidenceIds: [],
      });
      expect(invited.status).toBe(201);
      const id = invited.body.createdId;
      expect(invited.body.hearings.at(-1)).toMatchObject({ kind: 'appeal', appealId, chairRole: 'governor', possibleOutcomes: [] });
      expect(invited.body.guidance.actions).toEqual(expect.arrayContaining(['arrange_appeal_hearing', 'record_appeal_hearing', 'write_letters']));
      expect(invited.body.guidance.actions).not.toContain('decide_appeal');
      refused(await governor.post(`/appeals/${appealId}/decision`, decision), 409, 'hearing_not_held');
      await pastHearing(id);
      await sendInvitation(caseId, id, 20, 'appeal_hearing_invitation', DEMO.governor);
      expect((await governor.post(`/hearings/${id}/record`, record())).status).toBe(200);
      const decided = await governor.post(`/appeals/${appealId}/decision`, decision);
      expect(decided.status).toBe(200);
      expect(decided.body.status).toBe('closed');
    });

    it('the builder’s full path holds both hearings (the helper other tests use)', async () => {
      const built = await buildCase(t, { to: 'closed' });
      const hearings = (await (await t.as(DEMO.hr)).get(`/cases/${built.caseId}`)).body.hearings;
      expect(hearings.map((h: { kind: string; held: unknown; noticeGiven: boolean }) => [h.kind, h.held !== null, h.noticeGiven])).toEqual([
        ['disciplinary', true, true],
        ['appeal', true, true],
      ]);
    });
  });

  describe('the organisation’s own notice (issue 13: more than HEARING_NOTICE_WORKING_DAYS, never less)', () => {
    it('15 working days’ notice refuses an invitation two weeks ahead that the deployment’s 5 accept', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      const twoWeeks = invitation({ scheduledFor: iso(Date.now() + 14 * DAY) });
      await withOrganisationDeadlines(t, { hearingNoticeWorkingDays: 15 }, async () => {
        const res = await head.post(`/cases/${caseId}/hearings`, twoWeeks);
        refused(res, 400, 'validation_failed', 'scheduledFor');
        expect(res.body.detail).toContain('at least 15 working days');
      });
      const res = await head.post(`/cases/${caseId}/hearings`, twoWeeks);
      expect(res.status).toBe(201);
      expect(res.body.hearings[0].noticeWorkingDays).toBe(5);
    });

    it('the hearing is held only once the invitation gave the organisation’s notice: a letter sent 10 days before is short of 15 working days (409), enough for 5', async () => {
      const { caseId } = await buildCase(t, { to: 'awaiting_decision' });
      const head = await t.as(DEMO.head);
      let id = '';
      await withOrganisationDeadlines(t, { hearingNoticeWorkingDays: 15 }, async () => {
        const res = await head.post(`/cases/${caseId}/hearings`, invitation({ scheduledFor: iso(Date.now() + 30 * DAY) }));
        expect(res.status).toBe(201);
        id = res.body.createdId;
        expect(res.body.hearings[0].noticeWorkingDays).toBe(15);
      });
      // the notice the invitation promised holds after the setting is put back
      await pastHearing(id);
      await sendInvitation(caseId, id, 10);
      refused(await head.post(`/hearings/${id}/record`, record()), 409, 'hearing_notice_not_given');
      expect((await head.get(`/hearings/${id}`)).body).toMatchObject({
        noticeGiven: false,
        noticeProblem: expect.stringContaining('less than 15 working days'),
      });
      // the same letter for a hearing invited at the deployment's 5 days gives the notice
      const other = await buildCase(t, { to: 'awaiting_decision' });
      const otherId = (await head.post(`/cases/${other.caseId}/hearings`, invitation())).body.createdId;
      await pastHearing(otherId);
      await sendInvitation(other.caseId, otherId, 10);
      expect((await head.post(`/hearings/${otherId}/record`, record())).status).toBe(200);
    });

    it('an organisation cannot give less notice than the deployment’s (400 naming hearingNoticeWorkingDays), nor more than 20 working days', async () => {
      const admin = await t.as(DEMO.admin);
      const was = (await admin.get('/organisation/deadlines')).body;
      expect(was.hearingNoticeWorkingDays).toBe(5);
      for (const days of [4, 21]) {
        const res = await admin.put('/organisation/deadlines', { ...was, hearingNoticeWorkingDays: days });
        refused(res, 400, 'validation_failed', 'hearingNoticeWorkingDays');
      }
      expect((await admin.get('/organisation/deadlines')).body).toEqual(was);
    });
  });

  describe('retention (§13)', () => {
    it('erasure removes the hearings and their rearrangements', async () => {
      const { caseId, hearingId } = await buildCase(t, { to: 'hearing' });
      await t.db.query(
        `INSERT INTO hearing_rearrangements (organisation_id, case_id, recorded_by_user_id, hearing_id, previous_scheduled_for, scheduled_for, basis, reason)
        SELECT organisation_id, case_id, recorded_by_user_id, id, scheduled_for, scheduled_for, 'chair_decision', 'x' FROM hearings WHERE id = $1`,
        [hearingId],
      );
      const count = async () =>
        (
          await t.db.query(
            `SELECT (SELECT count(*) FROM hearings WHERE case_id = $1)::int + (SELECT count(*) FROM hearing_rearrangements WHERE case_id = $1)::int AS n`,
            [caseId],
          )
        ).rows[0].n;
      expect(await count()).toBe(2);
      // the case closes and its retention date passes; the retention run erases it
      await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() - interval '2 years', retain_until = now() - interval '1 day' WHERE id = $1`, [
        caseId,
      ]);
      expect((await (await t.as(DEMO.head)).post('/retention/run')).body.erased).toContain(caseId);
      expect(await count()).toBe(0);
    });
  });
});
