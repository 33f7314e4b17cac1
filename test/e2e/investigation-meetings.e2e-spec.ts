import { randomUUID } from 'node:crypto';
import { buildCase } from '../support/case-builder';
import { TEST_PASSWORD } from '../support/constants';
import { docxText } from '../support/docx-text';
import { binaryParser } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;
const NORTH_INVESTIGATOR = 'investigator@northfield.demo';
const ahead = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/**
 * Investigation meetings arranged and their invitation letter (process.md §2, the first letter;
 * §4; ACAS): the assigned investigating manager arranges a meeting with a subject or a witness
 * while the investigation is open; the invitation to a subject is generated from it (PDF, DOCX)
 * and recorded sent; a reporter or witness reads only their own; erasure removes them; a
 * subject's access export holds theirs. docs/letters.md.
 */
describe('investigation meetings (process.md §2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const created = await (
      await t.as(DEMO.northAdmin)
    ).post('/users', {
      email: NORTH_INVESTIGATOR,
      name: 'Nell Investigator',
      password: TEST_PASSWORD,
      roles: ['investigating_manager'],
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => t.close());

  const sam = () => t.ids.staff['Sam Teacher'];
  const body = (overrides: Record<string, unknown> = {}) => ({
    staffId: sam(),
    scheduledFor: ahead(7),
    place: 'Meeting room 2, main building',
    purpose: 'To hear your account of the post of 2 November about a colleague',
    ...overrides,
  });
  const arrange = async (who: string, caseId: string, overrides: Record<string, unknown> = {}) =>
    (await t.as(who)).post(`/cases/${caseId}/investigation-meetings`, body(overrides));

  it('the assigned investigator arranges one (201, Location, GET audited); the subject is invited as subject, accompanied by default', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const res = await arrange(DEMO.investigator, caseId);
    expect(res.status).toBe(201);
    const id = res.body.createdId;
    expect(res.headers.location).toBe(`/cases/${caseId}/investigation-meetings/${id}`);
    expect(res.body.investigationMeetings).toEqual([
      expect.objectContaining({
        id,
        staffId: sam(),
        name: 'Sam Teacher',
        capacity: 'subject',
        place: 'Meeting room 2, main building',
        accompaniedAllowed: true,
        recordedByUserId: t.ids.users[DEMO.investigator],
        withheld: false,
      }),
    ]);
    const read = await (await t.as(DEMO.head)).get(res.headers.location);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body.investigationMeetings[0]);
    expectProblem(await (await t.as(DEMO.head)).get(`/cases/${caseId}/investigation-meetings/${randomUUID()}`), 404);
    const events = await t.db.query(`SELECT action, reason FROM audit_events WHERE case_id = $1 AND entity_id = $2 ORDER BY seq`, [caseId, id]);
    expect(events.rows).toEqual([
      { action: 'investigation_meeting.arranged', reason: 'subject' },
      { action: 'investigation_meeting.viewed', reason: null },
    ]);
  });

  it('a witness invited is not made a witness of the case: only the interview does that (conflicts unchanged)', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const res = await arrange(DEMO.investigator, caseId, { staffId: t.ids.staff['Taylor Assistant'], accompaniedAllowed: false });
    expect(res.status).toBe(201);
    expect(res.body.investigationMeetings).toEqual([expect.objectContaining({ capacity: 'witness', accompaniedAllowed: false, name: 'Taylor Assistant' })]);
    expect(res.body.witnesses).toEqual([]);
  });

  it.each([
    [DEMO.head, 403],
    [DEMO.deputy, 403],
    [DEMO.hr, 403],
    [DEMO.investigator2, 404], // not assigned: does not see the case
    [NORTH_INVESTIGATOR, 404], // another school's investigating manager
  ])('%s may not arrange one: %i', async (who, status) => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    expectProblem(await arrange(who, caseId), status);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM investigation_meetings WHERE case_id = $1`, [caseId])).rows[0].n).toBe(0);
  });

  it('only while the investigation is open: 409 investigation_closed once the report is submitted', async () => {
    const { caseId } = await buildCase(t, { to: 'awaiting_decision', hearing: false });
    const res = await arrange(DEMO.investigator, caseId);
    expectProblem(res, 409);
    expect(res.body.code).toBe('investigation_closed');
  });

  it('validation: the time ahead, a staff member of the organisation, not the investigator; 400 naming the field', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    expectProblem(await arrange(DEMO.investigator, caseId, { scheduledFor: new Date(Date.now() - 60_000).toISOString() }), 400, 'scheduledFor');
    expectProblem(await arrange(DEMO.investigator, caseId, { scheduledFor: 'next Tuesday' }), 400, 'scheduledFor');
    expectProblem(await arrange(DEMO.investigator, caseId, { staffId: randomUUID() }), 400, 'staffId');
    expectProblem(await arrange(DEMO.investigator, caseId, { staffId: t.ids.staff['Robin Teacher'] }), 400, 'staffId'); // Northfield's
    expectProblem(await arrange(DEMO.investigator, caseId, { staffId: t.ids.staff[DEMO.investigator] }), 400, 'staffId');
    expectProblem(await arrange(DEMO.investigator, caseId, { place: '  ' }), 400, 'place');
    expectProblem(await arrange(DEMO.investigator, caseId, { purpose: undefined }), 400, 'purpose');
    expectProblem(await arrange(DEMO.investigator, caseId, { accompaniedAllowed: 'yes' }), 400, 'accompaniedAllowed');
  });

  it('the invitation letter: generated from the meeting as PDF and DOCX, audited, recorded sent; a witness’s meeting makes none', async () => {
    const { caseId } = await buildCase(t, { to: 'assigned' });
    const meetingId = (await arrange(DEMO.investigator, caseId, { scheduledFor: '2031-03-04T10:30:00.000Z' })).body.createdId;
    const witnessMeeting = (await arrange(DEMO.investigator, caseId, { staffId: t.ids.staff['Taylor Assistant'] })).body.createdId;
    const path = `/cases/${caseId}/letters/investigation_meeting_invitation?record=${meetingId}&subject=${sam()}`;
    const get = async (who: string, p: string) => (await t.as(who)).get(p).buffer(true).parse(binaryParser);

    const pdf = await get(DEMO.investigator, `${path}&format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const docx = await get(DEMO.investigator, `${path}&format=docx`);
    expect(docx.status).toBe(200);
    const text = docxText(docx.body as Buffer).replace(/\s+/g, ' ');
    for (const fragment of [
      'Invitation to an investigation meeting',
      'Dear Sam Teacher,',
      '10:30am on 4 March 2031, at Meeting room 2, main building',
      'The meeting is about: To hear your account of the post of 2 November about a colleague',
      'This is an investigation meeting, not a disciplinary hearing. No decision has been made',
      'You may be accompanied at the meeting',
      'Please keep this matter confidential',
    ])
      expect({ fragment, found: text.includes(fragment) }).toEqual({ fragment, found: true });

    expectProblem(await (await t.as(DEMO.head)).get(`${path}&format=pdf`), 403); // the investigator's letter
    const witnessLetter = `/cases/${caseId}/letters/investigation_meeting_invitation?record=${witnessMeeting}&subject=${sam()}&format=pdf`;
    expectProblem(await (await t.as(DEMO.investigator)).get(witnessLetter), 404);

    const ian = await t.as(DEMO.investigator);
    const list = await ian.get(`/cases/${caseId}/letters`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ kind: 'investigation_meeting_invitation', recordId: meetingId, subjectStaffId: sam(), state: 'generated', mayGenerate: true }),
    ]);
    // now: never before the meeting was arranged (moments ago, the record the letter is made from), never in the future
    const sentAt = new Date().toISOString();
    const sent = await ian.post(`/cases/${caseId}/letters/investigation_meeting_invitation/sent`, {
      record: meetingId,
      subject: sam(),
      sentAt,
      method: 'hand',
    });
    expect(sent.status).toBe(200);
    expect(sent.body.letters).toEqual([expect.objectContaining({ kind: 'investigation_meeting_invitation', recordId: meetingId, sentAt, sentMethod: 'hand' })]);
    const generated = await t.db.query(`SELECT reason, actor_role FROM audit_events WHERE case_id = $1 AND action = 'letter.generated'`, [caseId]);
    expect(generated.rows).toEqual(expect.arrayContaining([{ reason: 'investigation_meeting_invitation', actor_role: 'investigating_manager' }]));
  });

  it('a witness of the case reads their own meeting, and of the others only that it exists and with whom', async () => {
    const hrStaff = t.ids.staff[DEMO.hr];
    const { caseId } = await buildCase(t, { to: 'assigned', witnesses: [{ staffId: hrStaff }] });
    const own = (await arrange(DEMO.investigator, caseId, { staffId: hrStaff, purpose: 'Your account as a witness' })).body.createdId;
    const other = (await arrange(DEMO.investigator, caseId)).body.createdId;
    const view = (await (await t.as(DEMO.hr)).get(`/cases/${caseId}`)).body;
    expect(view.investigationMeetings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: own, purpose: 'Your account as a witness', withheld: false }),
        expect.objectContaining({ id: other, name: 'Sam Teacher', scheduledFor: null, place: null, purpose: null, withheld: true }),
      ]),
    );
    expect(JSON.stringify(view)).not.toContain('To hear your account');
    const read = await (await t.as(DEMO.hr)).get(`/cases/${caseId}/investigation-meetings/${other}`);
    expect(read.body).toEqual(expect.objectContaining({ purpose: null, withheld: true }));
  });

  it("a subject's access export holds the meetings they were invited to; erasure removes every meeting", async () => {
    const { caseId, reference } = await buildCase(t, { to: 'assigned' });
    const mine = (await arrange(DEMO.investigator, caseId)).body.createdId;
    await arrange(DEMO.investigator, caseId, { staffId: t.ids.staff['Taylor Assistant'], purpose: 'A witness’s meeting' });
    const sar = await (await t.as(DEMO.hr)).get(`/staff/${sam()}/subject-access-export`);
    expect(sar.status).toBe(200);
    const theCase = sar.body.cases.find((c: { reference: string }) => c.reference === reference);
    expect(theCase.investigationMeetings).toEqual([expect.objectContaining({ id: mine, capacity: 'subject', withheld: false })]);
    expect(JSON.stringify(theCase)).not.toContain('A witness’s meeting');
    // the witness invited, not (yet) interviewed: their own meeting is theirs too
    const witness = await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff['Taylor Assistant']}/subject-access-export`);
    const asWitness = witness.body.cases.find((c: { reference: string }) => c.reference === reference);
    expect(asWitness.capacities).toEqual(['witness']);
    expect(asWitness.investigationMeetings).toEqual([expect.objectContaining({ purpose: 'A witness’s meeting' })]);

    await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() - interval '2 years', retain_until = now() - interval '1 day' WHERE id = $1`, [
      caseId,
    ]);
    const run = await (await t.as(DEMO.head)).post('/retention/run');
    expect(run.body.erased).toContain(caseId);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM investigation_meetings WHERE case_id = $1`, [caseId])).rows[0].n).toBe(0);
  });
});
