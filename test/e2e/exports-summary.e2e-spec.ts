import { statementsSent } from '../support/statements';
import { PdfRenderer, RunRender } from '../../src/documents/pdf-renderer.service';
import { addPerson, buildCase, outcomeBody } from '../support/case-builder';
import { binaryParser, caseThroughAppeal, FlowCase, pdfText } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The HR case summary (issue 5 item 3; api.md "HR and data protection"; domain.md "HR exports",
 * "Data protection"): GET /cases/:id/summary and /summary.pdf — who may read it, what it says
 * (quoted clauses, findings, response, outcome, appeal, sanction in force, evidence hashes),
 * special-category content only on the headteacher's purposeful request, audited, and the
 * tombstone of an erased case.
 */
describe('HR case summary (§13)', () => {
  let t: TestApp;
  let appealed: FlowCase;

  beforeAll(async () => {
    t = await startTestApp();
    appealed = await caseThroughAppeal(t, { witnessStaffId: t.ids.staff['Taylor Assistant'] });
  });
  afterAll(() => t.close());

  const getPdf = async (who: string, path: string) => (await t.as(who)).get(path).buffer(true).parse(binaryParser);
  const summaryEvents = async (caseId: string) =>
    (await t.db.query(`SELECT actor_role, payload FROM audit_events WHERE case_id = $1 AND action = 'summary.viewed' ORDER BY seq`, [caseId])).rows;

  describe('who may read it', () => {
    it.each([DEMO.head, DEMO.hr])('%s: 200', async (who) => {
      const res = await (await t.as(who)).get(`/cases/${appealed.id}/summary`);
      expect(res.status).toBe(200);
      expect(res.body.reference).toBe(appealed.reference);
    });

    it.each([DEMO.deputy, DEMO.investigator, DEMO.governor, DEMO.admin])('%s: 403 for the JSON and the PDF', async (who) => {
      const client = await t.as(who);
      expectProblem(await client.get(`/cases/${appealed.id}/summary`), 403);
      expectProblem(await client.get(`/cases/${appealed.id}/summary.pdf`), 403);
    });

    it("another organisation's headteacher: 404, as for a missing case", async () => {
      const north = await t.as(DEMO.northHead);
      expectProblem(await north.get(`/cases/${appealed.id}/summary`), 404);
      expectProblem(await north.get(`/cases/${appealed.id}/summary.pdf`), 404);
      expectProblem(await north.get(`/cases/00000000-0000-4000-8000-000000000000/summary`), 404);
    });

    it('a headteacher conflicted on the case (a witness) does not see it: 404; hr does', async () => {
      const conflicted = await caseThroughAppeal(t, { witnessStaffId: t.ids.staff[DEMO.head], until: 'investigation' });
      expectProblem(await (await t.as(DEMO.head)).get(`/cases/${conflicted.id}/summary`), 404);
      expect((await (await t.as(DEMO.hr)).get(`/cases/${conflicted.id}/summary`)).status).toBe(200);
    });

    it('bad input: 400 naming the field (malformed id, unknown parameter, unknown include)', async () => {
      const head = await t.as(DEMO.head);
      expectProblem(await head.get(`/cases/not-a-uuid/summary`), 400, 'id');
      expectProblem(await head.get(`/cases/${appealed.id}/summary?format=xml`), 400, 'format');
      expectProblem(await head.get(`/cases/${appealed.id}/summary?include=everything`), 400, 'include');
      expectProblem(await head.get(`/cases/${appealed.id}/summary.pdf?include=all`), 400, 'include');
    });
  });

  describe('what it says', () => {
    it('school, reference, dates, subject, allegations with their clauses quoted, findings, response, outcome, appeal and the sanction in force', async () => {
      const res = await (await t.as(DEMO.hr)).get(`/cases/${appealed.id}/summary`);
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s).toEqual(
        expect.objectContaining({
          erased: false,
          caseId: appealed.id,
          school: 'Werrington Primary School (demo)',
          reference: appealed.reference,
          status: 'closed',
          subjects: [{ name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4' }],
        }),
      );
      for (const date of ['reportedAt', 'triagedAt', 'reportSubmittedAt', 'decidedAt', 'closedAt'])
        expect(s.dates[date]).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/));
      expect(s.allegations).toEqual([
        {
          clause: { code: '7.5', title: '§7.5 No confidential or personal information about the school, its staff or governors' },
          summary: 'Named a colleague in a public post',
          finding: expect.objectContaining({ finding: 'substantiated', reasoning: 'The post was public and named her.' }),
        },
        {
          clause: { code: 'copyright', title: 'App.A Breaching copyright' },
          summary: 'Posted a photograph taken by a parent',
          finding: expect.objectContaining({ finding: 'not_substantiated', reasoning: 'The parent had shared the photograph publicly.' }),
        },
      ]);
      expect(s.reports[0].category).toEqual({ code: 'disrepute', title: 'App.A Bringing the organisation into disrepute' });
      expect(s.subjectResponses).toEqual([expect.objectContaining({ response: 'I accept I named her; it was a joke.', refusedToRespond: false })]);
      expect(s.outcome).toEqual(
        expect.objectContaining({
          sanction: 'final_written_warning',
          grossMisconduct: false,
          rationale: 'A serious breach of §7.5, substantiated.',
          decidedByRole: 'headteacher',
        }),
      );
      expect(s.outcome.warningExpiresAt).toEqual(expect.any(String));
      expect(s.outcome.appealDeadline).toEqual(expect.any(String));
      expect(s.outcome.communicatedAt).toEqual(expect.any(String));
      expect(s.appeal).toEqual(
        expect.objectContaining({
          grounds: 'The sanction is too harsh for a first offence.',
          result: 'varied',
          newSanction: 'first_written_warning',
          decidedByRole: 'governor',
        }),
      );
      expect(s.sanctionInForce).toBe('first_written_warning');
    });

    it('the sanction in force follows the appeal: dismissed keeps it, upheld withdraws it, no appeal keeps it', async () => {
      const hr = await t.as(DEMO.hr);
      const dismissed = await caseThroughAppeal(t, { appeal: 'dismissed' });
      const upheld = await caseThroughAppeal(t, { appeal: 'upheld' });
      const none = await caseThroughAppeal(t, { appeal: null });
      expect((await hr.get(`/cases/${dismissed.id}/summary`)).body.sanctionInForce).toBe('final_written_warning');
      expect((await hr.get(`/cases/${upheld.id}/summary`)).body.sanctionInForce).toBe('no_action');
      const undecided = (await hr.get(`/cases/${none.id}/summary`)).body;
      expect(undecided.appeal).toBeNull();
      expect(undecided.sanctionInForce).toBe('final_written_warning');
    });

    // Rule changed (issue 9, finding 9; domain.md "Special category, the same everywhere"): a
    // special-category item is no longer left out of the list but shown as existing (kind,
    // date, hash), withheld, as in the case view; it is still counted.
    it('the evidence list gives SHA-256, size, media type, kind and capture time; special-category items show only that they exist, and are counted', async () => {
      const res = await (await t.as(DEMO.hr)).get(`/cases/${appealed.id}/summary`);
      expect(res.body.evidence).toEqual({
        items: [
          expect.objectContaining({
            kind: 'screenshot',
            description: appealed.personalEvidence,
            sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            size: 2048,
            mediaType: 'image/png',
            capturedAt: expect.any(String),
            sensitivity: 'personal',
            withheld: false,
          }),
          {
            id: expect.any(String),
            kind: 'document',
            description: null,
            capturedAt: expect.any(String),
            sensitivity: 'special_category',
            sha256: appealed.specialSha256,
            size: null,
            mediaType: null,
            redactsEvidenceId: null,
            withheld: true,
          },
        ],
        withheldSpecialCategory: 1,
        specialCategoryIncluded: false,
      });
      expect(res.text).not.toContain(appealed.specialEvidence);
    });
  });

  describe('special-category content (§13): only the headteacher, on purpose, audited', () => {
    it('hr asking for it: 403, and nothing is read or recorded', async () => {
      const before = (await summaryEvents(appealed.id)).length;
      const hr = await t.as(DEMO.hr);
      expectProblem(await hr.get(`/cases/${appealed.id}/summary?include=special`), 403);
      expectProblem(await hr.get(`/cases/${appealed.id}/summary.pdf?include=special`), 403);
      expect((await summaryEvents(appealed.id)).length).toBe(before);
    });

    it('the headteacher including it sees it; each read is audited with includeSpecial', async () => {
      const head = await t.as(DEMO.head);
      const plain = await head.get(`/cases/${appealed.id}/summary`);
      expect(plain.body.evidence.withheldSpecialCategory).toBe(1);
      const included = await head.get(`/cases/${appealed.id}/summary?include=special`);
      expect(included.status).toBe(200);
      expect(included.body.evidence).toEqual(
        expect.objectContaining({
          withheldSpecialCategory: 0,
          specialCategoryIncluded: true,
          items: expect.arrayContaining([expect.objectContaining({ description: appealed.specialEvidence, sensitivity: 'special_category' })]),
        }),
      );
      const events = await summaryEvents(appealed.id);
      expect(events.slice(-2)).toEqual([
        { actor_role: 'headteacher', payload: expect.objectContaining({ format: 'json', includeSpecial: false, withheldSpecialCategory: 1 }) },
        { actor_role: 'headteacher', payload: expect.objectContaining({ format: 'json', includeSpecial: true, withheldSpecialCategory: 0 }) },
      ]);
    });

    it("hr's own reads are audited too, in their role", async () => {
      await (await t.as(DEMO.hr)).get(`/cases/${appealed.id}/summary`);
      expect((await summaryEvents(appealed.id)).at(-1)).toEqual({ actor_role: 'hr', payload: expect.objectContaining({ includeSpecial: false }) });
    });
  });

  describe('one projection: the summary withholds exactly what the case view withholds from the same reader (issue 9, finding 9)', () => {
    /** The evidence as GET /cases/:id lists it to `who`, in the fields the summary has. */
    const caseViewEvidence = async (who: string, caseId: string) => {
      const res = await (await t.as(who)).get(`/cases/${caseId}`);
      expect(res.status).toBe(200);
      return (res.body.evidence as Array<Record<string, unknown>>).map((e) => ({
        id: e.id,
        kind: e.kind,
        description: e.description,
        capturedAt: e.capturedAt,
        sensitivity: e.sensitivity,
        sha256: e.sha256,
        size: e.size,
        mediaType: e.mediaType,
        redactsEvidenceId: e.redactsEvidenceId,
        withheld: e.withheld,
      }));
    };

    it('special-category evidence is withheld from hr in the summary, the PDF, the CSV and the subject-access export alike: only that it exists (kind, date, hash)', async () => {
      const hr = await t.as(DEMO.hr);
      const summary = (await hr.get(`/cases/${appealed.id}/summary`)).body;
      // the summary's list is the case view's, item for item
      expect(summary.evidence.items).toEqual(await caseViewEvidence(DEMO.hr, appealed.id));
      const special = summary.evidence.items.find((e: { sha256: string }) => e.sha256 === appealed.specialSha256);
      expect(special).toEqual(expect.objectContaining({ kind: 'document', capturedAt: expect.any(String), description: null, withheld: true }));

      const pdf = await pdfText((await getPdf(DEMO.hr, `/cases/${appealed.id}/summary.pdf`)).body as Buffer);
      expect(pdf.text).toContain(appealed.specialSha256);
      expect(pdf.text).not.toContain(appealed.specialEvidence);

      const csv = await hr.get('/exports/cases.csv');
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(appealed.reference);
      expect(csv.text).not.toContain(appealed.specialEvidence);

      const sar = await hr.get(`/staff/${t.ids.staff['Sam Teacher']}/subject-access-export`);
      expect(sar.status).toBe(200);
      const sarCase = sar.body.cases.find((c: { reference: string }) => c.reference === appealed.reference);
      expect(sarCase.evidence.items).toEqual(await caseViewEvidence(DEMO.hr, appealed.id));
      expect(sar.text).not.toContain(appealed.specialEvidence);
    });

    it('the acting decision-maker (the headteacher) reads it in the summary only when including it on purpose; hr may not include it', async () => {
      const head = await t.as(DEMO.head);
      expect((await head.get(`/cases/${appealed.id}/summary`)).text).not.toContain(appealed.specialEvidence);
      expect((await head.get(`/cases/${appealed.id}/summary?include=special`)).text).toContain(appealed.specialEvidence);
      expectProblem(await (await t.as(DEMO.hr)).get(`/cases/${appealed.id}/summary?include=special`), 403);
    });

    it("a witness who holds hr reads the summary redacted like the case view: other people's statements and evidence withheld, in the JSON and the PDF", async () => {
      const witnessed = await caseThroughAppeal(t, { witnessStaffId: t.ids.staff[DEMO.hr], appeal: null });
      const hr = await t.as(DEMO.hr);
      const view = (await hr.get(`/cases/${witnessed.id}`)).body;
      expect(view.reports[0].withheld).toBe(true);
      const summary = (await hr.get(`/cases/${witnessed.id}/summary`)).body;
      expect(summary.reports).toEqual([
        expect.objectContaining({ description: null, url: null, withheld: true, category: expect.objectContaining({ code: 'disrepute' }) }),
      ]);
      expect(summary.subjectResponses).toEqual([expect.objectContaining({ response: null, withheld: true })]);
      expect(summary.investigationReport).toEqual(expect.objectContaining({ summary: null, withheld: true }));
      expect(summary.evidence.items).toEqual(await caseViewEvidence(DEMO.hr, witnessed.id));
      expect(summary.evidence.items.every((e: { withheld: boolean }) => e.withheld)).toBe(true);
      for (const statement of [
        'Public post criticising a colleague by name.',
        'I accept I named her; it was a joke.',
        'One allegation substantiated.',
        witnessed.personalEvidence,
      ])
        expect(JSON.stringify(summary)).not.toContain(statement);
      // what the case view does not withhold from them, the summary gives too
      expect(summary.allegations).toHaveLength(2);
      expect(summary.outcome).toEqual(expect.objectContaining({ sanction: 'final_written_warning' }));

      const { text } = await pdfText((await getPdf(DEMO.hr, `/cases/${witnessed.id}/summary.pdf`)).body as Buffer);
      expect(text).toContain(witnessed.reference);
      expect(text).toContain('Withheld from this reader');
      for (const statement of ['Public post criticising a colleague by name.', 'I accept I named her; it was a joke.', witnessed.personalEvidence])
        expect(text).not.toContain(statement);
    });

    it('a reporter who holds hr reads their own report in the summary, not the subject’s response', async () => {
      const reported = await caseThroughAppeal(t, { report: { reporter: { staffId: t.ids.staff[DEMO.hr] } }, until: 'investigation' });
      const summary = (await (await t.as(DEMO.hr)).get(`/cases/${reported.id}/summary`)).body;
      expect(summary.reports).toEqual([expect.objectContaining({ description: 'Public post criticising a colleague by name.', withheld: false })]);
      expect(summary.subjectResponses).toEqual([expect.objectContaining({ response: null, withheld: true })]);
      expect(summary.evidence.items.every((e: { withheld: boolean }) => e.withheld)).toBe(true);
    });
  });

  describe('the fair-process records (issue 12): hearings, suspension, grievances, KCSIE and letters', () => {
    /** The free text of those records: HR reads each; a witness of the case who holds hr reads none of it. */
    const TEXT = {
      ladoAdvice: 'LADO advice: proceed under the disciplinary procedure.',
      reasonNotReferred: 'Not referred to the DBS: no harm to a pupil was found.',
      notes: 'Hearing notes: the allegations were put; the subject answered each.',
      representations: 'Representations: the subject apologised for the post.',
      suspensionReasons: 'Suspension reasons: messages to pupils are alleged.',
      alternatives: 'Alternatives: other duties away from pupils were considered.',
      reviewReasons: 'Review reasons: the investigation is not finished.',
      grievance: 'Grievance: my witness was not heard.',
      grievanceReasons: 'Grievance reasons: the witness is heard before the decision.',
      pauseReason: 'Pause reason: the grievance is about the investigation itself.',
      rearrangement: 'Rearranged: the governor chairing it is away that week.',
    };
    let caseId: string;
    let reference: string;
    let witness: string;

    beforeAll(async () => {
      const sam = t.ids.staff['Sam Teacher'];
      const person = await addPerson(t, { name: 'Wren Witness', roles: ['hr'] });
      witness = person.email;
      const built = await buildCase(t, {
        to: 'hearing',
        report: { involvesPupils: true },
        lado: { advice: TEXT.ladoAdvice },
        referralDecision: { reasonNotReferred: TEXT.reasonNotReferred },
        witnesses: [{ staffId: person.staffId }],
        hearing: { record: { notes: TEXT.notes, representations: TEXT.representations } },
        label: 'summary records',
      });
      caseId = built.caseId;
      reference = built.reference;
      const head = await t.as(DEMO.head);
      const hr = await t.as(DEMO.hr);
      const ok = async (what: string, status: number, res: { status: number; body: Record<string, unknown> }) => {
        if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body;
      };
      // a precautionary suspension, reviewed and continued; the outcome ends it
      const suspension = await ok(
        'suspension',
        201,
        await head.post(`/cases/${caseId}/suspensions`, {
          subjectStaffId: sam,
          startsAt: iso(Date.now() - 3 * HOUR),
          grounds: ['risk_to_pupils'],
          reasons: TEXT.suspensionReasons,
          alternativesConsidered: TEXT.alternatives,
          reviewBy: iso(Date.now() + 14 * DAY),
        }),
      );
      await ok(
        'review',
        200,
        await head.post(`/cases/${caseId}/suspensions/${suspension.createdId as string}/reviews`, {
          decision: 'continue',
          reasons: TEXT.reviewReasons,
          reviewBy: iso(Date.now() + 21 * DAY),
        }),
      );
      // a grievance about the process: the process paused for it, decided by the (uninvolved) headteacher, resumed
      const grievance = await ok(
        'grievance',
        201,
        await hr.post(`/cases/${caseId}/grievances`, { lodgedAt: iso(Date.now() - 2 * HOUR), summary: TEXT.grievance, relatedToProcess: true }),
      );
      const grievanceId = grievance.createdId as string;
      await ok('pause', 200, await head.post(`/cases/${caseId}/pause`, { grievanceId, reason: TEXT.pauseReason }));
      await ok(
        'grievance decision',
        200,
        await head.post(`/cases/${caseId}/grievances/${grievanceId}/decision`, {
          outcome: 'partly_upheld',
          reasons: TEXT.grievanceReasons,
          decidedAt: iso(Date.now() - 90 * 60_000),
        }),
      );
      await ok('resume', 200, await head.post(`/cases/${caseId}/resume`));
      // the outcome, and its letter sent by e-mail
      const outcome = await ok('outcome', 201, await head.post(`/cases/${caseId}/outcome`, outcomeBody()));
      const outcomeId = outcome.createdId as string;
      await ok('outcome letter', 200, await head.get(`/cases/${caseId}/letters/outcome?record=${outcomeId}&subject=${sam}&format=docx`));
      await ok(
        'outcome letter sent',
        200,
        await head.post(`/cases/${caseId}/letters/outcome/sent`, { record: outcomeId, subject: sam, sentAt: iso(Date.now() - 60_000), method: 'email' }),
      );
      // an appeal, and its hearing arranged by the governor and moved: not held
      const appealed = await ok(
        'appeal',
        201,
        await hr.post(`/cases/${caseId}/appeals`, { lodgedAt: iso(Date.now() - 60_000), grounds: 'The sanction is too harsh.' }),
      );
      const appealId = (appealed.appeals as Array<{ id: string }>).at(-1)!.id;
      const governor = await t.as(DEMO.governor);
      const invited = await ok(
        'appeal hearing',
        201,
        await governor.post(`/appeals/${appealId}/hearings`, { scheduledFor: iso(Date.now() + 14 * DAY), place: 'Governors’ room', evidenceIds: [] }),
      );
      await ok(
        'rearrangement',
        200,
        await governor.post(`/hearings/${invited.createdId as string}/rearrangements`, {
          basis: 'chair_decision',
          scheduledFor: iso(Date.now() + 21 * DAY),
          reason: TEXT.rearrangement,
        }),
      );
    });

    it('the JSON gives each record, as HR reads it', async () => {
      const res = await (await t.as(DEMO.hr)).get(`/cases/${caseId}/summary`);
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.safeguarding).toBe(true);
      expect(s.hearings).toEqual([
        {
          kind: 'disciplinary',
          chairRole: 'headteacher',
          invitedAt: expect.any(String),
          originalScheduledFor: expect.any(String),
          scheduledFor: expect.any(String),
          place: 'Meeting room 2',
          noticeWorkingDays: 5,
          noticeGiven: true,
          current: true,
          supersededAt: null,
          rearrangements: [],
          held: {
            heldAt: expect.any(String),
            subjectAttended: true,
            decidedInAbsence: false,
            companion: { name: 'R. Patel', category: 'trade_union_representative', adjustmentReason: null },
            attendees: [{ name: 'A. Shah', capacity: 'note-taker (HR)' }],
            notes: TEXT.notes,
            representations: TEXT.representations,
            absenceReason: null,
          },
          withheld: false,
        },
        expect.objectContaining({
          kind: 'appeal',
          chairRole: 'governor',
          place: 'Governors’ room',
          noticeGiven: false,
          current: true,
          rearrangements: [
            {
              basis: 'chair_decision',
              previousScheduledFor: expect.any(String),
              scheduledFor: expect.any(String),
              reason: TEXT.rearrangement,
              recordedAt: expect.any(String),
            },
          ],
          held: null,
          withheld: false,
        }),
      ]);
      expect(s.suspensions).toEqual([
        {
          subjectName: 'Sam Teacher',
          startsAt: expect.any(String),
          grounds: ['risk_to_pupils'],
          reasons: TEXT.suspensionReasons,
          alternativesConsidered: TEXT.alternatives,
          reviewBy: expect.any(String),
          reviews: [{ reviewedAt: expect.any(String), decision: 'continue', reasons: TEXT.reviewReasons, reviewBy: expect.any(String) }],
          status: 'ended',
          endedAt: expect.any(String),
          endReason: 'outcome',
          withheld: false,
        },
      ]);
      expect(s.grievances).toEqual([
        {
          lodgedBy: 'Sam Teacher',
          lodgedAt: expect.any(String),
          summary: TEXT.grievance,
          relatedToProcess: true,
          decision: { outcome: 'partly_upheld', reasons: TEXT.grievanceReasons, decidedAt: expect.any(String), heardByRole: 'headteacher' },
          pauses: [{ pausedAt: expect.any(String), reason: TEXT.pauseReason, resumedAt: expect.any(String), withheld: false }],
          withheld: false,
        },
      ]);
      expect(s.kcsie).toEqual({
        ladoDueBy: expect.any(String),
        ladoOverdue: false,
        ladoConsultations: [
          expect.objectContaining({ consultedAt: expect.any(String), advice: TEXT.ladoAdvice, thresholdMet: expect.any(Boolean), withheld: false }),
        ],
        referralDecisions: [
          { body: 'dbs', referred: false, referredAt: null, reasonNotReferred: TEXT.reasonNotReferred, decidedAt: expect.any(String), withheld: false },
        ],
        referralDecisionsRequired: [],
      });
      expect(s.letters).toEqual([
        expect.objectContaining({
          kind: 'hearing_invitation',
          title: 'Invitation to a disciplinary hearing',
          to: 'Sam Teacher',
          sentAt: expect.any(String),
          sentMethod: 'hand',
        }),
        expect.objectContaining({ kind: 'outcome', to: 'Sam Teacher', sentAt: expect.any(String), sentMethod: 'email' }),
      ]);
      // the summary's records are the case view's, not a second account of them
      const view = (await (await t.as(DEMO.hr)).get(`/cases/${caseId}`)).body;
      expect(s.hearings.map((h: { invitedAt: string }) => h.invitedAt)).toEqual(view.hearings.map((h: { invitedAt: string }) => h.invitedAt));
      expect(s.letters.map((l: { sentAt: string }) => l.sentAt)).toEqual(view.letters.map((l: { sentAt: string }) => l.sentAt));
    });

    it('a grievance was heard in the role its decider held then: a role given to the account later does not rewrite it', async () => {
      // the decider now holds governor first; the summary still says the grievance was heard by the headteacher
      const decider = (await t.db.query<{ id: string }>(`SELECT decided_by_user_id AS id FROM grievances WHERE case_id = $1`, [caseId])).rows[0].id;
      const { rows } = await t.db.query<{ roles: string }>(`SELECT roles::text AS roles FROM users WHERE id = $1`, [decider]);
      await t.db.query(`UPDATE users SET roles = '{governor,headteacher}' WHERE id = $1`, [decider]);
      try {
        const s = (await (await t.as(DEMO.hr)).get(`/cases/${caseId}/summary`)).body;
        expect(s.grievances.map((g: { decision: { heardByRole: string } }) => g.decision.heardByRole)).toEqual(['headteacher']);
      } finally {
        await t.db.query(`UPDATE users SET roles = $2 WHERE id = $1`, [decider, rows[0].roles]);
      }
    });

    it('the PDF says the same', async () => {
      const res = await getPdf(DEMO.hr, `/cases/${caseId}/summary.pdf`);
      expect(res.status).toBe(200);
      const { text } = await pdfText(res.body as Buffer);
      expect(text).toContain(reference);
      for (const heading of ['Safeguarding (KCSIE Part 4)', 'Precautionary suspension', 'Hearings', 'Grievances (§6)', 'Letters'])
        expect(text).toContain(heading);
      for (const words of Object.values(TEXT)) expect(text).toContain(words);
      expect(text).toContain('Disciplinary hearing');
      expect(text).toContain('Appeal hearing');
      expect(text).toContain('Notice: 5 working days, given');
      expect(text).toContain('Companion: R. Patel (trade union representative)');
      expect(text).toContain('the subject attended');
      expect(text).toContain('Held: Not held');
      expect(text).toMatch(/Decision: Partly upheld, .* \(heard by the headteacher\)/);
      expect(text).toMatch(/Process paused: .*; resumed /);
      expect(text).toMatch(/Invitation to a disciplinary hearing, to Sam Teacher: sent .* by hand/);
      expect(text).toMatch(/Outcome of the disciplinary process, to Sam Teacher: sent .* by e-mail/);
      expect(text).toMatch(/DBS referral decision/);
      expect(text).toContain('Harm threshold met');
    });

    it('a witness who holds hr reads that each record exists, none of its free text (as in the case view)', async () => {
      const client = await t.as(witness);
      const res = await client.get(`/cases/${caseId}/summary`);
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s.hearings[0]).toEqual(
        expect.objectContaining({ withheld: true, held: expect.objectContaining({ notes: null, representations: null, attendees: null }) }),
      );
      expect(s.hearings[1].rearrangements[0].reason).toBeNull();
      expect(s.suspensions[0]).toEqual(expect.objectContaining({ reasons: null, alternativesConsidered: null, withheld: true }));
      expect(s.suspensions[0].reviews[0].reasons).toBeNull();
      expect(s.grievances[0]).toEqual(
        expect.objectContaining({
          summary: null,
          withheld: true,
          decision: expect.objectContaining({ reasons: null, outcome: 'partly_upheld' }),
          pauses: [expect.objectContaining({ reason: null, withheld: true })],
        }),
      );
      expect(s.kcsie.ladoConsultations[0]).toEqual(expect.objectContaining({ advice: null, withheld: true }));
      expect(s.kcsie.referralDecisions[0]).toEqual(expect.objectContaining({ reasonNotReferred: null, withheld: true }));
      expect(s.letters).toHaveLength(2);
      const pdf = await pdfText((await getPdf(witness, `/cases/${caseId}/summary.pdf`)).body as Buffer);
      expect(pdf.text).toContain('Precautionary suspension');
      for (const words of Object.values(TEXT)) {
        expect(res.text).not.toContain(words);
        expect(pdf.text).not.toContain(words);
      }
    });

    it('the summary read adds one statement: the grievances module’s pauses and who heard each grievance; the other records come with the case view', async () => {
      const hr = await t.as(DEMO.hr);
      await hr.get(`/cases/${caseId}/summary`);
      const sent = await statementsSent(() => hr.get(`/cases/${caseId}/summary`), 200);
      // the case view's one statement reads every section (its columns section_0 …), the access facts one whether a pause is open
      const [view, ...others] = [sent.filter((sql) => sql.includes(' AS section_0')), sent.filter((sql) => !sql.includes(' AS section_0'))];
      expect(view).toHaveLength(1);
      const reading = (table: string) => others.flat().filter((sql) => new RegExp(`\\b(FROM|JOIN) ${table}\\b`).test(sql) && !sql.includes('fact_grievances'));
      // … and the grievances module's own statement is the only other to read a record of these sections
      expect(reading('process_pauses')).toEqual([expect.stringContaining("'resumedAt'")]);
      for (const table of ['hearings', 'hearing_rearrangements', 'suspensions', 'suspension_reviews', 'letters', 'lado_consultations', 'referral_decisions'])
        expect({ table, statements: reading(table) }).toEqual({ table, statements: [] });
    });
  });

  describe('the PDF', () => {
    it('is a printable attachment naming the reference and the school, with the clauses quoted, a footer and page numbers', async () => {
      const res = await getPdf(DEMO.hr, `/cases/${appealed.id}/summary.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`attachment; filename="${appealed.reference}-summary.pdf"`);
      expect(res.headers['cache-control']).toBe('no-store');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const { pages, text } = await pdfText(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(text).toContain(appealed.reference);
      expect(text).toContain('Werrington Primary School (demo)');
      expect(text).toContain('§7.5 No confidential or personal information about the school, its staff or governors');
      expect(text).toContain('App.A Breaching copyright');
      expect(text).toContain('I accept I named her; it was a joke.');
      expect(text).toMatch(/Sanction in force: First written warning/);
      expect(text).toContain(`Page 1 of ${pages}`);
      expect(text).toContain('Generated ');
      expect(text).toContain(appealed.personalEvidence);
      expect(text).not.toContain(appealed.specialEvidence);
      // rule changed (finding 9): the withheld item is listed as existing, with its hash, as in the case view
      expect(text).toContain(appealed.specialSha256);
      expect(text).toContain('1 special-category item(s) withheld');
    });

    it('the headteacher may include special-category content; the PDF read is audited like the JSON', async () => {
      const res = await getPdf(DEMO.head, `/cases/${appealed.id}/summary.pdf?include=special`);
      expect(res.status).toBe(200);
      const { text } = await pdfText(res.body as Buffer);
      expect(text).toContain(appealed.specialEvidence);
      expect(text).toContain(appealed.specialSha256);
      expect((await summaryEvents(appealed.id)).at(-1)).toEqual({
        actor_role: 'headteacher',
        payload: expect.objectContaining({ format: 'pdf', includeSpecial: true }),
      });
    });
  });

  describe('the PDF in any script, rendered off the event loop (issue 9, finding 15)', () => {
    const NAMES = ['Ελένη Παπαδοπούλου', 'فاطمة الزهراء', '王小明'];

    /** pdf.js reads right-to-left words in visual order: a name is found as written or with its words in reverse (then `after`). */
    const findsName = (text: string, name: string, after = '') => {
      const t = text.normalize('NFKC');
      const n = name.normalize('NFKC');
      return t.includes(n + after) || t.includes(n.split(' ').reverse().join(' ') + after);
    };

    it('names in Greek, Arabic and Chinese print in their own script: the text reads back with each name, nothing as "?"', async () => {
      const admin = await t.as(DEMO.admin);
      const staff: string[] = [];
      for (const name of NAMES) {
        const res = await admin.post('/staff', { name, jobTitle: 'Teaching Assistant' });
        expect(res.status).toBe(201);
        staff.push(res.body.id);
      }
      const flow = await caseThroughAppeal(t, {
        report: {
          subjectStaffIds: staff,
          reporter: { name: 'فاطمة الزهراء', relationship: 'parent of a Year 4 pupil' },
          description: 'Reported by فاطمة الزهراء; seen by 王小明 and Ελένη Παπαδοπούλου.',
        },
        until: 'investigation',
      });
      const res = await getPdf(DEMO.hr, `/cases/${flow.id}/summary.pdf`);
      expect(res.status).toBe(200);
      const { text } = await pdfText(res.body as Buffer);
      expect(text).toContain('Subject(s): ');
      for (const name of NAMES) {
        expect({ name, found: findsName(text, name, ' (Teaching Assistant)') }).toEqual({ name, found: true }); // a subject
        expect({ name, found: findsName(text, name) }).toEqual({ name, found: true });
      }
      expect(text).toContain('seen by 王小明 and Ελένη Παπαδοπούλου.');
      expect(text).not.toMatch(/[?\uFFFD]/);
    });

    it('while a very large summary renders, /health answers: a /health response completes before the PDF response, while the render is running', async () => {
      const big = await caseThroughAppeal(t, { until: 'investigation' });
      // 2,000 evidence items with long descriptions: about 10,000 blocks and hundreds of pages
      await t.db.query(
        `INSERT INTO evidence (organisation_id, case_id, recorded_by_user_id, kind, description, source, captured_at, sensitivity, sha256, size, media_type, original_filename)
         SELECT c.organisation_id, c.id, $2, 'screenshot', 'Screenshot ' || g || ' of the thread, ' || repeat('with replies naming the colleague and the school. ', 4),
                'the parent', now() - interval '4 days', 'personal', encode(sha256(('item' || g)::bytea), 'hex'), 2048 + g, 'image/png', 'post-' || g || '.png'
         FROM cases c, generate_series(1, 2000) g WHERE c.id = $1`,
        [big.id, t.ids.users[DEMO.investigator]],
      );
      const renderer = t.app.get(PdfRenderer);
      await getPdf(DEMO.hr, `/cases/${big.id}/summary.pdf`); // the render threads have their fonts ready

      const events: string[] = [];
      let pdfDone = false;
      const pdf = getPdf(DEMO.hr, `/cases/${big.id}/summary.pdf`).then((res) => {
        pdfDone = true;
        events.push('pdf');
        return res;
      });
      // wait (without a timer) until the PDF is with a render thread …
      while (renderer.rendering === 0 && !pdfDone) await new Promise((resolve) => setImmediate(resolve));
      // … then ask /health until the PDF is back
      for (let n = 0; !pdfDone && n < 10_000; n++) {
        const health = await t.http().get('/health');
        expect(health.status).toBe(200);
        events.push(renderer.rendering > 0 && !pdfDone ? 'health while rendering' : 'health');
      }
      const res = await pdf;
      expect(res.status).toBe(200);
      expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(events.indexOf('health while rendering')).toBeGreaterThanOrEqual(0);
      expect(events.indexOf('health while rendering')).toBeLessThan(events.indexOf('pdf'));
    });
  });

  describe('an erased case (§13)', () => {
    it('answers its tombstone only: reference, dates, status, outcome category, erasedAt', async () => {
      const erased = await caseThroughAppeal(t);
      await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = $1`, [erased.id]);
      const run = await (await t.as(DEMO.head)).post('/retention/run');
      expect(run.status).toBe(200);
      expect(run.body.erased).toContain(erased.id);

      const res = await (await t.as(DEMO.head)).get(`/cases/${erased.id}/summary?include=special`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['dates', 'erased', 'erasedAt', 'outcomeCategory', 'reference', 'status']);
      expect(res.body).toEqual({
        erased: true,
        reference: erased.reference,
        status: 'closed',
        dates: expect.objectContaining({ reportedAt: expect.any(String), decidedAt: expect.any(String), closedAt: expect.any(String) }),
        outcomeCategory: 'first_written_warning',
        erasedAt: expect.any(String),
      });

      const pdf = await getPdf(DEMO.hr, `/cases/${erased.id}/summary.pdf`);
      expect(pdf.status).toBe(200);
      const { text } = await pdfText(pdf.body as Buffer);
      expect(text).toContain(erased.reference);
      expect(text).toContain('erased');
      expect(text).not.toContain('Sam Teacher');
      expect(text).not.toContain(erased.personalEvidence);
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

describe('HR case summary PDF: every render thread busy and the queue full', () => {
  let busy: TestApp;
  beforeAll(async () => {
    busy = await startTestApp({ PDF_RENDER_THREADS: '1', PDF_RENDER_QUEUE: '0' });
  });
  afterAll(() => busy.close());

  it('503 problem+json `busy` with Retry-After, nothing read or audited; the render in progress completes', async () => {
    const flow = await caseThroughAppeal(busy, { until: 'investigation' });
    const renderer = busy.app.get(PdfRenderer);
    // hold the only render thread until the test lets it go
    const real = (renderer as unknown as { run: RunRender }).run;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    (renderer as unknown as { run: RunRender }).run = async (model, signal) => {
      await gate;
      return real(model, signal);
    };
    const reads = async () =>
      (await busy.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'summary.viewed'`, [flow.id])).rows[0].n as number;

    const hr = await busy.as(DEMO.hr);
    const first = hr.get(`/cases/${flow.id}/summary.pdf`).buffer(true).parse(binaryParser);
    let settled = false;
    const firstDone = first.then((r) => {
      settled = true;
      return r;
    });
    while (renderer.rendering === 0 && !settled) await new Promise((resolve) => setImmediate(resolve));
    const before = await reads();

    const second = await hr.get(`/cases/${flow.id}/summary.pdf`);
    expectProblem(second, 503);
    expect(second.body.code).toBe('busy');
    expect(second.headers['retry-after']).toBe('5');
    expect(await reads()).toBe(before);

    release();
    const res = await firstDone;
    expect(res.status).toBe(200);
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // and the thread is free again
    expect((await hr.get(`/cases/${flow.id}/summary.pdf`).buffer(true).parse(binaryParser)).status).toBe(200);
  });
});
