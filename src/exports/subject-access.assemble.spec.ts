import type { ReaderRights } from '../access/case-access.policy';
import { redactCase } from '../cases/case-redaction';
import type { CaseResponse } from '../cases/dto/case.dto';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import type { SarCase } from './dto/subject-access.dto';
import { exportRights } from './special-category';
import { assembleSarCase, assembleSubjectAccess } from './subject-access.assemble';
import { ownSubjectAccessProblem } from './subject-access.rules';
import type { SarAuditRow, SarStaffRow } from './subject-access.sql';

const STAFF: SarStaffRow = {
  id: 's1',
  name: 'Taylor Assistant',
  email: null,
  jobTitle: 'Teaching Assistant',
  teacher: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  school: 'Werrington Primary School',
  userAccount: null,
};

/** The exporter's rights on the case (case-access.policy.ts readerRights): HR, uninvolved; a headteacher acting as decision-maker. */
const HR: ReaderRights = { specialCategory: false, othersStatements: true, isReporter: false, staffIds: ['s-hr'] };
const DECIDER: ReaderRights = { specialCategory: true, othersStatements: true, isReporter: false, staffIds: ['s-head'] };

const U = 'u-1';

/** A whole case as GET /cases/:id builds it, before redaction. */
function caseView(overrides: Partial<CaseResponse> = {}): CaseResponse {
  return {
    id: 'case-1',
    organisationId: 'org-1',
    reference: 'SMP-2026-0007',
    status: 'closed',
    safeguarding: { flagged: false, referralDueBy: null, referralOverdue: false, referrals: [] },
    subjects: [{ staffId: 's1', name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4', relationship: null }],
    reporter: { staffId: null, name: 'A Parent', jobTitle: null, relationship: 'parent' },
    witnesses: [{ staffId: 's1', name: 'Taylor Assistant', jobTitle: 'Teaching Assistant', relationship: null }],
    triage: { decision: 'investigate', rationale: 'needs the facts', triagedAt: '2026-11-21T09:00:00.000Z', triagedByUserId: U },
    investigatorUserId: U,
    investigationReport: { summary: 'The post was public.', submittedAt: '2026-11-25T09:00:00.000Z', submittedByUserId: U, withheld: false },
    decisionMakerRole: 'headteacher',
    decisionBlocked: null,
    createdAt: '2026-11-20T19:00:00.000Z',
    updatedAt: '2026-12-10T09:00:00.000Z',
    closedAt: '2026-12-10T09:00:00.000Z',
    retention: { retainUntil: '2028-06-10T09:00:00.000Z', legalHold: null, erasedAt: null },
    reports: [
      {
        id: 'r1',
        platform: 'facebook',
        platformOther: null,
        observedAt: '2026-11-20T18:30:00.000Z',
        description: 'Public post naming a colleague',
        url: null,
        category: 'disrepute',
        policyStandards: ['7.5', '8'],
        involvesPupils: false,
        mayMeetHarmThreshold: false,
        loggedByUserId: U,
        createdAt: '2026-11-20T19:00:00.000Z',
        withheld: false,
      },
    ],
    assignments: [],
    allegations: [
      {
        id: 'a1',
        policyStandard: '7.5',
        category: null,
        summary: 'Named a colleague',
        finding: { finding: 'substantiated', reasoning: 'The post is public', recordedAt: '2026-11-24T09:00:00.000Z' },
        recordedByUserId: U,
        createdAt: '2026-11-22T09:00:00.000Z',
      },
      {
        id: 'a2',
        policyStandard: null,
        category: 'copyright',
        summary: 'Used a photo',
        finding: null,
        recordedByUserId: U,
        createdAt: '2026-11-22T09:01:00.000Z',
      },
    ],
    facts: [],
    interviews: [
      {
        id: 'i1',
        staffId: 's1',
        name: 'Taylor Assistant',
        capacity: 'witness',
        heldAt: '2026-11-22T10:00:00.000Z',
        accompaniedBy: null,
        statement: 'I saw the post',
        withheld: false,
        recordedByUserId: U,
      },
    ],
    subjectNotifications: [{ id: 'n1', sentAt: '2026-11-22T09:00:00.000Z', method: 'letter', allegationIds: ['a1', 'a2'], recordedByUserId: U }],
    subjectResponses: [
      { id: 'sr1', receivedAt: '2026-11-23T09:00:00.000Z', response: 'It was a joke', withheld: false, refusedToRespond: false, recordedByUserId: U },
    ],
    evidence: [
      {
        id: 'e1',
        caseId: 'case-1',
        kind: 'screenshot',
        description: 'The post',
        source: 'a parent',
        capturedAt: '2026-11-20T18:35:00.000Z',
        sensitivity: 'personal',
        sha256: 'a'.repeat(64),
        size: 2048,
        mediaType: 'image/png',
        originalFilename: 'post.png',
        redactsEvidenceId: null,
        monitoringAuthorisationId: null,
        recordedByUserId: U,
        createdAt: '2026-11-21T10:00:00.000Z',
        withheld: false,
      },
      {
        id: 'e2',
        caseId: 'case-1',
        kind: 'document',
        description: 'Occupational health letter',
        source: 'the subject',
        capturedAt: '2026-11-22T10:00:00.000Z',
        sensitivity: 'special_category',
        sha256: 'b'.repeat(64),
        size: 10,
        mediaType: 'application/pdf',
        originalFilename: 'oh.pdf',
        redactsEvidenceId: null,
        monitoringAuthorisationId: null,
        recordedByUserId: U,
        createdAt: '2026-11-22T10:00:00.000Z',
        withheld: false,
      },
    ],
    monitoring: [],
    outcome: {
      id: 'o1',
      sanction: 'final_written_warning',
      grossMisconduct: false,
      rationale: 'Serious breach of §7.5',
      decidedAt: '2026-11-28T09:00:00.000Z',
      communicatedAt: '2026-11-28T10:00:00.000Z',
      warningExpiresAt: '2027-11-28T09:00:00.000Z',
      appealDeadline: '2026-12-05T09:00:00.000Z',
      separationWaiverReason: null,
      decidedByUserId: U,
      decidedByRole: 'headteacher',
    },
    appeals: [
      {
        id: 'ap1',
        lodgedAt: '2026-12-01T09:00:00.000Z',
        grounds: 'Too harsh',
        lodgedByUserId: U,
        result: 'varied',
        rationale: 'A first warning is enough',
        newSanction: 'first_written_warning',
        newWarningExpiresAt: '2027-06-01T09:00:00.000Z',
        decidedByUserId: U,
        decidedByRole: 'governor',
        decidedAt: '2026-12-08T09:00:00.000Z',
      },
    ],
    sanctionInForce: 'first_written_warning',
    kcsie: { lado: { dueBy: null, overdue: false, consultations: [] }, referralDecisions: [], referralDecisionsRequired: [] },
    suspensions: [],
    investigationMeetings: [],
    hearings: [],
    grievances: [],
    paused: null,
    letters: [],
    guidance: null,
    ...overrides,
  };
}

/** Taylor (s1) in `capacities`, exported by a reader with `rights`. */
function sarCase(capacities: PartyCapacity[], rights: ReaderRights = HR, options: { includeSpecial?: boolean; view?: CaseResponse } = {}): SarCase {
  const effective = exportRights(rights, options.includeSpecial ?? false);
  return assembleSarCase('s1', {
    view: redactCase(options.view ?? caseView(), effective),
    capacities,
    specialCategoryIncluded: effective.specialCategory,
  }) as SarCase;
}

describe("assembleSarCase: the staff member's own personal data in a case (§13 subject access, UK GDPR Art. 15)", () => {
  it('a subject gets what they were said to have done: reports, allegations with findings, notice, their response, outcome, appeal, sanction in force, evidence', () => {
    const c = sarCase(['subject']);
    expect(c).toEqual(
      expect.objectContaining({
        erased: false,
        capacities: ['subject'],
        reports: [expect.objectContaining({ category: { code: 'disrepute', title: 'App.A Bringing the organisation into disrepute' } })],
        allegations: [
          expect.objectContaining({ clause: expect.objectContaining({ code: '7.5' }), finding: expect.objectContaining({ finding: 'substantiated' }) }),
          expect.objectContaining({ clause: expect.objectContaining({ code: 'copyright' }), finding: null }),
        ],
        subjectNotifications: [{ sentAt: '2026-11-22T09:00:00.000Z', method: 'letter', allegations: 2 }],
        subjectResponses: [expect.objectContaining({ response: 'It was a joke', withheld: false })],
        outcome: expect.objectContaining({ sanction: 'final_written_warning' }),
        appeal: expect.objectContaining({ result: 'varied' }),
        sanctionInForce: 'first_written_warning',
      }),
    );
    expect(c.evidence.items.map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it("a witness's export holds their own statements and the fact that they were a witness, not the case's evidence or anyone else's statements", () => {
    const view = caseView({
      interviews: [
        ...caseView().interviews,
        {
          id: 'i2',
          staffId: 's-other',
          name: 'Another Witness',
          capacity: 'witness',
          heldAt: '2026-11-22T11:00:00.000Z',
          accompaniedBy: null,
          statement: 'Someone else said this',
          withheld: false,
          recordedByUserId: U,
        },
      ],
    });
    const c = sarCase(['witness'], HR, { view });
    expect(c).toEqual(
      expect.objectContaining({
        capacities: ['witness'],
        reports: [],
        allegations: [],
        subjectNotifications: [],
        subjectResponses: [],
        interviews: [{ capacity: 'witness', heldAt: '2026-11-22T10:00:00.000Z', accompaniedBy: null, statement: 'I saw the post', withheld: false }],
        outcome: null,
        appeal: null,
        sanctionInForce: null,
        evidence: { items: [], withheldSpecialCategory: 0, specialCategoryIncluded: false },
      }),
    );
    const text = JSON.stringify(c);
    for (const third of ['The post', 'Occupational health', 'a'.repeat(64), 'Someone else said this', 'It was a joke', 'Named a colleague'])
      expect(text).not.toContain(third);
  });

  it('in every capacity: the investigation meetings they were invited to, never anyone else’s (process.md §2)', () => {
    const meeting = (id: string, staffId: string, purpose: string) => ({
      id,
      staffId,
      name: staffId,
      capacity: 'witness' as const,
      scheduledFor: '2026-11-25T10:00:00.000Z',
      place: 'Room 2',
      purpose,
      accompaniedAllowed: true,
      arrangedAt: '2026-11-20T10:00:00.000Z',
      recordedByUserId: U,
      withheld: false,
    });
    const view = caseView({ investigationMeetings: [meeting('m1', 's1', 'Your account of the post'), meeting('m2', 's-other', 'Another person’s meeting')] });
    for (const capacities of [['witness'], ['subject']] as PartyCapacity[][]) {
      const c = sarCase(capacities, HR, { view });
      expect(c.investigationMeetings).toEqual([expect.objectContaining({ id: 'm1', purpose: 'Your account of the post' })]);
      expect(JSON.stringify(c)).not.toContain('Another person’s meeting');
    }
  });

  it('a reporter gets their report, not the allegations, the outcome or the evidence', () => {
    const c = sarCase(['reporter']);
    expect(c).toEqual(
      expect.objectContaining({
        reports: [expect.objectContaining({ description: 'Public post naming a colleague' })],
        allegations: [],
        outcome: null,
        sanctionInForce: null,
      }),
    );
    expect(c.evidence.items).toEqual([]);
  });

  it('special-category evidence is withheld per the exporter: kind, dates and hash only, as in the case view', () => {
    const hr = sarCase(['subject'], HR, { includeSpecial: true });
    expect(hr.evidence).toEqual(
      expect.objectContaining({
        withheldSpecialCategory: 1,
        specialCategoryIncluded: false,
        items: [expect.anything(), expect.objectContaining({ id: 'e2', description: null, sha256: 'b'.repeat(64), withheld: true })],
      }),
    );
    expect(sarCase(['subject'], DECIDER).evidence).toEqual(expect.objectContaining({ withheldSpecialCategory: 1, specialCategoryIncluded: false }));
    const included = sarCase(['subject'], DECIDER, { includeSpecial: true });
    expect(included.evidence).toEqual(expect.objectContaining({ withheldSpecialCategory: 0, specialCategoryIncluded: true }));
    expect(included.evidence.items[1].description).toBe('Occupational health letter');
  });

  it("an exporter who is a witness of the case reads what the case view shows them: the subject's response withheld", () => {
    const witnessExporter: ReaderRights = { specialCategory: false, othersStatements: false, isReporter: false, staffIds: ['s-hr'] };
    const c = sarCase(['subject'], witnessExporter);
    expect(c.subjectResponses).toEqual([expect.objectContaining({ response: null, withheld: true })]);
    expect(c.reports[0]).toEqual(expect.objectContaining({ description: null, withheld: true }));
    expect(JSON.stringify(c)).not.toContain('It was a joke');
  });

  it('an erased case is a tombstone', () => {
    const c = assembleSarCase('s1', {
      view: caseView({
        retention: { retainUntil: null, legalHold: null, erasedAt: '2028-01-01T00:00:00.000Z' },
        appeals: [{ ...caseView().appeals[0], result: 'upheld', newSanction: null }],
      }),
      capacities: ['subject'],
      specialCategoryIncluded: false,
    });
    expect(c).toEqual({
      erased: true,
      reference: 'SMP-2026-0007',
      capacities: ['subject'],
      status: 'closed',
      dates: expect.objectContaining({ reportedAt: '2026-11-20T19:00:00.000Z', decidedAt: '2026-11-28T09:00:00.000Z' }),
      outcomeCategory: 'no_action',
      erasedAt: '2028-01-01T00:00:00.000Z',
    });
  });
});

describe('assembleSubjectAccess (§13 subject access)', () => {
  const event: SarAuditRow = {
    seq: '7',
    occurredAt: '2026-11-20T19:00:00.000Z',
    action: 'case.viewed',
    actorRole: 'hr',
    caseId: 'c1',
    entityType: 'case',
    entityId: 'c1',
    reason: null,
  };

  it('counts nothing it does not show: no further cases, no withheld events', () => {
    const result = assembleSubjectAccess({ staff: STAFF, cases: [], events: [event], includeSpecial: false, generatedAt: new Date('2026-12-20T00:00:00Z') });
    expect(Object.keys(result).sort()).toEqual(['auditEvents', 'cases', 'generatedAt', 'school', 'specialCategoryIncluded', 'staff', 'userAccount']);
    expect(result.auditEvents).toEqual([
      {
        seq: 7,
        occurredAt: '2026-11-20T19:00:00.000Z',
        action: 'case.viewed',
        actorRole: 'hr',
        caseId: 'c1',
        entityType: 'case',
        entityId: 'c1',
        reason: null,
      },
    ]);
    expect(result.auditEvents[0]).not.toHaveProperty('payload');
  });

  it('the account, when there is one, without any password hash', () => {
    const withLogin = {
      ...STAFF,
      userAccount: { id: 'u1', email: 'x@demo.school', name: 'X', roles: ['hr'], active: true, createdAt: 'c', updatedAt: 'u', passwordHash: 'scrypt$secret' },
    };
    const result = assembleSubjectAccess({ staff: withLogin, cases: [], events: [], includeSpecial: false, generatedAt: new Date() });
    expect(result.userAccount).toEqual({ id: 'u1', email: 'x@demo.school', name: 'X', roles: ['hr'], active: true, createdAt: 'c', updatedAt: 'u' });
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});

describe('ownSubjectAccessProblem: nobody runs a subject-access export of themselves', () => {
  it('refuses a staff record linked to the caller (409 own_subject_access), whichever of their records it is', () => {
    for (const staffId of ['s1', 's2']) {
      const problem = ownSubjectAccessProblem({ staffIds: ['s1', 's2'] }, staffId);
      expect({ status: problem?.status, code: problem?.code }).toEqual({ status: 409, code: 'own_subject_access' });
    }
  });

  it("allows anyone else's record, and a caller with no staff record", () => {
    expect(ownSubjectAccessProblem({ staffIds: ['s1'] }, 's3')).toBeNull();
    expect(ownSubjectAccessProblem({ staffIds: [] }, 's3')).toBeNull();
  });
});
