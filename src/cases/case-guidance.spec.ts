import type { Actor } from '../access/actor';
import type { CaseFacts } from '../access/conflicts';
import type { Role } from '../access/roles';
import { caseGuidance, GuidanceInput } from './case-guidance';

const HEAD = { userId: 'u-head', staffIds: ['s-head'] };
const GOVERNOR = { userId: 'u-gov', staffIds: ['s-gov'] };
const IAN = { userId: 'u-inv', staffIds: ['s-inv'] };
const DEPUTY = { userId: 'u-dep', staffIds: ['s-dep'] };

const actor = (person: { userId: string; staffIds: string[] }, roles: Role[]): Actor => ({ ...person, organisationId: 'org', email: 'x', name: 'x', roles });

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'c',
    organisationId: 'org',
    status: 'investigation',
    erased: false,
    parties: [{ capacity: 'subject', staffId: 's-sam' }],
    investigatorUserId: IAN.userId,
    investigatorUserIds: [IAN.userId],
    outcomeDecidedByUserId: null,
    appealDecidedByUserId: null,
    headteachers: [HEAD],
    governors: [GOVERNOR],
    ...overrides,
  };
}

function input(overrides: Partial<GuidanceInput> = {}): GuidanceInput {
  return {
    status: 'investigation',
    erased: false,
    legalHold: false,
    sanction: null,
    appealDeadline: null,
    pendingMonitoringRequests: 0,
    allegations: [],
    notifiedAllegationIds: [],
    responses: 0,
    retainUntil: null,
    ...overrides,
  };
}

