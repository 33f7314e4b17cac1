/**
 * THE expected permission of every route the app serves (issue 6, Reliability item 1).
 *
 * Written out by hand from api.md and domain.md "People and roles" — deliberately NOT derived
 * from src/access/permissions.ts — so that a permission change has to be made twice, and the
 * second time in review: test/e2e/authorization-matrix.e2e-spec.ts probes every route below
 * for every role and target, fails on a served route missing from here, and snapshots a
 * rendering of this table (test/e2e/__snapshots__/authorization-matrix.e2e-spec.ts.snap).
 *
 * Paths use OpenAPI syntax (`/cases/{id}`), keys are `METHOD /path`.
 */
import type { Role } from '../../src/access/roles';

/** What a route's `{id}` (and `{evidenceId}`) names, and so which targets it is probed with. */
export type RouteScope =
  /** no token needed */
  | 'public'
  /** the caller's organisation as a whole: no id in the path */
  | 'org'
  /** `{id}` is a case (and `{evidenceId}` an item of evidence of that case) */
  | 'case'
  /** `{id}` is a monitoring request; access follows its case */
  | 'monitoring-request'
  /** `{id}` is an appeal; access follows its case */
  | 'appeal'
  /** `{id}` is a hearing (process.md §1); access follows its case */
  | 'hearing'
  /** `{id}` is a staff-directory entry of the caller's organisation */
  | 'staff'
  /** `{id}` is a user account of the caller's organisation */
  | 'user'
  /** `{id}` is a session (docs/sessions.md): only the caller's own are theirs to end */
  | 'session'
  /** `{id}` is an in-app notification (docs/notifications.md): only the caller's own are theirs */
  | 'notification'
  /** `{id}`, in the query string, names a case to filter by: any case may be named, only what the caller may see is answered */
  | 'case-filter';

/**
 * Beyond seeing the case, which of the caller's relations to it the route needs
 * (domain.md "People and roles", "Conflicts of interest"); a visible case on which the rule
 * does not hold answers 403.
 */
export type CaseRule =
  /** seeing the case is enough */
  | 'visible'
  /** the investigating manager assigned to the case (§4) */
  | 'assigned-investigator'
  /** the acting decision-maker: the headteacher, or a governor when every headteacher is conflicted (§2) */
  | 'decision-maker'
  /** an unconflicted deputy head, or the acting decision-maker (§4 triage) */
  | 'triager'
  /** any deputy head who sees the case (the one who reported it too: a referral is no decision), or the acting decision-maker (§5) */
  | 'referrer'
  /** someone who sees the case and may read other people's evidence: not its reporter or a witness (domain.md "Conflicts of interest") */
  | 'reads-evidence'
  /** the assigned investigator, or the headteacher acting as decision-maker (§9 disclosures) */
  | 'investigator-or-decision-maker'
  /** someone who neither investigated nor decided the outcome, nor is otherwise conflicted (§12, ACAS) */
  | 'appeal-hearer'
  /** the headteacher, acting as such (on a case: one they see as headteacher): special-category content (§13) */
  | 'headteacher';

/**
 * Keys are `METHOD /path`, or `METHOD /path?query` for a query string that changes who may
 * call the route (probed as a row of its own; `/path` must be in the table too).
 */
export interface RoutePermission {
  /** the permission named by the handler's @Allow(...) (null for @Public()) */
  permission: string | null;
  /** the roles that pass the route-level guard; every other role gets 403 (empty for public routes) */
  roles: readonly Role[];
  scope: RouteScope;
  /** what the caller must be, beyond seeing the target (default: seeing it is enough) */
  caseRule?: CaseRule;
}

const ADMIN = 'admin';
const DEPUTY = 'deputy_head';
const INVESTIGATOR = 'investigating_manager';
const HEAD = 'headteacher';
const GOVERNOR = 'governor';
const HR = 'hr';

/** Every role but admin: the casework roles. */
const CASEWORK = [DEPUTY, INVESTIGATOR, HEAD, GOVERNOR, HR] as const;
const EVERYONE = [ADMIN, ...CASEWORK] as const;

