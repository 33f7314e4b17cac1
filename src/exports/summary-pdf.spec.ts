import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { renderPdf } from '../documents/render-pdf';
import { CaseSummaryResponse, CaseTombstoneResponse } from './dto/case-summary.dto';
import { summaryPdfDocument } from './summary-pdf';

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** The text of a PDF as pdf.js reads it (test/support/pdf-text.mjs), NFKC, whitespace runs as one space. */
function pdfText(pdf: Buffer): string {
  const out = execFileSync(process.execPath, [join(__dirname, '../../test/support/pdf-text.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out.toString()) as { text: string[] }).text.join('\n').normalize('NFKC').replace(/\s+/g, ' ');
}

const DATES = { reportedAt: '2026-11-20T19:00:00.000Z', triagedAt: '2026-11-21T09:00:00.000Z', reportSubmittedAt: null, decidedAt: null, closedAt: null };

function sampleSummary(overrides: Partial<CaseSummaryResponse> = {}): CaseSummaryResponse {
  return {
    erased: false,
    caseId: 'c1',
    school: 'Werrington Primary School',
    reference: 'SMP-2026-0007',
    status: 'investigation',
    safeguarding: false,
    generatedAt: '2026-12-01T12:00:00.000Z',
    dates: DATES,
    subjects: [{ name: 'Łukasz Zoë', jobTitle: 'Class Teacher' }],
    reports: [],
    triage: null,
    allegations: [{ clause: { code: '7.5', title: '§7.5 No confidential information' }, summary: 'Named a colleague', finding: null }],
    subjectResponses: [],
    investigationReport: null,
    outcome: null,
    appeal: null,
    sanctionInForce: null,
    evidence: { items: [], withheldSpecialCategory: 0, specialCategoryIncluded: false },
    hearings: [],
    suspensions: [],
    grievances: [],
    kcsie: { ladoDueBy: null, ladoOverdue: false, ladoConsultations: [], referralDecisions: [], referralDecisionsRequired: [] },
    letters: [],
    ...overrides,
  };
}

const evidenceItem = (i: number) => ({
  id: `e${i}`,
  kind: 'screenshot' as const,
  description: `Screenshot ${i + 1} of the post`,
  capturedAt: '2026-11-20T18:00:00.000Z',
  sensitivity: 'personal' as const,
  sha256: 'ab'.repeat(32),
  size: 2048,
  mediaType: 'image/png',
  redactsEvidenceId: null,
  withheld: false,
});

describe('the HR summary as a document (summaryPdfDocument)', () => {
  const context = { school: 'Werrington Primary School', generatedAt: new Date('2026-12-01T12:00:00Z') };

  it('title, school, footer with the reference and date, metadata; the hash set in the monospaced font', () => {
    const model = summaryPdfDocument(
      sampleSummary({ evidence: { items: [evidenceItem(0)], withheldSpecialCategory: 1, specialCategoryIncluded: false } }),
      context,
    );
    expect(model.title).toBe('HR case summary: SMP-2026-0007');
    expect(model.subtitle).toBe('Werrington Primary School');
    expect(model.footer).toBe('Generated 1 Dec 2026, 12:00 UTC · SMP-2026-0007 · Confidential: personal data (§13)');
    expect(model.metadata).toEqual(expect.objectContaining({ title: 'HR case summary SMP-2026-0007', author: 'Werrington Primary School', language: 'en-GB' }));
    expect(model.blocks).toContainEqual({ kind: 'field', label: 'Subject(s)', value: 'Łukasz Zoë (Class Teacher)' });
    expect(model.blocks).toContainEqual({ kind: 'quote', text: '§7.5 No confidential information' });
    expect(model.blocks).toContainEqual({ kind: 'field', label: 'SHA-256', value: 'ab'.repeat(32), mono: true });
    // the withheld count comes before the list, so a list cut at the bounds keeps it
    const withheld = model.blocks.findIndex((b) => b.kind === 'note' && b.text.startsWith('1 special-category item(s) withheld'));
    const firstItem = model.blocks.findIndex((b) => b.kind === 'subheading' && b.text.startsWith('Item 1'));
    expect(withheld).toBeGreaterThan(-1);
    expect(withheld).toBeLessThan(firstItem);
    expect(model.truncationHint).toContain('JSON summary');
  });

  it('what the reader may not read prints as withheld, as in the case view: an item shows its kind, date and hash only', () => {
    const withheldItem = {
      ...evidenceItem(1),
      kind: 'document' as const,
      sensitivity: 'special_category' as const,
      description: null,
      size: null,
      mediaType: null,
      sha256: 'cd'.repeat(32),
      withheld: true,
    };
    const model = summaryPdfDocument(
      sampleSummary({
        reports: [
          {
            platform: 'facebook',
            platformOther: null,
            observedAt: '2026-11-20T18:30:00.000Z',
            description: null,
            url: null,
            category: { code: 'disrepute', title: 'App.A Bringing the organisation into disrepute' },
            policyStandards: [],
            withheld: true,
          },
        ],
        subjectResponses: [{ receivedAt: '2026-11-23T09:00:00.000Z', response: null, refusedToRespond: false, withheld: true }],
        evidence: { items: [evidenceItem(0), withheldItem], withheldSpecialCategory: 1, specialCategoryIncluded: false },
      }),
      context,
    );
    const withheldNotes = model.blocks.filter((b) => b.kind === 'note' && b.text.startsWith('Withheld from this reader'));
    expect(withheldNotes).toHaveLength(3);
    expect(model.blocks).toContainEqual({ kind: 'subheading', text: 'Item 2: Document (special-category data)' });
    expect(model.blocks).toContainEqual({ kind: 'field', label: 'SHA-256', value: 'cd'.repeat(32), mono: true });
    expect(model.blocks.filter((b) => b.kind === 'field' && b.label === 'Media type, size')).toHaveLength(1);
  });

  it('the fair-process records: a hearing, a suspension, a grievance, the LADO, the letters; what the reader may not read prints as withheld', () => {
    const held = {
      heldAt: '2026-11-28T10:00:00.000Z',
      subjectAttended: false,
      decidedInAbsence: true,
      companion: null,
      attendees: null,
      notes: null,
      representations: null,
      absenceReason: null,
    };
    const model = summaryPdfDocument(
      sampleSummary({
        safeguarding: true,
        hearings: [
          {
            kind: 'disciplinary',
            chairRole: 'headteacher',
            invitedAt: '2026-11-20T10:00:00.000Z',
            originalScheduledFor: '2026-11-27T10:00:00.000Z',
            scheduledFor: '2026-11-28T10:00:00.000Z',
            place: 'Meeting room 2',
            noticeWorkingDays: 5,
            noticeGiven: true,
            current: true,
            supersededAt: null,
            rearrangements: [
              {
                basis: 'companion_unavailable',
                previousScheduledFor: '2026-11-27T10:00:00.000Z',
                scheduledFor: '2026-11-28T10:00:00.000Z',
                reason: null,
                recordedAt: '2026-11-21T10:00:00.000Z',
              },
            ],
            held,
            withheld: true,
          },
        ],
        suspensions: [
          {
            subjectName: 'Łukasz Zoë',
            startsAt: '2026-11-21T08:00:00.000Z',
            grounds: ['risk_to_pupils'],
            reasons: null,
            alternativesConsidered: null,
            reviewBy: '2026-12-05T08:00:00.000Z',
            reviews: [],
            status: 'active',
            endedAt: null,
            endReason: null,
            withheld: true,
          },
        ],
        kcsie: {
          ladoDueBy: '2026-11-21T19:00:00.000Z',
          ladoOverdue: false,
          ladoConsultations: [
            { consultedAt: '2026-11-21T09:00:00.000Z', ladoName: 'J. Smith, LADO', advice: 'Proceed', thresholdMet: true, late: false, withheld: false },
          ],
          referralDecisions: [],
          referralDecisionsRequired: ['dbs'],
        },
        letters: [
          {
            kind: 'hearing_invitation',
            title: 'Invitation to a disciplinary hearing',
            to: 'Łukasz Zoë',
            firstGeneratedAt: '2026-11-20T10:00:00.000Z',
            sentAt: '2026-11-20T11:00:00.000Z',
            sentMethod: 'email',
          },
        ],
      }),
      context,
    );
    const texts = model.blocks.map((b) => (b.kind === 'field' ? `${b.label}: ${b.value}` : 'text' in b ? b.text : ''));
    expect(texts).toEqual(
      expect.arrayContaining([
        'Safeguarding (KCSIE Part 4)',
        'Harm threshold met: Yes',
        'Proceed',
        'Referral decision(s) still required before the case may close: DBS.',
        'Precautionary suspension',
        'Hearings',
        'Disciplinary hearing',
        'Notice: 5 working days, given',
        'Companion: None',
        'Letters',
        'Invitation to a disciplinary hearing, to Łukasz Zoë: sent 20 Nov 2026, 11:00 UTC by e-mail',
        'None recorded: grievance',
      ]),
    );
    expect(texts.find((x) => x.startsWith('Held: '))).toMatch(/decided in the subject’s absence$/);
    expect(texts.filter((x) => x.startsWith('Withheld from this reader'))).toHaveLength(2);
    expect(texts).not.toContain('Grievances (§6)');
  });

  it('a tombstone says the content was erased and gives only the reference, status, outcome and dates', () => {
    const tombstone: CaseTombstoneResponse = {
      erased: true,
      reference: 'SMP-2020-0001',
      status: 'closed',
      dates: DATES,
      outcomeCategory: 'no_action',
      erasedAt: '2027-01-01T00:00:00.000Z',
    };
    const model = summaryPdfDocument(tombstone, context);
    expect(model.blocks[0]).toEqual({ kind: 'note', text: expect.stringContaining('was erased on 1 Jan 2027') });
    expect(model.blocks).toContainEqual({ kind: 'field', label: 'Outcome', value: 'No action' });
  });
});

describe('the HR summary rendered (renderPdf, in this thread)', () => {
  const context = { school: 'Werrington Primary School', generatedAt: new Date('2026-12-01T12:00:00Z') };

  it('renders a complete one-page PDF whose text reads back, names in their own script', async () => {
    const names = [
      { name: 'Ελένη Παπαδοπούλου', jobTitle: 'Class Teacher' },
      { name: '王小明', jobTitle: null },
      { name: 'Łukasz Wałęsa', jobTitle: null },
    ];
    const pdf = await renderPdf(summaryPdfDocument(sampleSummary({ subjects: names }), context));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('Subject(s): Ελένη Παπαδοπούλου (Class Teacher); 王小明; Łukasz Wałęsa');
    expect(text).toContain('HR case summary: SMP-2026-0007');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('?');
  });

  it('a long summary runs over several pages, each numbered', async () => {
    const allegations = Array.from({ length: 40 }, (_v, i) => ({
      clause: { code: '7.7', title: '§7.7 No defamation, discrimination, bullying or harassment' },
      summary: `Allegation ${i + 1}: ${'a long account of what happened. '.repeat(8)}`,
      finding: { finding: 'substantiated', reasoning: 'Seen by two witnesses.', recordedAt: '2026-11-24T09:00:00.000Z' },
    }));
    const pdf = await renderPdf(summaryPdfDocument(sampleSummary({ allegations }), context));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(2);
    expect(pdfText(pdf)).toContain(`Page ${pages} of ${pages}`);
  });

  it('renders a tombstone on one page', async () => {
    const tombstone: CaseTombstoneResponse = {
      erased: true,
      reference: 'SMP-2020-0001',
      status: 'closed',
      dates: DATES,
      outcomeCategory: 'no_action',
      erasedAt: '2027-01-01T00:00:00.000Z',
    };
    const pdf = await renderPdf(summaryPdfDocument(tombstone, context));
    expect(pageCount(pdf)).toBe(1);
  });
});
