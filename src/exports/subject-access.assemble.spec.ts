import { assembleSubjectAccess, casesNeedingContent } from './subject-access.assemble';
import type { SarAuditRow, SarCaseContentRow, SarCaseRow, SarStaffRow } from './subject-access.sql';

const STAFF: SarStaffRow = {
  id: 's1',
  name: 'Taylor Assistant',
  email: null,
  jobTitle: 'Teaching Assistant',
  createdAt: '2026-01-01T00:00:00.000Z',
  school: 'Werrington Primary School',
  userAccount: null,
};

function caseRow(id: string, capacities: SarCaseRow['capacities'], overrides: Partial<SarCaseRow> = {}): SarCaseRow {
  return {
    id,
    reference: `SMP-2026-${id}`,
    status: 'closed',
    capacities,
    visible: true,
    reportedAt: '2026-11-20T19:00:00.000Z',
    triagedAt: '2026-11-21T09:00:00.000Z',
    triageDecision: 'investigate',
    reportSubmittedAt: null,
    closedAt: '2026-12-10T09:00:00.000Z',
    erasedAt: null,
    outcome: {
      sanction: 'final_written_warning',
      grossMisconduct: false,
      rationale: 'Serious',
      decidedAt: '2026-11-28T09:00:00.000Z',
      communicatedAt: null,
      warningExpiresAt: '2027-11-28T09:00:00.000Z',
      appealDeadline: '2026-12-05T09:00:00.000Z',
      decidedByRole: 'headteacher',
      separationWaiverReason: null,
    },
    appeal: {
      lodgedAt: '2026-12-01T09:00:00.000Z',
      grounds: 'Too harsh',
      result: 'upheld',
      rationale: 'Agreed',
      newSanction: null,
      newWarningExpiresAt: null,
      decidedAt: '2026-12-08T09:00:00.000Z',
      decidedByRole: 'governor',
    },
    ...overrides,
  };
}

function content(id: string): SarCaseContentRow {
  return {
    id,
    reports: [
      {
        platform: 'facebook',
        platformOther: null,
        observedAt: '2026-11-20T18:30:00.000Z',
        description: 'The post',
        url: null,
        category: 'disrepute',
        policyStandards: ['7.5'],
      },
    ],
    allegations: [
      { policyStandard: '7.5', category: null, summary: 'Named a colleague', finding: 'substantiated', findingReasoning: 'Public', findingRecordedAt: null },
    ],
    subjectNotifications: [{ sentAt: '2026-11-22T09:00:00.000Z', method: 'letter', allegations: 1 }],
    subjectResponses: [{ receivedAt: '2026-11-23T09:00:00.000Z', response: 'A joke', refusedToRespond: false }],
    interviews: [{ capacity: 'witness', heldAt: '2026-11-22T10:00:00.000Z', accompaniedBy: null, statement: 'I saw it' }],
    evidence: [
      {
        id: 'e1',
        kind: 'screenshot',
        description: 'Screenshot',
        capturedAt: '2026-11-20T18:35:00.000Z',
        sensitivity: 'personal',
        sha256: 'a'.repeat(64),
        size: '10',
        mediaType: 'image/png',
        redactsEvidenceId: null,
      },
      {
        id: 'e2',
        kind: 'document',
        description: 'Medical note',
        capturedAt: '2026-11-21T18:35:00.000Z',
        sensitivity: 'special_category',
        sha256: 'b'.repeat(64),
        size: 20,
        mediaType: 'application/pdf',
        redactsEvidenceId: null,
      },
    ],
  };
}

const event = (seq: number, visible: boolean): SarAuditRow => ({
  seq: String(seq),
  visible,
  occurredAt: visible ? '2026-11-20T19:00:00.000Z' : null!,
  action: visible ? 'case.viewed' : null!,
  actorRole: visible ? 'hr' : null,
  caseId: visible ? 'c1' : null,
  entityType: visible ? 'case' : null,
  entityId: visible ? 'c1' : null,
  reason: null,
});

function assemble(cases: SarCaseRow[], options: { includeSpecial?: boolean; events?: SarAuditRow[] } = {}) {
  return assembleSubjectAccess({
    staff: STAFF,
    cases,
    content: new Map(casesNeedingContent(cases).map((id) => [id, content(id)])),
    events: options.events ?? [],
    includeSpecial: options.includeSpecial ?? false,
    generatedAt: new Date('2026-12-20T00:00:00Z'),
  });
}