export const ROUTE_PERMISSIONS: Readonly<Record<string, RoutePermission>> = {
  // api.md "Conventions": the only routes without a token
  'POST /auth/login': { permission: null, roles: [], scope: 'public' },
  // "holder of a refresh token": the token is the credential, not a bearer token
  'POST /auth/refresh': { permission: null, roles: [], scope: 'public' },
  // process.md §7: single sign-on, browser navigations answered with redirects
  'GET /auth/sso/{organisationId}/start': { permission: null, roles: [], scope: 'public' },
  'GET /auth/sso/callback': { permission: null, roles: [], scope: 'public' },
  'GET /health': { permission: null, roles: [], scope: 'public' },
  'GET /docs': { permission: null, roles: [], scope: 'public' },
  'GET /docs-json': { permission: null, roles: [], scope: 'public' },

  // Auth and people
  'GET /auth/me': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  // not in api.md: the policy's own words beside every choice (web.md)
  'GET /policy': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  // Sessions and passwords: every user, on their own sessions and password only
  'POST /auth/logout': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'GET /auth/sessions': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  // process.md §6: what waits for the caller (an admin's list is empty: they read no casework)
  'GET /me/tasks': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  // process.md §6: each person's own notifications and e-mail preference; failed e-mails for the admin (no case content)
  'GET /me/notifications': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /me/notifications/{id}/read': { permission: 'profile:read', roles: EVERYONE, scope: 'notification' },
  'GET /me/notification-preferences': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'PUT /me/notification-preferences': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'GET /notifications/failed-deliveries': { permission: 'users:manage', roles: [ADMIN], scope: 'org' },
  'DELETE /auth/sessions/{id}': { permission: 'profile:read', roles: EVERYONE, scope: 'session' },
  'POST /auth/password': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /users/{id}/password-reset': { permission: 'users:manage', roles: [ADMIN], scope: 'user' },
  // process.md §7: the second factor (each person's own), people in several schools, the admin's reset and settings
  'POST /auth/second-factor/enrolment': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /auth/second-factor/enrolment/confirm': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /auth/second-factor/verify': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'GET /auth/organisations': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /auth/organisation': { permission: 'profile:read', roles: EVERYONE, scope: 'org' },
  'POST /users/{id}/second-factor-reset': { permission: 'users:manage', roles: [ADMIN], scope: 'user' },
  'GET /organisation/sign-in': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'PUT /organisation/sign-in': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'POST /users': { permission: 'users:manage', roles: [ADMIN], scope: 'org' },
  'GET /users': { permission: 'users:manage', roles: [ADMIN], scope: 'org' },
  'PATCH /users/{id}': { permission: 'users:manage', roles: [ADMIN], scope: 'user' },
  'GET /users/{id}': { permission: 'users:manage', roles: [ADMIN], scope: 'user' },
  'POST /staff': { permission: 'staff:manage', roles: [ADMIN], scope: 'org' },
  // hr too (not in api.md's table): to find the person a subject-access export is for
  'GET /staff': { permission: 'staff:read', roles: [ADMIN, DEPUTY, INVESTIGATOR, HEAD, HR], scope: 'org' },
  'GET /staff/{id}': { permission: 'staff:read', roles: [ADMIN, DEPUTY, INVESTIGATOR, HEAD, HR], scope: 'staff' },
  'PATCH /staff/{id}': { permission: 'staff:manage', roles: [ADMIN], scope: 'staff' },
  // not in api.md: whom those who appoint may appoint (the web application's appointment screen)
  'GET /people/investigating-managers': { permission: 'cases:assign', roles: [HEAD, GOVERNOR], scope: 'org' },
  'GET /people/case-managers': { permission: 'cases:safeguarding', roles: [DEPUTY, HEAD, GOVERNOR], scope: 'org' },

  // Reports and cases
  'POST /reports': { permission: 'reports:create', roles: [DEPUTY], scope: 'org' },
  'GET /cases': { permission: 'cases:read', roles: CASEWORK, scope: 'org' },
  'GET /cases/{id}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'POST /cases/{id}/triage': { permission: 'cases:triage', roles: [DEPUTY, HEAD, GOVERNOR], scope: 'case', caseRule: 'triager' },
  'POST /cases/{id}/safeguarding-referral': { permission: 'cases:safeguarding', roles: [DEPUTY, HEAD, GOVERNOR], scope: 'case', caseRule: 'referrer' },
  'POST /cases/{id}/assign': { permission: 'cases:assign', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /cases/{id}/extend-investigation': { permission: 'cases:assign', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /cases/{id}/allegations': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/facts': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/interviews': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/investigation-meetings': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/subject-notifications': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/subject-responses': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/findings': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /cases/{id}/submit-report': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  // api.md "Conventions": each record a POST creates answers GET at the path its Location names; read like the case view
  'GET /cases/{id}/allegations/{allegationId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/facts/{factId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/interviews/{interviewId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/investigation-meetings/{meetingId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/subject-notifications/{notificationId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/subject-responses/{responseId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/safeguarding-referrals/{referralId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },

  // KCSIE Part 4 (process.md §3): the LADO consultation, as a referral; the DBS / TRA referral decision, the decision-maker's
  'POST /cases/{id}/lado-consultations': { permission: 'cases:safeguarding', roles: [DEPUTY, HEAD, GOVERNOR], scope: 'case', caseRule: 'referrer' },
  'GET /cases/{id}/lado-consultations/{consultationId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'POST /cases/{id}/referral-decisions': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'GET /cases/{id}/referral-decisions/{decisionId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  // process.md §1: precautionary suspension, by the acting decision-maker
  'POST /cases/{id}/suspensions': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'GET /cases/{id}/suspensions/{suspensionId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'POST /cases/{id}/suspensions/{suspensionId}/reviews': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  // §6, process.md §4: grievances (hr records; someone uninvolved decides, the appeal test) and pausing the process (the acting decision-maker)
  'POST /cases/{id}/grievances': { permission: 'grievances:lodge', roles: [HR], scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/grievances/{grievanceId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'POST /cases/{id}/grievances/{grievanceId}/decision': { permission: 'grievances:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'appeal-hearer' },
  'POST /cases/{id}/pause': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /cases/{id}/resume': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },

  // Evidence
  'POST /cases/{id}/evidence': { permission: 'investigation:write', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'GET /cases/{id}/evidence/{evidenceId}': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/evidence/{evidenceId}/content': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'reads-evidence' },
  // not in api.md: the chain-of-custody hand-over (domain.md "Evidence")
  'POST /cases/{id}/evidence/{evidenceId}/handovers': {
    permission: 'investigation:write',
    roles: [INVESTIGATOR],
    scope: 'case',
    caseRule: 'assigned-investigator',
  },

  // Monitoring (§9, §11)
  'POST /cases/{id}/monitoring-requests': { permission: 'monitoring:request', roles: [INVESTIGATOR], scope: 'case', caseRule: 'assigned-investigator' },
  'POST /monitoring-requests/{id}/approve': {
    permission: 'monitoring:decide',
    roles: [HEAD, GOVERNOR],
    scope: 'monitoring-request',
    caseRule: 'decision-maker',
  },
  'POST /monitoring-requests/{id}/reject': {
    permission: 'monitoring:decide',
    roles: [HEAD, GOVERNOR],
    scope: 'monitoring-request',
    caseRule: 'decision-maker',
  },
  'GET /monitoring-requests/{id}': { permission: 'cases:read', roles: CASEWORK, scope: 'monitoring-request', caseRule: 'visible' },
  'GET /monitoring-requests/{id}/disclosures/{disclosureId}': { permission: 'cases:read', roles: CASEWORK, scope: 'monitoring-request', caseRule: 'visible' },
  'POST /monitoring-requests/{id}/disclosures': {
    permission: 'monitoring:disclose',
    roles: [INVESTIGATOR, HEAD, GOVERNOR],
    scope: 'monitoring-request',
    caseRule: 'investigator-or-decision-maker',
  },

  // Outcome and appeal (§12)
  'POST /cases/{id}/outcome': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /cases/{id}/appeals': { permission: 'appeals:lodge', roles: [HEAD, HR], scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/outcome': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /appeals/{id}': { permission: 'cases:read', roles: CASEWORK, scope: 'appeal', caseRule: 'visible' },
  'POST /appeals/{id}/decision': { permission: 'appeals:decide', roles: [HEAD, GOVERNOR], scope: 'appeal', caseRule: 'appeal-hearer' },

  // Hearings (process.md §1): invited by the acting decision-maker (the appeal's by someone who may hear it); arranged and recorded by its chair
  'POST /cases/{id}/hearings': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /appeals/{id}/hearings': { permission: 'appeals:decide', roles: [HEAD, GOVERNOR], scope: 'appeal', caseRule: 'appeal-hearer' },
  'GET /hearings/{id}': { permission: 'cases:read', roles: CASEWORK, scope: 'hearing', caseRule: 'visible' },
  'POST /hearings/{id}/rearrangements': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'hearing', caseRule: 'decision-maker' },
  'POST /hearings/{id}/record': { permission: 'outcome:decide', roles: [HEAD, GOVERNOR], scope: 'hearing', caseRule: 'decision-maker' },
  'POST /cases/{id}/close': { permission: 'cases:close', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },

  // HR and data protection
  'GET /cases/{id}/summary': { permission: 'summaries:read', roles: [HEAD, HR], scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/summary.pdf': { permission: 'summaries:read', roles: [HEAD, HR], scope: 'case', caseRule: 'visible' },
  'GET /exports/cases.csv': { permission: 'exports:read', roles: [HEAD, HR], scope: 'org' },
  'GET /staff/{id}/subject-access-export': { permission: 'subject-access:export', roles: [HEAD, HR], scope: 'staff' },
  // not in api.md: KCSIE Part 4, what may be said in a reference (hr answers reference requests; the headteacher too)
  'GET /staff/{id}/reference-check': { permission: 'references:check', roles: [HEAD, HR], scope: 'staff' },
  // §13: special-category content only when the headteacher includes it on purpose
  'GET /cases/{id}/summary?include=special': { permission: 'summaries:read', roles: [HEAD, HR], scope: 'case', caseRule: 'headteacher' },
  'GET /cases/{id}/summary.pdf?include=special': { permission: 'summaries:read', roles: [HEAD, HR], scope: 'case', caseRule: 'headteacher' },
  'GET /staff/{id}/subject-access-export?include=special': { permission: 'subject-access:export', roles: [HEAD, HR], scope: 'staff', caseRule: 'headteacher' },
  'GET /audit': { permission: 'audit:read', roles: [HEAD, HR], scope: 'org' },
  'GET /audit?caseId={id}': { permission: 'audit:read', roles: [HEAD, HR], scope: 'case-filter' },
  'GET /audit/verify': { permission: 'audit:read', roles: [HEAD, HR], scope: 'org' },
  'GET /retention/due': { permission: 'retention:read', roles: [HEAD, GOVERNOR, HR], scope: 'org' },
  'POST /cases/{id}/legal-hold': { permission: 'retention:manage', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'DELETE /cases/{id}/legal-hold': { permission: 'retention:manage', roles: [HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /retention/run': { permission: 'retention:manage', roles: [HEAD, GOVERNOR], scope: 'org' },
  // process.md §5: anonymised figures, "read by governors, the headteacher and HR"
  'GET /statistics': { permission: 'statistics:read', roles: [HEAD, GOVERNOR, HR], scope: 'org' },

  // process.md §2: letters. `{kind}` is probed as `outcome`, the acting decision-maker's letter (the other kinds: test/e2e/letters.e2e-spec.ts)
  'GET /cases/{id}/letters': { permission: 'cases:read', roles: CASEWORK, scope: 'case', caseRule: 'visible' },
  'GET /cases/{id}/letters/{kind}': { permission: 'letters:write', roles: [INVESTIGATOR, HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'POST /cases/{id}/letters/{kind}/sent': { permission: 'letters:write', roles: [INVESTIGATOR, HEAD, GOVERNOR], scope: 'case', caseRule: 'decision-maker' },
  'GET /organisation/letterhead': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'PATCH /organisation/letterhead': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'GET /organisation/letter-templates': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'PUT /organisation/letter-templates/{kind}': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  // process.md §6: the nation whose bank holidays the organisation's working days skip
  'GET /organisation/nation': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'PUT /organisation/nation': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  // process.md §6: the organisation's deadlines (defaults configurable per organisation)
  'GET /organisation/deadlines': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
  'PUT /organisation/deadlines': { permission: 'organisation:manage', roles: [ADMIN], scope: 'org' },
};

/**
 * Routes of the table that may not be served yet (work in progress on another branch of
 * the tree): the matrix reports them instead of failing. Empty it once they are served.
 */
export const PENDING_ROUTES: readonly string[] = [];

/** Routes the Swagger module serves itself: not in the OpenAPI document nor a Nest controller. */
export const SWAGGER_ROUTES: readonly string[] = ['GET /docs', 'GET /docs-json'];

/** A sorted, human-readable rendering of the table, for the snapshot a reviewer reads. */
export function renderRoutePermissions(table: Readonly<Record<string, RoutePermission>> = ROUTE_PERMISSIONS): string {
  const rows = Object.entries(table)
    .map(([key, p]) => {
      const [method, path] = key.split(' ');
      const who = p.scope === 'public' ? 'anyone, no token' : p.roles.join(', ');
      const rule = p.caseRule && p.caseRule !== 'visible' ? ` (+ ${p.caseRule})` : '';
      return {
        sort: `${path} ${method}`,
        line: `${method.padEnd(6)} ${path.padEnd(52)} ${p.scope.padEnd(18)} ${(p.permission ?? '@Public').padEnd(22)} ${who}${rule}`,
      };
    })
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  return `\n${rows.map((r) => r.line).join('\n')}\n`;
}
