import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { BANK_HOLIDAYS } from '../../src/calendar/bank-holidays';
import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * POST /reports (api.md "Reports and cases"; domain.md "Report"; §2, §4, §5, §7, App.A):
 * the deputy head logs a report, which opens a case in state `reported`.
 */

const REFERENCE = /^SMP-\d{4}-\d{4}$/;

/** England and Wales' bank holidays (the demo school's nation, process.md §6), from the shipped data. */
const BANK_HOLIDAYS_ENGLAND = new Set(BANK_HOLIDAYS.england_and_wales.map((holiday) => holiday.date));

/**
 * The end of the next working day after `at` (UTC, as in winter), per domain.md "referral is
 * expected within one working day": weekends and England and Wales' bank holidays skipped.
 */
function nextWorkingDayEnd(at: Date): Date {
  const due = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), 23, 59, 59, 999));
  do due.setUTCDate(due.getUTCDate() + 1);
  while (due.getUTCDay() === 0 || due.getUTCDay() === 6 || BANK_HOLIDAYS_ENGLAND.has(due.toISOString().slice(0, 10)));
  return due;
}

async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.db.query<{ n: string }>(sql, params);
  return Number(rows[0].n);
}

const casesCount = (t: TestApp) => count(t, 'SELECT count(*) AS n FROM cases');
const auditCount = (t: TestApp) => count(t, 'SELECT count(*) AS n FROM audit_events');

