import { randomBytes, randomUUID } from 'node:crypto';
import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { Response, Test } from 'supertest';
import { IS_PUBLIC, REQUIRED_PERMISSION } from '../../src/access/decorators';
import { Permission, rolesGranting } from '../../src/access/permissions';
import { Role, ROLES } from '../../src/access/roles';
import { TEST_PASSWORD } from '../support/constants';
import { CaseRule, PENDING_ROUTES, renderRoutePermissions, ROUTE_PERMISSIONS, RoutePermission, SWAGGER_ROUTES } from '../support/route-permissions';
import { DataSource } from 'typeorm';
import { DEFAULT_SIGN_IN_SETTINGS, saveSignInSettings } from '../../src/auth/sign-in-settings.sql';
import { OrganisationSetup } from '../../src/organisations/organisations.service';
import { addPerson, BuiltCase, buildCase, CaseSpec } from '../support/case-builder';
import { DEMO, reportBody, startTestApp, TestApp } from '../support/test-app';
import { DEFAULT_DEADLINES_BODY } from '../support/organisation-deadlines';
import { OUTCOME_LETTER } from '../../src/letters/kinds/outcome.letter';
import { NotificationsService } from '../../src/notifications/notifications.service';

/**
 * Issue 6, Reliability item 1: the authorization matrix. Every route the app serves (the
 * OpenAPI document and Nest's router) must be in test/support/route-permissions.ts; every
 * route × every role (and no token) × every target must answer exactly the expected class:
 *   401 without a token · 403 when no role of the caller holds the route's permission, or a
 *   visible case on which the caller may not do this · 404 for another organisation's,
 *   nonexistent and not-visible targets (unassigned, conflicted, the caller a subject) ·
 *   otherwise "allowed": 2xx, or 400/409/415 from a valid body in the wrong state.
 * Bodies are valid (a 400 from validation would hide a 404) and chosen so that no probe
 * changes who may see what: see BODIES. And no allowed answer (a list, an export, the audit
 * log, a subject-access export) may name a case the caller may not see: see `leaks`.
 *
 * Callers are the demo users, one per role, and — in a third organisation, Oakfield, made by
 * this file — people with several roles (a headteacher who is also deputy head, one who is
 * also hr, a governor who is also an investigating manager), a replaced investigator, a
 * deactivated headteacher and a governor among the subjects, and an hr account whose staff
 * record is not linked to it (PERSONAS). A person passes a route's guard when any of their
 * roles does, sees a case when any role does, and uses a route on it only through a role that
 * both sees the case and holds the route's permission (domain.md: conflicts are of the person).
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

/** At most this many requests in flight. */
const IN_FLIGHT = 8;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const MULTIPART = Symbol('multipart evidence upload');

// ---------------------------------------------------------------------------------------
// Who calls

/**
 * People of Oakfield with the roles they hold (their e-mails are made in beforeAll). Dan, a
 * deactivated headteacher, is no caller: he is a subject, and counts for nothing.
 */
const PERSONAS = {
  'Olive (headteacher + deputy_head)': ['headteacher', 'deputy_head'],
  'Otto (headteacher)': ['headteacher'],
  'Hal (headteacher + hr)': ['headteacher', 'hr'],
  'Gus (governor + investigating_manager)': ['governor', 'investigating_manager'],
  'Gwen (governor)': ['governor'],
  'Ivan (investigating_manager)': ['investigating_manager'],
  'Dee (deputy_head)': ['deputy_head'],
  'Harriet (hr, her staff record not linked)': ['hr'],
} as const satisfies Record<string, readonly Role[]>;
type Persona = keyof typeof PERSONAS;
const PERSONA_NAMES = Object.keys(PERSONAS) as Persona[];
const [OLIVE, OTTO, HAL, GUS, GWEN, IVAN, DEE, HARRIET] = PERSONA_NAMES;

type Caller = Role | 'no token' | Persona;
const CALLER_EMAIL: Record<Role, string> & Partial<Record<Persona, string>> = {
  admin: DEMO.admin,
  deputy_head: DEMO.deputy,
  investigating_manager: DEMO.investigator,
  headteacher: DEMO.head,
  governor: DEMO.governor,
  hr: DEMO.hr,
};
/** Who is probed on a target unless it names its own callers: the demo users and no token. */
const CALLERS: readonly Caller[] = [...ROLES, 'no token'];
const isPersona = (caller: Caller): caller is Persona => caller in PERSONAS;
const rolesOf = (caller: Exclude<Caller, 'no token'>): readonly Role[] => (isPersona(caller) ? PERSONAS[caller] : [caller]);
/** Routes that end the caller's current session: probed in a session of their own. */
const SESSION_ENDING_ROUTES: readonly string[] = ['POST /auth/logout'];

/**
 * Authorization bugs this matrix found (reported with it; src/ is left to its owners). A
 * mismatch matching an entry is printed, not failed; delete the entry with the fix (the matrix
 * says when an entry no longer matches anything).
 */
const KNOWN_BUGS: ReadonlyArray<{ route: string; role: Caller; got: RegExp; bug: string }> = [];

// ---------------------------------------------------------------------------------------
// What they call it on

interface Ids {
  caseId?: string;
  evidenceId?: string;
  monitoringRequestId?: string;
  appealId?: string;
  staffId?: string;
  userId?: string;
  sessionId?: string;
  /** an in-app notification (process.md §6), not to be confused with a subject notification (`notificationId`) */
  inAppNotificationId?: string;
  /** records of a case, each at its own path (api.md "Conventions": records that name themselves) */
  allegationId?: string;
  factId?: string;
  interviewId?: string;
  notificationId?: string;
  responseId?: string;
  referralId?: string;
  disclosureId?: string;
  consultationId?: string;
  decisionId?: string;
  suspensionId?: string;
  grievanceId?: string;
  /** an investigation meeting arranged with the first subject (process.md §2) */
  meetingId?: string;
  /** the case's disciplinary hearing (process.md §1) */
  hearingId?: string;
  /** not a path parameter: the case has an outcome (GET /cases/{id}/outcome answers it) */
  outcomeId?: string;
  /** not a path parameter: the case's human reference, looked for in answers (see `leaks`) */
  reference?: string;
}

type ActingRule = Exclude<CaseRule, 'visible' | 'headteacher'>;

interface Target {
  name: string;
  ids: Ids;
  /** the callers that see it: every other caller that passes the guard gets 404 */
  sees: readonly Caller[];
  /**
   * For a person with several roles, the roles through which they see it (default: all of
   * theirs): a route is theirs to use only through one of these.
   */
  seesAs?: Partial<Record<Persona, readonly Role[]>>;
  /** for each case rule, the callers (among those that see it) for whom it holds; 403 for the others */
  acts?: Partial<Record<ActingRule, readonly Caller[]>>;
  /**
   * The callers who do not see it but could have heard its grievance (a headteacher or governor
   * of the school, uninvolved): the grievance is decided, so deciding it answers them 409
   * already_decided, not 404 (case-access.policy.ts alreadyDecidedFor, as for an appeal).
   */
  toldGrievanceDecided?: readonly Caller[];
  /** probed only on routes naming {evidenceId} */
  evidenceRoutesOnly?: boolean;
  /** who is probed on it (default: CALLERS) */
  callers?: readonly Caller[];
  /** a per-caller target (the case where the caller is a subject): hidden from its callers only */
  perCaller?: boolean;
  /** Oakfield's: its reference may equal a Werrington case's (references are unique per organisation) */
  oakfield?: boolean;
}

