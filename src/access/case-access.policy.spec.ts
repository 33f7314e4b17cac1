import { Actor } from './actor';
import { actingRole, alreadyDecidedFor, canSeeCase, CaseFacts, decisionMakerRole, readerRights, roleSeesCase } from './case-access.policy';
import { involvementOf } from './conflicts';
import { Role, ROLES } from './roles';
import type { PartyCapacity } from '../cases/entities/case-party.entity';

const ORG = 'org-werrington';
const OTHER_ORG = 'org-northfield';

// Users and their staff-directory entries.
const HEAD = { userId: 'u-head', staffIds: ['s-head'] };
const HEAD2 = { userId: 'u-head2', staffIds: ['s-head2'] };
const GOVERNOR = { userId: 'u-gov', staffIds: ['s-gov'] };
const INVESTIGATOR = { userId: 'u-inv', staffIds: ['s-inv'] };
const OTHER_INVESTIGATOR = { userId: 'u-inv2', staffIds: ['s-inv2'] };
const DEPUTY = { userId: 'u-deputy', staffIds: ['s-deputy'] };
const HR = { userId: 'u-hr', staffIds: ['s-hr'] };
const ADMIN = { userId: 'u-admin', staffIds: ['s-admin'] };
const SUBJECT_STAFF = 's-subject';

function actor(person: { userId: string; staffIds: string[] }, roles: Role[], organisationId = ORG): Actor {
  return { ...person, organisationId, email: `${person.userId}@demo.school`, name: person.userId, roles };
}

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  const investigatorUserId = 'investigatorUserId' in overrides ? overrides.investigatorUserId! : INVESTIGATOR.userId;
  return {
    id: 'case-1',
    organisationId: ORG,
    erased: false,
    investigatorUserId,
    investigatorUserIds: investigatorUserId ? [investigatorUserId] : [],
    parties: [
      { capacity: 'subject', staffId: SUBJECT_STAFF },
      { capacity: 'reporter', staffId: DEPUTY.staffIds[0] },
    ],
    headteachers: [HEAD],
    governors: [GOVERNOR],
    status: 'investigation',
    outcomeDecidedByUserId: null,
    appealDecidedByUserId: null,
    ...overrides,
  };
}

/** The default case with `staffId` added as a party in `capacity`. */
function withParty(capacity: PartyCapacity, staffId: string, base: Partial<CaseFacts> = {}): CaseFacts {
  const f = facts(base);
  return { ...f, parties: [...f.parties, { capacity, staffId }] };
}

/** The headteacher conflicted as a witness: the governors act in their place (§2). */
const headConflicted = () => withParty('witness', HEAD.staffIds[0]);

