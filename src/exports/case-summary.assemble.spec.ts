import { assembleCaseSummary } from './case-summary.assemble';
import type { CaseSummaryRow } from './case-summary.sql';
import type { CaseSummaryResponse } from './dto/case-summary.dto';

const GENERATED = new Date('2026-12-01T12:00:00.000Z');

function row(overrides: Partial<CaseSummaryRow> = {}): CaseSummaryRow {
  return {
    id: 'case-1',
    school: 'Werrington Primary School',
    reference: 'SMP-2026-0007',
    status: 'closed',
    safeguarding: false,
    reportedAt: '2026-11-20T19:00:00.000Z',
    triagedAt: '2026-11-21T09:00:00.000Z',
    triageDecision: 'investigate',
    triageRationale: 'needs the facts',
    reportSubmittedAt: '2026-11-25T09:00:00.000Z',
    investigationSummary: 'The post was public.',
    closedAt: '2026-12-10T09:00:00.000Z',
    erasedAt: null,
    subjects: [{ name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4' }],
    reports: [
      {
        platform: 'facebook',
        platformOther: null,
        observedAt: '2026-11-20T18:30:00.000Z',
        description: 'Public post naming a colleague',
        url: null,
        category: 'disrepute',
        policyStandards: ['7.5', '8'],
      },
    ],
    allegations: [
      {
        policyStandard: '7.5',
        category: null,
        summary: 'Named a colleague',
        finding: 'substantiated',
        findingReasoning: 'The post is public',
        findingRecordedAt: '2026-11-24T09:00:00.000Z',
      },
      { policyStandard: null, category: 'copyright', summary: 'Used a photo', finding: null, findingReasoning: null, findingRecordedAt: null },
    ],
    subjectResponses: [{ receivedAt: '2026-11-23T09:00:00.000Z', response: 'It was a joke', refusedToRespond: false }],
    outcome: {
      sanction: 'final_written_warning',
      grossMisconduct: false,
      rationale: 'Serious breach of §7.5',
      decidedAt: '2026-11-28T09:00:00.000Z',
      communicatedAt: '2026-11-28T10:00:00.000Z',
      warningExpiresAt: '2027-11-28T09:00:00.000Z',
      appealDeadline: '2026-12-05T09:00:00.000Z',
      decidedByRole: 'headteacher',
      separationWaiverReason: null,
    },
    appeal: {
      lodgedAt: '2026-12-01T09:00:00.000Z',
      grounds: 'Too harsh',
      result: 'varied',
      rationale: 'A first warning is enough',
      newSanction: 'first_written_warning',
      newWarningExpiresAt: '2027-06-01T09:00:00.000Z',
      decidedAt: '2026-12-08T09:00:00.000Z',
      decidedByRole: 'governor',
    },
    evidence: [
      {
        id: 'e1',
        kind: 'screenshot',
        description: 'The post',
        capturedAt: '2026-11-20T18:35:00.000Z',
        sensitivity: 'personal',
        sha256: 'a'.repeat(64),
        size: '2048',
        mediaType: 'image/png',
        redactsEvidenceId: null,
      },
      {
        id: 'e2',
        kind: 'document',
        description: 'Occupational health letter',
        capturedAt: '2026-11-22T10:00:00.000Z',
        sensitivity: 'special_category',
        sha256: 'b'.repeat(64),
        size: 10,
        mediaType: 'application/pdf',
        redactsEvidenceId: null,
      },
    ],
    ...overrides,
  };
}

describe('assembleCaseSummary (domain.md "HR exports", §13)', () => {
  it('quotes the clause of every allegation and of the report, with findings and reasoning', () => {
    const summary = assembleCaseSummary(row(), { includeSpecial: false, generatedAt: GENERATED }) as CaseSummaryResponse;
    expect(summary.allegations).toEqual([
      {
        clause: { code: '7.5', title: '§7.5 No confidential or personal information about the school, its staff or governors' },
        summary: 'Named a colleague',
        finding: { finding: 'substantiated', reasoning: 'The post is public', recordedAt: '2026-11-24T09:00:00.000Z' },
      },
      { clause: { code: 'copyright', title: 'App.A Breaching copyright' }, summary: 'Used a photo', finding: null },
    ]);
    expect(summary.reports[0].category.title).toBe('App.A Bringing the organisation into disrepute');
    expect(summary.reports[0].policyStandards.map((s) => s.title)).toEqual([
      '§7.5 No confidential or personal information about the school, its staff or governors',
      '§8 Excessive use of social media at work',
    ]);
  });

  it('gives the dates, the outcome, the appeal and the sanction in force after it', () => {
    const summary = assembleCaseSummary(row(), { includeSpecial: false, generatedAt: GENERATED }) as CaseSummaryResponse;
    expect(summary.dates).toEqual({
      reportedAt: '2026-11-20T19:00:00.000Z',
      triagedAt: '2026-11-21T09:00:00.000Z',
      reportSubmittedAt: '2026-11-25T09:00:00.000Z',
      decidedAt: '2026-11-28T09:00:00.000Z',
      closedAt: '2026-12-10T09:00:00.000Z',
    });
    expect(summary.outcome?.sanction).toBe('final_written_warning');
    expect(summary.appeal?.result).toBe('varied');
    expect(summary.sanctionInForce).toBe('first_written_warning');
    expect(summary.generatedAt).toBe('2026-12-01T12:00:00.000Z');
    expect(summary.school).toBe('Werrington Primary School');
  });

  it('no outcome yet: no sanction in force, no decision date', () => {
    const summary = assembleCaseSummary(row({ outcome: null, appeal: null, status: 'awaiting_decision' }), {
      includeSpecial: false,
      generatedAt: GENERATED,
    }) as CaseSummaryResponse;
    expect(summary.sanctionInForce).toBeNull();
    expect(summary.dates.decidedAt).toBeNull();
  });

  it('leaves special-category evidence out, and counts it', () => {
    const summary = assembleCaseSummary(row(), { includeSpecial: false, generatedAt: GENERATED }) as CaseSummaryResponse;
    expect(summary.evidence).toEqual({
      items: [
        expect.objectContaining({
          id: 'e1',
          sha256: 'a'.repeat(64),
          size: 2048,
          mediaType: 'image/png',
          kind: 'screenshot',
          capturedAt: '2026-11-20T18:35:00.000Z',
        }),
      ],
      withheldSpecialCategory: 1,
      specialCategoryIncluded: false,
    });
    expect(JSON.stringify(summary)).not.toContain('Occupational health');
  });

  it('includes it when asked to (the caller has already been checked)', () => {
    const summary = assembleCaseSummary(row(), { includeSpecial: true, generatedAt: GENERATED }) as CaseSummaryResponse;
    expect(summary.evidence.items.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(summary.evidence.withheldSpecialCategory).toBe(0);
    expect(summary.evidence.specialCategoryIncluded).toBe(true);
  });

  it('an erased case is a tombstone: reference, dates, status, outcome category, erasedAt, nothing else', () => {
    const erased = assembleCaseSummary(row({ erasedAt: '2028-01-01T00:00:00.000Z' }), { includeSpecial: true, generatedAt: GENERATED });
    expect(erased).toEqual({
      erased: true,
      reference: 'SMP-2026-0007',
      status: 'closed',
      dates: expect.objectContaining({ reportedAt: '2026-11-20T19:00:00.000Z', closedAt: '2026-12-10T09:00:00.000Z' }),
      outcomeCategory: 'first_written_warning',
      erasedAt: '2028-01-01T00:00:00.000Z',
    });
    const text = JSON.stringify(erased);
    for (const content of ['Sam Teacher', 'Named a colleague', 'It was a joke', 'Too harsh', 'a'.repeat(64), 'Werrington']) expect(text).not.toContain(content);
  });

  it('the tombstone of a case closed at triage keeps the triage decision as its outcome category', () => {
    const erased = assembleCaseSummary(row({ erasedAt: '2028-01-01T00:00:00.000Z', triageDecision: 'no_further_action', outcome: null, appeal: null }), {
      includeSpecial: false,
      generatedAt: GENERATED,
    });
    expect(erased).toEqual(expect.objectContaining({ outcomeCategory: 'no_further_action' }));
  });
});
