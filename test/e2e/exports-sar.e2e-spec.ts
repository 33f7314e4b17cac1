import type { SarCase } from '../../src/exports/dto/subject-access.dto';
import { caseThroughAppeal, FlowCase } from '../support/exports-fixtures';
import { DEMO, expectProblem, reportBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Subject access (issue 5 item 5; api.md "HR and data protection"; domain.md "Data protection":
 * "everything held about a staff member can be exported"): GET /staff/:id/subject-access-export —
 * appearances as subject, witness and reporter, the account without its password hash, the
 * audit events the person's login performed, the visibility rule for a headteacher, special
 * category content, tombstones, and the export's own audit event.
 */
describe('subject-access export (§13)', () => {
  let t: TestApp;
  let taylor: string;
  /** Taylor Assistant: a witness in one case, the reporter of another, the subject of a third. */
  let asWitness: FlowCase;
  let asReporter: FlowCase;
  let asSubject: FlowCase;
  /** Taylor the subject again, with the headteacher a witness: the headteacher may not see it. */
  let headConflicted: FlowCase;

  beforeAll(async () => {
    t = await startTestApp();
    taylor = t.ids.staff['Taylor Assistant'];
    asWitness = await caseThroughAppeal(t, { witnessStaffId: taylor });
    asReporter = await caseThroughAppeal(t, { report: { reporter: { staffId: taylor } }, until: 'investigation' });
    asSubject = await caseThroughAppeal(t, { report: { subjectStaffIds: [taylor] }, appeal: 'dismissed' });
    headConflicted = await caseThroughAppeal(t, { report: { subjectStaffIds: [taylor] }, witnessStaffId: t.ids.staff[DEMO.head], until: 'investigation' });
  });
  afterAll(() => t.close());

  const sar = async (who: string, staffId: string, query = '') => (await t.as(who)).get(`/staff/${staffId}/subject-access-export${query}`);
  const caseOf = (body: { cases: Array<{ reference: string }> }, flow: FlowCase) =>
    body.cases.find((c) => c.reference === flow.reference) as SarCase | undefined;

  describe('who may export', () => {
    it.each([DEMO.head, DEMO.hr])('%s: 200', async (who) => {
      const res = await sar(who, taylor);
      expect(res.status).toBe(200);
      expect(res.body.staff).toEqual(expect.objectContaining({ id: taylor, name: 'Taylor Assistant', jobTitle: 'Teaching Assistant' }));
    });

    it.each([DEMO.deputy, DEMO.investigator, DEMO.governor, DEMO.admin])('%s: 403', async (who) => {
      expectProblem(await sar(who, taylor), 403);
    });

    it("another organisation's headteacher: 404 for a Werrington staff member; an unknown id: 404", async () => {
      expectProblem(await sar(DEMO.northHead, taylor), 404);
      expectProblem(
        await sar(
          DEMO.northHead,
          t.ids.staff['Robin Teacher'].replace(/.$/, (c) => (c === '0' ? '1' : '0')),
        ),
        404,
      );
      expectProblem(await sar(DEMO.hr, t.ids.staff['Robin Teacher']), 404);
    });

    it('bad input: 400 naming the field', async () => {
      expectProblem(await sar(DEMO.hr, 'not-a-uuid'), 400, 'id');
      expectProblem(await sar(DEMO.hr, taylor, '?format=pdf'), 400, 'format');
      expectProblem(await sar(DEMO.head, taylor, '?include=all'), 400, 'include');
    });
  });

  describe('everything held about them', () => {
    it('appearances as witness, reporter and subject, each with what concerns them in that capacity', async () => {
      const res = await sar(DEMO.hr, taylor);
      expect(res.status).toBe(200);
      expect(res.body.cases.map((c: { reference: string }) => c.reference)).toEqual([asWitness, asReporter, asSubject, headConflicted].map((c) => c.reference));

      const witness = caseOf(res.body, asWitness)!;
      expect(witness).toEqual(expect.objectContaining({ erased: false, caseId: asWitness.id, capacities: ['witness'], status: 'closed' }));
      expect(witness.interviews).toEqual([expect.objectContaining({ capacity: 'witness', statement: expect.stringMatching(/^I saw the post on my phone/) })]);
      // a witness gets their own statement, not the allegations, response or outcome about someone else
      expect(witness.allegations).toEqual([]);
      expect(witness.subjectResponses).toEqual([]);
      expect(witness.outcome).toBeNull();
      expect(witness.sanctionInForce).toBeNull();
      expect(witness.dates).toEqual(expect.objectContaining({ reportedAt: expect.any(String), closedAt: expect.any(String) }));
      expect(witness.reports).toEqual([]);
      expect(witness.evidence.items).toEqual([]);

      const reporter = caseOf(res.body, asReporter)!;
      expect(reporter).toEqual(expect.objectContaining({ capacities: ['reporter'], status: 'investigation' }));
      expect(reporter.reports).toEqual([
        expect.objectContaining({
          platform: 'facebook',
          description: 'Public post criticising a colleague by name.',
          category: expect.objectContaining({ code: 'disrepute' }),
        }),
      ]);
      expect(reporter.allegations).toEqual([]);

      const subject = caseOf(res.body, asSubject)!;
      expect(subject).toEqual(expect.objectContaining({ capacities: ['subject'], status: 'closed', sanctionInForce: 'final_written_warning' }));
      expect(subject.allegations).toEqual([
        expect.objectContaining({ clause: expect.objectContaining({ code: '7.5' }), finding: expect.objectContaining({ finding: 'substantiated' }) }),
        expect.objectContaining({ clause: expect.objectContaining({ code: 'copyright' }), finding: expect.objectContaining({ finding: 'not_substantiated' }) }),
      ]);
      expect(subject.subjectNotifications).toEqual([expect.objectContaining({ method: 'letter', allegations: 2 })]);
      expect(subject.subjectResponses).toEqual([expect.objectContaining({ response: 'I accept I named her; it was a joke.' })]);
      expect(subject.outcome).toEqual(expect.objectContaining({ sanction: 'final_written_warning', rationale: 'A serious breach of §7.5, substantiated.' }));
      expect(subject.appeal).toEqual(expect.objectContaining({ result: 'dismissed', grounds: 'The sanction is too harsh for a first offence.' }));
      expect(subject.reports).toHaveLength(1);
    });

    // Rules changed (issue 9, findings 9 and 11): the evidence list is the subject's only (a witness's
    // export no longer lists the case's evidence), and a special-category item is shown as existing
    // (kind, date, hash), withheld, as in the case view, instead of being left out.
    it('evidence metadata of the cases they are the subject of, special-category items only as existing, and counted', async () => {
      const res = await sar(DEMO.hr, taylor);
      const c = caseOf(res.body, asSubject)!;
      expect(c.evidence).toEqual({
        items: [
          expect.objectContaining({
            description: asSubject.personalEvidence,
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            size: 2048,
            mediaType: 'image/png',
            withheld: false,
          }),
          expect.objectContaining({ kind: 'document', description: null, sha256: asSubject.specialSha256, size: null, mediaType: null, withheld: true }),
        ],
        withheldSpecialCategory: 1,
        specialCategoryIncluded: false,
      });
      expect(res.text).not.toContain(asSubject.specialEvidence);
    });

    it("a witness's subject-access export holds their own statements, not the case's evidence or other people's statements (issue 9, finding 11)", async () => {
      const res = await sar(DEMO.hr, taylor);
      const witness = caseOf(res.body, asWitness)!;
      expect(witness.capacities).toEqual(['witness']);
      expect(witness.interviews).toEqual([
        expect.objectContaining({ capacity: 'witness', statement: expect.stringMatching(/^I saw the post on my phone/), withheld: false }),
      ]);
      expect(witness.evidence).toEqual({ items: [], withheldSpecialCategory: 0, specialCategoryIncluded: false });
      expect(witness.reports).toEqual([]);
      expect(witness.subjectResponses).toEqual([]);
      const text = JSON.stringify(witness);
      for (const thirdParty of [
        asWitness.personalEvidence,
        asWitness.specialEvidence,
        asWitness.specialSha256,
        'Public post criticising a colleague by name.',
        'I accept I named her',
      ])
        expect(text).not.toContain(thirdParty);
      // the reporter likewise: their own report, not the evidence
      const reporter = caseOf(res.body, asReporter)!;
      expect(reporter.evidence.items).toEqual([]);
      expect(JSON.stringify(reporter)).not.toContain(asReporter.personalEvidence);
    });

    it('a staff member with a login: the account without its password hash, and the audit events they performed', async () => {
      const deputy = t.ids.staff[DEMO.deputy];
      const res = await sar(DEMO.hr, deputy);
      expect(res.status).toBe(200);
      expect(res.body.userAccount).toEqual({
        id: t.ids.users[DEMO.deputy],
        email: DEMO.deputy,
        name: 'Dee Deputy',
        roles: ['deputy_head'],
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const { rows } = await t.db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.deputy]);
      expect(res.text).not.toContain(rows[0].password_hash);
      expect(res.text).not.toMatch(/password/i);
      expect(res.text).not.toMatch(/scrypt/i);
      const reportsLogged = res.body.auditEvents.filter((e: { action: string }) => e.action === 'report.created');
      expect(reportsLogged.length).toBeGreaterThanOrEqual(4);
      expect(reportsLogged.map((e: { caseId: string }) => e.caseId)).toEqual(
        expect.arrayContaining([asWitness.id, asReporter.id, asSubject.id, headConflicted.id]),
      );
      // (their sign-ins are theirs too, acting in no role: docs/sessions.md)
      expect(res.body.auditEvents.find((e: { action: string }) => !e.action.startsWith('auth.'))).toEqual(
        expect.objectContaining({ seq: expect.any(Number), occurredAt: expect.any(String), action: expect.any(String), actorRole: expect.any(String) }),
      );
      expect(res.body.auditEvents[0]).not.toHaveProperty('payload');
    });

    it('a staff member without a login: no account, no audit events', async () => {
      const res = await sar(DEMO.hr, taylor);
      expect(res.body.userAccount).toBeNull();
      expect(res.body.auditEvents).toEqual([]);
    });
  });

  // Rule changed (issue 9, finding 10): what the caller may not see is no longer counted
  // (`furtherCasesHeld`, `auditEventsWithheld` are gone): a count tells of a case hidden from them.
  describe('a headteacher sees only the cases they may see, and nothing tells them of the rest', () => {
    it('full detail of the visible cases, and no count of the others; hr gets everything', async () => {
      const res = await sar(DEMO.head, taylor);
      const head = res.body;
      expect(head.cases.map((c: { reference: string }) => c.reference)).toEqual([asWitness, asReporter, asSubject].map((c) => c.reference));
      expect(Object.keys(head).sort()).toEqual(['auditEvents', 'cases', 'generatedAt', 'school', 'specialCategoryIncluded', 'staff', 'userAccount']);
      expect(res.text).not.toContain(headConflicted.id);
      expect(res.text).not.toContain(headConflicted.reference);
      const hr = (await sar(DEMO.hr, taylor)).body;
      expect(caseOf(hr, headConflicted)).toBeDefined();
    });

    it('audit events on a case the headteacher may not see are neither shown nor counted', async () => {
      const res = await sar(DEMO.head, t.ids.staff[DEMO.deputy]);
      expect(res.body.auditEvents.map((e: { caseId: string | null }) => e.caseId)).not.toContain(headConflicted.id);
      expect(res.body).not.toHaveProperty('auditEventsWithheld');
      const hr = (await sar(DEMO.hr, t.ids.staff[DEMO.deputy])).body;
      expect(hr.auditEvents.map((e: { caseId: string | null }) => e.caseId)).toContain(headConflicted.id);
    });
  });

  describe('nobody runs a subject-access export of themselves (issue 9, finding 10)', () => {
    it.each([DEMO.hr, DEMO.head])('%s exporting their own staff record: 409 own_subject_access, nothing read or recorded', async (who) => {
      const exports = async () =>
        Number(
          (await t.db.query(`SELECT count(*) AS n FROM audit_events WHERE action LIKE 'subject_access.%' AND actor_user_id = $1`, [t.ids.users[who]])).rows[0]
            .n,
        );
      const before = await exports();
      for (const query of ['', ...(who === DEMO.head ? ['?include=special'] : [])]) {
        const res = await sar(who, t.ids.staff[who], query);
        expectProblem(res, 409);
        expect(res.body.code).toBe('own_subject_access');
        expect(res.text).not.toMatch(/cases|furtherCasesHeld/);
      }
      expect(await exports()).toBe(before);
    });

    it('a headteacher under investigation learns nothing of the hidden case about them: not from their own export, nor from the audit log', async () => {
      const reported = await (await t.as(DEMO.deputy)).post('/reports', reportBody(t, { subjectStaffIds: [t.ids.staff[DEMO.head]] }));
      expect(reported.status).toBe(201);
      const aboutHead = { id: reported.body.id as string, reference: reported.body.reference as string };
      // hr runs the head's subject-access export, as the rule says someone else must
      const byHr = await sar(DEMO.hr, t.ids.staff[DEMO.head]);
      expect(byHr.status).toBe(200);
      expect(byHr.body.cases.map((c: { reference: string }) => c.reference)).toContain(aboutHead.reference);
      // the head's own export is refused, whatever it would hold
      expectProblem(await sar(DEMO.head, t.ids.staff[DEMO.head]), 409);
      // and the head's audit log shows neither that export nor anything counting the case
      const log = await (await t.as(DEMO.head)).get('/audit?limit=200');
      expect(log.status).toBe(200);
      const about = log.body.items.filter(
        (e: { entityType: string | null; entityId: string | null }) => e.entityType === 'staff_member' && e.entityId === t.ids.staff[DEMO.head],
      );
      expect(about).toEqual([]);
      expect(log.text).not.toContain(aboutHead.id);
      expect(log.text).not.toContain('furtherCasesHeld');
    });
  });

  describe('special-category content and the audit trail', () => {
    it('hr asking for special-category content: 403; the headteacher: included', async () => {
      expectProblem(await sar(DEMO.hr, taylor, '?include=special'), 403);
      const res = await sar(DEMO.head, taylor, '?include=special');
      expect(res.status).toBe(200);
      expect(res.body.specialCategoryIncluded).toBe(true);
      expect(caseOf(res.body, asSubject)!.evidence.items).toEqual(
        expect.arrayContaining([expect.objectContaining({ description: asSubject.specialEvidence })]),
      );
    });

    // Rule changed (issue 9, finding 10): the export's event carries no counts (every audit reader
    // sees it, and a count set against the cases they may see tells of a hidden one); instead each
    // case exported is an event on that case, which only those who may see the case read.
    it('each export is audited: who, in which role, about whom (no case ids, no counts), and each case it held on that case', async () => {
      await sar(DEMO.hr, taylor);
      const { rows } = await t.db.query(
        `SELECT seq, actor_user_id, actor_role, entity_type, entity_id, payload FROM audit_events WHERE action = 'subject_access.exported' ORDER BY seq DESC LIMIT 2`,
      );
      expect(rows[0]).toEqual({
        seq: expect.anything(),
        actor_user_id: t.ids.users[DEMO.hr],
        actor_role: 'hr',
        entity_type: 'staff_member',
        entity_id: taylor,
        payload: { includeSpecial: false },
      });
      expect(rows[1]).toEqual(expect.objectContaining({ actor_role: 'headteacher', payload: { includeSpecial: true } }));
      const perCase = await t.db.query(
        `SELECT case_id, entity_type, entity_id, payload FROM audit_events
         WHERE action = 'subject_access.case_exported' AND actor_user_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT 4`,
        [t.ids.users[DEMO.hr], rows[0].seq],
      );
      expect(perCase.rows.map((r) => r.case_id).reverse()).toEqual([asWitness, asReporter, asSubject, headConflicted].map((c) => c.id));
      expect(perCase.rows.every((r) => r.entity_type === 'staff_member' && r.entity_id === taylor)).toBe(true);
      expect(perCase.rows.at(-1)!.payload).toEqual({ capacities: ['witness'], erased: false, specialCategoryIncluded: false });
      // the headteacher reads the export, and the cases of it they may see, not the one hidden from them
      const log = await (await t.as(DEMO.head)).get(`/audit?actorId=${t.ids.users[DEMO.hr]}&limit=200`);
      const seen = log.body.items.filter((e: { action: string }) => e.action === 'subject_access.case_exported').map((e: { caseId: string }) => e.caseId);
      expect(seen).toEqual(expect.arrayContaining([asWitness.id, asReporter.id, asSubject.id]));
      expect(seen).not.toContain(headConflicted.id);
      expect(log.text).not.toContain(headConflicted.id);
    });
  });

  describe('erased cases (§13)', () => {
    it('a case erased with its party link kept appears as a tombstone only', async () => {
      const erased = await caseThroughAppeal(t, { report: { subjectStaffIds: [taylor] }, appeal: 'upheld' });
      await t.db.query(`UPDATE cases SET erased_at = now() WHERE id = $1`, [erased.id]);
      const res = await sar(DEMO.hr, taylor);
      const tombstone = caseOf(res.body, erased)!;
      expect(tombstone).toEqual({
        erased: true,
        reference: erased.reference,
        capacities: ['subject'],
        status: 'closed',
        dates: expect.objectContaining({ reportedAt: expect.any(String), closedAt: expect.any(String) }),
        outcomeCategory: 'no_action',
        erasedAt: expect.any(String),
      });
      expect(res.text).not.toContain(erased.personalEvidence);
    });

    it('after a retention run nothing of the erased content is exported', async () => {
      const erased = await caseThroughAppeal(t, { report: { subjectStaffIds: [taylor] } });
      await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [erased.id]);
      const run = await (await t.as(DEMO.head)).post('/retention/run');
      expect(run.body.erased).toContain(erased.id);
      const res = await sar(DEMO.hr, taylor);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(erased.personalEvidence);
      const found = caseOf(res.body, erased);
      if (found) expect(found.erased).toBe(true);
    });
  });

  describe('afterwards', () => {
    it('the audit chain still verifies', async () => {
      const res = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null }));
    });
  });
});
