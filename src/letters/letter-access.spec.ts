import type { Actor } from '../access/actor';
import { actingRole, CaseFacts, LetterAuthor } from '../access/case-access.policy';
import type { Role } from '../access/roles';
import { LETTER_KINDS } from './kinds';

/**
 * process.md §2: a letter is made (and recorded sent) by whoever takes its step — decided in
 * the one access policy (`letters:write` with the kind's author), tested here per author.
 */
const ORG = 'org-1';
const HEAD = { userId: 'u-head', staffIds: ['s-head'] };
const GOVERNOR = { userId: 'u-gov', staffIds: ['s-gov'] };
const INVESTIGATOR = { userId: 'u-inv', staffIds: ['s-inv'] };
const HR = { userId: 'u-hr', staffIds: ['s-hr'] };

const actor = (person: { userId: string; staffIds: string[] }, roles: Role[]): Actor => ({ ...person, organisationId: ORG, email: '', name: '', roles });

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'case-1',
    organisationId: ORG,
    erased: false,
    status: 'closed',
    investigatorUserId: INVESTIGATOR.userId,
    investigatorUserIds: [INVESTIGATOR.userId],
    parties: [{ capacity: 'subject', staffId: 's-subject' }],
    headteachers: [HEAD],
    governors: [GOVERNOR],
    outcomeDecidedByUserId: HEAD.userId,
    appealDecidedByUserId: GOVERNOR.userId,
    ...overrides,
  };
}

const writes = (who: Actor, author: LetterAuthor, f = facts()) => actingRole(who, f, 'letters:write', { letterAuthor: author });

describe('who makes which letter (process.md §2; case-access.policy.ts letters:write)', () => {
  it('every kind names its author', () => {
    expect(LETTER_KINDS.map((k) => [k.kind, k.author])).toEqual([
      ['investigation_meeting_invitation', 'investigator'],
      ['allegations_notice', 'investigator'],
      ['suspension', 'decision_maker'],
      ['hearing_invitation', 'decision_maker'],
      ['outcome', 'decision_maker'],
      ['appeal_hearing_invitation', 'appeal_hearer'],
      ['appeal_outcome', 'appeal_hearer'],
    ]);
  });

  it('the notice: the assigned investigating manager only', () => {
    expect(writes(actor(INVESTIGATOR, ['investigating_manager']), 'investigator')).toBe('investigating_manager');
    expect(writes(actor(INVESTIGATOR, ['investigating_manager']), 'investigator', facts({ investigatorUserId: 'u-other' }))).toBeNull();
    expect(writes(actor(HEAD, ['headteacher']), 'investigator')).toBeNull();
  });

  it('the outcome: the acting decision-maker — the headteacher, or the governor when every headteacher is conflicted', () => {
    expect(writes(actor(HEAD, ['headteacher']), 'decision_maker')).toBe('headteacher');
    expect(writes(actor(GOVERNOR, ['governor']), 'decision_maker')).toBeNull();
    expect(writes(actor(INVESTIGATOR, ['investigating_manager']), 'decision_maker')).toBeNull();
    const headIsWitness = facts({ parties: [...facts().parties, { capacity: 'witness', staffId: 's-head' }], appealDecidedByUserId: null, status: 'decided' });
    expect(writes(actor(GOVERNOR, ['governor']), 'decision_maker', headIsWitness)).toBe('governor');
    expect(writes(actor(HEAD, ['headteacher']), 'decision_maker', headIsWitness)).toBeNull();
  });

  it('the appeal letters: the appeal panel while the appeal waits (its hearing), whoever decided it after; never the outcome’s decider', () => {
    expect(writes(actor(GOVERNOR, ['governor']), 'appeal_hearer')).toBe('governor');
    expect(writes(actor(HEAD, ['headteacher']), 'appeal_hearer')).toBeNull();
    const waiting = facts({ appealDecidedByUserId: null, status: 'appeal' });
    expect(writes(actor(GOVERNOR, ['governor']), 'appeal_hearer', waiting)).toBe('governor');
    expect(writes(actor(HEAD, ['headteacher']), 'appeal_hearer', waiting)).toBeNull();
    expect(writes(actor(GOVERNOR, ['governor']), 'appeal_hearer', facts({ appealDecidedByUserId: null, status: 'decided' }))).toBeNull();
  });

  it('the decision-maker’s letters under the separation waiver: the investigating headteacher of a small school, on their own case only (ACAS)', () => {
    const headInvestigates = facts({ investigatorUserId: HEAD.userId, investigatorUserIds: [HEAD.userId], status: 'hearing', appealDecidedByUserId: null });
    const waived = (who: Actor, f = headInvestigates) => actingRole(who, f, 'letters:write', { letterAuthor: 'decision_maker', separationWaived: true });
    expect(waived(actor(HEAD, ['headteacher', 'investigating_manager']))).toBe('headteacher');
    expect(writes(actor(HEAD, ['headteacher', 'investigating_manager']), 'decision_maker', headInvestigates)).toBeNull();
    // the waiver is no licence for anyone else
    expect(waived(actor(HR, ['hr']))).toBeNull();
    expect(
      actingRole(actor(HEAD, ['headteacher', 'investigating_manager']), headInvestigates, 'letters:write', {
        letterAuthor: 'appeal_hearer',
        separationWaived: true,
      }),
    ).toBeNull();
  });

  it('nobody without an author, and never HR or a subject', () => {
    expect(actingRole(actor(HEAD, ['headteacher']), facts(), 'letters:write')).toBeNull();
    expect(writes(actor(HR, ['hr']), 'decision_maker')).toBeNull();
    const headIsSubject = facts({ parties: [{ capacity: 'subject', staffId: 's-head' }] });
    expect(writes(actor(HEAD, ['headteacher']), 'decision_maker', headIsSubject)).toBeNull();
  });
});