/** Path parameters that name a record of the case (or of the monitoring request): the target's id of that record. */
const RECORD_PARAMS: Readonly<Record<string, keyof Ids>> = {
  evidenceId: 'evidenceId',
  allegationId: 'allegationId',
  factId: 'factId',
  interviewId: 'interviewId',
  notificationId: 'notificationId',
  responseId: 'responseId',
  referralId: 'referralId',
  disclosureId: 'disclosureId',
  consultationId: 'consultationId',
  decisionId: 'decisionId',
  suspensionId: 'suspensionId',
  grievanceId: 'grievanceId',
  meetingId: 'meetingId',
};

/** A record a route answers that no path parameter names: only targets that have it are probed. */
const IMPLIED_IDS: Readonly<Record<string, ReadonlyArray<keyof Ids>>> = { 'GET /cases/{id}/outcome': ['outcomeId'] };

/** Path parameters that name no record but a kind of thing, probed with one value (letters: the acting decision-maker's `outcome`). */
const LITERAL_PARAMS: Record<string, string> = {
  kind: 'outcome',
  // single sign-on's start (public), for Werrington (set once the app runs): with none set up, a redirect back to the sign-in page
  organisationId: '',
};

/** The id each path parameter of a route names, by scope (then the records it implies). */
function neededIds(key: string, route: RoutePermission): Array<keyof Ids> {
  const params = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((param) => !(param in LITERAL_PARAMS));
  const named = params.map((param): keyof Ids => {
    if (RECORD_PARAMS[param]) return RECORD_PARAMS[param];
    switch (route.scope) {
      case 'case':
      case 'case-filter':
        return 'caseId';
      case 'monitoring-request':
        return 'monitoringRequestId';
      case 'appeal':
        return 'appealId';
      case 'hearing':
        return 'hearingId';
      case 'staff':
        return 'staffId';
      case 'user':
        return 'userId';
      case 'session':
        return 'sessionId';
      case 'notification':
        return 'inAppNotificationId';
      default:
        throw new Error(`${key}: a ${route.scope} route with a path parameter {${param}}`);
    }
  });
  return [...named, ...(IMPLIED_IDS[key] ?? [])];
}

function url(key: string, route: RoutePermission, ids: Ids): string {
  const needed = neededIds(key, route);
  let i = 0;
  return key.split(' ')[1].replace(/\{(\w+)\}/g, (_m, param: string) => LITERAL_PARAMS[param] ?? ids[needed[i++]]!);
}

// ---------------------------------------------------------------------------------------
// What to expect

type Expected = 401 | 403 | 404 | 'allowed';

function expectedFor(route: RoutePermission, caller: Caller, target: Target): Expected {
  if (route.scope === 'public') return 'allowed';
  if (caller === 'no token') return 401;
  const roles = rolesOf(caller);
  if (!roles.some((role) => route.roles.includes(role))) return 403;
  if (route.scope === 'case-filter') return 'allowed'; // a filter: `leaks` checks the answer
  if (!target.sees.includes(caller)) return route.permission === 'grievances:decide' && target.toldGrievanceDecided?.includes(caller) ? 'allowed' : 404;
  // the roles through which the caller sees the target: only these may act on it
  const seeing = (isPersona(caller) && target.seesAs?.[caller]) || roles;
  const rule = route.caseRule ?? 'visible';
  if (rule === 'visible') return seeing.some((role) => route.roles.includes(role)) ? 'allowed' : 403;
  if (rule === 'headteacher') return seeing.includes('headteacher') ? 'allowed' : 403;
  // reading other people's evidence: everyone who sees the case, unless the target says otherwise (a reporter or witness does not)
  const holders = target.acts?.[rule] ?? (rule === 'reads-evidence' ? target.sees : []);
  if (!holders.includes(caller)) return 403;
  return 'allowed';
}

/** The class of a response; a denial must be problem+json. */
function classify(res: Response): Expected | string {
  if ([401, 403, 404].includes(res.status)) {
    return String(res.headers['content-type']).includes('application/problem+json') ? (res.status as 401 | 403 | 404) : `${res.status} (not problem+json)`;
  }
  // a redirect (single sign-on's browser navigations) is an answer too
  if ((res.status >= 200 && res.status < 400) || [400, 409, 415].includes(res.status)) return 'allowed';
  return String(res.status);
}

// ---------------------------------------------------------------------------------------
// Bodies: valid (so that validation never answers before the access check), and unable to
// change visibility — nobody is (re)assigned, no case reaches `decided`, no appeal is lodged or decided.

interface BodyContext {
  t: TestApp;
  hrUserId: string;
}
type Body = object | typeof MULTIPART;

