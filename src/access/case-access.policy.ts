import { Actor } from './actor';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { Role } from './roles';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import type { CaseStatus } from '../cases/lifecycle';

/**
 * Who may see and act on a case: domain.md "People and roles" and "Conflicts of interest"
 * (§4 "fair and unbiased", §5 "fair and proportionate"). Pure functions over the facts of
 * one case; `CaseAccessService` loads the facts and applies them, and the list query in
 * case-visibility.sql.ts expresses `canSeeCase` in SQL (a test holds the two together).
 */
export interface CaseParticipant {
  userId: string;
  staffIds: readonly string[];
}

export interface CaseFacts {
  id: string;
  organisationId: string;
  investigatorUserId: string | null;
  parties: ReadonlyArray<{ capacity: PartyCapacity; staffId: string | null }>;
  /** Every user of the organisation holding the headteacher role. */
  headteachers: readonly CaseParticipant[];
  status: CaseStatus;
  /** Who decided the outcome (§12), once decided. */
  outcomeDecidedByUserId: string | null;
  /** Who decided the appeal, once decided. */
  appealDecidedByUserId: string | null;
}

function partyCapacities(person: { staffIds: readonly string[] }, facts: CaseFacts): PartyCapacity[] {
  return facts.parties.filter((p) => p.staffId !== null && person.staffIds.includes(p.staffId)).map((p) => p.capacity);
}

/** A user linked to a subject of the case can never read it. */
export function isSubject(person: { staffIds: readonly string[] }, facts: CaseFacts): boolean {
  return partyCapacities(person, facts).includes('subject');
}

/**
 * Conflicted: subject, reporter or witness of the case, or its investigating manager.
 * Such a person may not appoint, authorise monitoring, decide or hear an appeal.
 */
export function isConflicted(person: CaseParticipant, facts: CaseFacts): boolean {
  return partyCapacities(person, facts).length > 0 || facts.investigatorUserId === person.userId;
}

/** §2, domain.md: when the headteacher is conflicted, the governors act in their place. */
export function headteacherIsConflicted(facts: CaseFacts): boolean {
  return facts.headteachers.some((head) => isConflicted(head, facts));
}

/** The one rule for "who decides on this case": assignment, monitoring, outcome, closure. */
export function decisionMakerRole(facts: CaseFacts): 'headteacher' | 'governor' {
  return headteacherIsConflicted(facts) ? 'governor' : 'headteacher';
}

export function isAssignedInvestigator(actor: Actor, facts: CaseFacts): boolean {
  return facts.investigatorUserId !== null && facts.investigatorUserId === actor.userId;
}

/**
 * Appeal decided by someone who neither investigated nor decided the outcome, and who is
 * not otherwise conflicted (domain.md "Conflicts of interest"; ACAS Code).
 */
export function mayHearAppeal(person: CaseParticipant, facts: CaseFacts): boolean {
  return !isConflicted(person, facts) && person.userId !== facts.outcomeDecidedByUserId;
}

function isActingDecisionMaker(actor: Actor, role: 'headteacher' | 'governor', facts: CaseFacts): boolean {
  return decisionMakerRole(facts) === role && !isConflicted(actor, facts);
}

/** Whether `role`, held by `actor`, lets them see the case at all. */
export function roleSeesCase(role: Role, actor: Actor, facts: CaseFacts): boolean {
  switch (role) {
    case 'admin':
      return false; // never reads casework
    case 'deputy_head':
    case 'hr':
      return true;
    case 'headteacher':
      return !isConflicted(actor, facts);
    case 'investigating_manager':
      return isAssignedInvestigator(actor, facts);
    case 'governor':
      // Governors see the cases where they act: for a conflicted headteacher, on an appeal
      // waiting for a hearing they may give, and the appeals they decided.
      return (
        isActingDecisionMaker(actor, 'governor', facts) ||
        (facts.status === 'appeal' && mayHearAppeal(actor, facts)) ||
        facts.appealDecidedByUserId === actor.userId
      );
  }
}

/** Visible: same organisation, not a subject, and some role of the caller sees it. */
export function canSeeCase(actor: Actor, facts: CaseFacts): boolean {
  if (actor.organisationId !== facts.organisationId) return false;
  if (isSubject(actor, facts)) return false;
  return actor.roles.some((role) => roleSeesCase(role, actor, facts));
}

/** Whether `role` may use `permission` on this particular case (beyond seeing it). */
function roleActsOnCase(role: Role, permission: Permission, actor: Actor, facts: CaseFacts): boolean {
  if (!ROLE_PERMISSIONS[role].includes(permission) || !roleSeesCase(role, actor, facts)) return false;
  switch (permission) {
    case 'cases:assign':
    case 'monitoring:decide':
    case 'outcome:decide':
    case 'cases:close':
      return (role === 'headteacher' || role === 'governor') && isActingDecisionMaker(actor, role, facts);
    case 'investigation:write':
    case 'monitoring:request':
      return role === 'investigating_manager' && isAssignedInvestigator(actor, facts);
    case 'monitoring:disclose':
      return role === 'investigating_manager' ? isAssignedInvestigator(actor, facts) : role === 'headteacher' && isActingDecisionMaker(actor, role, facts);
    case 'appeals:decide':
      return (role === 'headteacher' || role === 'governor') && mayHearAppeal(actor, facts);
    default:
      return true;
  }
}

export interface ActingOptions {
  /**
   * ACAS: decision-maker and investigator should differ "where practicable"; a small school
   * may waive it with a recorded reason. When waived, having investigated does not count as
   * a conflict for the outcome decision (being a subject, reporter or witness still does).
   */
  separationWaived?: boolean;
}

/**
 * The role in which `actor` performs `permission` on the case (recorded in the audit log),
 * or null when none of their roles may. Callers check `canSeeCase` first.
 */
export function actingRole(actor: Actor, facts: CaseFacts, permission: Permission, options: ActingOptions = {}): Role | null {
  const effective = options.separationWaived && permission === 'outcome:decide' ? { ...facts, investigatorUserId: null } : facts;
  return actor.roles.find((role) => roleActsOnCase(role, permission, actor, effective)) ?? null;
}
