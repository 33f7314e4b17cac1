import type { ReaderRights } from '../access/case-access.policy';
import { redactCase } from '../cases/case-redaction';
import type { CaseResponse } from '../cases/dto/case.dto';
import { assembleCaseSummary } from './case-summary.assemble';
import type { CaseSummaryResponse } from './dto/case-summary.dto';
import { exportRights } from './special-category';

const GENERATED = new Date('2026-12-01T12:00:00.000Z');
const CONTEXT = {
  school: 'Werrington Primary School',
  specialCategoryIncluded: false,
  generatedAt: GENERATED,
  grievanceHistory: { pauses: [], heardByRole: {} },
};

/** The case view's readers (case-access.policy.ts readerRights): HR, a witness holding hr, the acting decision-maker. */
const HR: ReaderRights = { specialCategory: false, othersStatements: true, isReporter: false, staffIds: ['s-hr'] };
const WITNESS: ReaderRights = { specialCategory: false, othersStatements: false, isReporter: false, staffIds: ['s-witness'] };
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
    subjects: [{ staffId: 's-subject', name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4', relationship: null }],
    reporter: { staffId: null, name: 'A Parent', jobTitle: null, relationship: 'parent' },
    witnesses: [{ staffId: 's-witness', name: 'Taylor Assistant', jobTitle: 'Teaching Assistant', relationship: null }],
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
        staffId: 's-witness',
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

/** The summary as `rights` read it, special category included on purpose or not. */
function summaryFor(rights: ReaderRights, includeSpecial = false, view = caseView()): CaseSummaryResponse {
  return assembleCaseSummary(redactCase(view, exportRights(rights, includeSpecial)), {
    ...CONTEXT,
    specialCategoryIncluded: includeSpecial,
  }) as CaseSummaryResponse;
}

describe('assembleCaseSummary: the case view as its reader may see it, as a document (domain.md "HR exports", §13)', () => {
  it('quotes the clause of every allegation and of the report, with findings and reasoning', () => {
    const summary = summaryFor(HR);
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

  it('gives the school, subjects, dates, the outcome, the appeal and the sanction in force after it', () => {
    const summary = summaryFor(HR);
    expect(summary.dates).toEqual({
      reportedAt: '2026-11-20T19:00:00.000Z',
      triagedAt: '2026-11-21T09:00:00.000Z',
      reportSubmittedAt: '2026-11-25T09:00:00.000Z',
      decidedAt: '2026-11-28T09:00:00.000Z',
      closedAt: '2026-12-10T09:00:00.000Z',
    });
    expect(summary.subjects).toEqual([{ name: 'Sam Teacher', jobTitle: 'Class Teacher, Year 4' }]);
    expect(summary.outcome).toEqual(
      expect.objectContaining({ sanction: 'final_written_warning', rationale: 'Serious breach of §7.5', decidedByRole: 'headteacher' }),
    );
    expect(summary.outcome).not.toHaveProperty('decidedByUserId');
    expect(summary.appeal).toEqual(expect.objectContaining({ result: 'varied', grounds: 'Too harsh', decidedByRole: 'governor' }));
    expect(summary.sanctionInForce).toBe('first_written_warning');
    expect(summary.generatedAt).toBe('2026-12-01T12:00:00.000Z');
    expect(summary.school).toBe('Werrington Primary School');
  });

  it('no outcome yet: no sanction in force, no decision date', () => {
    const summary = summaryFor(HR, false, caseView({ outcome: null, appeals: [], sanctionInForce: null, status: 'awaiting_decision' }));
    expect(summary.sanctionInForce).toBeNull();
    expect(summary.appeal).toBeNull();
    expect(summary.dates.decidedAt).toBeNull();
  });

  it('special-category evidence is withheld from hr exactly as in the case view: listed with kind, dates and hash, nothing more, and counted', () => {
    const summary = summaryFor(HR);
    const caseViewItem = redactCase(caseView(), HR).evidence[1];
    expect(summary.evidence).toEqual({
      items: [
        expect.objectContaining({ id: 'e1', description: 'The post', sha256: 'a'.repeat(64), size: 2048, mediaType: 'image/png', withheld: false }),
        {
          id: 'e2',
          kind: 'document',
          description: null,
          capturedAt: '2026-11-22T10:00:00.000Z',
          sensitivity: 'special_category',
          sha256: 'b'.repeat(64),
          size: null,
          mediaType: null,
          redactsEvidenceId: null,
          withheld: true,
        },
      ],
      withheldSpecialCategory: 1,
      specialCategoryIncluded: false,
    });
    // the same fields the case view shows this reader
    for (const field of ['description', 'size', 'mediaType', 'sha256', 'kind', 'capturedAt', 'withheld'] as const)
      expect({ field, value: summary.evidence.items[1][field] }).toEqual({ field, value: caseViewItem[field] });
    expect(JSON.stringify(summary)).not.toContain('Occupational health');
  });

  it('the acting decision-maker reads it only when including it on purpose', () => {
    expect(summaryFor(DECIDER, false).evidence).toEqual(expect.objectContaining({ withheldSpecialCategory: 1, specialCategoryIncluded: false }));
    const included = summaryFor(DECIDER, true);
    expect(included.evidence.items.map((e) => [e.id, e.withheld])).toEqual([
      ['e1', false],
      ['e2', false],
    ]);
    expect(included.evidence.items[1].description).toBe('Occupational health letter');
    expect(included.evidence).toEqual(expect.objectContaining({ withheldSpecialCategory: 0, specialCategoryIncluded: true }));
  });

  it('asking to include it gives nothing more to someone who may not read it', () => {
    expect(JSON.stringify(summaryFor(HR, true))).not.toContain('Occupational health');
  });

  it("a witness (holding hr) reads it redacted like the case view: other people's statements and evidence withheld", () => {
    const summary = summaryFor(WITNESS);
    expect(summary.reports[0]).toEqual(
      expect.objectContaining({ description: null, url: null, withheld: true, category: expect.objectContaining({ code: 'disrepute' }) }),
    );
    expect(summary.subjectResponses).toEqual([{ receivedAt: '2026-11-23T09:00:00.000Z', response: null, refusedToRespond: false, withheld: true }]);
    expect(summary.investigationReport).toEqual({ summary: null, submittedAt: '2026-11-25T09:00:00.000Z', withheld: true });
    expect(summary.evidence.items.map((e) => [e.id, e.withheld, e.description])).toEqual([
      ['e1', true, null],
      ['e2', true, null],
    ]);
    const text = JSON.stringify(summary);
    for (const statement of ['Public post naming a colleague', 'It was a joke', 'The post was public.', 'The post"']) expect(text).not.toContain(statement);
  });

  it('the reporter reads their own report, not the rest', () => {
    const summary = summaryFor({ ...WITNESS, isReporter: true });
    expect(summary.reports[0]).toEqual(expect.objectContaining({ description: 'Public post naming a colleague', withheld: false }));
    expect(summary.subjectResponses[0]).toEqual(expect.objectContaining({ response: null, withheld: true }));
  });

  it('a grievance with the pauses of the process for it and who heard it; a witness reads that they exist, not why (as the case view’s open pause)', () => {
    const view = caseView({
      grievances: [
        {
          id: 'g-1',
          subjectStaffId: 's-subject',
          lodgedAt: '2026-11-25T09:00:00.000Z',
          summary: 'My witness was not heard',
          relatedToProcess: true,
          decision: { outcome: 'upheld', reasons: 'The witness is heard', decidedAt: '2026-11-27T09:00:00.000Z', decidedByUserId: U },
          recordedByUserId: U,
          createdAt: '2026-11-25T09:00:00.000Z',
          withheld: false,
        },
      ],
    });
    const grievanceHistory = {
      pauses: [{ grievanceId: 'g-1', pausedAt: '2026-11-26T09:00:00.000Z', reason: 'Wait for the grievance', resumedAt: '2026-11-28T09:00:00.000Z' }],
      heardByRole: { 'g-1': 'governor' },
    };
    const read = (rights: ReaderRights) =>
      assembleCaseSummary(redactCase(view, exportRights(rights, false)), { ...CONTEXT, grievanceHistory }) as CaseSummaryResponse;
    expect(read(HR).grievances).toEqual([
      {
        lodgedBy: 'Sam Teacher',
        lodgedAt: '2026-11-25T09:00:00.000Z',
        summary: 'My witness was not heard',
        relatedToProcess: true,
        decision: { outcome: 'upheld', reasons: 'The witness is heard', decidedAt: '2026-11-27T09:00:00.000Z', heardByRole: 'governor' },
        pauses: [{ pausedAt: '2026-11-26T09:00:00.000Z', reason: 'Wait for the grievance', resumedAt: '2026-11-28T09:00:00.000Z', withheld: false }],
        withheld: false,
      },
    ]);
    const witnessed = read(WITNESS).grievances[0];
    expect(witnessed).toEqual(
      expect.objectContaining({
        summary: null,
        withheld: true,
        pauses: [expect.objectContaining({ reason: null, resumedAt: '2026-11-28T09:00:00.000Z', withheld: true })],
      }),
    );
    expect(witnessed.decision).toEqual(expect.objectContaining({ outcome: 'upheld', reasons: null, heardByRole: 'governor' }));
  });

  it('an erased case is a tombstone: reference, dates, status, outcome category, erasedAt, nothing else', () => {
    const erased = assembleCaseSummary(caseView({ retention: { retainUntil: null, legalHold: null, erasedAt: '2028-01-01T00:00:00.000Z' } }), CONTEXT);
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
    const erased = assembleCaseSummary(
      caseView({
        retention: { retainUntil: null, legalHold: null, erasedAt: '2028-01-01T00:00:00.000Z' },
        triage: { decision: 'no_further_action', rationale: null, triagedAt: '2026-11-21T09:00:00.000Z', triagedByUserId: U },
        outcome: null,
        appeals: [],
        sanctionInForce: null,
      }),
      CONTEXT,
    );
    expect(erased).toEqual(expect.objectContaining({ outcomeCategory: 'no_further_action' }));
  });
});