const BODIES: Record<string, (c: BodyContext) => Body> = {
  'POST /auth/login': () => ({ email: DEMO.hr, password: TEST_PASSWORD }),
  // the caller's own school: 400 (already acting there), after the access check; no session ends
  'POST /auth/organisation': ({ t }) => ({ organisationId: t.ids.org.werrington }),
  // wrong codes: 400 (or 409 with no enrolment under way), after the access check
  'POST /auth/second-factor/enrolment/confirm': () => ({ code: '000000' }),
  'POST /auth/second-factor/verify': () => ({ code: '000000' }),
  // the demo's own settings again: nothing changes for the other probes
  'PUT /organisation/sign-in': () => ({ passwordSignIn: true, secondFactorRoles: [], acceptProviderMfa: false, sso: null }),
  'POST /users': () => ({ email: `probe-${randomBytes(4).toString('hex')}@demo.school`, name: 'Probe User', password: TEST_PASSWORD, roles: ['hr'] }),
  'PATCH /users/{id}': () => ({ name: 'Patch Target' }),
  'POST /staff': () => ({ name: 'Probe Staff Member' }),
  // no link change: who is linked to whom (and so who is conflicted) stays as it is
  'PATCH /staff/{id}': () => ({ jobTitle: 'Probe Job Title' }),
  'POST /reports': ({ t }) => reportBody(t),
  // on the unassigned (reported) case: investigate, still unassigned; elsewhere 409
  'POST /cases/{id}/triage': () => ({ decision: 'investigate', rationale: 'Facts to establish.' }),
  'POST /cases/{id}/safeguarding-referral': () => ({ referredTo: 'Designated safeguarding lead', referredAt: ago(HOUR) }),
  // hr as case manager: a party of some targets (409 after the access check); changes nobody's view
  'POST /cases/{id}/lado-consultations': ({ hrUserId }) => ({
    consultedAt: ago(HOUR),
    ladoName: 'LADO',
    advice: 'Probe advice',
    thresholdMet: true,
    caseManagerUserId: hrUserId,
  }),
  'POST /cases/{id}/referral-decisions': () => ({ body: 'dbs', referred: false, reasonNotReferred: 'Probe reason' }),
  // process.md §1: not a subject of any case: 400 (or 409 past the outcome) after the access check
  'POST /cases/{id}/suspensions': () => ({
    subjectStaffId: randomUUID(),
    startsAt: ago(HOUR),
    grounds: ['risk_to_evidence'],
    reasons: 'Probe reasons',
    alternativesConsidered: 'Probe alternatives',
    reviewBy: ahead(7 * DAY),
  }),
  // §6: no subject of the case (400, so no grievance waits to change who sees it); the fixture's grievance is decided (409); an unknown one to pause for (400)
  'POST /cases/{id}/grievances': () => ({ subjectStaffId: randomUUID(), lodgedAt: ago(HOUR), summary: 'Probe grievance', relatedToProcess: false }),
  'POST /cases/{id}/grievances/{grievanceId}/decision': () => ({ outcome: 'not_upheld', reasons: 'Probe reasons', decidedAt: ago(HOUR) }),
  'POST /cases/{id}/pause': () => ({ grievanceId: randomUUID(), reason: 'Probe pause' }),
  'POST /cases/{id}/suspensions/{suspensionId}/reviews': () => ({ decision: 'continue', reasons: 'Probe review', reviewBy: ahead(7 * DAY) }),
  // hr is no investigating manager: 409 after the access check, nobody is reassigned
  'POST /cases/{id}/assign': ({ hrUserId }) => ({ investigatorUserId: hrUserId }),
  // process.md §6: more than a month at once, 400 after the access check: no deadline moves
  'POST /cases/{id}/extend-investigation': () => ({ workingDays: 21, reason: 'Probe extension' }),
  'PUT /me/notification-preferences': () => ({ email: 'both' }),
  'POST /cases/{id}/allegations': () => ({ policyStandard: '7.5', summary: 'Probe allegation' }),
  // ids not of the case: 400 after the access check
  'POST /cases/{id}/facts': () => ({ occurredAt: ago(DAY), description: 'Probe fact', evidenceIds: [randomUUID()] }),
  // a named witness outside the staff directory: conflicts nobody
  'POST /cases/{id}/interviews': () => ({ name: 'An External Witness', capacity: 'witness', heldAt: ago(DAY), statement: 'Probe statement' }),
  'POST /cases/{id}/subject-notifications': () => ({ sentAt: ago(DAY), method: 'letter', allegationIds: [randomUUID()] }),
  // process.md §2: nobody of the staff directory (400 after the access check); no meeting is arranged
  'POST /cases/{id}/investigation-meetings': () => ({ staffId: randomUUID(), scheduledFor: ahead(7 * DAY), place: 'Probe room', purpose: 'Probe purpose' }),
  // never notified (see above): 409
  'POST /cases/{id}/subject-responses': () => ({ receivedAt: ago(HOUR), response: 'Probe response' }),
  'POST /cases/{id}/findings': () => ({ allegationId: randomUUID(), finding: 'inconclusive', reasoning: 'Probe reasoning' }),
  // never notified: 409 submission_blocked, so no case reaches a decision
  'POST /cases/{id}/submit-report': () => ({ summary: 'Probe report' }),
  'POST /cases/{id}/evidence': () => MULTIPART,
  'POST /cases/{id}/evidence/{evidenceId}/handovers': () => ({ to: 'HR case file', handedOverAt: ago(HOUR) }),
  'POST /cases/{id}/monitoring-requests': () => monitoringRequest(),
  'POST /monitoring-requests/{id}/approve': () => ({}),
  'POST /monitoring-requests/{id}/reject': () => ({ reason: 'Not proportionate' }),
  'POST /monitoring-requests/{id}/disclosures': () => ({ recipient: 'HR adviser', purpose: 'Advice', disclosedAt: ago(HOUR) }),
  'POST /cases/{id}/outcome': () => outcome(),
  'POST /cases/{id}/appeals': () => ({ lodgedAt: ago(HOUR), grounds: 'Probe grounds' }),
  // a harsher sanction on appeal: 409 after the access check, so no appeal is decided (and nobody's view of it changes)
  'POST /appeals/{id}/decision': () => ({ result: 'varied', rationale: 'Probe rationale', newSanction: 'dismissal_with_notice' }),
  // process.md §1: no target waits for a hearing (409 after the access check); evidence not of the case (400), so no appeal hearing is made
  'POST /cases/{id}/hearings': () => ({ scheduledFor: ahead(14 * DAY), place: 'Probe room', evidenceIds: [], possibleOutcomes: ['no_action'] }),
  'POST /appeals/{id}/hearings': () => ({ scheduledFor: ahead(14 * DAY), place: 'Probe room', evidenceIds: [randomUUID()] }),
  'POST /hearings/{id}/rearrangements': () => ({ basis: 'chair_decision', scheduledFor: ahead(20 * DAY), reason: 'Probe reason' }),
  'POST /hearings/{id}/record': () => ({ heldAt: ago(HOUR), subjectAttended: true, attendees: [], notes: 'Probe notes' }),
  'POST /cases/{id}/close': () => ({}),
  'POST /cases/{id}/legal-hold': () => ({ reason: 'Tribunal claim pending' }),
  'POST /retention/run': () => ({}),
  // process.md §2: no case probed has the outcome letter generated: 409 after the access check
  'POST /cases/{id}/letters/{kind}/sent': () => ({ sentAt: ago(HOUR), method: 'post' }),
  'PATCH /organisation/letterhead': () => ({ signatoryTitle: 'Headteacher' }),
  'PUT /organisation/letter-templates/{kind}': () => ({ body: OUTCOME_LETTER.defaultBody }),
  // the default nation again: nothing changes for the other probes
  'PUT /organisation/nation': () => ({ nation: 'england_and_wales' }),
  'PUT /organisation/deadlines': () => ({ ...DEFAULT_DEADLINES_BODY }),
};

function monitoringRequest() {
  return {
    scope: 'school_systems',
    reason: 'working_time_use',
    justification: 'Reports of social media use during lessons',
    proportionality: 'Two weeks of the web filter log only',
    periodFrom: ago(14 * DAY),
    periodTo: ago(DAY),
    systems: ['school web filter log'],
    expiresAt: ahead(30 * DAY),
  };
}

function outcome() {
  return {
    sanction: 'first_written_warning',
    grossMisconduct: false,
    rationale: 'The substantiated post breached §7.5.',
    decidedAt: ago(DAY),
    warningExpiresAt: ahead(365 * DAY),
    appealDeadline: ahead(10 * DAY),
  };
}