function expectFieldStartingWith(response: request.Response, prefix: string): void {
  const fields: string[] = (response.body.errors ?? []).map((e: { field: string }) => e.field);
  expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${prefix.replace('.', '\\.')}`))]));
}

describe('POST /reports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('a valid report', () => {
    it('opens a case: 201, status reported, a reference, subjects, reporter and the report', async () => {
      const deputy = await t.as(DEMO.deputy);
      const before = Date.now();
      const res = await deputy.post('/reports', reportBody(t));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const body = res.body;
      expect(body).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          organisationId: t.ids.org.werrington,
          status: 'reported',
          reference: expect.stringMatching(REFERENCE),
          triage: null,
          investigatorUserId: null,
          closedAt: null,
          decisionMakerRole: 'headteacher',
        }),
      );
      expect(body.reference).toBe(`SMP-${new Date().getUTCFullYear()}-${body.reference.slice(-4)}`);
      expect(body.subjects).toEqual([expect.objectContaining({ staffId: t.ids.staff['Sam Teacher'], name: 'Sam Teacher' })]);
      expect(body.reporter).toEqual(expect.objectContaining({ staffId: null, name: 'A Parent', relationship: 'parent of a Year 4 pupil' }));
      expect(body.witnesses).toEqual([]);
      expect(body.reports).toEqual([
        expect.objectContaining({
          id: expect.any(String),
          platform: 'facebook',
          platformOther: null,
          observedAt: '2026-11-02T18:30:00.000Z',
          description: 'Public post criticising a colleague by name.',
          url: 'https://facebook.example/posts/1',
          category: 'disrepute',
          policyStandards: ['7.5'],
          involvesPupils: false,
          mayMeetHarmThreshold: false,
          loggedByUserId: t.ids.users[DEMO.deputy],
        }),
      ]);
      expect(Date.parse(body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(body.createdAt)).toBeLessThanOrEqual(Date.now() + 1000);

      // What came back is what is stored.
      const { rows } = await t.db.query('SELECT organisation_id, reference, status FROM cases WHERE id = $1', [body.id]);
      expect(rows).toEqual([{ organisation_id: t.ids.org.werrington, reference: body.reference, status: 'reported' }]);
      const head = await t.as(DEMO.head);
      const read = await head.get(`/cases/${body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(
        expect.objectContaining({
          id: body.id,
          reference: body.reference,
          status: 'reported',
          subjects: body.subjects,
          reporter: body.reporter,
          reports: body.reports,
        }),
      );
    });

    it('accepts a staff reporter, several subjects, platform other with its name, no url', async () => {
      const deputy = await t.as(DEMO.deputy);
      const body = reportBody(t, {
        subjectStaffIds: [t.ids.staff['Sam Teacher'], t.ids.staff['Taylor Assistant']],
        platform: 'other',
        platformOther: 'Mastodon',
        url: undefined,
        policyStandards: ['7.7', '8'],
        category: 'discrimination_bullying_harassment',
        reporter: { staffId: t.ids.staff['investigator@demo.school'] },
      });
      const res = await deputy.post('/reports', body);
      expect(res.status).toBe(201);
      expect(res.body.subjects.map((s: { staffId: string }) => s.staffId).sort()).toEqual([t.ids.staff['Sam Teacher'], t.ids.staff['Taylor Assistant']].sort());
      expect(res.body.reporter).toEqual(expect.objectContaining({ staffId: t.ids.staff['investigator@demo.school'], name: 'Ian Investigator' }));
      expect(res.body.reports[0]).toEqual(expect.objectContaining({ platform: 'other', platformOther: 'Mastodon', url: null, policyStandards: ['7.7', '8'] }));
    });

    it.each(['twitter', 'facebook', 'linkedin', 'youtube', 'flickr', 'instagram', 'whatsapp', 'snapchat'])('accepts the §2 platform %s', async (platform) => {
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { platform }));
      expect(res.status).toBe(201);
      expect(res.body.reports[0].platform).toBe(platform);
    });

    it.each(['disrepute', 'confidentiality', 'copyright', 'discrimination_bullying_harassment', 'images_of_school_or_pupils'])(
      'accepts the App.A category %s',
      async (category) => {
        const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { category }));
        expect(res.status).toBe(201);
        expect(res.body.reports[0].category).toBe(category);
      },
    );
  });

  describe('who may log a report (§4 "report it to the Deputy Headteacher")', () => {
    it.each([DEMO.admin, DEMO.investigator, DEMO.investigator2, DEMO.head, DEMO.governor, DEMO.hr, DEMO.northAdmin, DEMO.northHead])(
      '%s gets 403 and nothing is written',
      async (email) => {
        // signed in first: a sign-in is an audit event of its own (docs/sessions.md)
        const caller = await t.as(email);
        const [cases, events] = [await casesCount(t), await auditCount(t)];
        const res = await caller.post('/reports', reportBody(t));
        expectProblem(res, 403);
        expect(await casesCount(t)).toBe(cases);
        expect(await auditCount(t)).toBe(events);
      },
    );

    it('an anonymous caller gets 401', async () => {
      expectProblem(await t.http().post('/reports').send(reportBody(t)), 401);
    });
  });

  describe('validation: each invalid field is a 400 naming it, and nothing is written', () => {
    const future = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const cases: Array<[string, (t: TestApp) => Record<string, unknown>, string]> = [
      ['platform not in the §2 list', () => ({ platform: 'myspace' }), 'platform'],
      ['platform missing', () => ({ platform: undefined }), 'platform'],
      ['category not in App.A', () => ({ category: 'rudeness' }), 'category'],
      ['policyStandards containing 7.9', () => ({ policyStandards: ['7.5', '7.9'] }), 'policyStandards'],
      ['policyStandards not an array', () => ({ policyStandards: '7.5' }), 'policyStandards'],
      ['observedAt in the future', () => ({ observedAt: future() }), 'observedAt'],
      ['observedAt without a time zone', () => ({ observedAt: '2026-11-20T18:30:00' }), 'observedAt'],
      ['observedAt not a date', () => ({ observedAt: 'last Tuesday' }), 'observedAt'],
      ['empty subjectStaffIds', () => ({ subjectStaffIds: [] }), 'subjectStaffIds'],
      ['subjectStaffIds naming someone twice', (t) => ({ subjectStaffIds: [t.ids.staff['Sam Teacher'], t.ids.staff['Sam Teacher']] }), 'subjectStaffIds'],
      ['policyStandards citing one twice', () => ({ policyStandards: ['7.5', '7.5'] }), 'policyStandards'],
      ['subjectStaffIds not uuids', () => ({ subjectStaffIds: ['sam'] }), 'subjectStaffIds'],
      ['platform other without platformOther', () => ({ platform: 'other' }), 'platformOther'],
      ['platformOther given for facebook', () => ({ platform: 'facebook', platformOther: 'Facebook Lite' }), 'platformOther'],
      ['url with an ftp scheme', () => ({ url: 'ftp://files.example/post' }), 'url'],
      ['url with a javascript scheme', () => ({ url: 'javascript:alert(1)' }), 'url'],
      ['url without a scheme', () => ({ url: 'facebook.example/posts/1' }), 'url'],
      ['description missing', () => ({ description: undefined }), 'description'],
      ['description empty', () => ({ description: '' }), 'description'],
      ['involvesPupils not a boolean', () => ({ involvesPupils: 'no' }), 'involvesPupils'],
      ['mayMeetHarmThreshold not a boolean', () => ({ mayMeetHarmThreshold: 'yes' }), 'mayMeetHarmThreshold'],
      ['unknown field status', () => ({ status: 'closed' }), 'status'],
      ['unknown field organisationId', (t) => ({ organisationId: t.ids.org.northfield }), 'organisationId'],
      ['unknown field reference', () => ({ reference: 'SMP-2026-9999' }), 'reference'],
      ['reporter missing', () => ({ reporter: undefined }), 'reporter'],
      ['reporter.staffId not a uuid', () => ({ reporter: { staffId: 'x' } }), 'reporter.staffId'],
    ];

    it.each(cases)('%s', async (_label, override, field) => {
      const [cases, events] = [await casesCount(t), await auditCount(t)];
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, override(t)));
      expectProblem(res, 400, field);
      expect(await casesCount(t)).toBe(cases);
      expect(await auditCount(t)).toBe(events);
    });

    it.each([
      ['reporter with both staffId and name', (t: TestApp) => ({ staffId: t.ids.staff['Taylor Assistant'], name: 'A Parent' })],
      ['reporter with neither staffId nor name', () => ({ relationship: 'parent' })],
      ['reporter with an unknown field', () => ({ name: 'A Parent', email: 'parent@example.org' })],
    ])('%s', async (_label, reporter) => {
      const [cases, events] = [await casesCount(t), await auditCount(t)];
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { reporter: reporter(t) }));
      expectProblem(res, 400);
      expectFieldStartingWith(res, 'reporter');
      expect(await casesCount(t)).toBe(cases);
      expect(await auditCount(t)).toBe(events);
    });

    it('a body that is not a JSON object is refused', async () => {
      const deputy = await t.as(DEMO.deputy);
      expectProblem(await deputy.post('/reports', [reportBody(t)]), 400);
      const raw = await t
        .http()
        .post('/reports')
        .set('authorization', `Bearer ${await t.token(DEMO.deputy)}`)
        .set('content-type', 'application/json')
        .send('{"platform":');
      expectProblem(raw, 400);
    });

    it('a NUL character or a lone surrogate in a text field is a 400 naming the field', async () => {
      const deputy = await t.as(DEMO.deputy);
      for (const [override, field] of [
        [{ description: 'before\u0000after' }, 'description'],
        [{ description: 'half an emoji \ud83d' }, 'description'],
        [{ reporter: { name: 'A\u0000Parent' } }, 'reporter.name'],
        [{ reporter: { name: 'A Parent', relationship: 'parent\u0000' } }, 'reporter.relationship'],
        [{ platform: 'other', platformOther: 'Masto\u0000don' }, 'platformOther'],
      ] as Array<[Record<string, unknown>, string]>) {
        const [cases, events] = [await casesCount(t), await auditCount(t)];
        const res = await deputy.post('/reports', reportBody(t, override));
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expectProblem(res, 400, field);
        expect(await casesCount(t)).toBe(cases);
        expect(await auditCount(t)).toBe(events);
      }
    });

    it('staff ids are UUIDs, so case-insensitive: an upper-case subject id is refused as unknown (400)', async () => {
      const deputy = await t.as(DEMO.deputy);
      const res = await deputy.post(
        '/reports',
        reportBody(t, { subjectStaffIds: [t.ids.staff['Sam Teacher'].toUpperCase()], reporter: { staffId: t.ids.staff['Taylor Assistant'].toUpperCase() } }),
      );
      expect(res.status).toBe(201);
      expect(res.body.subjects).toEqual([expect.objectContaining({ staffId: t.ids.staff['Sam Teacher'], name: 'Sam Teacher' })]);
      expect(res.body.reporter).toEqual(expect.objectContaining({ staffId: t.ids.staff['Taylor Assistant'] }));
      // …and the conflict-of-interest check is not fooled by the spelling either.
      expectProblem(await deputy.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['deputy@demo.school'].toUpperCase()] })), 409);
    });

    it("an upper-case spelling of the deputy's own staff id never opens a case about them", async () => {
      const [cases, events] = [await casesCount(t), await auditCount(t)];
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['deputy@demo.school'].toUpperCase()] }));
      expect([400, 409]).toContain(res.status);
      expect(await casesCount(t)).toBe(cases);
      expect(await auditCount(t)).toBe(events);
    });

    it('a subject staff id from another organisation is a 400 naming subjectStaffIds', async () => {
      const [cases, events] = [await casesCount(t), await auditCount(t)];
      const res = await (
        await t.as(DEMO.deputy)
      ).post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['Sam Teacher'], t.ids.staff['Robin Teacher']] }));
      expectProblem(res, 400, 'subjectStaffIds');
      expect(JSON.stringify(res.body)).not.toContain('Robin');
      expect(await casesCount(t)).toBe(cases);
      expect(await auditCount(t)).toBe(events);
    });

    it('an unknown subject staff id is a 400 naming subjectStaffIds', async () => {
      expectProblem(await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { subjectStaffIds: [randomUUID()] })), 400, 'subjectStaffIds');
    });

    it('a reporter staff id from another organisation is a 400 naming reporter.staffId', async () => {
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { reporter: { staffId: t.ids.staff['Robin Teacher'] } }));
      expectProblem(res, 400, 'reporter.staffId');
    });

    it('a failed report gives its reference number back: the next one is consecutive', async () => {
      const deputy = await t.as(DEMO.deputy);
      const first = await deputy.post('/reports', reportBody(t));
      expect(first.status).toBe(201);
      expectProblem(await deputy.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['Robin Teacher']] })), 400, 'subjectStaffIds');
      expectProblem(await deputy.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['deputy@demo.school']] })), 409);
      const second = await deputy.post('/reports', reportBody(t));
      expect(second.status).toBe(201);
      expect(Number(second.body.reference.slice(-4))).toBe(Number(first.body.reference.slice(-4)) + 1);
    });
  });

  describe('safeguarding (§5)', () => {
    it.each([
      { label: 'involvesPupils', overrides: { involvesPupils: true }, flagged: true },
      { label: '§7.6 cited (information about pupils)', overrides: { policyStandards: ['7.5', '7.6'] }, flagged: true },
      { label: 'mayMeetHarmThreshold', overrides: { mayMeetHarmThreshold: true }, flagged: true },
      { label: 'none of these', overrides: { involvesPupils: false, mayMeetHarmThreshold: false, policyStandards: ['7.5', '7.7', '8'] }, flagged: false },
      { label: 'no standards cited', overrides: { policyStandards: [] }, flagged: false },
    ])('$label → flagged: $flagged', async ({ overrides, flagged }) => {
      const deputy = await t.as(DEMO.deputy);
      const res = await deputy.post('/reports', reportBody(t, overrides));
      expect(res.status).toBe(201);
      expect(res.body.safeguarding).toEqual(
        expect.objectContaining({
          flagged,
          referralDueBy: flagged ? nextWorkingDayEnd(new Date(res.body.createdAt)).toISOString() : null,
          referralOverdue: false,
          referrals: [],
        }),
      );
      const { rows } = await t.db.query('SELECT safeguarding FROM cases WHERE id = $1', [res.body.id]);
      expect(rows[0].safeguarding).toBe(flagged);
      const read = await (await t.as(DEMO.hr)).get(`/cases/${res.body.id}`);
      expect(read.body.safeguarding.flagged).toBe(flagged);
    });
  });

  describe('conflicts of interest (§4, §5 fair and unbiased)', () => {
    it('a deputy cannot log a report naming themselves as a subject (409), and nothing is written', async () => {
      const deputy = await t.as(DEMO.deputy);
      const [cases, events] = [await casesCount(t), await auditCount(t)];
      const alone = await deputy.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['deputy@demo.school']] }));
      expectProblem(alone, 409);
      expect(alone.body.code).toBe('conflict_of_interest');
      const among = await deputy.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['Sam Teacher'], t.ids.staff['deputy@demo.school']] }));
      expectProblem(among, 409);
      expect(await casesCount(t)).toBe(cases);
      expect(await auditCount(t)).toBe(events);
    });

    it('a report about the headteacher is decided by the governors', async () => {
      const res = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['head@demo.school']] }));
      expect(res.status).toBe(201);
      expect(res.body.decisionMakerRole).toBe('governor');
    });
  });

  describe('audit', () => {
    it('writes one report.created event for the case, by the deputy acting as deputy_head', async () => {
      const deputy = await t.as(DEMO.deputy);
      const before = await auditCount(t);
      const res = await deputy.post('/reports', reportBody(t, { involvesPupils: true }));
      expect(res.status).toBe(201);
      expect(await auditCount(t)).toBe(before + 1);
      const { rows } = await t.db.query(
        `SELECT organisation_id, actor_user_id, actor_role, action, case_id, entity_type, entity_id, payload
         FROM audit_events WHERE case_id = $1 ORDER BY seq`,
        [res.body.id],
      );
      expect(rows).toEqual([
        expect.objectContaining({
          organisation_id: t.ids.org.werrington,
          actor_user_id: t.ids.users[DEMO.deputy],
          actor_role: 'deputy_head',
          action: 'report.created',
          case_id: res.body.id,
          entity_type: 'report',
          entity_id: res.body.reports[0].id,
        }),
      ]);
      expect(rows[0].payload).toEqual(expect.objectContaining({ reference: res.body.reference, safeguarding: true }));
    });
  });
});

