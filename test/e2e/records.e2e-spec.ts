import type { Response } from 'supertest';
import { buildCase, uniquePng } from '../support/case-builder';
import { DEMO, monitoringRequestBody, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 10 item 2, "records that name themselves" (api.md "Conventions"): a POST that creates
 * a record answers 201 with a `Location` naming it; that path answers GET with the record,
 * exactly as the case view shows it to the same reader (redacted alike), and the read is
 * audited; where the answer is the parent, `createdId` names the record.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('records that name themselves (issue 10 item 2)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The 201's Location, checked against `expected` (a RegExp over the path). */
  function locationOf(res: Response, expected: RegExp): string {
    expect({ status: res.status, location: res.headers.location }).toEqual({ status: 201, location: expect.stringMatching(expected) });
    return res.headers.location as string;
  }

  /** GET `location` as `email`: 200, and the record. */
  async function follow(email: string, location: string): Promise<Record<string, unknown>> {
    const res = await (await t.as(email)).get(location);
    expect({ location, status: res.status }).toEqual({ location, status: 200 });
    return res.body;
  }

  const caseAs = async (email: string, caseId: string) => (await (await t.as(email)).get(`/cases/${caseId}`)).body;

  it('every creating POST: 201, Location, createdId where the answer is the case; GET there answers the record as the case view does', async () => {
    const deputy = await t.as(DEMO.deputy);
    const report = await deputy.post('/reports', reportBody(t));
    const caseId: string = report.body.id;
    expect(locationOf(report, /^\/cases\/[0-9a-f-]{36}$/)).toBe(`/cases/${caseId}`);
    expect(await follow(DEMO.deputy, `/cases/${caseId}`)).toEqual(expect.objectContaining({ id: caseId, reference: report.body.reference }));

    const referral = await deputy.post(`/cases/${caseId}/safeguarding-referral`, { referredTo: 'Designated safeguarding lead', referredAt: ago(HOUR) });
    const referralAt = locationOf(referral, /\/safeguarding-referrals\//);
    expect(referralAt).toBe(`/cases/${caseId}/safeguarding-referrals/${referral.body.createdId}`);
    expect(await follow(DEMO.head, referralAt)).toEqual((await caseAs(DEMO.head, caseId)).safeguarding.referrals[0]);

    expect((await deputy.post(`/cases/${caseId}/triage`, { decision: 'investigate', rationale: 'Facts to establish.' })).status).toBe(200);
    expect((await (await t.as(DEMO.head)).post(`/cases/${caseId}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] })).status).toBe(200);
    const investigator = await t.as(DEMO.investigator);

    const evidence = await t
      .http()
      .post(`/cases/${caseId}/evidence`)
      .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
      .field('kind', 'screenshot')
      .field('description', 'Screenshot of the post')
      .field('source', 'A parent')
      .field('capturedAt', ago(2 * DAY))
      .attach('file', uniquePng(), { filename: 'post.png', contentType: 'image/png' });
    expect(locationOf(evidence, /\/evidence\//)).toBe(`/cases/${caseId}/evidence/${evidence.body.id}`);

    // each record the investigation makes, and where it is in the case view
    const made: Array<{ path: string; body: object; section: string; at: RegExp }> = [
      { path: 'allegations', body: { policyStandard: '7.5', summary: 'Named a colleague' }, section: 'allegations', at: /\/allegations\// },
      {
        path: 'facts',
        body: { occurredAt: ago(3 * DAY), description: 'The post went up.', evidenceIds: [evidence.body.id] },
        section: 'facts',
        at: /\/facts\//,
      },
      {
        path: 'interviews',
        body: { staffId: t.ids.staff[DEMO.hr], capacity: 'witness', heldAt: ago(DAY), statement: 'I saw it.' },
        section: 'interviews',
        at: /\/interviews\//,
      },
    ];
    const records: Record<string, string> = {};
    for (const { path, body, section, at } of made) {
      const res = await investigator.post(`/cases/${caseId}/${path}`, body);
      const location = locationOf(res, at);
      expect(location).toBe(`/cases/${caseId}/${path}/${res.body.createdId}`);
      expect(res.body[section].map((r: { id: string }) => r.id)).toContain(res.body.createdId);
      records[section] = location;
    }
    const allegationId = records.allegations.split('/').pop()!;
    const notice = await investigator.post(`/cases/${caseId}/subject-notifications`, { sentAt: ago(2 * DAY), method: 'letter', allegationIds: [allegationId] });
    records.subjectNotifications = locationOf(notice, new RegExp(`^/cases/${caseId}/subject-notifications/${notice.body.createdId}$`));
    const response = await investigator.post(`/cases/${caseId}/subject-responses`, { receivedAt: ago(DAY), response: 'It was a joke.' });
    records.subjectResponses = locationOf(response, new RegExp(`^/cases/${caseId}/subject-responses/${response.body.createdId}$`));
    // a finding is recorded on its allegation: that is the record it names
    const finding = await investigator.post(`/cases/${caseId}/findings`, { allegationId, finding: 'substantiated', reasoning: 'The screenshot shows it.' });
    expect(locationOf(finding, /\/allegations\//)).toBe(records.allegations);
    expect(finding.body.createdId).toBe(allegationId);

    const request = await investigator.post(`/cases/${caseId}/monitoring-requests`, monitoringRequestBody());
    const requestAt = locationOf(request, /^\/monitoring-requests\/[0-9a-f-]{36}$/);
    expect(await follow(DEMO.head, requestAt)).toEqual(request.body);
    expect((await (await t.as(DEMO.head)).post(`${requestAt}/approve`, {})).status).toBe(200);
    const disclosure = await investigator.post(`${requestAt}/disclosures`, { recipient: 'HR adviser', purpose: 'Advice', disclosedAt: ago(HOUR) });
    const disclosureAt = locationOf(disclosure, /\/disclosures\//);
    expect(disclosureAt).toBe(`${requestAt}/disclosures/${disclosure.body.createdId}`);
    expect(await follow(DEMO.investigator, disclosureAt)).toEqual(disclosure.body.disclosures.find((d: { id: string }) => d.id === disclosure.body.createdId));

    // every reader gets each record exactly as their case view shows it: hr is a witness of
    // this case (the interview above), so reads no one else's statements
    for (const reader of [DEMO.investigator, DEMO.head, DEMO.hr, DEMO.deputy]) {
      const view = await caseAs(reader, caseId);
      for (const [section, location] of Object.entries(records)) {
        const id = location.split('/').pop();
        expect({ reader, location, record: await follow(reader, location) }).toEqual({
          reader,
          location,
          record: view[section].find((r: { id: string }) => r.id === id),
        });
      }
    }
    const hrFact = await follow(DEMO.hr, records.facts);
    expect(hrFact).toEqual(expect.objectContaining({ description: null, withheld: true }));
    expect(await follow(DEMO.investigator, records.facts)).toEqual(expect.objectContaining({ description: 'The post went up.', withheld: false }));

    // the reads are audited, each as what it read
    const { rows } = await t.db.query<{ action: string }>(`SELECT DISTINCT action FROM audit_events WHERE case_id = $1 AND action LIKE '%.viewed'`, [caseId]);
    expect(rows.map((r) => r.action).sort()).toEqual(
      expect.arrayContaining([
        'allegation.viewed',
        'fact.viewed',
        'interview.viewed',
        'monitoring_authorisation.viewed',
        'monitoring_disclosure.viewed',
        'safeguarding_referral.viewed',
        'subject_notification.viewed',
        'subject_response.viewed',
      ]),
    );
  });

  it('the outcome and the appeal, at their own paths', async () => {
    const built = await buildCase(t, { to: 'hearing' });
    const head = await t.as(DEMO.head);
    const outcome = await head.post(`/cases/${built.caseId}/outcome`, {
      sanction: 'first_written_warning',
      grossMisconduct: false,
      rationale: 'The post breached §7.5.',
      decidedAt: ago(HOUR),
      communicatedAt: ago(HOUR / 2),
      warningExpiresAt: new Date(Date.now() + 365 * DAY).toISOString(),
      appealDeadline: new Date(Date.now() + 14 * DAY).toISOString(),
    });
    expect(locationOf(outcome, /\/outcome$/)).toBe(`/cases/${built.caseId}/outcome`);
    expect(await follow(DEMO.hr, `/cases/${built.caseId}/outcome`)).toEqual({ ...outcome.body.outcome, id: outcome.body.createdId });
    const appeal = await (await t.as(DEMO.hr)).post(`/cases/${built.caseId}/appeals`, { lodgedAt: ago(60_000), grounds: 'Too harsh.' });
    const appealAt = locationOf(appeal, /^\/appeals\/[0-9a-f-]{36}$/);
    expect(appealAt).toBe(`/appeals/${appeal.body.createdId}`);
    expect(await follow(DEMO.governor, appealAt)).toEqual(appeal.body.appeals[0]);
  });

  it('a record the case does not have, or of a case the caller may not see: 404', async () => {
    const built = await buildCase(t, { to: 'assigned', allegations: [{ policyStandard: '7.5', summary: 'x' }] });
    const other = await buildCase(t, { to: 'assigned', allegations: [{ policyStandard: '7.5', summary: 'y' }] });
    const head = await t.as(DEMO.head);
    // another case's allegation, under this case's path
    expect((await head.get(`/cases/${built.caseId}/allegations/${other.allegationIds[0]}`)).status).toBe(404);
    // no outcome yet
    expect((await head.get(`/cases/${built.caseId}/outcome`)).status).toBe(404);
    // another school
    expect((await (await t.as(DEMO.northHead)).get(`/cases/${built.caseId}/allegations/${built.allegationIds[0]}`)).status).toBe(404);
  });

  it('users and staff: 201 and the Location of the new record', async () => {
    const admin = await t.as(DEMO.admin);
    const staff = await admin.post('/staff', { name: 'Located Person' });
    expect(locationOf(staff, /^\/staff\//)).toBe(`/staff/${staff.body.id}`);
    expect(await follow(DEMO.admin, `/staff/${staff.body.id}`)).toEqual(staff.body);
  });
});
