import { Actor } from './actor';
import {
  CaseFacts,
  decisionMakerRole,
  NO_APPEAL_HEARER,
  NO_DECISION_MAKER,
  someoneMayHearAppeal,
  DecisionMakerRole,
  Involvement,
  involvementOf,
  mayHearAppeal,
  neverReads,
  readsOthersStatements,
  takesNoDecision,
} from './conflicts';
import { Permission, ROLE_PERMISSIONS } from './permissions';
import { Role } from './roles';

export type { CaseFacts, Person } from './conflicts';

/**
 * Who may see and act on a case: domain.md "People and roles" and "Conflicts of interest".
 * Pure functions over the facts of one case and the person asking; the conflicts themselves
 * are conflicts.ts. `CaseAccessService` loads the facts and applies these; lists use the SQL
 * twin in case-visibility.sql.ts.
 */

/** Decisions belong to the acting decision-maker: the headteacher, or the governors standing in (§2). */
const DECISIONS: ReadonlySet<Permission> = new Set<Permission>(['cases:assign', 'monitoring:decide', 'outcome:decide', 'cases:close', 'retention:manage']);

export function isDecision(permission: Permission): boolean {
  return DECISIONS.has(permission) || permission === 'cases:triage' || permission === 'appeals:decide';
}

/** Whether the person is the acting decision-maker in `role`: the role that decides now, and unconflicted. */
function actsAsDecisionMaker(role: Role, involvement: ReadonlySet<Involvement>, facts: CaseFacts, options: ActingOptions = {}): boolean {
  if (role !== 'headteacher' && role !== 'governor') return false;
  // The small-school waiver: the investigating manager, holding a deciding role, decides the outcome themselves.
  if (options.separationWaived) return !takesNoDecision(involvement, options);
  return decisionMakerRole(facts) === role && !takesNoDecision(involvement);
}

/** The appeal panel: a headteacher or governor who may hear it, while the appeal waits for its decision. */
function sitsOnAppealPanel(role: Role, involvement: ReadonlySet<Involvement>, facts: CaseFacts): boolean {
  return (role === 'headteacher' || role === 'governor') && facts.status === 'appeal' && mayHearAppeal(involvement);
}

/** §6, process.md §4: a grievance is heard like an appeal (ACAS: someone uninvolved), by a headteacher or governor who may hear it, while one waits. */
function hearsGrievance(role: Role, involvement: ReadonlySet<Involvement>, facts: CaseFacts): boolean {
  return (role === 'headteacher' || role === 'governor') && facts.grievances?.undecided === true && mayHearAppeal(involvement);
}

/** Whether `role`, held by this person, lets them see the case at all. */
function roleSees(role: Role, actor: Actor, involvement: ReadonlySet<Involvement>, facts: CaseFacts): boolean {
  switch (role) {
    case 'admin':
      return false; // never reads casework
    case 'deputy_head':
    case 'hr':
      return true;
    case 'headteacher':
      return !takesNoDecision(involvement);
    case 'investigating_manager':
      return facts.investigatorUserId === actor.userId;
    case 'governor':
      // Where they act: for conflicted headteachers, on an appeal they may hear, and the appeal they decided.
      // … and on a grievance waiting for someone uninvolved to hear it, and the grievances they decided (§6).
      return (
        actsAsDecisionMaker(role, involvement, facts) ||
        sitsOnAppealPanel(role, involvement, facts) ||
        facts.appealDecidedByUserId === actor.userId ||
        hearsGrievance(role, involvement, facts) ||
        facts.grievances?.deciderUserIds.includes(actor.userId) === true
      );
  }
}

export function roleSeesCase(role: Role, actor: Actor, facts: CaseFacts): boolean {
  const involvement = involvementOf(actor, facts);
  return !neverReads(involvement) && roleSees(role, actor, involvement, facts);
}

/** Visible: same organisation, not a subject, and some role of the person sees it. */
export function canSeeCase(actor: Actor, facts: CaseFacts): boolean {
  if (actor.organisationId !== facts.organisationId) return false;
  const involvement = involvementOf(actor, facts);
  if (neverReads(involvement)) return false;
  return actor.roles.some((role) => roleSees(role, actor, involvement, facts));
}