// ---------------------------------------------------------------------------------------
// Served routes

type OpenApi = { paths: Record<string, Record<string, unknown>> };
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `METHOD /path` of every route handler of every controller, from Nest's own metadata. */
function nestRoutes(t: TestApp): Array<{ key: string; permission: string | undefined; isPublic: boolean }> {
  const routes: Array<{ key: string; permission: string | undefined; isPublic: boolean }> = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '')[0];
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const permission = Reflect.getMetadata(REQUIRED_PERMISSION, handler) ?? Reflect.getMetadata(REQUIRED_PERMISSION, controller);
        const isPublic = (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)) === true;
        for (const sub of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '')) {
          const path = `/${[base, sub].filter((s) => s && s !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
          routes.push({ key: `${RequestMethod[method]} ${path}`, permission, isPublic });
        }
      }
    }
  }
  return routes;
}

// ---------------------------------------------------------------------------------------
// Helpers

/** Runs `work` over `items` with at most `limit` in flight. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** `GET /cases/{id}/summary?include=special` → `GET /cases/{id}/summary` */
const baseKey = (key: string) => key.split('?')[0];

describe('authorization matrix (issue 6, Reliability 1)', () => {
  let t: TestApp;
  let served: string[];
  let hrUserId: string;
  let targets: Target[];

  /** A session of its own for `email` (not the one t.token keeps): its access token. */
  async function signInAgain(email: string): Promise<{ accessToken: string; sessionId: string }> {
    const res = await must(`sign in as ${email}`, 200, t.http().post('/auth/login').send({ email, password: TEST_PASSWORD }));
    return { accessToken: res.body.accessToken, sessionId: JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString()).sid };
  }

  /** A request, as `email` or without a token; `ownSession`: in a session of its own, for routes that end the session they are called in. */
  async function call(method: string, path: string, email: string | null, body?: Body, ownSession = false): Promise<Response> {
    let req: Test = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put'](path);
    if (email) req = req.set('authorization', `Bearer ${ownSession ? (await signInAgain(email)).accessToken : await t.token(email)}`);
    if (body === MULTIPART) {
      req = req
        .field('kind', 'screenshot')
        .field('description', 'Screenshot of the post')
        .field('source', 'Sent by the reporter')
        .field('capturedAt', ago(DAY))
        .attach('file', Buffer.concat([PNG, randomBytes(16)]), { filename: 'post.png', contentType: 'image/png' });
    } else if (body !== undefined) {
      req = req.send(body);
    }
    return req;
  }

  /** A fixture step that must succeed: `status`, or a thrown error naming the step and the answer. */
  async function must(what: string, status: number, res: Promise<Response>): Promise<Response> {
    const answer = await res;
    if (answer.status !== status) throw new Error(`fixture: ${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }

  interface MatrixCase {
    label: string;
    subjects: string[];
    /** the deputy who logs and triages the report (stop at `reported` when no investigator) */
    deputy: string;
    investigator?: string;
    /** investigating managers appointed, then replaced, before `investigator` */
    replaced?: string[];
    /** who appoints and decides: the acting decision-maker */
    decider?: string;
    /** who lodges the appeal; without one the case stays in investigation */
    lodger?: string;
    reporter?: string;
    witnesses?: string[];
  }

  /** A case taken as far as the spec says by the test builder, with an item of evidence, a monitoring request and an appeal on the way. */
  async function build(spec: MatrixCase): Promise<Ids> {
    const built: BuiltCase = await buildCase(t, {
      label: spec.label,
      to: spec.lodger ? 'appeal' : spec.investigator ? 'assigned' : 'reported',
      subjects: spec.subjects,
      reporter: spec.reporter,
      deputy: spec.deputy,
      investigator: spec.investigator,
      replacedInvestigators: spec.replaced,
      decider: spec.decider,
      lodger: spec.lodger,
      allegations: [{ policyStandard: '7.5', summary: 'Named a colleague publicly' }],
      witnesses: spec.witnesses?.map((staffId) => ({ staffId })),
      // every kind of record, for the routes that read each at its own path
      referral: true,
      lado: true,
      referralDecision: true,
      ...(spec.investigator ? { evidence: 1, fact: true, monitoring: true, monitoringDecision: 'approve', disclosure: true } : {}),
    } satisfies CaseSpec);
    const { caseId, reference, evidenceId, monitoringRequestId, appealId, factId, notificationId, responseId, referralId, disclosureId, outcomeId, hearingId } =
      built;
    const [consultationId, decisionId] = [built.ladoConsultationId, built.referralDecisionId];
    const [allegationId, interviewId] = [built.allegationIds[0], built.interviewIds[0]];
    // process.md §1: a suspension of the first subject, set directly (the builder takes most cases past the outcome, where none may be recorded)
    const suspension = await t.db.query(
      `INSERT INTO suspensions (organisation_id, case_id, recorded_by_user_id, subject_staff_id, starts_at, grounds, reasons, alternatives_considered, review_by)
       SELECT c.organisation_id, c.id, (SELECT u.id FROM users u WHERE u.organisation_id = c.organisation_id ORDER BY u.created_at LIMIT 1), $2, now() - interval '1 day', '{risk_to_evidence}', 'Probe reasons', 'Probe alternatives', now() + interval '7 days'
       FROM cases c WHERE c.id = $1 RETURNING id`,
      [caseId, spec.subjects[0]],
    );
    const suspensionId: string = suspension.rows[0].id;
    // §6: a grievance already decided, set directly, by someone who is no governor: an undecided one (or a governor deciding it) would change who sees the case
    const grievance = await t.db.query(
      `INSERT INTO grievances (organisation_id, case_id, recorded_by_user_id, subject_staff_id, lodged_at, summary, related_to_process, outcome, reasons, decided_at,
         decided_by_user_id)
       SELECT c.organisation_id, c.id, nobody.id, $2, now() - interval '2 days', 'Probe grievance', true, 'not_upheld', 'Probe reasons', now() - interval '1 day', nobody.id
       FROM cases c, LATERAL (SELECT u.id FROM users u WHERE u.organisation_id = c.organisation_id AND NOT 'governor' = ANY(u.roles) ORDER BY u.created_at, u.id LIMIT 1) nobody
       WHERE c.id = $1 RETURNING id`,
      [caseId, spec.subjects[0]],
    );
    const grievanceId: string = grievance.rows[0].id;
    // process.md §2: a meeting arranged with the first subject, set directly (the builder takes most cases past the investigation); it makes nobody a party
    const meeting = await t.db.query(
      `INSERT INTO investigation_meetings (organisation_id, case_id, recorded_by_user_id, staff_id, scheduled_for, place, purpose)
       SELECT c.organisation_id, c.id, (SELECT u.id FROM users u WHERE u.organisation_id = c.organisation_id ORDER BY u.created_at LIMIT 1), $2, now() + interval '7 days', 'Probe room', 'Probe purpose'
       FROM cases c WHERE c.id = $1 RETURNING id`,
      [caseId, spec.subjects[0]],
    );
    const meetingId: string = meeting.rows[0].id;
    return {
      caseId,
      reference,
      evidenceId,
      monitoringRequestId,
      appealId,
      allegationId,
      factId,
      interviewId,
      notificationId,
      responseId,
      referralId,
      disclosureId,
      consultationId,
      decisionId,
      suspensionId,
      grievanceId,
      meetingId,
      hearingId,
      outcomeId,
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    LITERAL_PARAMS.organisationId = t.ids.org.werrington;
    hrUserId = t.ids.users[DEMO.hr];

    // served routes: the OpenAPI document, Nest's router, and Swagger's own pages
    const doc: OpenApi = (await t.http().get('/docs-json')).body;
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => HTTP_METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    const fromNest = nestRoutes(t).map((r) => r.key);
    const fastify = t.app.getHttpAdapter().getInstance();
    const swagger = SWAGGER_ROUTES.filter((key) => {
      const [method, path] = key.split(' ');
      return fastify.hasRoute({ method: method as 'GET', url: path });
    });
    served = [...new Set([...fromDoc, ...fromNest, ...swagger])].sort(byKey);

    // users the fixtures need: a second deputy (to log a report about the first), Northfield's
    // deputy and investigator (it has none), a user account for PATCH /users/{id}
    const admin = DEMO.admin;
    const northAdmin = DEMO.northAdmin;
    const user = (email: string, roles: Role[]) => ({ email, name: email.split('@')[0], password: TEST_PASSWORD, roles });
    await must('deputy2', 201, call('POST', '/users', admin, user('deputy2@demo.school', ['deputy_head'])));
    const patchTarget = await must('patch target', 201, call('POST', '/users', admin, user('patch-target@demo.school', ['hr'])));
    await must('north deputy', 201, call('POST', '/users', northAdmin, user('deputy@northfield.demo', ['deputy_head'])));
    const northInvestigator = await must(
      'north investigator',
      201,
      call('POST', '/users', northAdmin, user('investigator@northfield.demo', ['investigating_manager'])),
    );
    t.ids.users['investigator@northfield.demo'] = northInvestigator.body.id;
    // every caller's token, once, before the probes run in parallel
    for (const email of Object.values(CALLER_EMAIL)) await t.token(email);
    // a second session of each caller, theirs to end (DELETE /auth/sessions/{id}); and others' sessions, which are not
    const ownSessions = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, (await signInAgain(CALLER_EMAIL[role])).sessionId] as const)),
    ) as Record<Role, string>;
    const someoneElsesSession = (await signInAgain(DEMO.investigator2)).sessionId;
    const northfieldSession = (await signInAgain(DEMO.northHead)).sessionId;

    const sam = t.ids.staff['Sam Teacher'];
    const staffOf = (role: Role) => t.ids.staff[CALLER_EMAIL[role]];
    const standard = { deputy: DEMO.deputy, investigator: DEMO.investigator, decider: DEMO.head };
    const toAppeal = { ...standard, lodger: DEMO.hr };
    // a case where the caller is a subject, for each role: taken to appeal, so it has every kind of id
    const subjectSpecs: Record<Role, MatrixCase> = {
      admin: { label: 'admin is the subject', subjects: [staffOf('admin')], ...toAppeal },
      deputy_head: { label: 'deputy is the subject', subjects: [staffOf('deputy_head')], ...toAppeal, deputy: 'deputy2@demo.school' },
      // investigator2 builds it; investigator@ is made its investigator afterwards (below)
      investigating_manager: {
        label: 'investigator is the subject',
        subjects: [staffOf('investigating_manager')],
        ...toAppeal,
        investigator: DEMO.investigator2,
      },
      headteacher: { label: 'headteacher is the subject', subjects: [staffOf('headteacher')], ...toAppeal, decider: DEMO.governor },
      governor: { label: 'governor is the subject', subjects: [staffOf('governor')], ...toAppeal },
      hr: { label: 'hr is the subject', subjects: [staffOf('hr')], ...toAppeal, lodger: DEMO.head },
    };
    const specs = {
      assigned: { label: 'assigned', subjects: [sam], ...standard },
      // Sam too: the headteacher's subject-access export of Sam must not show it
      headSubject: { label: 'headteacher conflicted', subjects: [staffOf('headteacher'), sam], ...standard, decider: DEMO.governor },
      unassigned: { label: 'unassigned', subjects: [sam], deputy: DEMO.deputy },
      otherInvestigator: { label: 'other investigator', subjects: [sam], ...standard, investigator: DEMO.investigator2 },
      appeal: { label: 'on appeal', subjects: [sam], ...toAppeal },
      northfield: {
        label: 'Northfield',
        subjects: [t.ids.staff['Robin Teacher']],
        deputy: 'deputy@northfield.demo',
        investigator: 'investigator@northfield.demo',
        decider: DEMO.northHead,
        lodger: DEMO.northHead,
      },
      ...Object.fromEntries(ROLES.map((role) => [`subject:${role}`, subjectSpecs[role]])),
    } satisfies Record<string, MatrixCase>;
    const built: Record<string, Ids> = {};
    await inPool(Object.entries(specs), IN_FLIGHT, async ([name, spec]) => {
      built[name] = await build(spec);
    });
    // §4: a subject never sees their own case, even as its assigned investigator (the API
    // refuses such an appointment, so it is set directly: only the subject rule then hides it)
    await t.db.query('UPDATE cases SET investigator_user_id = $1 WHERE id = $2', [
      t.ids.users[DEMO.investigator],
      built['subject:investigating_manager'].caseId,
    ]);

    const none = randomUUID;
    // process.md §6: an in-app notification of each caller's, theirs to mark read; and others', which are not
    const notificationFor = async (email: string, organisationId: string, caseId: string) => {
      const userId = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [email])).rows[0].id;
      await t.app
        .get(DataSource)
        .transaction((em) =>
          t.app.get(NotificationsService).notify(em, [{ organisationId, userId, caseId, reference: 'SMP-PROBE', kind: 'probe', what: 'A probe', dueAt: null }]),
        );
      return (await t.db.query<{ id: string }>(`SELECT id FROM notifications WHERE user_id = $1 AND kind = 'probe' ORDER BY created_at DESC LIMIT 1`, [userId]))
        .rows[0].id;
    };
    const ownNotifications = Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await notificationFor(CALLER_EMAIL[role], t.ids.org.werrington, built.assigned.caseId!)] as const)),
    ) as Record<Role, string>;
    const someoneElsesNotification = await notificationFor(DEMO.investigator2, t.ids.org.werrington, built.assigned.caseId!);
    const northfieldNotification = await notificationFor(DEMO.northHead, t.ids.org.northfield, built.northfield.caseId!);
    targets = [
      {
        name: 'assigned case (investigation, investigator@ assigned, headteacher not conflicted)',
        ids: built.assigned,
        sees: ['deputy_head', 'investigating_manager', 'headteacher', 'hr'],
        toldGrievanceDecided: ['governor'],
        acts: {
          'assigned-investigator': ['investigating_manager'],
          'decision-maker': ['headteacher'],
          'investigator-or-decision-maker': ['investigating_manager', 'headteacher'],
          triager: ['deputy_head', 'headteacher'],
          referrer: ['deputy_head', 'headteacher'],
          // may hear an appeal (none is lodged yet: that is the lifecycle's 409, not a 403)
          'appeal-hearer': ['headteacher'],
        },
      },
      {
        name: 'headteacher is a subject (governor acts for them)',
        ids: built.headSubject,
        sees: ['deputy_head', 'investigating_manager', 'governor', 'hr'],
        acts: {
          'assigned-investigator': ['investigating_manager'],
          'decision-maker': ['governor'],
          'investigator-or-decision-maker': ['investigating_manager', 'governor'],
          triager: ['deputy_head', 'governor'],
          referrer: ['deputy_head', 'governor'],
          'appeal-hearer': ['governor'],
        },
      },
      {
        name: 'unassigned case (reported)',
        ids: built.unassigned,
        sees: ['deputy_head', 'headteacher', 'hr'],
        toldGrievanceDecided: ['governor'],
        acts: {
          'decision-maker': ['headteacher'],
          'investigator-or-decision-maker': ['headteacher'],
          triager: ['deputy_head', 'headteacher'],
          referrer: ['deputy_head', 'headteacher'],
          'appeal-hearer': ['headteacher'],
        },
      },
      {
        name: 'case assigned to another investigator',
        ids: built.otherInvestigator,
        sees: ['deputy_head', 'headteacher', 'hr'],
        toldGrievanceDecided: ['governor'],
        acts: {
          'decision-maker': ['headteacher'],
          'investigator-or-decision-maker': ['headteacher'],
          triager: ['deputy_head', 'headteacher'],
          referrer: ['deputy_head', 'headteacher'],
          'appeal-hearer': ['headteacher'],
        },
      },
      {
        // the governor may hear the appeal; the headteacher decided the outcome, so may not
        name: 'case on appeal (outcome by the headteacher)',
        ids: built.appeal,
        sees: ['deputy_head', 'investigating_manager', 'headteacher', 'governor', 'hr'],
        acts: {
          'assigned-investigator': ['investigating_manager'],
          'decision-maker': ['headteacher'],
          'investigator-or-decision-maker': ['investigating_manager', 'headteacher'],
          triager: ['deputy_head', 'headteacher'],
          referrer: ['deputy_head', 'headteacher'],
          'appeal-hearer': ['governor'],
        },
      },
      {
        name: "another organisation's case, evidence, request, appeal, staff member, user",
        // (without its reference: references are unique per organisation only)
        ids: {
          ...built.northfield,
          reference: undefined,
          staffId: t.ids.staff['Robin Teacher'],
          userId: t.ids.users[DEMO.northHead],
          sessionId: northfieldSession,
          inAppNotificationId: northfieldNotification,
        },
        sees: [],
      },
      {
        name: 'nonexistent ids',
        ids: {
          caseId: none(),
          evidenceId: none(),
          monitoringRequestId: none(),
          appealId: none(),
          staffId: none(),
          userId: none(),
          sessionId: none(),
          inAppNotificationId: none(),
          ...Object.fromEntries(Object.values(RECORD_PARAMS).map((id) => [id, none()])),
          outcomeId: none(),
        },
        sees: [],
        callers: [...CALLERS, ...PERSONA_NAMES],
      },
      {
        name: "assigned case, another case's evidence",
        ids: { caseId: built.assigned.caseId, evidenceId: built.headSubject.evidenceId },
        sees: [],
        evidenceRoutesOnly: true,
      },
      {
        name: "assigned case, another organisation's evidence",
        ids: { caseId: built.assigned.caseId, evidenceId: built.northfield.evidenceId },
        sees: [],
        evidenceRoutesOnly: true,
      },
      { name: 'assigned case, nonexistent evidence', ids: { caseId: built.assigned.caseId, evidenceId: none() }, sees: [], evidenceRoutesOnly: true },
      ...ROLES.map((role): Target => ({
        name: 'the caller is a subject of the case',
        ids: built[`subject:${role}`],
        sees: [],
        callers: [role],
        perCaller: true,
      })),
      // a staff member of the organisation, so the export is allowed; the cases in it are only
      // those the caller may see (`leaks`): not the ones where Sam and the headteacher are subjects
      { name: 'own staff member (Sam Teacher)', ids: { staffId: sam }, sees: ROLES },
      ...ROLES.map((role): Target => ({
        name: "the caller's own staff record (a subject of a case)",
        ids: { staffId: staffOf(role) },
        sees: ROLES,
        callers: [role],
      })),
      { name: 'own user account', ids: { userId: patchTarget.body.id }, sees: ROLES },
      ...ROLES.map((role): Target => ({ name: "another session of the caller's", ids: { sessionId: ownSessions[role] }, sees: ROLES, callers: [role] })),
      { name: "another person's session", ids: { sessionId: someoneElsesSession }, sees: [] },
      // theirs, about the assigned case: marked read by those who see that case; 404 for the others (a case you may not see, its notifications too)
      ...ROLES.map((role): Target => ({
        name: "a notification of the caller's, about the assigned case",
        ids: { inAppNotificationId: ownNotifications[role] },
        sees: ['deputy_head', 'investigating_manager', 'headteacher', 'hr'],
        callers: [role],
      })),
      { name: "another person's notification", ids: { inAppNotificationId: someoneElsesNotification }, sees: [] },
      ...(await oakfieldTargets()),
    ];
  }, 120_000);

  /**
   * Oakfield: a third organisation, made here, whose people hold several roles each
   * (PERSONAS), with a deactivated headteacher and an unlinked staff record, and four cases
   * driven through the API by them. Its people are probed on its cases, on the organisation's
   * routes and on nonexistent ids; the demo users are not probed on its cases (another
   * organisation's case is the Northfield target's), but `leaks` checks that none of their
   * answers names one.
   */
  async function oakfieldTargets(): Promise<Target[]> {
    const passwordHash = (await t.db.query<{ password_hash: string }>(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.admin])).rows[0]
      .password_hash;
    const admin = 'admin@oakfield.demo';
    await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const organisationId = await setup.createOrganisation('Oakfield Primary (authorization matrix)');
      // roles and cases are probed here, not sign-in: no second factor asked (test/e2e/second-factor.e2e-spec.ts)
      await saveSignInSettings(em, organisationId, { ...DEFAULT_SIGN_IN_SETTINGS, secondFactorRoles: [] });
      await setup.createPerson(organisationId, { email: admin, name: 'Oak Admin', roles: ['admin'], passwordHash, jobTitle: 'Office manager' });
    });
    const people = {} as Record<Persona, { email: string; staffId: string }>;
    for (const name of PERSONA_NAMES) {
      people[name] = await addPerson(t, { name: name.split(' ')[0], roles: [...PERSONAS[name]], admin, linked: name !== HARRIET });
      CALLER_EMAIL[name] = people[name].email;
      await t.token(people[name].email);
    }
    // Dan, a headteacher whose account is deactivated; Pip, a teacher without a login
    const dan = await addPerson(t, { name: 'Dan', roles: ['headteacher'], admin, active: false });
    const pip = await (await t.as(admin)).post('/staff', { name: 'Pip Teacher', jobTitle: 'Teacher' });
    const staffOf = (name: Persona) => people[name].staffId;
    const cast = { deputy: people[DEE].email, investigator: people[IVAN].email, decider: people[OTTO].email };
    const [reporter, replaced, deactivated, unlinked] = await Promise.all([
      build({ label: 'Oakfield: head+deputy reporter', subjects: [pip.body.id], ...cast, reporter: staffOf(OLIVE) }),
      build({ label: 'Oakfield: replaced investigator', subjects: [pip.body.id], ...cast, replaced: [people[GUS].email], lodger: people[HARRIET].email }),
      build({ label: 'Oakfield: deactivated head and a governor the subjects', subjects: [dan.staffId, staffOf(GWEN)], ...cast }),
      build({ label: 'Oakfield: unlinked record the subject, head+hr a witness', subjects: [staffOf(HARRIET)], ...cast, witnesses: [staffOf(HAL)] }),
    ]);
    const oakfield = { callers: PERSONA_NAMES, oakfield: true } as const;
    return [
      {
        name: 'Oakfield: the reporter is a headteacher who is also deputy head (Olive)',
        ids: reporter,
        ...oakfield,
        sees: [OLIVE, OTTO, HAL, IVAN, DEE, HARRIET],
        // her headteacher role does not see it (conflicted); her deputy role does, and reads no one else's evidence
        seesAs: { [OLIVE]: ['deputy_head'] },
        toldGrievanceDecided: [GUS, GWEN],
        acts: {
          'assigned-investigator': [IVAN],
          'decision-maker': [OTTO, HAL],
          'investigator-or-decision-maker': [IVAN, OTTO, HAL],
          triager: [DEE, OTTO, HAL],
          referrer: [OLIVE, DEE, OTTO, HAL],
          'reads-evidence': [OTTO, HAL, IVAN, DEE, HARRIET],
          // §6: a grievance is heard by someone uninvolved (the appeal hearer's test)
          'appeal-hearer': [OTTO, HAL],
        },
      },
      {
        name: 'Oakfield: on appeal; Gus (governor + investigating manager) investigated first and was replaced; Otto decided',
        ids: replaced,
        ...oakfield,
        sees: [OLIVE, OTTO, HAL, IVAN, DEE, HARRIET, GWEN],
        acts: {
          'assigned-investigator': [IVAN],
          'decision-maker': [OLIVE, OTTO, HAL],
          'investigator-or-decision-maker': [IVAN, OLIVE, OTTO, HAL],
          triager: [DEE, OLIVE, OTTO, HAL],
          referrer: [DEE, OLIVE, OTTO, HAL],
          // never Gus (investigated), never Otto (decided the outcome)
          'appeal-hearer': [OLIVE, HAL, GWEN],
        },
      },
      {
        name: 'Oakfield: the subjects are a deactivated headteacher (Dan) and a governor (Gwen)',
        ids: deactivated,
        ...oakfield,
        // Dan counts for nothing: the headteachers act, so no governor sees it; Gwen is a subject
        sees: [OLIVE, OTTO, HAL, IVAN, DEE, HARRIET],
        toldGrievanceDecided: [GUS], // not Gwen: a subject
        acts: {
          'assigned-investigator': [IVAN],
          'decision-maker': [OLIVE, OTTO, HAL],
          'investigator-or-decision-maker': [IVAN, OLIVE, OTTO, HAL],
          triager: [DEE, OLIVE, OTTO, HAL],
          referrer: [DEE, OLIVE, OTTO, HAL],
          // §6: a grievance is heard by someone uninvolved (the appeal hearer's test)
          'appeal-hearer': [OLIVE, OTTO, HAL],
        },
      },
      {
        name: "Oakfield: the subject is Harriet's staff record, not linked to her account; Hal (headteacher + hr) a witness",
        ids: unlinked,
        ...oakfield,
        // to the system Harriet is any hr user; Hal sees it through hr only
        sees: [OLIVE, OTTO, HAL, IVAN, DEE, HARRIET],
        seesAs: { [HAL]: ['hr'] },
        toldGrievanceDecided: [GUS, GWEN],
        acts: {
          'assigned-investigator': [IVAN],
          'decision-maker': [OLIVE, OTTO],
          'investigator-or-decision-maker': [IVAN, OLIVE, OTTO],
          triager: [DEE, OLIVE, OTTO],
          referrer: [DEE, OLIVE, OTTO],
          'reads-evidence': [OLIVE, OTTO, IVAN, DEE, HARRIET],
          // §6: a grievance is heard by someone uninvolved (the appeal hearer's test)
          'appeal-hearer': [OLIVE, OTTO],
        },
      },
    ];
  }

  afterAll(() => t?.close());

  it('knows every role', () => {
    expect([...ROLES].sort()).toEqual(['admin', 'deputy_head', 'governor', 'headteacher', 'hr', 'investigating_manager']);
  });

  it('every served route is in the table; every table route is served (or listed as pending)', () => {
    const missing = served.filter((key) => !(key in ROUTE_PERMISSIONS));
    const notServed = [...new Set(Object.keys(ROUTE_PERMISSIONS).map(baseKey))].filter((key) => !served.includes(key));
    const pendingNotServed = notServed.filter((key) => PENDING_ROUTES.includes(key));
    const pendingServed = PENDING_ROUTES.filter((key) => served.includes(key));
    if (pendingNotServed.length) console.log(`authorization matrix: pending, not served yet (not probed): ${pendingNotServed.join(', ')}`);
    if (pendingServed.length) console.log(`authorization matrix: now served, remove from PENDING_ROUTES: ${pendingServed.join(', ')}`);
    expect({ 'served but missing from the table': missing, 'in the table but not served': notServed.filter((key) => !PENDING_ROUTES.includes(key)) }).toEqual({
      'served but missing from the table': [],
      'in the table but not served': [],
    });
  });

  it('the table agrees with each handler’s @Public()/@Allow(permission) and with permissions.ts', () => {
    const disagreements: string[] = [];
    for (const route of nestRoutes(t)) {
      const row = ROUTE_PERMISSIONS[route.key];
      if (!row) continue; // reported by the test above
      const declared = route.isPublic ? null : (route.permission ?? '(none: closed)');
      if (declared !== row.permission) disagreements.push(`${route.key}: the handler declares ${declared}, the table says ${row.permission}`);
      if (row.permission !== null) {
        const granting = rolesGranting(row.permission as Permission);
        if ([...granting].sort().join() !== [...row.roles].sort().join()) {
          disagreements.push(`${route.key}: permissions.ts grants ${row.permission} to [${granting.join(', ')}], the table says [${row.roles.join(', ')}]`);
        }
      }
      if ((row.scope === 'public') !== route.isPublic) disagreements.push(`${route.key}: public in the ${route.isPublic ? 'code' : 'table'} only`);
    }
    // a query-string row guards the same handler as its route
    for (const [key, row] of Object.entries(ROUTE_PERMISSIONS).filter(([k]) => k !== baseKey(k))) {
      const base = ROUTE_PERMISSIONS[baseKey(key)];
      if (!base) disagreements.push(`${key}: ${baseKey(key)} is not in the table`);
      else if (base.permission !== row.permission || base.roles.join() !== row.roles.join())
        disagreements.push(`${key}: not the permission and roles of ${baseKey(key)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('route → roles, for review', () => {
    expect(renderRoutePermissions()).toMatchSnapshot();
  });

  it('every route × every role × every target answers exactly as the table says', async () => {
    const started = Date.now();
    interface Probe {
      key: string;
      route: RoutePermission;
      caller: Caller;
      target: Target;
      expected: Expected;
    }
    const everyone: readonly Caller[] = [...ROLES, ...PERSONA_NAMES];
    const orgTarget: Target = { name: 'the organisation', ids: {}, sees: everyone, callers: [...CALLERS, ...PERSONA_NAMES] };
    const probes: Probe[] = [];
    const unexercised: string[] = [];
    for (const key of Object.keys(ROUTE_PERMISSIONS).sort(byKey)) {
      if (!served.includes(baseKey(key))) continue; // pending: reported by the route-coverage test
      const route = ROUTE_PERMISSIONS[key];
      const needed = neededIds(key, route);
      const applicable =
        needed.length === 0
          ? [orgTarget]
          : targets.filter((target) => needed.every((id) => target.ids[id]) && (!target.evidenceRoutesOnly || needed.includes('evidenceId')));
      for (const target of applicable) {
        for (const caller of target.callers ?? CALLERS) {
          probes.push({ key, route, caller, target, expected: expectedFor(route, caller, target) });
        }
      }
      if (!probes.some((p) => p.key === key && p.expected === 'allowed')) unexercised.push(`${key}: no probe where it is allowed`);
    }

    // what each caller may not see: the case fixtures' ids, and the references of their own organisation's
    // (references are unique per organisation only: another organisation's may equal one of theirs)
    const hidden = new Map<Caller, string[]>(everyone.map((caller) => [caller, []]));
    for (const target of targets) {
      if (!target.ids.caseId || target.evidenceRoutesOnly) continue;
      for (const caller of target.perCaller ? target.callers! : everyone.filter((c) => !target.sees.includes(c))) {
        const sameOrganisation = isPersona(caller) === Boolean(target.oakfield);
        hidden.get(caller)!.push(target.ids.caseId, ...(target.ids.reference && sameOrganisation ? [target.ids.reference] : []));
      }
    }
    /** The hidden ids and references an allowed answer names. */
    const leaks = (res: Response, caller: Caller): string[] => {
      if (caller === 'no token' || !(res.status >= 200 && res.status < 300) || res.request.url.includes('/docs')) return [];
      const text = res.text ?? (Buffer.isBuffer(res.body) ? '' : JSON.stringify(res.body));
      return hidden.get(caller)!.filter((token) => new RegExp(`\\b${token}\\b`).test(text));
    };

    const context: BodyContext = { t, hrUserId };
    type Mismatch = { route: string; role: Caller; target: string; expected: Expected; got: string };
    const mismatches: Mismatch[] = [];
    let unexpected2xx = 0;
    const known = new Map<(typeof KNOWN_BUGS)[number], Mismatch[]>();
    const run = async (probe: Probe) => {
      const [method] = probe.key.split(' ');
      const body = BODIES[probe.key]?.(context) ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
      const email = probe.caller === 'no token' ? null : CALLER_EMAIL[probe.caller]!;
      // a sign-out ends the session it is made in: never the one the other probes use
      const res = await call(method, url(probe.key, probe.route, probe.target.ids), email, body, SESSION_ENDING_ROUTES.includes(probe.key));
      const got = classify(res);
      const leaked = leaks(res, probe.caller);
      if (got === probe.expected && leaked.length === 0) return;
      const code = typeof res.body === 'object' && res.body && 'code' in res.body ? ` ${res.body.code}` : '';
      const naming = leaked.length ? `, naming cases hidden from the caller: ${leaked.join(', ')}` : '';
      const mismatch = { route: probe.key, role: probe.caller, target: probe.target.name, expected: probe.expected, got: `${res.status}${code}${naming}` };
      const bug = KNOWN_BUGS.find((b) => b.route === mismatch.route && b.role === mismatch.role && b.got.test(mismatch.got));
      if (bug) return void known.set(bug, [...(known.get(bug) ?? []), mismatch]);
      if (res.status >= 200 && res.status < 300) unexpected2xx++;
      mismatches.push(mismatch);
    };
    await inPool(probes, IN_FLIGHT, run);
    // the organisation-wide reads once more, now that every probe has written its audit events
    // (an export's or a filter's record of the cases it named must not show them to others)
    const rereads = probes
      .filter((p) => p.route.scope === 'org' && p.key.startsWith('GET ') && p.caller !== 'no token')
      .map((p) => ({ ...p, target: { ...p.target, name: 'the organisation, after every other probe' } }));
    await inPool(rereads, IN_FLIGHT, run);
    const total = probes.length + rereads.length;

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const knownCount = [...known.values()].reduce((n, list) => n + list.length, 0);
    console.log(
      `authorization matrix: ${total} probes over ${new Set(probes.map((p) => p.key)).size} routes in ${seconds} s; ` +
        `unexpected 2xx: ${unexpected2xx}; mismatches: ${mismatches.length}; known bugs (not failed): ${knownCount}`,
    );
    for (const bug of KNOWN_BUGS) {
      const seen = known.get(bug);
      if (seen)
        console.warn(
          `authorization matrix: KNOWN BUG on ${bug.route} as ${bug.role}: ${bug.bug}\n${seen.map((m) => `  ${m.role} @ ${m.target}: ${m.got}`).join('\n')}`,
        );
      else console.warn(`authorization matrix: known bug on ${bug.route} as ${bug.role} no longer seen: remove it from KNOWN_BUGS`);
    }
    mismatches.sort((a, b) => byKey(`${a.route} ${a.role} ${a.target}`, `${b.route} ${b.role} ${b.target}`));
    expect({ unexpected2xx, unexercised, mismatches }).toEqual({ unexpected2xx: 0, unexercised: [], mismatches: [] });
  }, 180_000);
});
