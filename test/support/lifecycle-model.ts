/**
 * A small model of one organisation's cases under domain.md's rules ("The case lifecycle",
 * "People and roles", "Conflicts of interest") and api.md's routes, for the model-based test
 * (test/e2e/lifecycle-model.e2e-spec.ts). It is a second, independent statement of the rules
 * specialised to the demo users: it does not import the implementation's policy functions, so
 * a change to either shows up as a disagreement.
 *
 * For each command by each demo user it predicts acceptance (and the 2xx status and the one
 * audit action it leaves) or refusal with the status class: 403 (role may not), 404 (case not
 * visible), 409 (wrong state / conflict of interest), 400 (inconsistent input found by a rule).
 */

export const ACTORS = ['deputy', 'head', 'governor', 'hr', 'investigator', 'investigator2', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

type Role = 'admin' | 'deputy_head' | 'investigating_manager' | 'headteacher' | 'governor' | 'hr';
export const ROLE_OF: Record<ActorName, Role> = {
  deputy: 'deputy_head',
  head: 'headteacher',
  governor: 'governor',
  hr: 'hr',
  investigator: 'investigating_manager',
  investigator2: 'investigating_manager',
  admin: 'admin',
};

/** Every demo user is also in the staff directory; Sam and Taylor are staff without a login. */
export type Person = ActorName | 'sam' | 'taylor';

export type CaseStatus = 'reported' | 'investigation' | 'awaiting_decision' | 'decided' | 'appeal' | 'closed';
export type TriageDecision = 'no_further_action' | 'informal_resolution' | 'investigate';
export type Finding = 'substantiated' | 'not_substantiated' | 'inconclusive';
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
  /** The audit actions the case's accepted commands left, in order. */
  actions: string[];
}

export interface LifecycleModel {
  cases: ModelCase[];
}

export type Command =
  | { kind: 'report'; subject: Person; reporter: Person | null; involvesPupils: boolean }
  | { kind: 'triage'; decision: TriageDecision }
  | { kind: 'referral' }
  | { kind: 'assign'; candidate: 'natural' | 'current' | 'investigator' | 'investigator2' | 'hr' }
  | { kind: 'allegation' }
  | { kind: 'notify'; which: 'all' | 'first' }
  | { kind: 'respond' }
  | { kind: 'finding'; target: 'next' | 'first' | 'foreign'; finding: Finding }
  | { kind: 'submit' }
  | { kind: 'outcome'; variant: OutcomeVariant; deadline: Deadline }
  | { kind: 'lodge'; lodgedAt: LodgedAt }
  | { kind: 'decide_appeal'; result: AppealResult }
  | { kind: 'close' }
  | { kind: 'view' };
export type CommandKind = Command['kind'];

/** Who performs a command: a named demo user, or "natural": the user the model expects to be allowed. */
export type ActorPick = ActorName | 'natural';

export type Prediction = { accept: true; status: number; action: string } | { accept: false; status: 400 | 403 | 404 | 409; why: string };

export function emptyModel(): LifecycleModel {
  return { cases: [] };
}

export function currentCase(model: LifecycleModel): ModelCase | undefined {
  return model.cases[model.cases.length - 1];
}

// ---------------------------------------------------------------- who may do what (api.md)

type Route = 'view' | 'report' | 'triage' | 'referral' | 'assign' | 'investigation' | 'outcome' | 'lodge' | 'decide_appeal' | 'close';

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
};

function routeOf(kind: CommandKind): Route {
  switch (kind) {
    case 'allegation':
    case 'notify':
    case 'respond':
    case 'finding':
    case 'submit':
      return 'investigation';
    default:
      return kind;
  }
}

// ---------------------------------------------------------------- conflicts of interest (domain.md)

const isParty = (c: ModelCase, who: ActorName) => c.subject === who || c.reporter === who;
/** Subject, reporter or witness of the case, or ever its investigating manager. */
const conflicted = (c: ModelCase, who: ActorName) => isParty(c, who) || c.investigators.includes(who);
/** "Only when every active headteacher is conflicted do the governors act"; nobody when they are too. */
export const decisionMaker = (c: ModelCase): 'head' | 'governor' | null => (!conflicted(c, 'head') ? 'head' : !conflicted(c, 'governor') ? 'governor' : null);
const actingDecisionMaker = (c: ModelCase, who: ActorName) => decisionMaker(c) === who && !conflicted(c, who);
/** "Appeal decided by someone who neither investigated nor decided the outcome." */
const mayHearAppeal = (c: ModelCase, who: ActorName) => (who === 'head' || who === 'governor') && !conflicted(c, who) && c.outcome?.decidedBy !== who;