export interface ActingOptions {
  /** ACAS: the small-school waiver of investigator ≠ decision-maker, with a recorded reason (outcome only). */
  separationWaived?: boolean;
  /** `letters:write`: who takes the written step the letter is for (process.md §2; src/letters/kinds). */
  letterAuthor?: LetterAuthor;
}

/** Who takes a written step, and so generates its letter and records it sent (process.md §2). */
export type LetterAuthor = 'investigator' | 'decision_maker' | 'appeal_hearer';

/**
 * process.md §2: a letter is the work of the person who takes its step — the assigned
 * investigating manager (the notice of the allegations), the acting decision-maker (the
 * outcome), the appeal panel (the appeal hearing's invitation) and whoever decided the appeal (its outcome).
 */
function writesLetter(role: Role, actor: Actor, involvement: ReadonlySet<Involvement>, facts: CaseFacts, author: LetterAuthor | undefined): boolean {
  switch (author) {
    case 'investigator':
      return role === 'investigating_manager' && facts.investigatorUserId === actor.userId;
    case 'decision_maker':
      return actsAsDecisionMaker(role, involvement, facts);
    case 'appeal_hearer':
      // the appeal panel while the appeal waits (its hearing's invitation), and whoever decided it (its outcome)
      return (role === 'headteacher' || role === 'governor') && (facts.appealDecidedByUserId === actor.userId || sitsOnAppealPanel(role, involvement, facts));
    default:
      return false;
  }
}

/** Whether `role` may use `permission` on this case (beyond seeing it). */
function roleActs(role: Role, permission: Permission, actor: Actor, involvement: ReadonlySet<Involvement>, facts: CaseFacts, options: ActingOptions): boolean {
  if (!ROLE_PERMISSIONS[role].includes(permission)) return false;
  // The waiver is the outcome's, and of the letters of the decision-maker's steps (the hearing invitation, the outcome).
  const waivable = permission === 'outcome:decide' || (permission === 'letters:write' && options.letterAuthor === 'decision_maker');
  const waived = options.separationWaived === true && waivable && facts.investigatorUserId === actor.userId;
  // The waiver lets the current investigator, holding a deciding role, see and decide their own case.
  if (!waived && !roleSees(role, actor, involvement, facts)) return false;
  switch (permission) {
    case 'cases:triage':
      return (role === 'deputy_head' && !takesNoDecision(involvement)) || actsAsDecisionMaker(role, involvement, facts);
    case 'cases:assign':
    case 'monitoring:decide':
    case 'cases:close':
    case 'retention:manage':
      return actsAsDecisionMaker(role, involvement, facts);
    case 'outcome:decide':
      return actsAsDecisionMaker(role, involvement, facts, { separationWaived: waived });
    case 'investigation:write':
    case 'monitoring:request':
      return role === 'investigating_manager' && facts.investigatorUserId === actor.userId;
    case 'monitoring:disclose':
      return role === 'investigating_manager' ? facts.investigatorUserId === actor.userId : actsAsDecisionMaker(role, involvement, facts);
    case 'cases:safeguarding':
      return role === 'deputy_head' || actsAsDecisionMaker(role, involvement, facts);
    case 'letters:write':
      if (waived) return actsAsDecisionMaker(role, involvement, facts, { separationWaived: true });
      return writesLetter(role, actor, involvement, facts, options.letterAuthor);
    case 'appeals:decide':
      // Whether an appeal waits for a decision is the lifecycle's to say (409), not access's.
      return (role === 'headteacher' || role === 'governor') && mayHearAppeal(involvement);
    case 'grievances:decide':
      // §6, ACAS: heard by someone uninvolved in the case — the test of hearing an appeal; whether it waits is the grievance's to say (409)
      return (role === 'headteacher' || role === 'governor') && mayHearAppeal(involvement);
    default:
      return true;
  }
}

/**
 * The role in which the person performs `permission` on the case (recorded in the audit
 * log), or null when none of their roles may. Callers check `canSeeCase` first.
 */
