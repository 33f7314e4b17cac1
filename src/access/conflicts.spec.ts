import { CaseFacts, decisionMakerRole, involvementOf, mayHearAppeal, neverReads, Person, readsOthersStatements, takesNoDecision } from './conflicts';

const HEAD: Person = { userId: 'u-head', staffIds: ['s-head'] };
const HEAD2: Person = { userId: 'u-head2', staffIds: ['s-head2'] };
const GOVERNOR: Person = { userId: 'u-gov', staffIds: ['s-gov'] };
const INVESTIGATOR: Person = { userId: 'u-inv', staffIds: ['s-inv'] };

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'case-1',
    organisationId: 'org',
    status: 'investigation',
    erased: false,
    parties: [{ capacity: 'subject', staffId: 's-subject' }],
    investigatorUserId: INVESTIGATOR.userId,
    investigatorUserIds: [INVESTIGATOR.userId],
    outcomeDecidedByUserId: null,
    appealDecidedByUserId: null,
    headteachers: [HEAD],
    governors: [GOVERNOR],
    ...overrides,
  };
}

describe('conflicts of interest belong to the person (domain.md "Conflicts of interest"; §4, §5)', () => {
  describe('involvementOf: every way the person is involved, through any staff record or appointment', () => {
    it('a party through any of their linked staff records', () => {
      const f = facts({ parties: [{ capacity: 'witness', staffId: 's-second-record' }] });
      expect([...involvementOf({ userId: 'u-x', staffIds: ['s-first-record', 's-second-record'] }, f)]).toEqual(['witness']);
    });
    it('an external party (no staff record) involves nobody', () => {
      expect(involvementOf({ userId: 'u-x', staffIds: [] }, facts({ parties: [{ capacity: 'reporter', staffId: null }] })).size).toBe(0);
    });
    it('whoever was ever appointed to investigate stays involved after being replaced', () => {
      const replaced = facts({ investigatorUserId: 'u-new', investigatorUserIds: ['u-new', INVESTIGATOR.userId] });
      expect(involvementOf(INVESTIGATOR, replaced).has('investigator')).toBe(true);
    });
    it('whoever decided the outcome', () => {
      expect(involvementOf(HEAD, facts({ outcomeDecidedByUserId: HEAD.userId })).has('outcome_decider')).toBe(true);
    });
  });

  it('a subject never reads the case', () => {
    expect(neverReads(new Set(['subject']))).toBe(true);
    expect(neverReads(new Set(['witness', 'reporter', 'investigator']))).toBe(false);
  });

  it.each(['subject', 'reporter', 'witness', 'investigator'] as const)('a %s takes no decision on the case', (involvement) => {
    expect(takesNoDecision(new Set([involvement]))).toBe(true);
  });

  it('the small-school waiver lifts the investigator’s bar only, never a party’s', () => {
    expect(takesNoDecision(new Set(['investigator']), { separationWaived: true })).toBe(false);
    expect(takesNoDecision(new Set(['investigator', 'witness']), { separationWaived: true })).toBe(true);
  });

  it('nobody who investigated or decided the outcome hears the appeal', () => {
    expect(mayHearAppeal(new Set())).toBe(true);
    expect(mayHearAppeal(new Set(['investigator']))).toBe(false);
    expect(mayHearAppeal(new Set(['outcome_decider']))).toBe(false);
  });

  it('a reporter or witness does not read other people’s statements', () => {
    expect(readsOthersStatements(new Set())).toBe(true);
    expect(readsOthersStatements(new Set(['reporter']))).toBe(false);
    expect(readsOthersStatements(new Set(['witness']))).toBe(false);
    expect(readsOthersStatements(new Set(['investigator']))).toBe(true);
  });

  describe('decisionMakerRole: any active unconflicted headteacher; else the governors; else nobody (§2)', () => {
    it('the headteacher, unconflicted', () => {
      expect(decisionMakerRole(facts())).toBe('headteacher');
    });
    it('one unconflicted headteacher of two is enough: the governors do not take over', () => {
      const f = facts({ headteachers: [HEAD, HEAD2], parties: [{ capacity: 'witness', staffId: HEAD.staffIds[0] }] });
      expect(decisionMakerRole(f)).toBe('headteacher');
    });
    it('the governors when every active headteacher is conflicted', () => {
      expect(decisionMakerRole(facts({ parties: [{ capacity: 'reporter', staffId: HEAD.staffIds[0] }] }))).toBe('governor');
    });
    it('a headteacher who was ever appointed to investigate is conflicted', () => {
      expect(decisionMakerRole(facts({ investigatorUserId: 'u-new', investigatorUserIds: ['u-new', HEAD.userId] }))).toBe('governor');
    });
    it('nobody when every active headteacher and governor is conflicted (a case about the governor reported by the head)', () => {
      const f = facts({
        parties: [
          { capacity: 'subject', staffId: GOVERNOR.staffIds[0] },
          { capacity: 'reporter', staffId: HEAD.staffIds[0] },
        ],
      });
      expect(decisionMakerRole(f)).toBeNull();
    });
    it('nobody when the organisation has no active headteacher or governor (deactivated accounts are not in the facts)', () => {
      expect(decisionMakerRole(facts({ headteachers: [], governors: [] }))).toBeNull();
    });
  });
});