export function canSee(c: ModelCase, who: ActorName): boolean {
  if (c.subject === who) return false; // a subject can never read the case
  switch (ROLE_OF[who]) {
    case 'admin':
      return false; // never reads casework
    case 'deputy_head':
    case 'hr':
      return true;
    case 'headteacher':
      return !conflicted(c, who);
    case 'investigating_manager':
      return c.investigator === who; // only cases assigned to them
    case 'governor':
      return actingDecisionMaker(c, who) || (c.status === 'appeal' && mayHearAppeal(c, who)) || c.appeal?.decidedBy === who;
  }
}

function actsOn(c: ModelCase, who: ActorName, route: Route): boolean {
  switch (route) {
    case 'assign':
    case 'outcome':
    case 'close':
      return actingDecisionMaker(c, who);
    case 'triage':
      return (ROLE_OF[who] === 'deputy_head' && !conflicted(c, who)) || actingDecisionMaker(c, who);
    case 'referral':
      return ROLE_OF[who] === 'deputy_head' || actingDecisionMaker(c, who);
    case 'investigation':
      return c.investigator === who;
    case 'decide_appeal':
      return mayHearAppeal(c, who);
    default:
      return true;
  }
}

/** The route, visibility and role-on-this-case checks, in the order the API applies them. */
function gate(c: ModelCase, who: ActorName, route: Route): Prediction | null {
  if (!ROUTE_ROLES[route].includes(ROLE_OF[who])) return refuse(403, `${ROLE_OF[who]} may not use this route`);
  if (!canSee(c, who)) return refuse(404, 'the case is not visible to them');
  if (!actsOn(c, who, route)) {
    const decision = route === 'assign' || route === 'outcome' || route === 'close';
    return decision && decisionMaker(c) === null
      ? refuse(409, 'nobody may decide: every headteacher and governor is conflicted')
      : refuse(403, 'their role may not do this on this case');
  }
  return null;
}

const refuse = (status: 400 | 403 | 404 | 409, why: string): Prediction => ({ accept: false, status, why });
const accept = (status: number, action: string): Prediction => ({ accept: true, status, action });

// ---------------------------------------------------------------- the natural actor

/** The user the rules let do it, when there is one: keeps random sequences moving through the lifecycle. */
export function resolveActor(model: LifecycleModel, command: Command, pick: ActorPick): ActorName {
  if (pick !== 'natural') return pick;
  const c = currentCase(model);
  switch (command.kind) {
    case 'report':
      return 'deputy';
    case 'triage':
    case 'referral':
      return c && conflicted(c, 'deputy') ? (decisionMaker(c) ?? 'deputy') : 'deputy';
    case 'assign':
    case 'outcome':
    case 'close':
      return c ? (decisionMaker(c) ?? 'head') : 'head';
    case 'allegation':
    case 'notify':
    case 'respond':
    case 'finding':
    case 'submit':
      return c?.investigator ?? 'investigator';
    case 'lodge':
      return c?.subject === 'hr' ? 'head' : 'hr';
    case 'decide_appeal':
      return 'governor';
    case 'view':
      // The subject, when they have a login: a subject must never read their case.
      return c && c.subject !== 'sam' && c.subject !== 'taylor' ? c.subject : 'hr';
  }
}

