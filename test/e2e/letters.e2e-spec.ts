import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxFonts, docxText } from '../support/docx-text';
import { buildCase } from '../support/case-builder';
import { binaryParser, caseThroughAppeal, FlowCase, pdfText } from '../support/exports-fixtures';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/**
 * Letters of the written steps (issue 12 item 3; process.md §2): generated from the case's own
 * records on the organisation's letterhead, as PDF and DOCX, read back here as text; any script
 * a name is written in; generation audited; "sent" (date, method) recorded by whoever takes
 * the step, and shown by the case; the organisation's wording, with placeholders that cannot
 * be removed. LETTER_SAMPLES=1 writes a sample of each letter to docs/letters/.
 */
describe('letters (process.md §2)', () => {
  let t: TestApp;
  let multi: FlowCase;
  const NAMES = ['Ελένη Παπαδοπούλου', 'فاطمة الزهراء', '王小明'];
  const staff: string[] = [];
  const LETTERHEAD = { address: '1 School Lane\nWerrington\nPeterborough PE4 6QU', signatoryName: 'Jo Whitfield', signatoryTitle: 'Headteacher' };
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  /** Who takes each letter's step in these cases. */
  const AUTHOR: Record<string, string> = {
    investigation_meeting_invitation: DEMO.investigator,
    allegations_notice: DEMO.investigator,
    suspension: DEMO.head,
    hearing_invitation: DEMO.head,
    outcome: DEMO.head,
    appeal_hearing_invitation: DEMO.governor,
    appeal_outcome: DEMO.governor,
  };
  /** The letters of records about one subject each (a meeting, a suspension): made on a case still being investigated, one record per subject. */
  const PER_SUBJECT = new Set(['investigation_meeting_invitation', 'suspension']);
  let open: { id: string; reference: string; records: Record<string, string[]> };

  /** `days` from now at 10:00 UTC (10am in a UK winter), a time a letter reads naturally. */
  const tenAm = (days: number) => {
    const at = new Date(Date.now() + days * 86_400_000);
    at.setUTCHours(10, 0, 0, 0);
    return at.toISOString();
  };

  /** A case about `subjects` being investigated: a meeting arranged with each, and each suspended (process.md §1, §2). */
  async function investigating(subjects: readonly string[]): Promise<typeof open> {
    const built = await buildCase(t, { to: 'assigned', subjects: [...subjects] });
    const records: Record<string, string[]> = { investigation_meeting_invitation: [], suspension: [] };
    for (const staffId of subjects) {
      const meeting = await (
        await t.as(DEMO.investigator)
      ).post(`/cases/${built.caseId}/investigation-meetings`, {
        staffId,
        scheduledFor: tenAm(7),
        place: 'Meeting room 1',
        purpose: 'To hear your account of the posts.',
      });
      expect(meeting.status).toBe(201);
      records.investigation_meeting_invitation.push(meeting.body.createdId);
      const suspension = await (
        await t.as(DEMO.head)
      ).post(`/cases/${built.caseId}/suspensions`, {
        subjectStaffId: staffId,
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        grounds: ['risk_to_evidence'],
        reasons: 'The posts could be deleted while the investigation runs.',
        alternativesConsidered: 'Working from another site was considered; it does not protect the evidence.',
        reviewBy: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      });
      expect(suspension.status).toBe(201);
      records.suspension.push(suspension.body.createdId);
    }
    return { id: built.caseId, reference: built.reference, records };
  }

  const get = async (who: string, path: string) => (await t.as(who)).get(path).buffer(true).parse(binaryParser);
  /** pdf.js reads right-to-left words in visual order: a name is found as written or with its words reversed. */
  const findsName = (text: string, name: string) => {
    const [tx, n] = [text.normalize('NFKC'), name.normalize('NFKC')];
    return tx.includes(n) || tx.includes(n.split(' ').reverse().join(' '));
  };
  const letterEvents = async (caseId: string) =>
    (await t.db.query(`SELECT action, actor_role, reason, payload FROM audit_events WHERE case_id = $1 AND action LIKE 'letter.%' ORDER BY seq`, [caseId]))
      .rows;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as(DEMO.admin);
    expect((await admin.patch('/organisation/letterhead', LETTERHEAD)).status).toBe(200);
    for (const name of NAMES) {
      const res = await admin.post('/staff', { name, jobTitle: 'Teaching Assistant' });
      expect(res.status).toBe(201);
      staff.push(res.body.id);
    }
    // three subjects, one per script; through outcome (final written warning) and appeal (varied to a first written warning, by the governor)
    multi = await caseThroughAppeal(t, { report: { subjectStaffIds: staff } });
    open = await investigating(staff);
  });
  afterAll(() => t.close());

  describe('each letter, read back from the PDF and the DOCX, for a name in Greek, Arabic and Chinese script', () => {
    it.each(Object.keys(AUTHOR))('%s', async (kind) => {
      const perSubject = PER_SUBJECT.has(kind);
      const c = perSubject ? open : multi;
      for (const [i, name] of NAMES.entries()) {
        const path = `/cases/${c.id}/letters/${kind}?subject=${staff[i]}${perSubject ? `&record=${open.records[kind][i]}` : ''}`;
        const pdf = await get(AUTHOR[kind], `${path}&format=pdf`);
        expect(pdf.status).toBe(200);
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect(pdf.headers['content-disposition']).toContain(`${c.reference}-${kind.replace(/_/g, '-')}.pdf`);
        const { text } = await pdfText(pdf.body as Buffer);
        const docx = await get(AUTHOR[kind], `${path}&format=docx`);
        expect(docx.status).toBe(200);
        expect(docx.headers['content-type']).toBe(DOCX);
        const word = docxText(docx.body as Buffer).replace(/\s+/g, ' ');
        for (const [format, body] of [
          ['pdf', text],
          ['docx', word],
        ] as const) {
          const says = (fragment: string) =>
            expect({ format, kind, has: fragment, found: body.includes(fragment) }).toEqual({ format, kind, has: fragment, found: true });
          expect({ format, name, found: findsName(body, name) }).toEqual({ format, name, found: true });
          // the letterhead: name, address, signatory
          says('Werrington Primary School');
          says('1 School Lane');
          says('Peterborough PE4 6QU');
          says('Jo Whitfield');
          says(c.reference);
          if (kind === 'investigation_meeting_invitation') {
            says('Meeting room 1');
            says('To hear your account of the posts.');
            says('not a disciplinary hearing');
          }
          if (kind === 'suspension') {
            says('suspended from work on full pay');
            says('The posts could be deleted while the investigation runs.');
            says('not a disciplinary sanction');
          }
          if (kind === 'hearing_invitation') {
            says('invite you to a disciplinary hearing');
            says('Meeting room 2');
            says('Named a colleague in a public post (§7.5');
            says('a work colleague, a trade union representative, or an official employed by a trade union');
            says('The possible outcomes of the hearing are:');
          }
          if (kind === 'appeal_hearing_invitation') {
            says('invite you to an appeal hearing');
            says('I have not been involved in the case before');
            says('The sanction cannot be increased on appeal.');
          }
          if (kind === 'allegations_notice') {
            says('Named a colleague in a public post (§7.5');
            says('Posted a photograph taken by a parent (App.A Breaching copyright)');
          }
          if (kind === 'outcome') {
            says('Final written warning');
            says('A serious breach of §7.5, substantiated.');
            says('will remain live on your record for 12 months');
            says('write to the Chair of Governors');
          }
          if (kind === 'appeal_outcome') {
            says('Your appeal is upheld in part');
            says('A first written warning is proportionate.');
            says('The sanction now in force is: First written warning.');
          }
          // §13: never special-category content, nor anything the letter is not made from
          expect(body).not.toContain(multi.specialEvidence);
          expect(body).not.toContain(multi.personalEvidence);
          expect(body).not.toMatch(/\{\{|\uFFFD/);
        }
        expect(text).not.toMatch(/\?/);
        expect(docxFonts(docx.body as Buffer)).toEqual(expect.arrayContaining(['Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK SC']));
      }
    });

    it('generating is audited: the kind as the reason code, in the author’s role, and no letter text', async () => {
      const events = await letterEvents(multi.id);
      const generated = events.filter((e) => e.action === 'letter.generated');
      expect(generated.length).toBeGreaterThanOrEqual(18);
      expect(new Set(generated.map((e) => `${e.reason}:${e.actor_role}`))).toEqual(
        new Set([
          'allegations_notice:investigating_manager',
          'hearing_invitation:headteacher',
          'outcome:headteacher',
          'appeal_hearing_invitation:governor',
          'appeal_outcome:governor',
        ]),
      );
      const payloads = JSON.stringify(generated.map((e) => e.payload));
      for (const name of NAMES) expect(payloads).not.toContain(name);
      expect(payloads).not.toContain('serious breach');
    });
  });

  describe('who may generate which letter', () => {
    it.each([
      ['outcome', DEMO.investigator, 403],
      ['outcome', DEMO.governor, 403], // sees the case (decided its appeal), but is not the acting decision-maker
      ['outcome', DEMO.hr, 403],
      ['outcome', DEMO.deputy, 403],
      ['allegations_notice', DEMO.head, 403],
      ['appeal_outcome', DEMO.head, 403], // the headteacher decided the outcome, not the appeal
      ['appeal_outcome', DEMO.investigator, 403],
      ['outcome', DEMO.northHead, 404], // another organisation's case
      ['outcome', DEMO.investigator2, 404], // not assigned: does not see it
      ['outcome', DEMO.admin, 403],
    ])('%s by %s: %i', async (kind, who, status) => {
      const res = await (await t.as(who)).get(`/cases/${multi.id}/letters/${kind}?format=pdf&subject=${staff[0]}`);
      expectProblem(res, status);
    });

    it('recording a letter sent: the same people (403), and a case one may not see is 404', async () => {
      const body = { sentAt: new Date(Date.now() - 60_000).toISOString(), method: 'post', subject: staff[0] };
      expectProblem(await (await t.as(DEMO.investigator)).post(`/cases/${multi.id}/letters/outcome/sent`, body), 403);
      expectProblem(await (await t.as(DEMO.hr)).post(`/cases/${multi.id}/letters/outcome/sent`, body), 403);
      expectProblem(await (await t.as(DEMO.northHead)).post(`/cases/${multi.id}/letters/outcome/sent`, body), 404);
    });

    it('several subjects and none named: 400 naming `subject`; an unknown kind or format: 400', async () => {
      const head = await t.as(DEMO.head);
      expectProblem(await head.get(`/cases/${multi.id}/letters/outcome?format=pdf`), 400, 'subject');
      expectProblem(await head.get(`/cases/${multi.id}/letters/dismissal?format=pdf&subject=${staff[0]}`), 400, 'kind');
      expectProblem(await head.get(`/cases/${multi.id}/letters/outcome?format=odt&subject=${staff[0]}`), 400, 'format');
    });
  });

  describe('sent: what satisfies the written step', () => {
    let one: FlowCase;
    beforeAll(async () => {
      one = await caseThroughAppeal(t, { until: 'decided' });
    });

    it('the list says which letters the records allow, their state, and whether the caller may make each', async () => {
      const head = await (await t.as(DEMO.head)).get(`/cases/${one.id}/letters`);
      expect(head.status).toBe(200);
      expect(head.body.items.map((i: { kind: string; state: string; mayGenerate: boolean }) => [i.kind, i.state, i.mayGenerate])).toEqual([
        ['allegations_notice', 'not_generated', false],
        // process.md §1: the builder held the hearing, its invitation sent
        ['hearing_invitation', 'sent', true],
        ['outcome', 'not_generated', true],
      ]);
      expect(head.body.kinds.map((k: { kind: string }) => k.kind)).toEqual([
        'investigation_meeting_invitation',
        'allegations_notice',
        'suspension',
        'hearing_invitation',
        'outcome',
        'appeal_hearing_invitation',
        'appeal_outcome',
      ]);
      const ian = await (await t.as(DEMO.investigator)).get(`/cases/${one.id}/letters`);
      expect(ian.body.items.map((i: { mayGenerate: boolean }) => i.mayGenerate)).toEqual([true, false, false]);
      // the case says the same: letters are offered to whoever may make one of them, to nobody else
      const actions = async (who: string) => (await (await t.as(who)).get(`/cases/${one.id}`)).body.guidance.actions as string[];
      expect(await actions(DEMO.head)).toContain('write_letters');
      expect(await actions(DEMO.investigator)).toContain('write_letters');
      expect(await actions(DEMO.hr)).not.toContain('write_letters');
      expect(await actions(DEMO.deputy)).not.toContain('write_letters');
    });

    it('before it is generated: 409 letter_not_generated; then generated, recorded sent, shown by the case and the list; once only', async () => {
      const head = await t.as(DEMO.head);
      const sentAt = new Date(Date.now() - 60_000).toISOString();
      const before = await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt, method: 'email' });
      expectProblem(before, 409);
      expect(before.body.code).toBe('letter_not_generated');

      expect((await get(DEMO.head, `/cases/${one.id}/letters/outcome?format=docx`)).status).toBe(200);
      expectProblem(
        await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt: new Date(Date.now() + 3_600_000).toISOString(), method: 'email' }),
        400,
        'sentAt',
      );
      expectProblem(await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt: '2020-01-01T00:00:00.000Z', method: 'email' }), 400, 'sentAt');
      expectProblem(await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt, method: 'pigeon' }), 400, 'method');

      const sent = await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt, method: 'email' });
      expect(sent.status).toBe(200);
      const outcomeLetters = (letters: Array<{ kind: string }>) => letters.filter((l) => l.kind === 'outcome');
      expect(outcomeLetters(sent.body.letters)).toEqual([
        expect.objectContaining({ kind: 'outcome', recordId: sent.body.outcome.id, sentAt, sentMethod: 'email' }),
      ]);
      expect(outcomeLetters((await head.get(`/cases/${one.id}`)).body.letters)).toEqual([expect.objectContaining({ sentAt, sentMethod: 'email' })]);
      const list = await head.get(`/cases/${one.id}/letters`);
      expect(list.body.items[2]).toEqual(expect.objectContaining({ kind: 'outcome', state: 'sent', sentAt, sentMethod: 'email' }));

      const again = await head.post(`/cases/${one.id}/letters/outcome/sent`, { sentAt, method: 'post' });
      expectProblem(again, 409);
      expect(again.body.code).toBe('letter_already_sent');
      expect(again.body.detail).toMatch(/^This letter was recorded as sent on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
      expect((await letterEvents(one.id)).map((e) => [e.action, e.reason])).toEqual([
        // the hearing's invitation, sent by the case builder before the hearing (process.md §1)
        ['letter.generated', 'hearing_invitation'],
        ['letter.sent', 'hearing_invitation'],
        ['letter.generated', 'outcome'],
        ['letter.sent', 'outcome'],
      ]);
    });

    it('the subject-access export lists the letters sent to the person', async () => {
      const res = await (await t.as(DEMO.hr)).get(`/staff/${t.ids.staff['Sam Teacher']}/subject-access-export`);
      expect(res.status).toBe(200);
      const mine = res.body.cases.find((c: { caseId?: string }) => c.caseId === one.id);
      expect(mine.letters).toEqual([
        expect.objectContaining({ kind: 'hearing_invitation', sentMethod: 'hand' }),
        expect.objectContaining({ kind: 'outcome', sentMethod: 'email' }),
      ]);
    });

    it('a letter with no record to make it from yet: 409 letter_not_available', async () => {
      const res = await (await t.as(DEMO.head)).get(`/cases/${one.id}/letters/appeal_outcome?format=pdf`);
      expectProblem(res, 403); // no appeal decided: the head is not its hearer (access first)
      const early = await caseThroughAppeal(t, { until: 'investigation' });
      const outcome = await (await t.as(DEMO.head)).get(`/cases/${early.id}/letters/outcome?format=pdf`);
      expectProblem(outcome, 409);
      expect(outcome.body.code).toBe('letter_not_available');
    });
  });

  describe('retention (§13): letters are case content', () => {
    it('erasing a case erases its letters: none listed, none made, the tombstone accepts no "sent"', async () => {
      const done = await caseThroughAppeal(t, { until: 'decided' });
      const head = await t.as(DEMO.head);
      expect((await get(DEMO.head, `/cases/${done.id}/letters/outcome`)).status).toBe(200);
      const sentAt = new Date(Date.now() - 1000).toISOString();
      expect((await head.post(`/cases/${done.id}/letters/outcome/sent`, { sentAt, method: 'hand' })).status).toBe(200);
      await t.db.query(`UPDATE cases SET status = 'closed', closed_at = now() - interval '2 years', retain_until = now() - interval '1 day' WHERE id = $1`, [
        done.id,
      ]);
      expect((await head.post('/retention/run')).body.erased).toContain(done.id);

      expect((await t.db.query(`SELECT count(*)::int AS n FROM letters WHERE case_id = $1`, [done.id])).rows[0].n).toBe(0);
      expect((await head.get(`/cases/${done.id}`)).body.letters).toEqual([]);
      const again = await head.get(`/cases/${done.id}/letters/outcome`);
      expectProblem(again, 409);
      expect(again.body.code).toBe('erased');
      expect((await head.get(`/cases/${done.id}/letters`)).body.items.every((i: { mayGenerate: boolean }) => !i.mayGenerate)).toBe(true);
      expectProblem(await head.post(`/cases/${done.id}/letters/outcome/sent`, { sentAt, method: 'hand' }), 409);
    });
  });

  describe('the organisation’s letterhead and wording', () => {
    it('the letterhead is read and set by an admin only', async () => {
      const admin = await t.as(DEMO.admin);
      expect((await admin.get('/organisation/letterhead')).body).toEqual({ name: expect.stringContaining('Werrington'), ...LETTERHEAD });
      expectProblem(await (await t.as(DEMO.head)).get('/organisation/letterhead'), 403);
      expectProblem(await (await t.as(DEMO.head)).patch('/organisation/letterhead', { signatoryName: 'Me' }), 403);
      expectProblem(await admin.patch('/organisation/letterhead', { signatoryName: '' }), 400, 'signatoryName');
      expect((await (await t.as(DEMO.northAdmin)).get('/organisation/letterhead')).body.address).toBeNull();
    });

    it('adjusted wording is used in the letter; a placeholder cannot be removed, nor an unknown one added (422 naming body)', async () => {
      const admin = await t.as(DEMO.admin);
      const listed = await admin.get('/organisation/letter-templates');
      expect(listed.status).toBe(200);
      const outcome = listed.body.items.find((i: { kind: string }) => i.kind === 'outcome');
      expect(outcome).toEqual(expect.objectContaining({ adjusted: false, body: outcome.defaultBody }));
      expect(outcome.placeholders).toEqual(expect.arrayContaining([{ name: 'sanction', description: expect.any(String), required: true }]));

      const adjusted = outcome.defaultBody.replace('I am writing to confirm', 'On behalf of the governing body, I write to confirm');
      const put = await admin.put('/organisation/letter-templates/outcome', { body: adjusted });
      expect(put.status).toBe(200);
      expect(put.body).toEqual(expect.objectContaining({ adjusted: true, body: adjusted }));

      const removed = await admin.put('/organisation/letter-templates/outcome', { body: adjusted.replace('{{right_of_appeal}}', '') });
      expectProblem(removed, 422, 'body');
      expect(removed.body.code).toBe('template_placeholders');
      expect(removed.body.errors[0].message).toContain('{{right_of_appeal}}');
      const unknown = await admin.put('/organisation/letter-templates/outcome', { body: `${adjusted}\n\n{{salary}}` });
      expectProblem(unknown, 422, 'body');
      expectProblem(await (await t.as(DEMO.head)).put('/organisation/letter-templates/outcome', { body: adjusted }), 403);

      const pdf = await pdfText((await get(DEMO.head, `/cases/${multi.id}/letters/outcome?format=pdf&subject=${staff[2]}`)).body as Buffer);
      expect(pdf.text).toContain('On behalf of the governing body, I write to confirm');
      const word = docxText((await get(DEMO.head, `/cases/${multi.id}/letters/outcome?format=docx&subject=${staff[2]}`)).body as Buffer);
      expect(word).toContain('On behalf of the governing body, I write to confirm');
      const events = await letterEvents(multi.id);
      expect(events.at(-1).payload).toEqual(expect.objectContaining({ adjustedWording: true }));
      // back to the default, for the samples
      expect((await admin.put('/organisation/letter-templates/outcome', { body: outcome.defaultBody })).body.adjusted).toBe(false);
    });
  });

  /** docs/letters/: a sample of each letter, made from the demo's Sam Teacher (LETTER_SAMPLES=1). */
  (process.env.LETTER_SAMPLES === '1' ? it : it.skip)('writes the samples in docs/letters/', async () => {
    const demo = await caseThroughAppeal(t);
    const sam = await investigating([t.ids.staff['Sam Teacher']]);
    // the invitations from hearings still ahead, at 10:00 (the builder's own hearings are moved into the past to be held)
    const awaiting = await buildCase(t, { to: 'awaiting_decision', evidence: 1 });
    const invited = await (
      await t.as(DEMO.head)
    ).post(`/cases/${awaiting.caseId}/hearings`, {
      scheduledFor: tenAm(14),
      place: 'Meeting room 2, main building',
      evidenceIds: awaiting.evidenceIds,
      possibleOutcomes: ['no_action', 'first_written_warning', 'final_written_warning'],
    });
    expect(invited.status).toBe(201);
    const appealing = await buildCase(t, { to: 'appeal' });
    const appealInvited = await (
      await t.as(DEMO.governor)
    ).post(`/appeals/${appealing.appealId}/hearings`, {
      scheduledFor: tenAm(15),
      place: 'Governors’ room',
      evidenceIds: [],
    });
    expect(appealInvited.status).toBe(201);
    const caseFor: Record<string, string> = {
      investigation_meeting_invitation: sam.id,
      suspension: sam.id,
      hearing_invitation: awaiting.caseId,
      appeal_hearing_invitation: appealing.caseId,
    };
    const dir = join(__dirname, '..', '..', 'docs', 'letters');
    mkdirSync(dir, { recursive: true });
    for (const kind of Object.keys(AUTHOR)) {
      for (const format of ['pdf', 'docx']) {
        const res = await get(AUTHOR[kind], `/cases/${caseFor[kind] ?? demo.id}/letters/${kind}?format=${format}`);
        expect(res.status).toBe(200);
        writeFileSync(join(dir, `${kind.replace(/_/g, '-')}.${format}`), res.body as Buffer);
      }
    }
    // and the outcome letter to the subject named in Greek, Arabic and Chinese script
    for (const format of ['pdf', 'docx']) {
      const res = await get(DEMO.head, `/cases/${multi.id}/letters/outcome?format=${format}&subject=${staff[1]}`);
      writeFileSync(join(dir, `outcome-arabic-name.${format}`), res.body as Buffer);
    }
  });
});
