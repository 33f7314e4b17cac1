import type { Readable } from 'node:stream';
import { CaseSummaryResponse, CaseTombstoneResponse } from './dto/case-summary.dto';
import { renderSummaryPdf } from './summary-pdf';

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

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
    ...overrides,
  };
}

describe('renderSummaryPdf', () => {
  const context = { school: 'Werrington Primary School', generatedAt: new Date('2026-12-01T12:00:00Z') };

  it('renders a complete PDF document', async () => {
    const pdf = await bytes(renderSummaryPdf(sampleSummary(), context));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pageCount(pdf)).toBe(1);
  });

  it('a long summary runs over several pages', async () => {
    const allegations = Array.from({ length: 40 }, (_v, i) => ({
      clause: { code: '7.7', title: '§7.7 No defamation, discrimination, bullying or harassment' },
      summary: `Allegation ${i + 1}: ${'a long account of what happened. '.repeat(8)}`,
      finding: { finding: 'substantiated', reasoning: 'Seen by two witnesses.', recordedAt: '2026-11-24T09:00:00.000Z' },
    }));
    const pdf = await bytes(renderSummaryPdf(sampleSummary({ allegations }), context));
    expect(pageCount(pdf)).toBeGreaterThan(2);
  });

  it('renders a tombstone', async () => {
    const tombstone: CaseTombstoneResponse = {
      erased: true,
      reference: 'SMP-2020-0001',
      status: 'closed',
      dates: DATES,
      outcomeCategory: 'no_action',
      erasedAt: '2027-01-01T00:00:00.000Z',
    };
    const pdf = await bytes(renderSummaryPdf(tombstone, context));
    expect(pageCount(pdf)).toBe(1);
  });
});