describe('case guidance: the API decides, the page explains', () => {
  it('the investigator sees what still blocks the report, and may not submit until nothing does', () => {
    const g = caseGuidance(actor(IAN, ['investigating_manager']), facts(), input({ allegations: [{ id: 'a1', finding: null }] }));
    expect(g.actions).toEqual(['investigate', 'request_monitoring']);
    expect(g.submission.ready).toBe(false);
    expect(g.submission.blockers.join(' ')).toMatch(/notified in writing/);
    // each blocker by the step it belongs to, in the same words
    expect(g.submission.missing).toEqual([
      { step: 'notice', description: g.submission.blockers[0] },
      { step: 'response', description: g.submission.blockers[1] },
      { step: 'findings', description: g.submission.blockers[2] },
    ]);
    expect(g.nextStep.by).toBe('investigating_manager');
    const ready = caseGuidance(
      actor(IAN, ['investigating_manager']),
      facts(),
      input({ allegations: [{ id: 'a1', finding: { finding: 'substantiated' } }], notifiedAllegationIds: ['a1'], responses: 1 }),
    );
    expect(ready.actions).toContain('submit_report');
    expect(ready.submission).toEqual({ ready: true, blockers: [], missing: [] });
  });

  it('a conflicted headteacher is told how they are involved, and that the governors decide', () => {
    const f = facts({ status: 'awaiting_decision', parties: [...facts().parties, { capacity: 'witness', staffId: HEAD.staffIds[0] }] });
    const head = caseGuidance(actor(HEAD, ['headteacher', 'hr']), f, input({ status: 'awaiting_decision' }));
    expect(head.actions).not.toContain('record_outcome');
    expect(head.involvement).toEqual(['witness']);
    expect(head.nextStep).toEqual({ description: expect.stringMatching(/the governors/), by: 'governor' });
    expect(caseGuidance(actor(GOVERNOR, ['governor']), f, input({ status: 'awaiting_decision' })).actions).toContain('record_outcome');
  });

  it('a headteacher who investigated may decide only with a separation waiver, and is told so; nobody else is', () => {
    const f = facts({ status: 'awaiting_decision', investigatorUserId: HEAD.userId, investigatorUserIds: [HEAD.userId] });
    const head = caseGuidance(actor(HEAD, ['headteacher', 'investigating_manager']), f, input({ status: 'awaiting_decision' }));
    expect(head.actions).not.toContain('record_outcome');
    expect(head.separationWaiver).toBe(true);
    const governor = caseGuidance(actor(GOVERNOR, ['governor']), f, input({ status: 'awaiting_decision' }));
    expect(governor.actions).toContain('record_outcome');
    expect(governor.separationWaiver).toBe(false);
    // an investigator without a deciding role, and the head before the report is in: no waiver to offer
    expect(
      caseGuidance(actor(IAN, ['investigating_manager']), facts({ status: 'awaiting_decision' }), input({ status: 'awaiting_decision' })).separationWaiver,
    ).toBe(false);
    expect(caseGuidance(actor(HEAD, ['headteacher', 'investigating_manager']), { ...f, status: 'investigation' }, input()).separationWaiver).toBe(false);
  });

  it('reported: the deputy triages; the head may too; nobody investigates yet', () => {
    const f = facts({ status: 'reported', investigatorUserId: null, investigatorUserIds: [] });
    expect(caseGuidance(actor(DEPUTY, ['deputy_head']), f, input({ status: 'reported' })).actions).toEqual(['triage', 'refer_safeguarding', 'consult_lado']);
    expect(caseGuidance(actor(HEAD, ['headteacher']), f, input({ status: 'reported' })).actions).toContain('triage');
    expect(caseGuidance(actor(DEPUTY, ['deputy_head']), f, input({ status: 'reported' })).nextStep.by).toBe('deputy_head');
  });

  it('a decided case closes only once the appeal window has passed', () => {
    const f = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId });
    const open = input({ status: 'decided', sanction: 'first_written_warning', appealDeadline: '2026-12-10T00:00:00.000Z' });
    const before = caseGuidance(actor(HEAD, ['headteacher']), f, open, new Date('2026-12-01T00:00:00Z'));
    expect(before.actions).not.toContain('close');
    expect(before.actions).toContain('lodge_appeal');
    const after = caseGuidance(actor(HEAD, ['headteacher']), f, open, new Date('2026-12-11T00:00:00Z'));
    expect(after.actions).toContain('close');
  });

  it('a safeguarding dismissal is not offered for closing before its DBS and TRA referral decisions (KCSIE Part 4)', () => {
    const f = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId });
    const dismissed = { status: 'decided' as const, sanction: 'summary_dismissal', appealDeadline: '2026-12-10T00:00:00.000Z', safeguarding: true };
    const later = new Date('2026-12-11T00:00:00Z');
    const waiting = caseGuidance(actor(HEAD, ['headteacher']), f, input({ ...dismissed, referralDecisionsRequired: ['dbs', 'tra'] }), later);
    expect(waiting.actions).not.toContain('close');
    expect(waiting.nextStep).toEqual({ description: expect.stringContaining('DBS and TRA referral decision'), by: 'headteacher' });
    const recorded = caseGuidance(actor(HEAD, ['headteacher']), f, input({ ...dismissed, referralDecisionsRequired: [] }), later);
    expect(recorded.actions).toContain('close');
  });

  it('the LADO is consulted by whoever may refer; the DBS / TRA decisions are the decision-maker’s, on a safeguarding case only (KCSIE Part 4)', () => {
    const f = facts({ status: 'awaiting_decision' });
    const deputy = caseGuidance(actor(DEPUTY, ['deputy_head']), f, input({ status: 'awaiting_decision' }));
    expect(deputy.actions).toEqual(expect.arrayContaining(['refer_safeguarding', 'consult_lado']));
    expect(caseGuidance(actor(IAN, ['investigating_manager']), f, input({ status: 'awaiting_decision' })).actions).not.toContain('consult_lado');
    const head = (safeguarding: boolean) => caseGuidance(actor(HEAD, ['headteacher']), f, input({ status: 'awaiting_decision', safeguarding })).actions;
    expect(head(true)).toContain('record_referral_decision');
    expect(head(false)).not.toContain('record_referral_decision');
    expect(deputy.actions).not.toContain('record_referral_decision');
    expect(
      caseGuidance(actor(HEAD, ['headteacher']), facts({ status: 'closed', erased: true }), input({ status: 'closed', erased: true, safeguarding: true }))
        .actions,
    ).not.toContain('consult_lado');
  });

  it('letters are offered to the person who takes a written step the case records (process.md §2)', () => {
    const f = facts({ status: 'awaiting_decision' });
    const notice = input({ status: 'awaiting_decision', letterAuthors: ['investigator'] });
    expect(caseGuidance(actor(IAN, ['investigating_manager']), f, notice).actions).toContain('write_letters');
    expect(caseGuidance(actor(HEAD, ['headteacher']), f, notice).actions).not.toContain('write_letters');
    expect(caseGuidance(actor(HEAD, ['headteacher']), f, input({ status: 'awaiting_decision', letterAuthors: ['decision_maker'] })).actions).toContain(
      'write_letters',
    );
    expect(caseGuidance(actor(IAN, ['investigating_manager']), f, input({ status: 'awaiting_decision', letterAuthors: [] })).actions).not.toContain(
      'write_letters',
    );
  });

  it('a precautionary suspension is the acting decision-maker’s, during the process; a review while one is active (process.md §1)', () => {
    const during = facts({ status: 'investigation' });
    const head = (f: CaseFacts, i: GuidanceInput) => caseGuidance(actor(HEAD, ['headteacher']), f, i).actions;
    expect(head(during, input())).toContain('suspend');
    expect(head(during, input())).not.toContain('review_suspension');
    expect(head(during, input({ activeSuspensions: 1 }))).toEqual(expect.arrayContaining(['suspend', 'review_suspension']));
    for (const status of ['reported', 'awaiting_decision'] as const) expect(head(facts({ status }), input({ status }))).toContain('suspend');
    // not after the outcome; the deputy and the investigator never
    const decided = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId });
    expect(head(decided, input({ status: 'decided', sanction: 'no_action' }))).not.toContain('suspend');
    expect(caseGuidance(actor(DEPUTY, ['deputy_head']), during, input({ activeSuspensions: 1 })).actions).not.toContain('suspend');
    expect(caseGuidance(actor(IAN, ['investigating_manager']), during, input({ activeSuspensions: 1 })).actions).not.toContain('review_suspension');
    // a conflicted headteacher: the governors suspend
    const conflicted = facts({ parties: [...facts().parties, { capacity: 'witness', staffId: HEAD.staffIds[0] }] });
    expect(head(conflicted, input())).not.toContain('suspend');
    expect(caseGuidance(actor(GOVERNOR, ['governor']), conflicted, input({ activeSuspensions: 1 })).actions).toEqual(
      expect.arrayContaining(['suspend', 'review_suspension']),
    );
  });

  describe('hearings (process.md §1; ACAS Code)', () => {
    const head = actor(HEAD, ['headteacher']);
    const governor = actor(GOVERNOR, ['governor']);
    const awaiting = facts({ status: 'awaiting_decision', investigatorUserId: null });

    it('awaiting decision: the head may record no action, or invite to a hearing; no sanction yet', () => {
      const g = caseGuidance(head, awaiting, input({ status: 'awaiting_decision' }));
      expect(g.actions).toEqual(expect.arrayContaining(['arrange_hearing', 'record_outcome']));
      expect(g.actions).not.toContain('record_hearing');
      expect(g.outcomeSanctions).toEqual(['no_action']);
      expect(g.nextStep.description).toMatch(/disciplinary hearing before any sanction/);
    });

    it('a hearing not held: its chair records it; every sanction only after it is held, and only for its chair', () => {
      const invited = facts({ status: 'hearing', investigatorUserId: null });
      const pending = caseGuidance(head, invited, input({ status: 'hearing', hearing: { chairUserId: HEAD.userId, held: false } }));
      expect(pending.actions).toEqual(expect.arrayContaining(['arrange_hearing', 'record_hearing', 'record_outcome']));
      expect(pending.outcomeSanctions).toEqual(['no_action']);
      expect(pending.nextStep.description).toMatch(/Hold the disciplinary hearing/);
      const held = caseGuidance(head, invited, input({ status: 'hearing', hearing: { chairUserId: HEAD.userId, held: true } }));
      expect(held.actions).not.toContain('record_hearing');
      expect(held.actions).not.toContain('arrange_hearing');
      expect(held.outcomeSanctions).toContain('summary_dismissal');
      const other = caseGuidance(
        actor({ userId: 'u-head2', staffIds: [] }, ['headteacher']),
        invited,
        input({ status: 'hearing', hearing: { chairUserId: HEAD.userId, held: true } }),
      );
      expect(other.outcomeSanctions).toEqual([]);
      expect(other.actions).not.toContain('record_outcome');
    });

    it('an appeal: invite to its hearing, record it as its chair, and only then decide', () => {
      const appeal = facts({ status: 'appeal', investigatorUserId: null, outcomeDecidedByUserId: HEAD.userId });
      const none = caseGuidance(governor, appeal, input({ status: 'appeal', sanction: 'first_written_warning' }));
      expect(none.actions).toContain('arrange_appeal_hearing');
      expect(none.actions).not.toContain('decide_appeal');
      expect(none.nextStep.description).toMatch(/Invite the subject to the appeal hearing/);
      const pending = caseGuidance(governor, appeal, input({ status: 'appeal', appealHearing: { chairUserId: GOVERNOR.userId, held: false } }));
      expect(pending.actions).toEqual(expect.arrayContaining(['arrange_appeal_hearing', 'record_appeal_hearing']));
      expect(pending.actions).not.toContain('decide_appeal');
      const held = caseGuidance(governor, appeal, input({ status: 'appeal', appealHearing: { chairUserId: GOVERNOR.userId, held: true } }));
      expect(held.actions).toContain('decide_appeal');
      expect(held.actions).not.toContain('record_appeal_hearing');
      // the headteacher decided the outcome: never the appeal hearer
      expect(caseGuidance(head, appeal, input({ status: 'appeal' })).actions).not.toContain('arrange_appeal_hearing');
    });
  });

  it('nobody may decide: the next step says what is missing, and nobody is named', () => {
    const f = facts({
      status: 'reported',
      parties: [
        { capacity: 'subject', staffId: GOVERNOR.staffIds[0] },
        { capacity: 'reporter', staffId: HEAD.staffIds[0] },
      ],
    });
    expect(caseGuidance(actor(DEPUTY, ['deputy_head']), f, input({ status: 'reported' })).nextStep).toEqual({
      description: expect.stringMatching(/governor role/),
      by: null,
    });
  });

  it('an erased case offers nothing but reading', () => {
    const f = facts({ status: 'closed', erased: true });
    const g = caseGuidance(actor(HEAD, ['headteacher']), f, input({ status: 'closed', erased: true }));
    expect(g.actions).toEqual(['read_summary', 'read_audit']);
    expect(g.nextStep.by).toBeNull();
  });

  describe('grievances and pausing the process (§6, process.md §4)', () => {
    const HR = { userId: 'u-hr', staffIds: ['s-hr'] };
    const waiting = { undecided: true, deciderUserIds: [], paused: null };

    it('hr records a grievance while the case is open; not on a closed case', () => {
      expect(caseGuidance(actor(HR, ['hr']), facts(), input()).actions).toContain('lodge_grievance');
      expect(caseGuidance(actor(HR, ['hr']), facts({ status: 'closed' }), input({ status: 'closed' })).actions).not.toContain('lodge_grievance');
      expect(caseGuidance(actor(HEAD, ['headteacher']), facts(), input()).actions).not.toContain('lodge_grievance');
    });

    it('someone uninvolved decides a waiting grievance: not the outcome’s decider', () => {
      const decided = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId, grievances: waiting });
      expect(caseGuidance(actor(GOVERNOR, ['governor']), decided, input({ status: 'decided' })).actions).toContain('decide_grievance');
      expect(caseGuidance(actor(HEAD, ['headteacher']), decided, input({ status: 'decided' })).actions).not.toContain('decide_grievance');
      expect(caseGuidance(actor(GOVERNOR, ['governor']), facts(), input()).actions).not.toContain('decide_grievance');
    });

    it('the decision-maker pauses for a related undecided grievance, and resumes once it is decided', () => {
      const f = facts({ status: 'awaiting_decision', grievances: waiting });
      const head = (g: CaseFacts, i: Partial<GuidanceInput>) =>
        caseGuidance(actor(HEAD, ['headteacher']), g, input({ status: 'awaiting_decision', ...i })).actions;
      expect(head(f, { pausableGrievances: 1 })).toContain('pause_process');
      expect(head(f, { pausableGrievances: 0 })).not.toContain('pause_process');
      const paused = facts({ status: 'awaiting_decision', grievances: { ...waiting, paused: { grievanceDecided: false } } });
      expect(head(paused, { pausableGrievances: 1 })).not.toContain('pause_process');
      expect(head(paused, {})).not.toContain('resume_process');
      const heard = facts({
        status: 'awaiting_decision',
        grievances: { undecided: false, deciderUserIds: [GOVERNOR.userId], paused: { grievanceDecided: true } },
      });
      expect(head(heard, {})).toContain('resume_process');
    });

    it('a paused case’s next step is the grievance’s decision, by whoever may hear it; then the resumption', () => {
      const paused = { ...waiting, paused: { grievanceDecided: false } };
      const before = caseGuidance(actor(HR, ['hr']), facts({ status: 'awaiting_decision', grievances: paused }), input({ status: 'awaiting_decision' }));
      expect(before.nextStep).toEqual({ description: expect.stringContaining('paused pending the grievance'), by: 'headteacher' });
      const headDecided = facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId, grievances: paused });
      expect(caseGuidance(actor(HR, ['hr']), headDecided, input({ status: 'decided' })).nextStep.by).toBe('governor');
      const heard = facts({ status: 'awaiting_decision', grievances: { ...waiting, paused: { grievanceDecided: true } } });
      expect(caseGuidance(actor(HR, ['hr']), heard, input({ status: 'awaiting_decision' })).nextStep).toEqual({
        description: expect.stringContaining('resume the disciplinary process'),
        by: 'headteacher',
      });
    });
  });
});