/** The investigating manager to appoint: the one not yet appointed and not a party. */
export function resolveCandidate(model: LifecycleModel, command: Extract<Command, { kind: 'assign' }>): 'investigator' | 'investigator2' | 'hr' {
  const c = currentCase(model);
  if (command.candidate === 'current') return (c?.investigator as 'investigator' | 'investigator2' | null) ?? 'investigator';
  if (command.candidate !== 'natural') return command.candidate;
  const free = (['investigator', 'investigator2'] as const).find((who) => c && c.investigator !== who && !isParty(c, who));
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
  if (command.kind === 'report') {
    if (!ROUTE_ROLES.report.includes(ROLE_OF[who])) return refuse(403, 'only the deputy head logs reports');
    if (command.subject === who) return refuse(409, 'nobody logs a report about themselves');
    return accept(201, 'report.created');
  }
  const c = currentCase(model);
  if (!c) throw new Error('no case yet: the command should not have been generated');
  const route = routeOf(command.kind);

  if (command.kind === 'decide_appeal' && !c.appeal) {
    // There is no appeal to address: the test sends an unknown appeal id.
    if (!ROUTE_ROLES.decide_appeal.includes(ROLE_OF[who])) return refuse(403, `${ROLE_OF[who]} may not decide appeals`);
    return refuse(404, 'no such appeal');
  }
  const gated = gate(c, who, route);
  if (gated) return gated;
  const inInvestigation = c.status === 'investigation';

  switch (command.kind) {
    case 'view':
      return accept(200, 'case.viewed');
    case 'triage':
      if (c.status !== 'reported') return refuse(409, 'only a reported case is triaged');
      if (command.decision === 'investigate' && decisionMaker(c) === null) return refuse(409, 'nobody could appoint an investigating manager');
      return accept(200, 'case.triaged');
    case 'referral':
      return accept(201, 'safeguarding.referred');
    case 'assign': {
      if (!inInvestigation) return refuse(409, 'appointments only while the investigation is open');
      const candidate = resolveCandidate(model, command);
      if (c.investigator === candidate) return refuse(409, 'already appointed');
      if (ROLE_OF[candidate] !== 'investigating_manager') return refuse(409, 'only an investigating manager can be appointed');
      if (isParty(c, candidate)) return refuse(409, 'the investigating manager cannot be a party to the case');
      return accept(200, c.investigator ? 'case.reassigned' : 'case.assigned');
    }
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
      return accept(201, c.allegations[index].finding ? 'finding.revised' : 'finding.recorded');
    }
    case 'submit': {
      if (!inInvestigation) return refuse(409, 'the investigation is not open');
      const blocked = c.allegations.length === 0 || c.allegations.some((a) => !a.notified || a.finding === null) || c.responses === 0;
      if (blocked) return refuse(409, 'allegations, written notice of each, a response and a finding on each come first');
      return accept(200, 'investigation.submitted');
    }
    case 'outcome': {
      if (c.status !== 'awaiting_decision') return refuse(409, 'only a case awaiting decision is decided');
      if (command.variant === 'summary_dismissal_without_gross_misconduct') return refuse(400, 'summary dismissal is for gross misconduct only');
      const needsSubstantiated = command.variant === 'dismissal_with_notice' || command.variant === 'summary_dismissal';
      if (needsSubstantiated && !c.allegations.some((a) => a.finding === 'substantiated')) return refuse(409, 'dismissal needs a substantiated finding');
      return accept(201, 'outcome.recorded');
    }
    case 'lodge':
      if (c.status !== 'decided') return refuse(409, 'only a decided case is appealed');
      if (c.outcome!.sanction === 'no_action') return refuse(409, 'no sanction to appeal against');
      if (command.lodgedAt === 'now' && c.outcome!.deadline === 'past') return refuse(409, 'the appeal deadline has passed');
      // domain.md "Dates the API is told": stated as lodged in time but entered after the deadline, it needs a late-entry reason
      if (c.outcome!.deadline === 'past') return refuse(400, 'entered after the deadline without a late-entry reason');
      return accept(201, 'appeal.lodged');
    case 'decide_appeal':
      if (c.status !== 'appeal') return refuse(409, 'the appeal has been decided');
      if (command.result === 'varied' && SEVERITY.indexOf(VARIED_TO) >= SEVERITY.indexOf(c.outcome!.sanction)) {
        return refuse(409, 'an appeal can only reduce the sanction');
      }
      return accept(200, 'appeal.decided');
    case 'close':
      if (c.status !== 'decided') return refuse(409, 'only a decided case is closed this way');
      if (c.outcome!.deadline === 'future') return refuse(409, 'the appeal window is open');
      return accept(200, 'case.closed');
  }
}

// ---------------------------------------------------------------- effects of accepted commands

export function apply(model: LifecycleModel, command: Command, who: ActorName, action: string): void {
  if (command.kind === 'report') {
    model.cases.push({
      subject: command.subject,
      reporter: command.reporter,
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
      c.investigator = candidate as ActorName;
      if (!c.investigators.includes(candidate)) c.investigators.push(candidate);
      c.assignments++;
      break;
    }
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
  }
}

export function describeCommand(command: Command, pick: ActorPick): string {
  const { kind, ...rest } = command;
  const params = Object.entries(rest)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${pick}:${kind}${params ? `(${params})` : ''}`;
}