describe('POST /reports: case references', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('are unique and gapless under concurrency: 20 parallel reports get SMP-YYYY-0001 … 0020', async () => {
    const deputy = await t.as(DEMO.deputy);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => deputy.post('/reports', reportBody(t, { description: `report ${i}` }))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const references: string[] = responses.map((r) => r.body.reference);
    expect(new Set(references).size).toBe(20);
    const year = new Date().getUTCFullYear();
    for (const reference of references) expect(reference).toMatch(new RegExp(`^SMP-${year}-\\d{4}$`));
    const numbers = references.map((r) => Number(r.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each report got its own case, and each case is audited once.
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(20);
    const { rows } = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE action = 'report.created'`);
    expect(Number(rows[0].n)).toBe(20);
  });

  it('are numbered per organisation: Northfield starts at 0001', async () => {
    // Northfield has no deputy head in the demo: give its headteacher the role for this test.
    await t.db.query(`UPDATE users SET roles = '{headteacher,deputy_head}' WHERE email = $1`, [DEMO.northHead]);
    const north = await t.as(DEMO.northHead);
    const res = await north.post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff['Robin Teacher']] }));
    expect(res.status).toBe(201);
    expect(res.body.reference).toBe(`SMP-${new Date().getUTCFullYear()}-0001`);
    expect(res.body.organisationId).toBe(t.ids.org.northfield);
    // …and cannot name Werrington's staff.
    expectProblem(await north.post('/reports', reportBody(t)), 400, 'subjectStaffIds');
  });
});
