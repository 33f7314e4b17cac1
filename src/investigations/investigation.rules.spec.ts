import { CaseFacts } from '../access/case-access.policy';
import { DomainError } from '../common/errors/domain-error';
import { assignmentConflict, requireWitnessNotInvestigator, submissionBlockers, submissionMissing } from './investigation.rules';

const facts = (parties: CaseFacts['parties'] = []): CaseFacts => ({
  id: 'c',
  organisationId: 'o',
  erased: false,
  investigatorUserId: null,
  investigatorUserIds: [],
  parties,
  headteachers: [],
  governors: [],
  status: 'investigation',
  outcomeDecidedByUserId: null,
  appealDecidedByUserId: null,
});
const ian = { userId: 'u-ian', staffIds: ['s-ian'], roles: ['investigating_manager'], active: true };

describe('assignmentConflict (§4 fair and unbiased; domain.md "Conflicts of interest")', () => {
  it('allows an active investigating manager with no part in the case', () => {
    expect(assignmentConflict(ian, facts([{ capacity: 'subject', staffId: 's-other' }]))).toBeNull();
  });
  it.each(['subject', 'reporter', 'witness'] as const)('refuses a %s of the case', (capacity) => {
    expect(assignmentConflict(ian, facts([{ capacity, staffId: 's-ian' }]))).toMatch(capacity);
  });
  it('refuses someone without the investigating_manager role', () => {
    expect(assignmentConflict({ ...ian, roles: ['hr'] }, facts())).toMatch(/investigating manager/);
  });
  it('refuses a deactivated user', () => {
    expect(assignmentConflict({ ...ian, active: false }, facts())).toMatch(/deactivated/);
  });
  it('an outside reporter (no staff id) is nobody’s conflict', () => {
    expect(assignmentConflict(ian, facts([{ capacity: 'reporter', staffId: null }]))).toBeNull();
  });
});

describe('requireWitnessNotInvestigator (checked whenever a witness is added)', () => {
  it('refuses the investigator as a witness with 409 conflict_of_interest', () => {
    expect(() => requireWitnessNotInvestigator('s-ian', ian)).toThrow(DomainError);
    try {
      requireWitnessNotInvestigator('s-ian', ian);
    } catch (error) {
      expect((error as DomainError).status).toBe(409);
      expect((error as DomainError).code).toBe('conflict_of_interest');
    }
  });
  it('allows anyone else, and any witness before an investigator is appointed', () => {
    expect(() => requireWitnessNotInvestigator('s-other', ian)).not.toThrow();
    expect(() => requireWitnessNotInvestigator('s-ian', null)).not.toThrow();
  });
});

describe('submissionBlockers (ACAS: written notice and a response before any decision)', () => {
  const complete = { allegations: [{ id: 'a', finding: 'substantiated' as const }], notifiedAllegationIds: new Set(['a']), responses: 1 };
  it('nothing blocks a complete investigation', () => {
    expect(submissionBlockers(complete)).toEqual([]);
  });
  it('needs at least one allegation', () => {
    expect(submissionBlockers({ ...complete, allegations: [] })).toEqual(expect.arrayContaining([expect.stringMatching(/no allegation/)]));
  });
  it('needs the subject notified of every allegation', () => {
    const two = { ...complete, allegations: [...complete.allegations, { id: 'b', finding: 'inconclusive' as const }] };
    expect(submissionBlockers(two)).toEqual([expect.stringMatching(/notified in writing of 1 allegation/)]);
  });
  it('needs a response or recorded refusal', () => {
    expect(submissionBlockers({ ...complete, responses: 0 })).toEqual([expect.stringMatching(/response/)]);
  });
  it('needs a finding on every allegation', () => {
    expect(submissionBlockers({ ...complete, allegations: [{ id: 'a', finding: null }] })).toEqual([
      expect.stringMatching(/1 allegation\(s\) have no finding/),
    ]);
  });
  it('names the step each blocker belongs to, in the same words', () => {
    const empty = { allegations: [], notifiedAllegationIds: new Set<string>(), responses: 0 };
    expect(submissionMissing(empty).map((m) => m.step)).toEqual(['allegations', 'response']);
    const unfinished = { allegations: [{ id: 'a', finding: null }], notifiedAllegationIds: new Set<string>(), responses: 0 };
    expect(submissionMissing(unfinished).map((m) => m.step)).toEqual(['notice', 'response', 'findings']);
    expect(submissionMissing(unfinished).map((m) => m.description)).toEqual(submissionBlockers(unfinished));
  });
});

describe('a case that becomes a safeguarding matter after findings were recorded (KCSIE Part 4)', () => {
  const state = {
    allegations: [
      { id: 'a', finding: 'not_substantiated' as const },
      { id: 'b', finding: 'substantiated' as const },
    ],
    notifiedAllegationIds: new Set(['a', 'b']),
    responses: 1,
  };
  it('restates its ordinary findings in KCSIE’s categories before the report goes', () => {
    expect(submissionMissing({ ...state, safeguarding: true })).toEqual([
      { step: 'findings', description: expect.stringMatching(/1 finding\(s\) to restate in KCSIE's categories/) },
    ]);
    expect(submissionMissing({ ...state, safeguarding: false })).toEqual([]);
    expect(
      submissionMissing({
        ...state,
        allegations: [
          { id: 'a', finding: 'unfounded' },
          { id: 'b', finding: 'substantiated' },
        ],
        safeguarding: true,
      }),
    ).toEqual([]);
  });
});
