/**
 * A small model of one organisation's cases under domain.md's rules ("The case lifecycle",
 * "People and roles", "Conflicts of interest") and api.md's routes, for the model-based test
 * (test/e2e/lifecycle-model.e2e-spec.ts). It is a second, independent statement of the rules
 * specialised to the demo users: it does not import the implementation's policy functions, so
 * a change to either shows up as a disagreement.
 *
 * The organisation changes from one sequence to the next (a `Roster`): the headteacher may
 * also hold deputy_head, hr or investigating_manager, the governor investigating_manager; a
 * second headteacher is active or deactivated; hr's staff record is linked to the hr account
 * or not. Conflicts are of the person — every role they hold, every staff record linked to
 * them, every appointment they ever had on the case.
 *
 * For each command by each user it predicts acceptance (and the 2xx status and the one audit
 * action it leaves) or refusal with the status class: 401 (a deactivated account), 403 (no
 * role may), 404 (case not visible), 409 (wrong state / conflict of interest / nobody may
 * decide), 400 (inconsistent input found by a rule).
 */

export const ACTORS = ['deputy', 'head', 'head2', 'governor', 'hr', 'investigator', 'investigator2', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

export type Role = 'admin' | 'deputy_head' | 'investigating_manager' | 'headteacher' | 'governor' | 'hr';
/** Each user's first role (the demo's); the roster may add one. */
export const ROLE_OF: Record<ActorName, Role> = {
  deputy: 'deputy_head',
  head: 'headteacher',
  head2: 'headteacher',
  governor: 'governor',
  hr: 'hr',
  investigator: 'investigating_manager',
  investigator2: 'investigating_manager',
  admin: 'admin',
};

/** Every user has a staff record named after them (head2's made by the test); Sam and Taylor are staff without a login. */
export type Person = ActorName | 'sam' | 'taylor';

/** The organisation during one sequence: who holds which roles, who is active, which records are linked. */
export interface Roster {
  /** A second role of the headteacher (they are then one person with two roles). */
  headAlso: 'deputy_head' | 'hr' | 'investigating_manager' | null;
  /** A second role of the governor. */
  governorAlso: 'investigating_manager' | null;
  /** The second headteacher: active, or a deactivated account (which never counts). */
  head2Active: boolean;
  /** Whether hr's staff record is linked to the hr account (if not, the system cannot know a case about that record is theirs). */
  hrLinked: boolean;
}

export const DEMO_ROSTER: Roster = { headAlso: null, governorAlso: null, head2Active: false, hrLinked: true };

export function rolesOf(r: Roster, who: ActorName): Role[] {
  if (who === 'head' && r.headAlso) return ['headteacher', r.headAlso];
  if (who === 'governor' && r.governorAlso) return ['governor', r.governorAlso];
  return [ROLE_OF[who]];
}

export const isActive = (r: Roster, who: ActorName): boolean => who !== 'head2' || r.head2Active;

/** The staff records linked to the user's account. */
export function recordsOf(r: Roster, who: ActorName): Person[] {
  return who === 'hr' && !r.hrLinked ? [] : [who];
}

export type CaseStatus = 'reported' | 'investigation' | 'awaiting_decision' | 'hearing' | 'decided' | 'appeal' | 'closed';
export type TriageDecision = 'no_further_action' | 'informal_resolution' | 'investigate';
export type Finding = 'substantiated' | 'not_substantiated' | 'inconclusive' | 'malicious' | 'false' | 'unsubstantiated' | 'unfounded';
/** KCSIE Part 4 (process.md §3): a safeguarding allegation's findings; `substantiated` is in both sets. */
const KCSIE: readonly Finding[] = ['substantiated', 'malicious', 'false', 'unsubstantiated', 'unfounded'];
const fitsCase = (c: ModelCase, finding: Finding | null) =>
  finding === null || (c.safeguarding ? KCSIE.includes(finding) : !KCSIE.includes(finding) || finding === 'substantiated');
/** The barring bodies a dismissal may be referred to (KCSIE Part 4): the DBS, and for a teacher the TRA. */
export type BarringBody = 'dbs' | 'tra';
/** The staff records the test marks as teachers (staff_members.teacher): Sam Teacher, and Helen Head, the headteacher. */
export const TEACHERS: readonly Person[] = ['sam', 'head'];
/**
 * KCSIE Part 4 (process.md §3): a safeguarding case whose sanction in force is a dismissal closes only once the
 * DBS referral decision is on record — and, when its subject is a teacher, the TRA's too. The bodies still missing.
 */
export function referralDecisionsMissing(c: ModelCase, sanction: Sanction | null): BarringBody[] {
  if (!c.safeguarding || (sanction !== 'dismissal_with_notice' && sanction !== 'summary_dismissal')) return [];
  const needed: BarringBody[] = TEACHERS.includes(c.subject) ? ['dbs', 'tra'] : ['dbs'];
  return needed.filter((body) => !c.referralDecisions.includes(body));
}
/** The sanction in force: the outcome's, as the appeal's decision left it (upheld: none; varied: the new one). */
export function sanctionInForce(c: ModelCase): Sanction | null {
  if (!c.outcome) return null;
  if (c.appeal?.result === 'upheld') return 'no_action';
  if (c.appeal?.result === 'varied') return c.appeal.newSanction ?? c.outcome.sanction;
  return c.outcome.sanction;
}
/** What the case view's kcsie.referralDecisionsRequired says: the decisions still missing before the case may close. */
export const referralDecisionsRequired = (c: ModelCase): BarringBody[] => referralDecisionsMissing(c, sanctionInForce(c));
export type Sanction = 'no_action' | 'informal_action' | 'first_written_warning' | 'final_written_warning' | 'dismissal_with_notice' | 'summary_dismissal';
export type AppealResult = 'upheld' | 'varied' | 'dismissed';
const SEVERITY: Sanction[] = ['no_action', 'informal_action', 'first_written_warning', 'final_written_warning', 'dismissal_with_notice', 'summary_dismissal'];

/** The outcome bodies the test sends; `summary_dismissal_without_gross_misconduct` is inconsistent input. */
export type OutcomeVariant = Sanction | 'summary_dismissal_without_gross_misconduct';
/** An appeal deadline already past when the outcome is recorded (the decision dated weeks ago), or still to come. */
export type Deadline = 'past' | 'future';
/** lodgedAt: a minute ago, or soon after the decision (before even a past deadline). */
export type LodgedAt = 'now' | 'soon_after_decision';
/** newSanction sent with a varied result. */
export const VARIED_TO: Sanction = 'informal_action';

export interface ModelCase {
  subject: Person;
  /** null: an external reporter (a parent), by name. */
  reporter: Person | null;
  /** Witnesses from the staff directory (each once), and how many named witnesses from outside it. */
  witnesses: Person[];
  externalWitnesses: number;
  status: CaseStatus;
  safeguarding: boolean;
  triageDecision: TriageDecision | null;
  investigator: ActorName | null;
  /** Everyone ever appointed to investigate (a replaced investigator stays conflicted). */
  investigators: ActorName[];
  assignments: number;
  allegations: Array<{ finding: Finding | null; notified: boolean }>;
  notifications: number;
  responses: number;
  referrals: number;
  outcome: { sanction: Sanction; deadline: Deadline | null; decidedBy: ActorName } | null;
  appeal: { result: AppealResult | null; newSanction: Sanction | null; decidedBy: ActorName | null } | null;
  /** process.md §1: who chaired the held disciplinary hearing, and the held appeal hearing. */
  hearingChair: ActorName | null;
  appealHearingChair: ActorName | null;
  /** process.md §1: the subject is suspended now (it ends at the latest with the outcome, or a closure). */
  suspended: boolean;
  /** §6, process.md §4: the subject's grievances (all related to the process here), each with who decided it. */
  grievances: Array<{ decidedBy: ActorName | null }>;
  /** The process paused for one of them (its index), or null. */
  pause: { grievance: number } | null;
  /** KCSIE Part 4: the body of every DBS / TRA referral decision recorded, in order (the latest per body stands). */
  referralDecisions: BarringBody[];
  /** The audit actions the case's accepted commands left, in order. */
  actions: string[];
}

export interface LifecycleModel {
  roster: Roster;
  cases: ModelCase[];
}

export type Command =
  | { kind: 'report'; subject: Person; reporter: Person | null; involvesPupils: boolean }
  | { kind: 'triage'; decision: TriageDecision }
  | { kind: 'referral' }
  | { kind: 'assign'; candidate: 'natural' | 'current' | Candidate }
  | { kind: 'interview'; witness: Person | null }
  | { kind: 'allegation' }
  | { kind: 'notify'; which: 'all' | 'first' }
  | { kind: 'respond' }
  | { kind: 'finding'; target: 'next' | 'first' | 'foreign'; finding: Finding }
  | { kind: 'submit' }
  | { kind: 'outcome'; variant: OutcomeVariant; deadline: Deadline }
  | { kind: 'lodge'; lodgedAt: LodgedAt }
  | { kind: 'decide_appeal'; result: AppealResult }
  | { kind: 'close' }
  | { kind: 'suspend' }
  | { kind: 'grievance' }
  | { kind: 'decide_grievance' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'referral_decision'; body: 'missing' | BarringBody; decision: ReferralDecision }
  | { kind: 'view' };
export type CommandKind = Command['kind'];

/**
 * A referral decision as sent: referred (with when), not referred (with why), or incomplete — referred with no
 * date, which the rules refuse (400) once the case and the caller have passed the access checks.
 */
export type ReferralDecision = 'referred' | 'not_referred' | 'incomplete';

/** Who performs a command: a named demo user, or "natural": the user the model expects to be allowed. */
export type ActorPick = ActorName | 'natural';

/** Whom an appointment names: the two investigating managers, or someone who may or may not hold the role. */
export type Candidate = 'investigator' | 'investigator2' | 'hr' | 'head' | 'governor';

export type Prediction = { accept: true; status: number; action: string } | { accept: false; status: 400 | 401 | 403 | 404 | 409; why: string };

export function emptyModel(roster: Roster = DEMO_ROSTER): LifecycleModel {
  return { roster, cases: [] };
}

export function currentCase(model: LifecycleModel): ModelCase | undefined {
  return model.cases[model.cases.length - 1];
}

// ---------------------------------------------------------------- who may do what (api.md)

type Route =
  'view' | 'report' | 'triage' | 'referral' | 'assign' | 'investigation' | 'outcome' | 'lodge' | 'decide_appeal' | 'close' | 'grievance' | 'decide_grievance';

/** api.md's "who" column: the roles a route is open to at all (the rest get 403 before any case is looked at). */
const ROUTE_ROLES: Record<Route, readonly Role[]> = {
  view: ['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'],
  report: ['deputy_head'],
  triage: ['deputy_head', 'headteacher', 'governor'],
  referral: ['deputy_head', 'headteacher', 'governor'],
  assign: ['headteacher', 'governor'],
  investigation: ['investigating_manager'],
  outcome: ['headteacher', 'governor'],
  lodge: ['headteacher', 'hr'],
  decide_appeal: ['headteacher', 'governor'],
  close: ['headteacher', 'governor'],
  grievance: ['hr'],
  decide_grievance: ['headteacher', 'governor'],
};

function routeOf(kind: CommandKind): Route {
  switch (kind) {
    case 'allegation':
    case 'notify':
    case 'respond':
    case 'finding':
    case 'submit':
    case 'interview':
      return 'investigation';
    // the acting decision-maker's (outcome:decide): suspension, pausing and resuming the process, the DBS / TRA referral decision
    case 'suspend':
    case 'pause':
    case 'resume':
    case 'referral_decision':
      return 'outcome';
    default:
      return kind;
  }
}

// ---------------------------------------------------------------- conflicts of interest (domain.md)

/** The person is the case's subject, reporter or a witness, through any staff record linked to them. */
const isParty = (r: Roster, c: ModelCase, who: ActorName) => recordsOf(r, who).some((p) => p === c.subject || p === c.reporter || c.witnesses.includes(p));
const isSubject = (r: Roster, c: ModelCase, who: ActorName) => recordsOf(r, who).includes(c.subject);
/** Subject, reporter or witness of the case, or ever its investigating manager (whatever roles they hold). */
const conflicted = (r: Roster, c: ModelCase, who: ActorName) => isParty(r, c, who) || c.investigators.includes(who);
const holders = (r: Roster, role: Role) => ACTORS.filter((who) => isActive(r, who) && rolesOf(r, who).includes(role));
/** "Any active headteacher who is not conflicted; only when every active headteacher is conflicted do the governors act"; nobody when they are too. */
export function decisionMakerRole(r: Roster, c: ModelCase): 'headteacher' | 'governor' | null {
  if (holders(r, 'headteacher').some((who) => !conflicted(r, c, who))) return 'headteacher';
  if (holders(r, 'governor').some((who) => !conflicted(r, c, who))) return 'governor';
  return null;
}
/** The person acts as the decision-maker in `role`: it is the deciding role, they hold it, and they are not conflicted. */
const actsAsDecisionMaker = (r: Roster, c: ModelCase, who: ActorName, role: Role) => decisionMakerRole(r, c) === role && !conflicted(r, c, who);
/** "Appeal decided by someone who neither investigated nor decided the outcome", and is otherwise unconflicted. */
const hearsAppeal = (r: Roster, c: ModelCase, who: ActorName, role: Role) =>
  (role === 'headteacher' || role === 'governor') && !conflicted(r, c, who) && c.outcome?.decidedBy !== who;

/** "Nobody is ever stuck": is there any active headteacher or governor who may hear the appeal? */
const someoneHearsAppeal = (r: Roster, c: ModelCase) =>
  (['headteacher', 'governor'] as const).some((role) => holders(r, role).some((who) => hearsAppeal(r, c, who, role)));

/** What the case view's decisionBlocked says: nobody may hear its appeal, or nobody may decide (open cases only). */
export function caseBlocked(r: Roster, c: ModelCase): boolean {
  if (c.status === 'closed') return false;
  if (c.status === 'appeal' && !someoneHearsAppeal(r, c)) return true;
  return decisionMakerRole(r, c) === null;
}

/** Whether this role of the person shows them the case (domain.md "People and roles"). */
function roleSees(r: Roster, c: ModelCase, who: ActorName, role: Role): boolean {
  switch (role) {
    case 'admin':
      return false; // never reads casework
    case 'deputy_head':
    case 'hr':
      return true;
    case 'headteacher':
      return !conflicted(r, c, who);
    case 'investigating_manager':
      return c.investigator === who; // only cases assigned to them
    case 'governor':
      // … and while a grievance waits for someone uninvolved to hear it, and the grievances they decided (§6)
      return (
        actsAsDecisionMaker(r, c, who, role) ||
        (c.status === 'appeal' && hearsAppeal(r, c, who, role)) ||
        c.appeal?.decidedBy === who ||
        (c.grievances.some((g) => g.decidedBy === null) && hearsAppeal(r, c, who, role)) ||
        c.grievances.some((g) => g.decidedBy === who)
      );
  }
}

export function canSee(r: Roster, c: ModelCase, who: ActorName): boolean {
  if (isSubject(r, c, who)) return false; // a subject never reads the case, under any role
  return rolesOf(r, who).some((role) => roleSees(r, c, who, role));
}

/** Whether this role of the person may use the route on the case: a role that sees it, and acts as the route needs. */
function roleActs(r: Roster, c: ModelCase, who: ActorName, role: Role, route: Route): boolean {
  if (!ROUTE_ROLES[route].includes(role) || !roleSees(r, c, who, role)) return false;
  switch (route) {
    case 'assign':
    case 'outcome':
    case 'close':
      return actsAsDecisionMaker(r, c, who, role);
    case 'triage':
      return (role === 'deputy_head' && !conflicted(r, c, who)) || actsAsDecisionMaker(r, c, who, role);
    case 'referral':
      return role === 'deputy_head' || actsAsDecisionMaker(r, c, who, role);
    case 'investigation':
      return role === 'investigating_manager' && c.investigator === who;
    case 'decide_appeal':
    case 'decide_grievance':
      return hearsAppeal(r, c, who, role);
    default:
      return true;
  }
}

/** The route, visibility and role-on-this-case checks, in the order the API applies them. */
function gate(r: Roster, c: ModelCase, who: ActorName, route: Route): Prediction | null {
  if (!isActive(r, who)) return refuse(401, 'a deactivated account');
  if (!rolesOf(r, who).some((role) => ROUTE_ROLES[route].includes(role))) return refuse(403, `${rolesOf(r, who).join('+')} may not use this route`);
  if (!canSee(r, c, who)) {
    // Someone who could have heard the appeal, after another decided it, is told so (409), not 404.
    const couldHaveHeard = (['headteacher', 'governor'] as const).some((role) => rolesOf(r, who).includes(role) && hearsAppeal(r, c, who, role));
    if (route === 'decide_appeal' && c.appeal?.decidedBy && !isSubject(r, c, who) && couldHaveHeard)
      return refuse(409, 'the appeal was decided by someone else');
    return refuse(404, 'the case is not visible to them');
  }
  if (!rolesOf(r, who).some((role) => roleActs(r, c, who, role, route))) {
    const decision = route === 'assign' || route === 'outcome' || route === 'close';
    if (decision && decisionMakerRole(r, c) === null) return refuse(409, 'nobody may decide: every active headteacher and governor is conflicted');
    if (route === 'decide_appeal' && c.status === 'appeal' && !someoneHearsAppeal(r, c)) return refuse(409, 'nobody may hear the appeal');
    return refuse(403, 'none of their roles may do this on this case');
  }
  return null;
}

const refuse = (status: 400 | 401 | 403 | 404 | 409, why: string): Prediction => ({ accept: false, status, why });
const accept = (status: number, action: string): Prediction => ({ accept: true, status, action });

// ---------------------------------------------------------------- tasks (process.md §6)

/**
 * What GET /me/tasks lists for `who` on the case (the kinds, sorted): predicted from the model's
 * own rules of who may act — an independent statement of src/tasks/task.rules.ts. The model
 * has no monitoring requests, hearings still to hold, or retention dates that fall due, so their
 * tasks never arise here (the unit tests hold them).
 */
export function expectedTasks(r: Roster, c: ModelCase, who: ActorName): string[] {
  if (!isActive(r, who) || !canSee(r, c, who) || c.status === 'closed') return [];
  const roles = rolesOf(r, who);
  const acts = (route: Route, only?: Role) => roles.some((role) => (only === undefined || role === only) && roleActs(r, c, who, role, route));
  const deciding = decisionMakerRole(r, c);
  const decides = (route: Route) => deciding !== null && acts(route, deciding);
  const tasks: string[] = [];
  if (c.safeguarding && c.referrals === 0 && roles.includes('deputy_head') && acts('referral')) tasks.push('safeguarding_referral');
  if (c.grievances.some((g) => g.decidedBy === null) && acts('decide_grievance')) tasks.push('decide_grievance');
  if (c.suspended && decides('outcome')) tasks.push('review_suspension');
  if (c.pause !== null) {
    if (c.grievances[c.pause.grievance].decidedBy !== null && decides('outcome')) tasks.push('resume_process');
    return tasks.sort();
  }
  switch (c.status) {
    case 'reported':
      if (roles.includes('deputy_head') && acts('triage')) tasks.push('triage');
      break;
    case 'investigation':
      if (c.investigator === null && decides('assign')) tasks.push('appoint_investigator');
      if (c.investigator === who && acts('investigation')) tasks.push('investigate');
      break;
    case 'awaiting_decision':
      if (decides('outcome')) tasks.push('decide_outcome');
      break;
    case 'hearing':
      if (c.hearingChair === who && acts('outcome')) tasks.push('decide_outcome');
      break;
    case 'decided':
      if (c.outcome?.deadline !== 'future' && decides('close')) tasks.push('close_case');
      break;
    case 'appeal':
      if (c.appealHearingChair === null && acts('decide_appeal')) tasks.push('hear_appeal');
      if (c.appealHearingChair === who && acts('decide_appeal')) tasks.push('decide_appeal');
      break;
  }
  return tasks.sort();
}

// ---------------------------------------------------------------- the natural actor

/** The first user (in ACTORS order) the rules let use the route on the case, if any. */
function firstAllowed(r: Roster, c: ModelCase, route: Route, among: readonly ActorName[] = ACTORS): ActorName | undefined {
  return among.find((who) => gate(r, c, who, route) === null);
}

/** The user the rules let do it, when there is one: keeps random sequences moving through the lifecycle. */
export function resolveActor(model: LifecycleModel, command: Command, pick: ActorPick): ActorName {
  if (pick !== 'natural') return pick;
  const r = model.roster;
  const c = currentCase(model);
  switch (command.kind) {
    case 'report':
      return 'deputy';
    case 'triage':
    case 'referral':
      return (c && firstAllowed(r, c, routeOf(command.kind), ['deputy', 'head', 'head2', 'governor'])) ?? 'deputy';
    case 'assign':
    case 'outcome':
    case 'close':
      return (c && firstAllowed(r, c, command.kind, ['head', 'head2', 'governor'])) ?? 'head';
    case 'allegation':
    case 'notify':
    case 'respond':
    case 'finding':
    case 'submit':
    case 'interview':
      return c?.investigator ?? 'investigator';
    case 'lodge':
      return (c && firstAllowed(r, c, 'lodge', ['hr', 'head', 'head2'])) ?? 'hr';
    case 'decide_appeal':
      return (c && firstAllowed(r, c, 'decide_appeal', ['governor', 'head2', 'head'])) ?? 'governor';
    case 'suspend':
    case 'pause':
    case 'resume':
    case 'referral_decision':
      return (c && firstAllowed(r, c, 'outcome', ['head', 'head2', 'governor'])) ?? 'head';
    case 'grievance':
      return 'hr';
    case 'decide_grievance':
      return (c && firstAllowed(r, c, 'decide_grievance', ['head2', 'governor', 'head'])) ?? 'governor';
    case 'view':
      // The subject, when their record is linked to a login: a subject must never read their case.
      return (c && ACTORS.find((who) => isSubject(r, c, who))) ?? 'hr';
  }
}

/** The investigating manager to appoint: one not yet appointed and not a party. */
export function resolveCandidate(model: LifecycleModel, command: Extract<Command, { kind: 'assign' }>): Candidate {
  const c = currentCase(model);
  if (command.candidate === 'current') return (c?.investigator as Candidate | null) ?? 'investigator';
  if (command.candidate !== 'natural') return command.candidate;
  const free = (['investigator', 'investigator2'] as const).find((who) => c && c.investigator !== who && !isParty(model.roster, c, who));
  return free ?? 'investigator';
}

/** Which allegation a finding is about (an index into the case's allegations), or null for one that is not the case's. */
export function findingTarget(c: ModelCase, command: Extract<Command, { kind: 'finding' }>): number | null {
  if (command.target === 'foreign' || c.allegations.length === 0) return null;
  if (command.target === 'first') return 0;
  const next = c.allegations.findIndex((a) => a.finding === null);
  return next === -1 ? c.allegations.length - 1 : next;
}

// ---------------------------------------------------------------- predictions

export function predict(model: LifecycleModel, command: Command, who: ActorName): Prediction {
  const r = model.roster;
  if (command.kind === 'report') {
    if (!isActive(r, who)) return refuse(401, 'a deactivated account');
    if (!rolesOf(r, who).some((role) => ROUTE_ROLES.report.includes(role))) return refuse(403, 'only the deputy head logs reports');
    if (recordsOf(r, who).includes(command.subject)) return refuse(409, 'nobody logs a report about themselves');
    return accept(201, 'report.created');
  }
  const c = currentCase(model);
  if (!c) throw new Error('no case yet: the command should not have been generated');
  const route = routeOf(command.kind);

  if (command.kind === 'decide_appeal' && !c.appeal) {
    // There is no appeal to address: the test sends an unknown appeal id.
    if (!isActive(r, who)) return refuse(401, 'a deactivated account');
    if (!rolesOf(r, who).some((role) => ROUTE_ROLES.decide_appeal.includes(role))) return refuse(403, 'they may not decide appeals');
    return refuse(404, 'no such appeal');
  }
  const gated = gate(r, c, who, route);
  if (gated) return gated;
  const inInvestigation = c.status === 'investigation';

  switch (command.kind) {
    case 'view':
      return accept(200, 'case.viewed');
    case 'triage':
      if (c.status !== 'reported') return refuse(409, 'only a reported case is triaged');
      if (command.decision === 'investigate' && decisionMakerRole(r, c) === null) return refuse(409, 'nobody could appoint an investigating manager');
      return paused(c) ?? accept(200, 'case.triaged');
    case 'referral':
      return accept(201, 'safeguarding.referred');
    case 'assign': {
      if (!inInvestigation) return refuse(409, 'appointments only while the investigation is open');
      const candidate = resolveCandidate(model, command);
      if (c.investigator === candidate) return refuse(409, 'already appointed');
      if (!rolesOf(r, candidate).includes('investigating_manager')) return refuse(409, 'only an investigating manager can be appointed');
      if (isParty(r, c, candidate)) return refuse(409, 'the investigating manager cannot be a party to the case');
      return accept(200, c.investigator ? 'case.reassigned' : 'case.assigned');
    }
    case 'interview':
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      if (command.witness === null) return accept(201, 'interview.recorded');
      if (command.witness === c.subject) return refuse(400, 'a subject is interviewed as a subject, not as a witness');
      if (c.investigator && recordsOf(r, c.investigator).includes(command.witness)) return refuse(409, 'the investigating manager cannot be a witness');
      return accept(201, 'interview.recorded');
    case 'allegation':
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      return accept(201, 'allegation.added');
    case 'notify':
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      if (c.allegations.length === 0) return refuse(400, 'no allegation of this case to notify');
      return accept(201, 'subject.notified');
    case 'respond':
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      if (c.notifications === 0) return refuse(409, 'the subject has not been notified yet');
      return accept(201, 'subject.responded');
    case 'finding': {
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      const index = findingTarget(c, command);
      if (index === null) return refuse(400, 'not an allegation of this case');
      if (!fitsCase(c, command.finding)) return refuse(400, "KCSIE's categories on a safeguarding case, the ordinary ones elsewhere");
      return accept(201, c.allegations[index].finding ? 'finding.revised' : 'finding.recorded');
    }
    case 'submit': {
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      const blocked = c.allegations.length === 0 || c.allegations.some((a) => !a.notified || a.finding === null) || c.responses === 0;
      if (blocked) return refuse(409, 'allegations, written notice of each, a response and a finding on each come first');
      if (c.allegations.some((a) => !fitsCase(c, a.finding)))
        return refuse(409, "findings recorded before the case became safeguarding are restated in KCSIE's categories");
      return paused(c) ?? accept(200, 'investigation.submitted');
    }
    case 'outcome': {
      if (c.status !== 'awaiting_decision' && c.status !== 'hearing') return refuse(409, 'only a case awaiting decision is decided');
      // process.md §1: the chair of the held hearing decides; a sanction follows a held hearing (the harness holds it first, see hearingFirst)
      if (c.hearingChair !== null && c.hearingChair !== who) return refuse(409, 'the chair of the hearing decides');
      if (command.variant !== 'no_action' && c.hearingChair === null) return refuse(409, 'a sanction follows a held hearing');
      if (command.variant === 'summary_dismissal_without_gross_misconduct') return refuse(400, 'summary dismissal is for gross misconduct only');
      const needsSubstantiated = command.variant === 'dismissal_with_notice' || command.variant === 'summary_dismissal';
      if (needsSubstantiated && !c.allegations.some((a) => a.finding === 'substantiated')) return refuse(409, 'dismissal needs a substantiated finding');
      return paused(c) ?? accept(201, 'outcome.recorded');
    }
    case 'lodge':
      if (c.status !== 'decided') return refuse(409, 'only a decided case is appealed');
      if (c.outcome!.sanction === 'no_action') return refuse(409, 'no sanction to appeal against');
      if (command.lodgedAt === 'now' && c.outcome!.deadline === 'past') return refuse(409, 'the appeal deadline has passed');
      // domain.md "Dates the API is told": stated as lodged in time but entered after the deadline, it needs a late-entry reason
      if (c.outcome!.deadline === 'past') return refuse(400, 'entered after the deadline without a late-entry reason');
      return paused(c) ?? accept(201, 'appeal.lodged');
    case 'decide_appeal':
      if (c.status !== 'appeal') return refuse(409, 'the appeal has been decided');
      if (c.appealHearingChair !== who) return refuse(409, 'the appeal is decided by the chair of its hearing');
      if (command.result === 'varied' && SEVERITY.indexOf(VARIED_TO) >= SEVERITY.indexOf(c.outcome!.sanction)) {
        return refuse(409, 'an appeal can only reduce the sanction');
      }
      if (referralDecisionsMissing(c, command.result === 'dismissed' ? c.outcome!.sanction : command.result === 'varied' ? VARIED_TO : 'no_action').length) {
        return refuse(409, 'the DBS (and for a teacher the TRA) referral decision comes before closing a safeguarding dismissal');
      }
      return paused(c) ?? accept(200, 'appeal.decided');
    case 'close':
      if (c.status !== 'decided') return refuse(409, 'only a decided case is closed this way');
      if (c.outcome!.deadline === 'future') return refuse(409, 'the appeal window is open');
      if (referralDecisionsMissing(c, c.outcome!.sanction).length) {
        return refuse(409, 'the DBS (and for a teacher the TRA) referral decision comes before closing a safeguarding dismissal');
      }
      return paused(c) ?? accept(200, 'case.closed');
    case 'suspend':
      // process.md §1: during the process only; one active suspension of the subject at a time
      if (!['reported', 'investigation', 'awaiting_decision', 'hearing'].includes(c.status)) return refuse(409, 'no suspension after the outcome');
      if (c.suspended) return refuse(409, 'the subject is already suspended');
      return accept(201, 'suspension.recorded');
    case 'grievance':
      if (c.status === 'closed') return refuse(409, 'a grievance is recorded on an open case');
      return accept(201, 'grievance.lodged');
    case 'decide_grievance': {
      const g = grievanceTarget(c);
      if (g === null) return refuse(404, 'no such grievance');
      if (c.grievances[g].decidedBy !== null) return refuse(409, 'the grievance is decided');
      return accept(200, 'grievance.decided');
    }
    case 'pause': {
      if (c.status === 'closed') return refuse(409, 'a closed case has no process to pause');
      const g = grievanceTarget(c);
      if (g === null) return refuse(400, 'no such grievance');
      if (c.pause !== null) return refuse(409, 'the process is already paused');
      if (c.grievances[g].decidedBy !== null) return refuse(409, 'the grievance is decided');
      return accept(200, 'process.paused');
    }
    case 'resume':
      if (c.pause === null) return refuse(409, 'the process is not paused');
      if (c.grievances[c.pause.grievance].decidedBy === null) return refuse(409, 'the grievance it waits for is undecided');
      return accept(200, 'process.resumed');
    case 'referral_decision':
      // KCSIE Part 4: the acting decision-maker records it, in any status (closed too) and while the process is paused —
      // it moves no status; for any body, whether or not the subject is a teacher; complete or refused
      if (command.decision === 'incomplete') return refuse(400, 'a referral made says when');
      return accept(201, 'referral_decision.recorded');
  }
}

/** process.md §4: while the process is paused, no status changes (the API's last check before the move). */
const paused = (c: ModelCase): Prediction | null => (c.pause !== null ? refuse(409, 'the process is paused pending a grievance') : null);

/** The body a referral decision is about: the first still missing before closing, else the DBS; or the one named. */
export function referralBody(c: ModelCase, command: Extract<Command, { kind: 'referral_decision' }>): BarringBody {
  if (command.body !== 'missing') return command.body;
  return referralDecisionsRequired(c)[0] ?? 'dbs';
}

/** The grievance a command addresses: the first undecided, else the latest; null when the case has none. */
export function grievanceTarget(c: ModelCase): number | null {
  if (c.grievances.length === 0) return null;
  const undecided = c.grievances.findIndex((g) => g.decidedBy === null);
  return undecided === -1 ? c.grievances.length - 1 : undecided;
}

// ---------------------------------------------------------------- effects of accepted commands

export function apply(model: LifecycleModel, command: Command, who: ActorName, action: string): void {
  if (command.kind === 'report') {
    model.cases.push({
      subject: command.subject,
      reporter: command.reporter,
      witnesses: [],
      externalWitnesses: 0,
      status: 'reported',
      safeguarding: command.involvesPupils,
      triageDecision: null,
      investigator: null,
      investigators: [],
      assignments: 0,
      allegations: [],
      notifications: 0,
      responses: 0,
      referrals: 0,
      outcome: null,
      appeal: null,
      hearingChair: null,
      appealHearingChair: null,
      suspended: false,
      grievances: [],
      pause: null,
      referralDecisions: [],
      actions: [action],
    });
    return;
  }
  const c = currentCase(model)!;
  c.actions.push(action);
  switch (command.kind) {
    case 'triage':
      c.triageDecision = command.decision;
      c.status = command.decision === 'investigate' ? 'investigation' : 'closed';
      break;
    case 'referral':
      c.referrals++;
      c.safeguarding = true;
      break;
    case 'assign': {
      const candidate = resolveCandidate(model, command);
      c.investigator = candidate;
      if (!c.investigators.includes(candidate)) c.investigators.push(candidate);
      c.assignments++;
      break;
    }
    case 'interview':
      if (command.witness === null) c.externalWitnesses++;
      else if (!c.witnesses.includes(command.witness)) c.witnesses.push(command.witness);
      break;
    case 'allegation':
      c.allegations.push({ finding: null, notified: false });
      break;
    case 'notify':
      c.notifications++;
      (command.which === 'all' ? c.allegations : c.allegations.slice(0, 1)).forEach((a) => (a.notified = true));
      break;
    case 'respond':
      c.responses++;
      break;
    case 'finding':
      c.allegations[findingTarget(c, command)!].finding = command.finding;
      break;
    case 'submit':
      c.status = 'awaiting_decision';
      break;
    case 'outcome': {
      const sanction = command.variant as Sanction;
      c.outcome = { sanction, deadline: sanction === 'no_action' ? null : command.deadline, decidedBy: who };
      c.status = 'decided';
      break;
    }
    case 'lodge':
      c.appeal = { result: null, newSanction: null, decidedBy: null };
      c.status = 'appeal';
      break;
    case 'decide_appeal':
      c.appeal = { result: command.result, newSanction: command.result === 'varied' ? VARIED_TO : null, decidedBy: who };
      c.status = 'closed';
      break;
    case 'close':
      c.status = 'closed';
      break;
    case 'suspend':
      c.suspended = true;
      break;
    case 'grievance':
      c.grievances.push({ decidedBy: null });
      break;
    case 'decide_grievance':
      c.grievances[grievanceTarget(c)!].decidedBy = who;
      break;
    case 'pause':
      c.pause = { grievance: grievanceTarget(c)! };
      break;
    case 'resume':
      c.pause = null;
      break;
    case 'referral_decision':
      c.referralDecisions.push(referralBody(c, command));
      break;
  }
  // process.md §1: a suspension ends, at the latest, with the outcome (or any closure)
  if (c.status === 'decided' || c.status === 'closed') c.suspended = false;
}

/**
 * process.md §1: the hearing a command needs first, held by the person about to act — a sanction
 * (not no_action) on a case awaiting decision, or the decision of an appeal not yet heard — when
 * the rules let that person act on the case at all; null otherwise. The harness holds it (invite,
 * the invitation letter sent, the time passing, the record), and `heldHearing` applies it.
 */
export function hearingFirst(model: LifecycleModel, command: Command, who: ActorName): 'disciplinary' | 'appeal' | null {
  const c = currentCase(model);
  if (!c || command.kind === 'report' || c.pause !== null) return null; // process.md §4: no hearing while the process is paused
  if (command.kind === 'outcome' && command.variant !== 'no_action' && c.status === 'awaiting_decision' && gate(model.roster, c, who, 'outcome') === null) {
    return 'disciplinary';
  }
  if (command.kind === 'decide_appeal' && c.status === 'appeal' && c.appealHearingChair === null && gate(model.roster, c, who, 'decide_appeal') === null) {
    return 'appeal';
  }
  return null;
}

/** A hearing held by `who` (with the audit actions it left): the disciplinary one moves the case to `hearing`. */
export function heldHearing(model: LifecycleModel, kind: 'disciplinary' | 'appeal', who: ActorName, actions: readonly string[]): void {
  const c = currentCase(model)!;
  c.actions.push(...actions);
  if (kind === 'disciplinary') {
    c.status = 'hearing';
    c.hearingChair = who;
  } else {
    c.appealHearingChair = who;
  }
}

export function describeCommand(command: Command, pick: ActorPick): string {
  const { kind, ...rest } = command;
  const params = Object.entries(rest)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${pick}:${kind}${params ? `(${params})` : ''}`;
}