describe('case access policy (domain.md "People and roles", "Conflicts of interest"; §4 fair and unbiased, §5)', () => {
  describe('canSeeCase per role', () => {
    describe('admin never reads casework', () => {
      it('not an uninvolved case', () => {
        expect(canSeeCase(actor(ADMIN, ['admin']), facts())).toBe(false);
      });
      it('not even as a witness, or on a case waiting for its appeal', () => {
        expect(canSeeCase(actor(ADMIN, ['admin']), withParty('witness', ADMIN.staffIds[0]))).toBe(false);
        expect(canSeeCase(actor(ADMIN, ['admin']), facts({ status: 'appeal', outcomeDecidedByUserId: HEAD.userId }))).toBe(false);
        expect(roleSeesCase('admin', actor(ADMIN, ['admin']), facts())).toBe(false);
      });
    });

    describe.each([
      ['deputy_head', DEPUTY],
      ['hr', HR],
    ] as const)('%s always sees the cases of the organisation unless a subject', (role, person) => {
      it('sees an uninvolved case', () => {
        expect(canSeeCase(actor(person, [role]), facts({ parties: [{ capacity: 'subject', staffId: SUBJECT_STAFF }] }))).toBe(true);
      });
      it.each(['reporter', 'witness'] as const)('sees a case where they are the %s', (capacity) => {
        expect(canSeeCase(actor(person, [role]), withParty(capacity, person.staffIds[0]))).toBe(true);
      });
      it('sees a case whatever its investigator', () => {
        expect(canSeeCase(actor(person, [role]), facts({ investigatorUserId: null }))).toBe(true);
      });
      it('never a case where they are a subject', () => {
        expect(canSeeCase(actor(person, [role]), withParty('subject', person.staffIds[0]))).toBe(false);
      });
    });

    describe('headteacher sees every case unless conflicted', () => {
      it('sees an uninvolved case', () => {
        expect(canSeeCase(actor(HEAD, ['headteacher']), facts())).toBe(true);
      });
      it.each(['subject', 'reporter', 'witness'] as const)('not when the %s', (capacity) => {
        expect(canSeeCase(actor(HEAD, ['headteacher']), withParty(capacity, HEAD.staffIds[0]))).toBe(false);
      });
      it('not when the investigating manager', () => {
        expect(canSeeCase(actor(HEAD, ['headteacher']), facts({ investigatorUserId: HEAD.userId }))).toBe(false);
      });
      it('a conflict through any of their staff-directory entries counts', () => {
        const head = actor({ userId: HEAD.userId, staffIds: ['s-other', HEAD.staffIds[0]] }, ['headteacher']);
        expect(canSeeCase(head, withParty('witness', HEAD.staffIds[0]))).toBe(false);
      });
      it('an external reporter (no staff entry) conflicts nobody', () => {
        const f = facts({
          parties: [
            { capacity: 'subject', staffId: SUBJECT_STAFF },
            { capacity: 'reporter', staffId: null },
          ],
        });
        expect(canSeeCase(actor({ userId: HEAD.userId, staffIds: [] }, ['headteacher']), f)).toBe(true);
      });
    });

    describe('investigating_manager sees only the cases assigned to them', () => {
      it('sees the case assigned to them', () => {
        expect(canSeeCase(actor(INVESTIGATOR, ['investigating_manager']), facts())).toBe(true);
      });
      it('not a case assigned to another investigator', () => {
        expect(canSeeCase(actor(OTHER_INVESTIGATOR, ['investigating_manager']), facts())).toBe(false);
      });
      it('not an unassigned case', () => {
        expect(canSeeCase(actor(INVESTIGATOR, ['investigating_manager']), facts({ investigatorUserId: null }))).toBe(false);
      });
      it('not an unassigned case even as its reporter', () => {
        expect(canSeeCase(actor(OTHER_INVESTIGATOR, ['investigating_manager']), withParty('reporter', OTHER_INVESTIGATOR.staffIds[0]))).toBe(false);
      });
    });

    describe('§2 governor sees a case only in place of a conflicted headteacher, or on its appeal panel', () => {
      it('not when no headteacher is conflicted', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), facts())).toBe(false);
      });
      it.each(['subject', 'reporter', 'witness'] as const)('sees it when the headteacher is the %s', (capacity) => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), withParty(capacity, HEAD.staffIds[0]))).toBe(true);
      });
      it('sees it when the headteacher is the investigating manager', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), facts({ investigatorUserId: HEAD.userId }))).toBe(true);
      });
      it('not when the governor is conflicted too', () => {
        const f = withParty('witness', GOVERNOR.staffIds[0], { ...headConflicted() });
        expect(canSeeCase(actor(GOVERNOR, ['governor']), f)).toBe(false);
      });
      it('not when the governor is the investigating manager', () => {
        const f = { ...headConflicted(), investigatorUserId: GOVERNOR.userId };
        expect(canSeeCase(actor(GOVERNOR, ['governor']), f)).toBe(false);
      });
      it('sees a case waiting for its appeal hearing (§12), even with the headteacher unconflicted', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), facts({ status: 'appeal', outcomeDecidedByUserId: HEAD.userId }))).toBe(true);
      });
      it('not a decided case before any appeal, with the headteacher unconflicted', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId }))).toBe(false);
      });
      it('not an appeal against an outcome the governor decided', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), facts({ status: 'appeal', outcomeDecidedByUserId: GOVERNOR.userId }))).toBe(false);
      });
      it('still sees a closed case whose appeal they decided; another governor does not', () => {
        const closed = facts({ status: 'closed', outcomeDecidedByUserId: HEAD.userId, appealDecidedByUserId: GOVERNOR.userId });
        expect(canSeeCase(actor(GOVERNOR, ['governor']), closed)).toBe(true);
        expect(canSeeCase(actor({ userId: 'u-gov2', staffIds: ['s-gov2'] }, ['governor']), closed)).toBe(false);
      });
    });

    describe('another organisation: never, whatever the role', () => {
      it.each(ROLES)('%s of another organisation', (role) => {
        const outsider = actor({ userId: INVESTIGATOR.userId, staffIds: [] }, [role], OTHER_ORG);
        expect(canSeeCase(outsider, facts({ status: 'appeal', appealDecidedByUserId: INVESTIGATOR.userId }))).toBe(false);
      });
      it('a user holding every role in another organisation', () => {
        expect(canSeeCase(actor(HR, [...ROLES], OTHER_ORG), facts())).toBe(false);
      });
    });

    describe('a subject never sees their own case, whatever roles they hold', () => {
      const subjectCase = () => withParty('subject', DEPUTY.staffIds[0]);
      it.each<[string, Role[]]>([
        ['deputy_head', ['deputy_head']],
        ['hr', ['hr']],
        ['headteacher', ['headteacher']],
        ['deputy_head + headteacher', ['deputy_head', 'headteacher']],
        ['every role', [...ROLES]],
      ])('as %s', (_label, roles) => {
        expect(canSeeCase(actor(DEPUTY, roles), subjectCase())).toBe(false);
      });
      it('not even as the assigned investigator or the appeal decider', () => {
        const f = { ...subjectCase(), investigatorUserId: DEPUTY.userId, status: 'closed' as const, appealDecidedByUserId: DEPUTY.userId };
        expect(canSeeCase(actor(DEPUTY, ['investigating_manager', 'governor']), f)).toBe(false);
      });
    });

    describe('several roles: visible when any role sees it', () => {
      it('an unassigned investigator who is also hr sees it through hr', () => {
        expect(canSeeCase(actor(OTHER_INVESTIGATOR, ['investigating_manager', 'hr']), facts())).toBe(true);
      });
      it('a conflicted headteacher who is also deputy_head sees it through deputy_head', () => {
        expect(canSeeCase(actor(HEAD, ['headteacher', 'deputy_head']), headConflicted())).toBe(true);
      });
      it('a conflicted headteacher who is also a governor does not see it', () => {
        expect(canSeeCase(actor(HEAD, ['headteacher', 'governor']), headConflicted())).toBe(false);
      });
    });
  });

  describe('conflicts: one function of the person (conflicts.ts, tested in conflicts.spec.ts)', () => {
    it('a subject, through any role', () => {
      expect(involvementOf({ userId: 'u-x', staffIds: [SUBJECT_STAFF] }, facts()).has('subject')).toBe(true);
      expect(involvementOf(DEPUTY, facts()).has('subject')).toBe(false); // the reporter
    });
    it('the assigned investigator, and nobody on an unassigned case', () => {
      expect(involvementOf(INVESTIGATOR, facts()).has('investigator')).toBe(true);
      expect(involvementOf(OTHER_INVESTIGATOR, facts()).has('investigator')).toBe(false);
      expect(involvementOf(INVESTIGATOR, facts({ investigatorUserId: null })).size).toBe(0);
    });
  });

  describe('decisionMakerRole (§2: governors act when every active headteacher is conflicted)', () => {
    it('headteacher when no headteacher is conflicted', () => {
      expect(decisionMakerRole(facts())).toBe('headteacher');
    });

    it.each(['subject', 'reporter', 'witness'] as const)('governor when the headteacher is the %s', (capacity) => {
      expect(decisionMakerRole(withParty(capacity, HEAD.staffIds[0]))).toBe('governor');
    });

    it('governor when the headteacher is the investigating manager (decision-maker ≠ investigator)', () => {
      expect(decisionMakerRole(facts({ investigatorUserId: HEAD.userId }))).toBe('governor');
    });

    it('governor when a headteacher was investigating manager and was replaced', () => {
      expect(decisionMakerRole(facts({ investigatorUserIds: [HEAD.userId, INVESTIGATOR.userId] }))).toBe('governor');
    });

    it('headteacher when one of several headteachers is conflicted and another is free', () => {
      const f = withParty('witness', HEAD2.staffIds[0], { headteachers: [HEAD, HEAD2] });
      expect(decisionMakerRole(f)).toBe('headteacher');
    });

    it('headteacher when none of several headteachers is conflicted', () => {
      expect(decisionMakerRole(facts({ headteachers: [HEAD, HEAD2] }))).toBe('headteacher');
    });

    it('governor when the organisation has no active headteacher (a deactivated one is not in the facts)', () => {
      expect(decisionMakerRole(facts({ headteachers: [] }))).toBe('governor');
    });

    it('nobody when every headteacher and governor is conflicted', () => {
      expect(decisionMakerRole(withParty('subject', GOVERNOR.staffIds[0], headConflicted()))).toBeNull();
    });
  });

  describe('actingRole', () => {
    describe.each(['cases:assign', 'monitoring:decide', 'outcome:decide', 'cases:close'] as const)(
      '%s: the unconflicted headteacher, else a governor (§4, §9, §12)',
      (permission) => {
        it('the headteacher acts as headteacher on a case where they are not conflicted', () => {
          expect(actingRole(actor(HEAD, ['headteacher']), facts(), permission)).toBe('headteacher');
        });
        it('a governor cannot act while the headteacher is not conflicted', () => {
          expect(actingRole(actor(GOVERNOR, ['governor']), facts(), permission)).toBeNull();
        });
        it('a conflicted headteacher cannot act', () => {
          expect(actingRole(actor(HEAD, ['headteacher']), headConflicted(), permission)).toBeNull();
        });
        it('a governor acts in place of a conflicted headteacher', () => {
          expect(actingRole(actor(GOVERNOR, ['governor']), headConflicted(), permission)).toBe('governor');
        });
        it('a conflicted governor cannot act in place of a conflicted headteacher', () => {
          const f = withParty('reporter', GOVERNOR.staffIds[0], headConflicted());
          expect(actingRole(actor(GOVERNOR, ['governor']), f, permission)).toBeNull();
        });
        it('an unconflicted second headteacher acts when another headteacher is conflicted; the governors do not', () => {
          const f = withParty('witness', HEAD.staffIds[0], { headteachers: [HEAD, HEAD2] });
          expect(actingRole(actor(HEAD2, ['headteacher']), f, permission)).toBe('headteacher');
          expect(actingRole(actor(GOVERNOR, ['governor']), f, permission)).toBeNull();
        });
        it('nobody when every headteacher and governor is conflicted', () => {
          const f = withParty('subject', GOVERNOR.staffIds[0], headConflicted());
          expect(actingRole(actor(HEAD, ['headteacher']), f, permission)).toBeNull();
          expect(actingRole(actor(GOVERNOR, ['governor']), f, permission)).toBeNull();
        });
        it.each(['admin', 'deputy_head', 'investigating_manager', 'hr'] as const)('%s never', (role) => {
          const person = role === 'investigating_manager' ? INVESTIGATOR : HR;
          expect(actingRole(actor(person, [role]), facts(), permission)).toBeNull();
          expect(actingRole(actor(person, [role]), headConflicted(), permission)).toBeNull();
        });
      },
    );

    describe('outcome:decide: the decision-maker is never the investigator (ACAS, §4 "fair and unbiased")', () => {
      it('a headteacher who investigated cannot decide; a governor does', () => {
        const f = facts({ investigatorUserId: HEAD.userId });
        expect(actingRole(actor(HEAD, ['headteacher']), f, 'outcome:decide')).toBeNull();
        expect(actingRole(actor(GOVERNOR, ['governor']), f, 'outcome:decide')).toBe('governor');
      });
      it('monitoring:decide: approver ≠ requester (the investigator) (§9)', () => {
        const f = facts({ investigatorUserId: HEAD.userId });
        expect(actingRole(actor(HEAD, ['headteacher', 'investigating_manager']), f, 'monitoring:decide')).toBeNull();
      });
    });

    describe('investigation:write and monitoring:request: only the assigned investigator (§4, §9)', () => {
      it.each(['investigation:write', 'monitoring:request'] as const)('%s: the assigned investigator', (permission) => {
        expect(actingRole(actor(INVESTIGATOR, ['investigating_manager']), facts(), permission)).toBe('investigating_manager');
      });
      it.each(['investigation:write', 'monitoring:request'] as const)('%s: not another investigator', (permission) => {
        expect(actingRole(actor(OTHER_INVESTIGATOR, ['investigating_manager']), facts(), permission)).toBeNull();
      });
      it.each(['investigation:write', 'monitoring:request'] as const)('%s: nobody on an unassigned case', (permission) => {
        expect(actingRole(actor(INVESTIGATOR, ['investigating_manager']), facts({ investigatorUserId: null }), permission)).toBeNull();
      });
      it.each<Role>(['headteacher', 'deputy_head', 'hr', 'governor', 'admin'])('investigation:write: not the %s', (role) => {
        expect(actingRole(actor(HEAD, [role]), headConflicted(), 'investigation:write')).toBeNull();
        expect(actingRole(actor(HEAD, [role]), facts(), 'investigation:write')).toBeNull();
      });
      it('an unassigned investigator who is also hr still cannot write (hr sees, but does not write)', () => {
        expect(actingRole(actor(OTHER_INVESTIGATOR, ['investigating_manager', 'hr']), facts(), 'investigation:write')).toBeNull();
      });
    });

    describe('monitoring:disclose (§9: disclosure to a third party for advice)', () => {
      it('the assigned investigator, as investigating_manager', () => {
        expect(actingRole(actor(INVESTIGATOR, ['investigating_manager']), facts(), 'monitoring:disclose')).toBe('investigating_manager');
      });
      it('not an unassigned investigator', () => {
        expect(actingRole(actor(OTHER_INVESTIGATOR, ['investigating_manager']), facts(), 'monitoring:disclose')).toBeNull();
      });
      it('the acting headteacher, but not a conflicted one', () => {
        expect(actingRole(actor(HEAD, ['headteacher']), facts(), 'monitoring:disclose')).toBe('headteacher');
        expect(actingRole(actor(HEAD, ['headteacher']), headConflicted(), 'monitoring:disclose')).toBeNull();
      });
    });

    describe('appeals:decide (§12)', () => {
      const appeal = (overrides: Partial<CaseFacts> = {}) => facts({ status: 'appeal', outcomeDecidedByUserId: 'u-head2', ...overrides });
      it('a governor, on a case waiting for its appeal', () => {
        expect(actingRole(actor(GOVERNOR, ['governor']), appeal(), 'appeals:decide')).toBe('governor');
      });
      it('a headteacher not previously involved', () => {
        expect(actingRole(actor(HEAD, ['headteacher']), appeal(), 'appeals:decide')).toBe('headteacher');
      });
      it('not the headteacher who decided the outcome', () => {
        expect(actingRole(actor(HEAD, ['headteacher']), appeal({ outcomeDecidedByUserId: HEAD.userId }), 'appeals:decide')).toBeNull();
      });
      it('not a headteacher who investigated the case', () => {
        expect(actingRole(actor(HEAD, ['headteacher']), appeal({ investigatorUserId: HEAD.userId }), 'appeals:decide')).toBeNull();
      });
      it('not a governor who decided the outcome for a conflicted headteacher', () => {
        expect(actingRole(actor(GOVERNOR, ['governor']), appeal({ outcomeDecidedByUserId: GOVERNOR.userId }), 'appeals:decide')).toBeNull();
      });
      it('not a governor before any appeal is lodged', () => {
        expect(actingRole(actor(GOVERNOR, ['governor']), facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId }), 'appeals:decide')).toBeNull();
      });
      it('not a governor who is a witness of the case (§5 fair and unbiased)', () => {
        const witness = appeal({ parties: [{ capacity: 'witness', staffId: GOVERNOR.staffIds[0] }] });
        expect(actingRole(actor(GOVERNOR, ['governor']), witness, 'appeals:decide')).toBeNull();
      });
    });

    describe('grievances:decide (§6, process.md §4: heard by someone uninvolved, the appeal test)', () => {
      const waiting = { undecided: true, deciderUserIds: [] as string[], paused: null };
      const decided = (overrides: Partial<CaseFacts> = {}) =>
        facts({ status: 'decided', outcomeDecidedByUserId: HEAD.userId, grievances: waiting, ...overrides });
      it('a governor sees a case while a grievance waits, and may decide it', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), decided())).toBe(true);
        expect(actingRole(actor(GOVERNOR, ['governor']), decided(), 'grievances:decide')).toBe('governor');
        expect(canSeeCase(actor(GOVERNOR, ['governor']), decided({ grievances: { ...waiting, undecided: false } }))).toBe(false);
      });
      it('keeps seeing the case whose grievance they decided', () => {
        expect(canSeeCase(actor(GOVERNOR, ['governor']), decided({ grievances: { undecided: false, deciderUserIds: [GOVERNOR.userId], paused: null } }))).toBe(
          true,
        );
      });
      it('a headteacher not previously involved, but not the one who decided the outcome, nor one who investigated', () => {
        expect(actingRole(actor(HEAD, ['headteacher']), decided({ outcomeDecidedByUserId: 'u-head2' }), 'grievances:decide')).toBe('headteacher');
        expect(actingRole(actor(HEAD, ['headteacher']), decided(), 'grievances:decide')).toBeNull();
        expect(actingRole(actor(HEAD, ['headteacher']), facts({ investigatorUserId: HEAD.userId, grievances: waiting }), 'grievances:decide')).toBeNull();
      });
      it('not a governor who is a party, nor one who decided the outcome', () => {
        const witness = decided({
          parties: [
            { capacity: 'subject', staffId: SUBJECT_STAFF },
            { capacity: 'witness', staffId: GOVERNOR.staffIds[0] },
          ],
        });
        expect(canSeeCase(actor(GOVERNOR, ['governor']), witness)).toBe(false);
        expect(canSeeCase(actor(GOVERNOR, ['governor']), decided({ outcomeDecidedByUserId: GOVERNOR.userId, headteachers: [] }))).toBe(true);
        expect(
          actingRole(actor(GOVERNOR, ['governor']), decided({ outcomeDecidedByUserId: GOVERNOR.userId, headteachers: [] }), 'grievances:decide'),
        ).toBeNull();
      });
      it('hr records it (grievances:lodge), and does not decide it', () => {
        expect(actingRole(actor(HR, ['hr']), decided(), 'grievances:lodge')).toBe('hr');
        expect(actingRole(actor(HR, ['hr']), decided(), 'grievances:decide')).toBeNull();
      });
    });

    describe('read permissions follow visibility', () => {
      it('cases:read: the first role, in the actor’s order, that sees the case', () => {
        expect(actingRole(actor(HEAD, ['hr', 'headteacher']), facts(), 'cases:read')).toBe('hr');
        expect(actingRole(actor(HEAD, ['headteacher', 'hr']), facts(), 'cases:read')).toBe('headteacher');
      });
      it('cases:read: skips a role that grants it but does not see the case', () => {
        expect(actingRole(actor(OTHER_INVESTIGATOR, ['investigating_manager', 'hr']), facts(), 'cases:read')).toBe('hr');
      });
      it('summaries:read: hr, not the investigator', () => {
        expect(actingRole(actor(HR, ['hr']), facts(), 'summaries:read')).toBe('hr');
        expect(actingRole(actor(INVESTIGATOR, ['investigating_manager']), facts(), 'summaries:read')).toBeNull();
      });
      it('a role that grants the permission but cannot see the case does not act: unassigned investigator, cases:read', () => {
        expect(actingRole(actor(OTHER_INVESTIGATOR, ['investigating_manager']), facts(), 'cases:read')).toBeNull();
      });
    });

    describe('several roles', () => {
      it('headteacher + investigating_manager assigned to the case: writes the investigation, decides nothing', () => {
        const me = actor(HEAD, ['headteacher', 'investigating_manager']);
        const f = facts({ investigatorUserId: HEAD.userId });
        expect(actingRole(me, f, 'investigation:write')).toBe('investigating_manager');
        expect(actingRole(me, f, 'outcome:decide')).toBeNull();
        expect(actingRole(me, f, 'cases:assign')).toBeNull();
      });
      it('headteacher + governor when another headteacher is conflicted: acts as headteacher (one free headteacher decides)', () => {
        const f = withParty('witness', HEAD.staffIds[0], { headteachers: [HEAD, HEAD2] });
        expect(actingRole(actor(HEAD2, ['governor', 'headteacher']), f, 'outcome:decide')).toBe('headteacher');
      });
      it('governor + headteacher, nobody conflicted: acts as headteacher whatever the order of roles', () => {
        expect(actingRole(actor(HEAD, ['governor', 'headteacher']), facts(), 'outcome:decide')).toBe('headteacher');
      });
      it('a conflicted headteacher who is also a governor cannot act as governor either', () => {
        expect(actingRole(actor(HEAD, ['headteacher', 'governor']), headConflicted(), 'outcome:decide')).toBeNull();
      });
      it('deputy_head + hr triages as deputy_head', () => {
        const external = facts({
          parties: [
            { capacity: 'subject', staffId: SUBJECT_STAFF },
            { capacity: 'reporter', staffId: null },
          ],
        });
        expect(actingRole(actor(DEPUTY, ['hr', 'deputy_head']), external, 'cases:triage')).toBe('deputy_head');
      });
    });
  });

  describe('issue 9: the rules a hostile review found broken', () => {
    it('nobody who ever investigated a case decides its outcome or hears its appeal, replaced or not', () => {
      const replaced = facts({ investigatorUserId: OTHER_INVESTIGATOR.userId, investigatorUserIds: [HEAD.userId, OTHER_INVESTIGATOR.userId] });
      expect(actingRole(actor(HEAD, ['headteacher']), replaced, 'outcome:decide')).toBeNull();
      const appeal = { ...replaced, status: 'appeal' as const, outcomeDecidedByUserId: 'u-head2' };
      expect(actingRole(actor(HEAD, ['headteacher', 'governor']), appeal, 'appeals:decide')).toBeNull();
      expect(actingRole(actor(GOVERNOR, ['governor']), appeal, 'appeals:decide')).toBe('governor');
    });

    it.each<[string, Role[]]>([
      ['deputy_head', ['headteacher', 'deputy_head']],
      ['hr', ['headteacher', 'hr']],
    ])('a headteacher who is the reporter or a witness takes no decision, even holding %s too', (_label, roles) => {
      for (const capacity of ['reporter', 'witness'] as const) {
        const f = withParty(capacity, HEAD.staffIds[0], { status: 'reported', investigatorUserId: null });
        const head = actor(HEAD, roles);
        expect(canSeeCase(head, f)).toBe(true); // through deputy_head or hr
        for (const permission of ['cases:triage', 'cases:assign', 'outcome:decide', 'cases:close', 'retention:manage'] as const) {
          expect(actingRole(head, f, permission)).toBeNull();
        }
        expect(readerRights(head, f)).toEqual(expect.objectContaining({ othersStatements: false, specialCategory: false }));
      }
    });

    it('a reporter reads the report they made, not other statements', () => {
      expect(readerRights(actor(DEPUTY, ['deputy_head']), facts())).toEqual(expect.objectContaining({ othersStatements: false, isReporter: true }));
    });

    it('special category: the assigned investigator, the acting decision-maker and the appeal panel only — never hr or the deputy', () => {
      const f = facts({ parties: [{ capacity: 'subject', staffId: SUBJECT_STAFF }] });
      expect(readerRights(actor(INVESTIGATOR, ['investigating_manager']), f).specialCategory).toBe(true);
      expect(readerRights(actor(HEAD, ['headteacher']), f).specialCategory).toBe(true);
      expect(readerRights(actor(HR, ['hr']), f).specialCategory).toBe(false);
      expect(readerRights(actor(DEPUTY, ['deputy_head']), f).specialCategory).toBe(false);
      expect(readerRights(actor(GOVERNOR, ['governor']), f).specialCategory).toBe(false);
      const appeal = { ...f, status: 'appeal' as const, outcomeDecidedByUserId: HEAD.userId };
      expect(readerRights(actor(GOVERNOR, ['governor']), appeal).specialCategory).toBe(true);
    });

    it('a deactivated headteacher hands nothing to the governors: the active, unconflicted head decides', () => {
      // The facts list active accounts only: a deactivated head who is a witness is simply not there.
      const f = withParty('witness', 's-old-head', { headteachers: [HEAD] });
      expect(actingRole(actor(HEAD, ['headteacher']), f, 'cases:assign')).toBe('headteacher');
      expect(actingRole(actor(GOVERNOR, ['governor']), f, 'cases:assign')).toBeNull();
    });

    it('a governor who is a subject neither sees nor decides; with the head the reporter, nobody can — the case is stuck, not silently open', () => {
      const f = withParty('subject', GOVERNOR.staffIds[0], withParty('reporter', HEAD.staffIds[0]));
      expect(canSeeCase(actor(GOVERNOR, ['governor']), f)).toBe(false);
      expect(canSeeCase(actor(HEAD, ['headteacher']), f)).toBe(false);
      expect(decisionMakerRole(f)).toBeNull();
    });
  });

  describe('alreadyDecidedFor: an appeal someone else decided is a 409 for those who could have heard it', () => {
    const decided = facts({ status: 'closed', outcomeDecidedByUserId: HEAD.userId, appealDecidedByUserId: 'u-gov2' });
    it('an eligible governor who no longer sees the case is told it was decided', () => {
      expect(canSeeCase(actor(GOVERNOR, ['governor']), decided)).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), decided, 'appeals:decide')).toBe(true);
    });
    it('not the one who decided the outcome, not a subject, not another organisation, not for another permission', () => {
      expect(alreadyDecidedFor(actor(HEAD, ['headteacher']), decided, 'appeals:decide')).toBe(false);
      expect(alreadyDecidedFor(actor({ userId: 'u-x', staffIds: [SUBJECT_STAFF] }, ['governor']), decided, 'appeals:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor'], OTHER_ORG), decided, 'appeals:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), decided, 'cases:close')).toBe(false);
    });
    it('not before any appeal was decided', () => {
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), facts(), 'appeals:decide')).toBe(false);
    });
  });

  describe('alreadyDecidedFor: a grievance someone else decided is a 409 for those who could have heard it (issue 12)', () => {
    const decided = facts({
      status: 'decided',
      outcomeDecidedByUserId: HEAD.userId,
      grievances: { undecided: false, deciderUserIds: ['u-gov2'], paused: null },
    });
    it('an eligible governor or headteacher who no longer sees the case is told it was decided', () => {
      expect(canSeeCase(actor(GOVERNOR, ['governor']), decided)).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), decided, 'grievances:decide')).toBe(true);
      expect(alreadyDecidedFor(actor(HEAD2, ['headteacher']), decided, 'grievances:decide')).toBe(true);
    });
    it('not the one who decided the outcome, not an investigator, a subject or a witness, not hr, not another organisation, not for another permission', () => {
      expect(alreadyDecidedFor(actor(HEAD, ['headteacher']), decided, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(INVESTIGATOR, ['governor']), decided, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor({ userId: 'u-x', staffIds: [SUBJECT_STAFF] }, ['governor']), decided, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(HR, ['hr', 'deputy_head']), decided, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor'], OTHER_ORG), decided, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), decided, 'appeals:decide')).toBe(false);
    });
    it('not while a grievance of the case still waits, nor when none was ever decided', () => {
      const waiting = facts({
        status: 'decided',
        outcomeDecidedByUserId: HEAD.userId,
        grievances: { undecided: true, deciderUserIds: ['u-gov2'], paused: null },
      });
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), waiting, 'grievances:decide')).toBe(false);
      expect(alreadyDecidedFor(actor(GOVERNOR, ['governor']), facts(), 'grievances:decide')).toBe(false);
    });
  });
});