export function actingRole(actor: Actor, facts: CaseFacts, permission: Permission, options: ActingOptions = {}): Role | null {
  if (actor.organisationId !== facts.organisationId) return null;
  const involvement = involvementOf(actor, facts);
  if (neverReads(involvement)) return null;
  // A decision is taken in the deciding role, whatever the order of the person's roles.
  const deciding = isDecision(permission) ? decisionMakerRole(facts) : null;
  const order = [...actor.roles].sort((a, b) => Number(b === deciding) - Number(a === deciding));
  return order.find((role) => roleActs(role, permission, actor, involvement, facts, options)) ?? null;
}

/**
 * What is missing when nobody at all could take this decision on the case (then a 409 says
 * so), or null when someone could.
 */
export function stuckDecision(permission: Permission, facts: CaseFacts): string | null {
  if (DECISIONS.has(permission) && decisionMakerRole(facts) === null) return NO_DECISION_MAKER;
  if (permission === 'appeals:decide' && facts.status === 'appeal' && !someoneMayHearAppeal(facts)) return NO_APPEAL_HEARER;
  return null;
}

/**
 * A decision the caller could have taken, already taken by someone else: the answer is a
 * 409 saying so, not a 404, even though taking it has moved the case out of the caller's
 * sight. Appeals and grievances do that (their hearers see a case while one waits: once the
 * appeal, or the case's last grievance, is decided, the others no longer do); and only for
 * someone who could have heard it — a subject or a conflicted person still gets the 404.
 */
export function alreadyDecidedFor(actor: Actor, facts: CaseFacts, permission: Permission): boolean {
  if (actor.organisationId !== facts.organisationId) return false;
  const decided =
    permission === 'appeals:decide'
      ? facts.appealDecidedByUserId !== null
      : permission === 'grievances:decide' && facts.grievances?.undecided === false && facts.grievances.deciderUserIds.length > 0;
  if (!decided) return false;
  const involvement = involvementOf(actor, facts);
  return !neverReads(involvement) && mayHearAppeal(involvement) && actor.roles.some((role) => role === 'headteacher' || role === 'governor');
}

/** The case's blocked state, for the case view: what nobody in the organisation can do now, or null. */
export function caseBlocked(facts: CaseFacts): string | null {
  if (facts.status === 'closed') return null;
  if (facts.status === 'appeal' && !someoneMayHearAppeal(facts)) return NO_APPEAL_HEARER;
  return decisionMakerRole(facts) === null ? NO_DECISION_MAKER : null;
}

/** What this person may read of the case's content, beyond seeing it (domain.md "Data protection"). */
export interface ReaderRights {
  /**
   * Special-category evidence (description and content): only the assigned investigating
   * manager, the acting decision-maker and the appeal panel.
   */
  specialCategory: boolean;
  /** Other people's statements and evidence: not for a reporter or witness of the case. */
  othersStatements: boolean;
  /** The reporter reads the report they made. */
  isReporter: boolean;
  /** Their own interview statements, by staff record. */
  staffIds: readonly string[];
}

export function readerRights(actor: Actor, facts: CaseFacts): ReaderRights {
  const involvement = involvementOf(actor, facts);
  const specialCategory =
    !neverReads(involvement) &&
    actor.roles.some(
      (role) =>
        (role === 'investigating_manager' && facts.investigatorUserId === actor.userId) ||
        actsAsDecisionMaker(role, involvement, facts) ||
        sitsOnAppealPanel(role, involvement, facts) ||
        ((role === 'headteacher' || role === 'governor') && facts.appealDecidedByUserId === actor.userId),
    );
  return {
    specialCategory: specialCategory && readsOthersStatements(involvement),
    othersStatements: readsOthersStatements(involvement),
    isReporter: involvement.has('reporter'),
    staffIds: actor.staffIds,
  };
}

/** Everything may be read: used by the system itself (retention runs, the CLI), never for a person. */
export const FULL_READER: ReaderRights = { specialCategory: true, othersStatements: true, isReporter: false, staffIds: [] };

export { decisionMakerRole };
export type { DecisionMakerRole };
