import { ownReferenceCheckProblem } from './reference-check.own';
import { liveWarning, ReferenceCaseInput, referenceEntries, referableFindings } from './reference-check.rules';

const NOW = new Date('2027-01-15T12:00:00.000Z');

function allegation(id: string, finding: string | null) {
  return {
    id,
    policyStandard: '7.6',
    category: null,
    summary: `allegation ${id}`,
    finding: finding ? { finding, recordedAt: '2026-11-25T09:00:00.000Z' } : null,
  };
}

function closedCase(overrides: Partial<ReferenceCaseInput> = {}): ReferenceCaseInput {
  return {
    caseId: 'c1',
    reference: 'SMP-2026-0001',
    status: 'closed',
    safeguarding: true,
    erased: false,
    allegations: [],
    outcome: { sanction: 'no_action', decidedAt: '2026-12-01T09:00:00.000Z', warningExpiresAt: null },
    appeals: [],
    sanctionInForce: 'no_action',
    ...overrides,
  };
}

describe('the reference check says only what may be said in a reference (KCSIE Part 4, process.md §3)', () => {
  it('shows substantiated safeguarding findings, and never malicious, false, unsubstantiated or unfounded ones', () => {
    const c = closedCase({
      allegations: [
        allegation('a1', 'substantiated'),
        allegation('a2', 'malicious'),
        allegation('a3', 'false'),
        allegation('a4', 'unsubstantiated'),
        allegation('a5', 'unfounded'),
        allegation('a6', null),
      ],
    });
    const found = referableFindings(c);
    expect(found.map((f) => f.allegationId)).toEqual(['a1']);
    expect(found[0]).toEqual(expect.objectContaining({ reference: 'SMP-2026-0001', finding: 'substantiated', summary: 'allegation a1' }));
    const text = JSON.stringify(referenceEntries([c], NOW));
    for (const never of ['malicious', 'false', 'unsubstantiated', 'unfounded', 'a2', 'a3', 'a4', 'a5']) expect(text).not.toContain(never);
  });

  it('an ordinary finding short of substantiated on a case that became safeguarding later is never shown either', () => {
    expect(referableFindings(closedCase({ allegations: [allegation('a1', 'not_substantiated'), allegation('a2', 'inconclusive')] }))).toEqual([]);
  });

  it('shows nothing of a case that is not safeguarding, not yet closed, erased, or whose sanction was withdrawn on appeal', () => {
    const substantiated = { allegations: [allegation('a1', 'substantiated')] };
    expect(referableFindings(closedCase({ ...substantiated, safeguarding: false }))).toEqual([]);
    for (const status of ['investigation', 'awaiting_decision', 'decided', 'appeal'])
      expect(referableFindings(closedCase({ ...substantiated, status }))).toEqual([]);
    expect(referableFindings(closedCase({ ...substantiated, erased: true }))).toEqual([]);
    const upheld = { result: 'upheld', newSanction: null, newWarningExpiresAt: null, decidedAt: '2026-12-10T09:00:00.000Z' };
    expect(referableFindings(closedCase({ ...substantiated, appeals: [upheld] }))).toEqual([]);
    const dismissed = { ...upheld, result: 'dismissed' };
    expect(referableFindings(closedCase({ ...substantiated, appeals: [dismissed] }))).toHaveLength(1);
  });

  it('shows a warning while it is in force, never a spent one', () => {
    const warned = closedCase({
      safeguarding: false,
      outcome: { sanction: 'final_written_warning', decidedAt: '2026-12-01T09:00:00.000Z', warningExpiresAt: '2027-06-01T09:00:00.000Z' },
      sanctionInForce: 'final_written_warning',
    });
    expect(liveWarning(warned, NOW)).toEqual({
      caseId: 'c1',
      reference: 'SMP-2026-0001',
      sanction: 'final_written_warning',
      decidedAt: '2026-12-01T09:00:00.000Z',
      expiresAt: '2027-06-01T09:00:00.000Z',
    });
    expect(liveWarning(warned, new Date('2027-06-01T09:00:00.000Z'))).toBeNull();
    expect(liveWarning(warned, new Date('2028-01-01T00:00:00.000Z'))).toBeNull();
    expect(liveWarning({ ...warned, erased: true }, NOW)).toBeNull();
  });

  it('a warning follows the appeal: varied to a warning expires when the appeal says; upheld withdraws it', () => {
    const varied = closedCase({
      outcome: { sanction: 'dismissal_with_notice', decidedAt: '2026-12-01T09:00:00.000Z', warningExpiresAt: null },
      appeals: [
        { result: 'varied', newSanction: 'first_written_warning', newWarningExpiresAt: '2027-03-01T09:00:00.000Z', decidedAt: '2026-12-10T09:00:00.000Z' },
      ],
      sanctionInForce: 'first_written_warning',
    });
    expect(liveWarning(varied, NOW)).toEqual(
      expect.objectContaining({ sanction: 'first_written_warning', expiresAt: '2027-03-01T09:00:00.000Z', decidedAt: '2026-12-10T09:00:00.000Z' }),
    );
    const upheld = closedCase({
      outcome: { sanction: 'first_written_warning', decidedAt: '2026-12-01T09:00:00.000Z', warningExpiresAt: '2027-06-01T09:00:00.000Z' },
      appeals: [{ result: 'upheld', newSanction: null, newWarningExpiresAt: null, decidedAt: '2026-12-10T09:00:00.000Z' }],
      sanctionInForce: 'no_action',
    });
    expect(liveWarning(upheld, NOW)).toBeNull();
  });

  it('a dismissal or informal action is no warning', () => {
    for (const sanction of ['informal_action', 'dismissal_with_notice', 'summary_dismissal', 'no_action']) {
      expect(
        liveWarning(closedCase({ outcome: { sanction, decidedAt: '2026-12-01T09:00:00.000Z', warningExpiresAt: null }, sanctionInForce: sanction }), NOW),
      ).toBeNull();
    }
  });

  it('nobody runs it on themselves', () => {
    expect(ownReferenceCheckProblem({ staffIds: ['s1'] }, 's1')).toEqual(expect.objectContaining({ code: 'own_reference_check', status: 409 }));
    expect(ownReferenceCheckProblem({ staffIds: ['s2'] }, 's1')).toBeNull();
  });
});