describe('assembleSubjectAccess (§13 subject access)', () => {
  it('a subject gets the reports, allegations with findings, notice, response, outcome, appeal and sanction in force', () => {
    const [c] = assemble([caseRow('c1', ['subject'])]).cases;
    expect(c).toEqual(
      expect.objectContaining({
        erased: false,
        capacities: ['subject'],
        reports: [expect.objectContaining({ category: { code: 'disrepute', title: 'App.A Bringing the organisation into disrepute' } })],
        allegations: [
          expect.objectContaining({ clause: expect.objectContaining({ code: '7.5' }), finding: expect.objectContaining({ finding: 'substantiated' }) }),
        ],
        subjectNotifications: [expect.objectContaining({ method: 'letter' })],
        subjectResponses: [expect.objectContaining({ response: 'A joke' })],
        outcome: expect.objectContaining({ sanction: 'final_written_warning' }),
        appeal: expect.objectContaining({ result: 'upheld' }),
        sanctionInForce: 'no_action',
      }),
    );
  });

  it('a witness gets their own statements and the evidence list, not what concerns the subject', () => {
    const [c] = assemble([caseRow('c1', ['witness'])]).cases;
    expect(c).toEqual(
      expect.objectContaining({
        reports: [],
        allegations: [],
        subjectNotifications: [],
        subjectResponses: [],
        interviews: [expect.objectContaining({ statement: 'I saw it' })],
        outcome: null,
        appeal: null,
        sanctionInForce: null,
        evidence: expect.objectContaining({ items: [expect.objectContaining({ id: 'e1', size: 10 })] }),
      }),
    );
  });

  it('a reporter gets the reports, not the allegations or the outcome', () => {
    const [c] = assemble([caseRow('c1', ['reporter'])]).cases;
    expect(c).toEqual(expect.objectContaining({ reports: [expect.anything()], allegations: [], outcome: null, sanctionInForce: null }));
  });

  it('special-category evidence is withheld and counted unless included', () => {
    expect(assemble([caseRow('c1', ['subject'])]).cases[0]).toEqual(
      expect.objectContaining({ evidence: { items: [expect.objectContaining({ id: 'e1' })], withheldSpecialCategory: 1, specialCategoryIncluded: false } }),
    );
    const included = assemble([caseRow('c1', ['subject'])], { includeSpecial: true });
    expect(included.specialCategoryIncluded).toBe(true);
    expect(included.cases[0]).toEqual(
      expect.objectContaining({ evidence: expect.objectContaining({ withheldSpecialCategory: 0, items: [expect.anything(), expect.anything()] }) }),
    );
  });

  it('cases the caller may not see are only counted, and their content is never asked for', () => {
    const cases = [caseRow('c1', ['subject']), caseRow('c2', ['witness'], { visible: false })];
    expect(casesNeedingContent(cases)).toEqual(['c1']);
    const result = assemble(cases);
    expect(result.cases.map((c) => c.reference)).toEqual(['SMP-2026-c1']);
    expect(result.furtherCasesHeld).toBe(1);
  });

  it('an erased case is a tombstone, and its content is never asked for', () => {
    const cases = [caseRow('c1', ['subject'], { erasedAt: '2028-01-01T00:00:00.000Z' })];
    expect(casesNeedingContent(cases)).toEqual([]);
    expect(assemble(cases).cases).toEqual([
      {
        erased: true,
        reference: 'SMP-2026-c1',
        capacities: ['subject'],
        status: 'closed',
        dates: expect.objectContaining({ reportedAt: '2026-11-20T19:00:00.000Z', decidedAt: '2026-11-28T09:00:00.000Z' }),
        outcomeCategory: 'no_action',
        erasedAt: '2028-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('audit events on cases the caller may not see are counted, not shown; never a payload', () => {
    const result = assemble([], { events: [event(1, true), event(2, false), event(3, true)] });
    expect(result.auditEvents.map((e) => e.seq)).toEqual([1, 3]);
    expect(result.auditEventsWithheld).toBe(1);
    expect(result.auditEvents[0]).not.toHaveProperty('payload');
  });

  it('the account, when there is one, without any password hash', () => {
    const withLogin = {
      ...STAFF,
      userAccount: { id: 'u1', email: 'x@demo.school', name: 'X', roles: ['hr'], active: true, createdAt: 'c', updatedAt: 'u', passwordHash: 'scrypt$secret' },
    };
    const result = assembleSubjectAccess({ staff: withLogin, cases: [], content: new Map(), events: [], includeSpecial: false, generatedAt: new Date() });
    expect(result.userAccount).toEqual({ id: 'u1', email: 'x@demo.school', name: 'X', roles: ['hr'], active: true, createdAt: 'c', updatedAt: 'u' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});
