import fc from 'fast-check';
import type { Response } from 'supertest';
import { TEST_PASSWORD } from '../support/constants';
import { deref, FuzzBody, fuzzBody, fuzzQuery, jsonBodySchema, junkId, OpenApiDocument, OperationObject, valueFor } from '../support/openapi-arbitrary';
import { buildCase, CaseSpec, CaseStage } from '../support/case-builder';
import { DEMO, monitoringRequestBody, reportBody, startTestApp, TestApp } from '../support/test-app';
import { DEFAULT_DEADLINES_BODY } from '../support/organisation-deadlines';

import { OUTCOME_LETTER } from '../../src/letters/kinds/outcome.letter';
import { DataSource } from 'typeorm';
import { generateSync } from 'otplib';
import { OrganisationSetup } from '../../src/organisations/organisations.service';

/**
 * Issue 6, "Fuzzing": bodies and query strings generated from the OpenAPI document the app
 * serves, valid and mutated (wrong types, huge strings, hostile Unicode, missing and extra
 * fields, prototype keys, nested junk), sent by the right role against real targets in the
 * right state, so that validation and service code both run. Properties: no 5xx; every 4xx a
 * problem+json; no stack trace, SQL or file path in any body; nothing of the other school in
 * any success; a body that breaks the schema never succeeds; and afterwards, in the database,
 * nothing a client may not set was set (organisation, status, approver, roles, ids, timestamps).
 *
 * Every route runs with its own seed derived from FUZZ_SEED (default below); the same FUZZ_SEED replays
 * the same run: FUZZ_SEED=<n> FUZZ_RUNS=<n> npx jest test/e2e/fuzz.e2e-spec.ts --selectProjects e2e
 */

// jest.config.js sets testTimeout inside the e2e project, where Jest does not read it (the default 5 s applies)

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_120);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Each route its own seed, derived from SEED: the same SEED replays the same run, and no two routes get the same inputs. */
const seedFor = (key: string) => [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);
/** How often a route that moves its target on (triage, outcome …) gets a fresh target after a success. */
const MAX_REFRESHES = 3;

const DAY = 86_400_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

/** The account whose password POST /auth/password is fuzzed on. */
const FUZZ_PASSWORD_USER = 'fuzz-password@demo.school';

/** process.md §7: whose second factor is fuzzed (enrolled, reset, enrolled again), and who switches between two schools. */
const FUZZ_TOTP_USER = 'fuzz-totp@demo.school';
const FUZZ_SWITCH_USER = 'fuzz-switch@demo.school';
/** A third school of the fuzzing's own (Northfield must stay untouched): its sign-in settings are fuzzed, and the switcher belongs to it. */
const FUZZ_SCHOOL_ADMIN = 'admin@fuzz-academy.example';

/** An id no row has: sent as `id`, `approvedBy` …; it must never be stored anywhere. */
const ATTACKER_ID = '6a7c3e1e-0bad-4bad-8bad-000000000666';
/** Sent as `createdAt`/`updatedAt`: no row may end up created before 2000. */
const ANCIENT = '1999-12-31T23:59:59Z';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Params = Record<string, string>;

interface RouteSetup {
  /** who sends it (null: anonymous) */
  as: string | null;
  /** makes the target: path parameters of a resource in the state the route acts on */
  target: () => Promise<Params>;
  /** a body the API accepts on a fresh target, tried first: the success path always runs */
  good: (params: Params) => object;
  /** a success moves the target on (later valid bodies could only get 409): make a fresh one, a few times */
  consumes?: boolean;
}

/** Stack traces, SQL of our queries, driver errors and file paths: none may reach a client. */
const LEAKS: Array<[string, RegExp]> = [
  ['a stack frame', /\s{2,}at \S+ \(|\n\s+at /],
  ['SQL', /\bSELECT\b|\bINSERT INTO\b|\bUPDATE\b[^"]{0,200}\bSET\b|\bDELETE FROM\b/],
  [
    'a driver error',
    /QueryFailedError|duplicate key value|violates (?:foreign key|unique|check|not-null)|syntax error at|invalid input (?:syntax|value) for|relation "|column "/i,
  ],
  ['a file path', /node_modules|(?:\/[\w.-]+)+\.(?:ts|js|mjs)\b|\/(?:src|dist|work|home|usr|tmp)\/[\w.-]|[A-Z]:\\\\/],
];

describe('fuzzing (issue 6, Reliability 2)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let sent = 0;
  let fixtureRequests = 0;
  const statusCounts = new Map<number, number>();

  /** statuses each case may be in after the run: what it was made in, and where the routes fuzzed on it can move it */
  const allowedStatuses = new Map<string, Set<string>>();
  const allow = (caseId: string, ...statuses: string[]) => allowedStatuses.set(caseId, new Set([...(allowedStatuses.get(caseId) ?? []), ...statuses]));
  /** cases opened by fuzzed POST /reports that succeeded */
  const reportedByFuzz = new Set<string>();
  /** roles of users as the last successful admin call (POST /users, PATCH /users/:id) left them */
  const grantedRoles = new Map<string, string[]>();
  /** ids of everything the other organisation has: no success may mention one */
  let northfieldIds: string[] = [];
  /** database state that no request of a Werrington user may change */
  let before: { northfield: Record<string, string>; references: Record<string, number>; users: Record<string, string>; templateCases: Map<string, string> };

  let fixture: {
    victimUserId: string;
    openCase: string;
    openAllegation: string;
    openEvidence: string;
    monitoringCase: string;
    approvedMonitoring: string;
    northCase: string;
  };

  let fuzzSchool = '';
  let totpUserId = '';

  /** The fuzzed person's second factor reset by the admin (their sessions end), and a new enrolment started: its secret. */
  async function freshEnrolment(): Promise<string> {
    await must('POST', `/users/${totpUserId}/second-factor-reset`, DEMO.admin);
    t.forget(FUZZ_TOTP_USER);
    return (await must('POST', '/auth/second-factor/enrolment', FUZZ_TOTP_USER)).secret as string;
  }

  // ---- requests ---------------------------------------------------------------------------

  async function send(method: Method, url: string, as: string | null, json?: string, fixtureCall = false): Promise<Response> {
    if (fixtureCall) fixtureRequests++;
    else sent++;
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (as) req = req.set('authorization', `Bearer ${await t.token(as)}`);
    if (json !== undefined) req = req.set('content-type', 'application/json').send(json);
    const res = await req;
    if (!fixtureCall) statusCounts.set(res.status, (statusCounts.get(res.status) ?? 0) + 1);
    return res;
  }

  /** A fixture step that must succeed. */
  async function must(method: Method, url: string, as: string, body?: object): Promise<Record<string, unknown>> {
    const res = await send(method, url, as, body === undefined ? undefined : JSON.stringify(body), true);
    if (res.status >= 300) throw new Error(`fixture ${method} ${url} as ${as}: ${res.status} ${res.text.slice(0, 500)}`);
    return res.body;
  }

  const short = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

  /** The properties every answer must have, whatever was sent. */
  function checkResponse(res: Response, what: string): void {
    const fail = (why: string) => {
      throw new Error(`${what}\n→ ${res.status} ${res.headers['content-type'] ?? ''}: ${why}\n${short(res.text ?? '', 800)}`);
    };
    if (res.status >= 500) fail('a 5xx');
    if (res.status >= 400) {
      if (!String(res.headers['content-type'] ?? '').includes('application/problem+json')) fail('an error that is not application/problem+json');
      const body = res.body as Record<string, unknown>;
      if (typeof body?.type !== 'string' || typeof body.title !== 'string' || typeof body.detail !== 'string' || body.status !== res.status) {
        fail('a problem without type/title/status/detail');
      }
    }
    // `instance` repeats the request path, which is the client's own text
    const scanned =
      res.body && typeof res.body === 'object' && 'instance' in res.body ? JSON.stringify({ ...res.body, instance: undefined }) : (res.text ?? '');
    for (const [name, pattern] of LEAKS) if (pattern.test(scanned)) fail(`${name} in the body (${pattern})`);
    if (res.status < 300) {
      // audit events record what callers asked for (their filters, their bodies): that is the caller's own text
      const text =
        res.body && typeof res.body === 'object' && Object.keys(res.body).length
          ? JSON.stringify(res.body, (key, value) => (key === 'payload' ? undefined : value))
          : (res.text ?? '');
      const leaked = northfieldIds.find((id) => text.includes(id));
      if (leaked) fail(`a success naming ${leaked}, which belongs to the other organisation`);
      if (text.includes(ATTACKER_ID)) fail('a success echoing an id the client made up');
    }
  }

  const fill = (path: string, params: Params) => path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`);

  // ---- fixtures (through the API: the fuzzer must meet real state) -------------------------

  const outcome = (appealable: boolean) =>
    appealable
      ? {
          sanction: 'first_written_warning',
          grossMisconduct: false,
          rationale: 'The substantiated post breached §7.5.',
          decidedAt: iso(NOW - DAY),
          warningExpiresAt: iso(NOW + 365 * DAY),
          appealDeadline: iso(NOW + 10 * DAY),
        }
      : { sanction: 'no_action', grossMisconduct: false, rationale: 'Words of advice only.', decidedAt: iso(NOW - DAY) };
  /** The statuses a case passes through on its way to a stage of the builder. */
  const PASSED: Record<CaseStage, string[]> = {
    reported: ['reported'],
    triaged: ['reported', 'investigation'],
    assigned: ['reported', 'investigation'],
    investigated: ['reported', 'investigation'],
    awaiting_decision: ['reported', 'investigation', 'awaiting_decision'],
    hearing: ['reported', 'investigation', 'awaiting_decision', 'hearing'],
    decided: ['reported', 'investigation', 'awaiting_decision', 'hearing', 'decided'],
    appeal: ['reported', 'investigation', 'awaiting_decision', 'hearing', 'decided', 'appeal'],
    closed: ['reported', 'closed'],
  };
  /** A fixture case, through the API by the test builder (test/support/case-builder.ts). */
  const build = async (spec: CaseSpec) => {
    const built = await buildCase(t, {
      report: { description: 'Fuzz fixture: public post naming a colleague.' },
      allegations:
        spec.to === 'triaged' || spec.to === 'reported' ? [] : [{ policyStandard: '7.7', summary: `Harassing posts ${Math.random().toString(36).slice(2)}` }],
      ...spec,
      // the fixture's own outcome bodies, exactly (undefined drops the builder's defaults)
      outcome: spec.outcome ? { communicatedAt: undefined, warningExpiresAt: undefined, appealDeadline: undefined, ...spec.outcome } : undefined,
    });
    fixtureRequests += built.requests;
    allow(built.caseId, ...PASSED[spec.to]);
    return built;
  };
  const report = async () => (await build({ to: 'reported' })).caseId;
  const investigating = async () => (await build({ to: 'triaged' })).caseId;
  /** Allegation, written notice, response and a substantiated finding: ready to submit. */
  const ready = async () => (await build({ to: 'investigated' })).caseId;
  const awaiting = async () => (await build({ to: 'awaiting_decision' })).caseId;
  /** process.md §1: a case whose disciplinary hearing was held, waiting for the outcome. */
  const heard = async () => (await build({ to: 'hearing' })).caseId;
  const decided = async (appealable: boolean) => (await build({ to: 'decided', outcome: outcome(appealable) })).caseId;
  const appealed = async () => {
    const { caseId, appealId } = await build({ to: 'appeal', outcome: outcome(true), appeal: { lodgedAt: iso(NOW - 1000), grounds: 'Too harsh' } });
    return { caseId, appealId: appealId! };
  };
  /** An appeal heard by the governor (process.md §1), waiting for the decision. */
  const appealHeard = async () => {
    const { caseId, appealId } = await build({
      to: 'appeal',
      outcome: outcome(true),
      appeal: { lodgedAt: iso(NOW - 1000), grounds: 'Too harsh' },
      appealHearing: {},
    });
    return { caseId, appealId: appealId! };
  };
  /** An invitation to a hearing, by its chair, 14 days ahead. */
  const invitation = () => ({
    scheduledFor: iso(Date.now() + 14 * DAY),
    place: 'Meeting room 2',
    evidenceIds: [],
    possibleOutcomes: ['first_written_warning'],
  });
  /** A grievance lodged by HR on a new case, related to the process or not (§6). */
  const grievance = async (relatedToProcess: boolean) => {
    const id = await report();
    const lodged = await must('POST', `/cases/${id}/grievances`, DEMO.hr, { lodgedAt: iso(NOW - DAY), summary: 'The process is unfair.', relatedToProcess });
    return { id, grievanceId: lodged.createdId as string };
  };
  /** process.md §1: a suspension body, but for whom. */
  const suspension = () => ({
    startsAt: iso(NOW - 1000),
    grounds: ['risk_to_evidence'],
    reasons: 'The account could be deleted.',
    alternativesConsidered: 'Supervision was considered; it does not protect the evidence.',
    reviewBy: iso(NOW + 14 * DAY),
  });
  const closed = async () => (await build({ to: 'closed', closeVia: 'triage', triage: { decision: 'no_further_action', rationale: 'Not a breach.' } })).caseId;
  const monitoringBody = () => monitoringRequestBody({}, NOW);
  const pendingMonitoring = async () =>
    (await must('POST', `/cases/${fixture.monitoringCase}/monitoring-requests`, DEMO.investigator, monitoringBody())).id as string;

  let userCounter = 0;
  const ROUTES: Record<string, RouteSetup> = {
    // a person of one school (hr@demo.school is Northfield's too, whose rows must not change: a failure is audited there)
    'POST /auth/login': { as: null, target: async () => ({}), good: () => ({ email: DEMO.deputy, password: TEST_PASSWORD }) },
    // a session of its own, from the body, for each target (a success rotates the token the base body holds)
    'POST /auth/refresh': {
      as: null,
      consumes: true,
      target: async () => {
        const res = await send('POST', '/auth/login', null, JSON.stringify({ email: DEMO.deputy, password: TEST_PASSWORD, tokenDelivery: 'body' }), true);
        if (res.status !== 200) throw new Error(`fixture login: ${res.status} ${res.text}`);
        return { refreshToken: res.body.refreshToken as string };
      },
      good: (params) => ({ refreshToken: params.refreshToken }),
    },
    // a user of its own: the first success changes their password (later bodies then hold a wrong current one)
    'POST /auth/password': {
      as: FUZZ_PASSWORD_USER,
      target: async () => ({}),
      good: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'fuzzed new passphrase' }),
    },
    // a fresh enrolment each time: the admin resets the second factor (ending the fuzzed person's sessions), they start again
    'POST /auth/second-factor/enrolment/confirm': {
      as: FUZZ_TOTP_USER,
      target: async () => ({ secret: await freshEnrolment() }),
      good: (params) => ({ code: generateSync({ secret: params.secret, strategy: 'totp' }) }),
      consumes: true,
    },
    // a recovery code of a fresh enrolment (an authenticator's code was just used by the confirmation: good once)
    'POST /auth/second-factor/verify': {
      as: FUZZ_TOTP_USER,
      target: async () => {
        const secret = await freshEnrolment();
        const { recoveryCodes } = await must('POST', '/auth/second-factor/enrolment/confirm', FUZZ_TOTP_USER, {
          code: generateSync({ secret, strategy: 'totp' }),
        });
        return { recoveryCode: (recoveryCodes as string[])[0] };
      },
      good: (params) => ({ code: params.recoveryCode }),
      consumes: true,
    },
    // to the fuzzing's own school and back by signing in again (the switch ends the session it is made in)
    'POST /auth/organisation': {
      as: FUZZ_SWITCH_USER,
      target: async () => {
        t.forget(FUZZ_SWITCH_USER);
        return { organisationId: fuzzSchool };
      },
      good: (params) => ({ organisationId: params.organisationId }),
      consumes: true,
    },
    'PUT /organisation/sign-in': {
      as: FUZZ_SCHOOL_ADMIN,
      target: async () => ({}),
      // a provider set (never reached: saving does not contact it), so that the fuzzing reaches into `sso`
      good: () => ({
        passwordSignIn: true,
        secondFactorRoles: [],
        acceptProviderMfa: false,
        sso: { issuer: 'https://login.example.org/fuzz/v2.0', clientId: 'casework', clientSecret: 'a-secret', allowedDomains: ['fuzz-academy.example'] },
      }),
    },
    'POST /users': {
      as: DEMO.admin,
      target: async () => ({}),
      good: () => ({ email: `fuzz-good-${++userCounter}@demo.school`, name: 'Fuzz User', password: 'a-long-enough-password', roles: ['hr'] }),
    },
    'PATCH /users/{id}': { as: DEMO.admin, target: async () => ({ id: fixture.victimUserId }), good: () => ({ name: 'Renamed By Fuzz' }) },
    'POST /staff': { as: DEMO.admin, target: async () => ({}), good: () => ({ name: 'Fuzz Staff', jobTitle: 'Teacher' }) },
    'PATCH /staff/{id}': {
      as: DEMO.admin,
      target: async () => ({ id: (await must('POST', '/staff', DEMO.admin, { name: 'Fuzz Patch Target' })).id as string }),
      good: () => ({ jobTitle: 'Fuzzed Job Title' }),
    },
    'POST /reports': { as: DEMO.deputy, target: async () => ({}), good: () => reportBody(t) },
    'POST /cases/{id}/triage': {
      as: DEMO.deputy,
      consumes: true,
      target: async () => {
        const id = await report();
        allow(id, 'closed', 'investigation');
        return { id };
      },
      good: () => ({ decision: 'investigate', rationale: 'Facts to establish.' }),
    },
    'POST /cases/{id}/safeguarding-referral': {
      as: DEMO.deputy,
      target: async () => ({ id: await report() }),
      good: () => ({ referredTo: 'Designated Safeguarding Lead', referredAt: iso(NOW - DAY), notes: 'Pupils named' }),
    },
    'POST /cases/{id}/lado-consultations': {
      as: DEMO.deputy,
      target: async () => ({ id: await report() }),
      good: () => ({ consultedAt: iso(NOW - DAY), ladoName: 'LADO', advice: 'Proceed', thresholdMet: true, caseManagerUserId: t.ids.users[DEMO.head] }),
    },
    'POST /cases/{id}/referral-decisions': {
      as: DEMO.head,
      target: async () => ({ id: await report() }),
      good: () => ({ body: 'dbs', referred: true, referredAt: iso(NOW - DAY) }),
    },
    // process.md §1: a precautionary suspension of Sam (the report's subject); one active at a time
    'POST /cases/{id}/suspensions': {
      as: DEMO.head,
      consumes: true,
      target: async () => ({ id: await report() }),
      good: () => ({ ...suspension(), subjectStaffId: t.ids.staff['Sam Teacher'] }),
    },
    'POST /cases/{id}/suspensions/{suspensionId}/reviews': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await report();
        const made = await must('POST', `/cases/${id}/suspensions`, DEMO.head, { ...suspension(), subjectStaffId: t.ids.staff['Sam Teacher'] });
        return { id, suspensionId: made.createdId as string };
      },
      good: () => ({ decision: 'continue', reasons: 'The evidence is not yet secured.', reviewBy: iso(NOW + 14 * DAY) }),
    },
    'POST /cases/{id}/assign': {
      as: DEMO.head,
      target: async () => ({ id: await investigating() }),
      good: () => ({ investigatorUserId: t.ids.users[DEMO.investigator] }),
    },
    'POST /cases/{id}/extend-investigation': {
      as: DEMO.head,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ workingDays: 5, reason: 'A witness is away until the end of term.' }),
    },
    'POST /cases/{id}/allegations': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ policyStandard: '7.5', summary: 'Named a colleague' }),
    },
    'POST /cases/{id}/facts': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ occurredAt: iso(NOW - 3 * DAY), description: 'The post went up at 21:04.', evidenceIds: [fixture.openEvidence] }),
    },
    'POST /cases/{id}/interviews': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ name: 'A Witness', capacity: 'witness', heldAt: iso(NOW - DAY), statement: 'I saw the post.' }),
    },
    // process.md §2: a meeting arranged with the subject (the invitation letter's record)
    'POST /cases/{id}/investigation-meetings': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({
        staffId: t.ids.staff['Sam Teacher'],
        scheduledFor: iso(Date.now() + 7 * DAY),
        place: 'Meeting room 1',
        purpose: 'To hear your account of the post.',
        accompaniedAllowed: true,
      }),
    },
    'POST /cases/{id}/subject-notifications': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ sentAt: iso(NOW - 2 * DAY), method: 'letter', allegationIds: [fixture.openAllegation] }),
    },
    'POST /cases/{id}/subject-responses': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ receivedAt: iso(NOW - DAY), response: 'It was a joke.' }),
    },
    'POST /cases/{id}/findings': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase }),
      good: () => ({ allegationId: fixture.openAllegation, finding: 'inconclusive', reasoning: 'The account may be shared.' }),
    },
    'POST /cases/{id}/submit-report': {
      as: DEMO.investigator,
      consumes: true,
      target: async () => {
        const id = await ready();
        allow(id, 'awaiting_decision');
        return { id };
      },
      good: () => ({ summary: 'The allegation is substantiated.' }),
    },
    'POST /cases/{id}/monitoring-requests': { as: DEMO.investigator, target: async () => ({ id: fixture.monitoringCase }), good: monitoringBody },
    'POST /monitoring-requests/{id}/approve': {
      as: DEMO.head,
      consumes: true,
      target: async () => ({ id: await pendingMonitoring() }),
      good: () => ({ note: 'Proportionate.' }),
    },
    'POST /monitoring-requests/{id}/reject': {
      as: DEMO.head,
      consumes: true,
      target: async () => ({ id: await pendingMonitoring() }),
      good: () => ({ reason: 'Not proportionate.' }),
    },
    'POST /monitoring-requests/{id}/disclosures': {
      as: DEMO.head,
      target: async () => ({ id: fixture.approvedMonitoring }),
      good: () => ({ recipient: 'Local authority HR adviser', purpose: 'advice on further action (§9)', disclosedAt: iso(NOW - 1000) }),
    },
    'POST /cases/{id}/evidence/{evidenceId}/handovers': {
      as: DEMO.investigator,
      target: async () => ({ id: fixture.openCase, evidenceId: fixture.openEvidence }),
      good: () => ({ to: 'HR Services, Peterborough City Council', handedOverAt: iso(NOW - 3_600_000), note: 'Sealed copy.' }),
    },
    // process.md §1: the invitation (awaiting_decision → hearing), a rearrangement by the chair, the record once the notice was given
    'POST /cases/{id}/hearings': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await awaiting();
        allow(id, 'hearing');
        return { id };
      },
      good: invitation,
    },
    'POST /appeals/{id}/hearings': {
      as: DEMO.governor,
      target: async () => ({ id: (await appealed()).appealId }),
      good: () => ({ scheduledFor: iso(Date.now() + 14 * DAY), place: 'Governors’ room', evidenceIds: [] }),
    },
    'POST /hearings/{id}/rearrangements': {
      as: DEMO.head,
      target: async () => {
        const id = await awaiting();
        allow(id, 'hearing');
        return { id: (await must('POST', `/cases/${id}/hearings`, DEMO.head, invitation())).createdId as string };
      },
      good: () => ({ basis: 'chair_decision', scheduledFor: iso(Date.now() + 20 * DAY), reason: 'The chair is away.' }),
    },
    'POST /hearings/{id}/record': {
      as: DEMO.head,
      consumes: true,
      target: async () => ({ id: (await build({ to: 'hearing', hearing: { invitedOnly: true } })).hearingId! }),
      good: () => ({ heldAt: iso(Date.now() - 24 * DAY), subjectAttended: true, attendees: [{ name: 'A. Shah', capacity: 'note-taker' }], notes: 'Held.' }),
    },
    // §6: a grievance lodged by HR, decided by someone uninvolved (the headteacher here), the process paused for a related one
    'POST /cases/{id}/grievances': {
      as: DEMO.hr,
      target: async () => ({ id: await report() }),
      good: () => ({ lodgedAt: iso(NOW - DAY), summary: 'The investigation was one-sided.', relatedToProcess: false }),
    },
    'POST /cases/{id}/grievances/{grievanceId}/decision': {
      as: DEMO.head,
      consumes: true,
      target: async () => grievance(false),
      good: () => ({ outcome: 'not_upheld', reasons: 'The process was followed.', decidedAt: iso(Date.now() - 1000) }),
    },
    'POST /cases/{id}/pause': {
      as: DEMO.head,
      consumes: true,
      target: async () => grievance(true),
      good: (params) => ({ grievanceId: params.grievanceId, reason: 'The grievance is heard first.' }),
    },
    'POST /cases/{id}/outcome': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await heard();
        allow(id, 'decided');
        return { id };
      },
      good: () => outcome(true),
    },
    'POST /cases/{id}/appeals': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await decided(true);
        allow(id, 'appeal');
        return { id };
      },
      good: () => ({ lodgedAt: iso(NOW - 1000), grounds: 'The sanction is too harsh.' }),
    },
    'POST /appeals/{id}/decision': {
      as: DEMO.governor,
      consumes: true,
      target: async () => {
        const { caseId, appealId } = await appealHeard();
        allow(caseId, 'closed');
        return { id: appealId };
      },
      good: () => ({ result: 'dismissed', rationale: 'The warning stands.' }),
    },
    'POST /cases/{id}/close': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await decided(false);
        allow(id, 'closed');
        return { id };
      },
      good: () => ({ reason: 'Outcome communicated.' }),
    },
    'POST /cases/{id}/legal-hold': {
      as: DEMO.head,
      consumes: true,
      target: async () => ({ id: await closed() }),
      good: () => ({ reason: 'Employment tribunal claim received' }),
    },
    // process.md §2: the outcome letter, generated, then recorded sent (once)
    'POST /cases/{id}/letters/{kind}/sent': {
      as: DEMO.head,
      consumes: true,
      target: async () => {
        const id = await decided(true);
        const generated = await send('GET', `/cases/${id}/letters/outcome?format=docx`, DEMO.head, undefined, true);
        if (generated.status !== 200) throw new Error(`fixture: outcome letter ${generated.status}`);
        return { id, kind: 'outcome' };
      },
      good: () => ({ sentAt: iso(Date.now() - 1000), method: 'post' }),
    },
    'PATCH /organisation/letterhead': {
      as: DEMO.admin,
      target: async () => ({}),
      good: () => ({ signatoryName: 'Fuzz Signatory', signatoryTitle: 'Headteacher' }),
    },
    'PUT /organisation/letter-templates/{kind}': {
      as: DEMO.admin,
      target: async () => ({ kind: 'outcome' }),
      good: () => ({ body: OUTCOME_LETTER.defaultBody }),
    },
    'PUT /organisation/nation': {
      as: DEMO.admin,
      target: async () => ({}),
      good: () => ({ nation: 'england_and_wales' }),
    },
    'PUT /organisation/deadlines': {
      as: DEMO.admin,
      target: async () => ({}),
      good: () => ({ ...DEFAULT_DEADLINES_BODY }),
    },
    'PUT /me/notification-preferences': {
      as: DEMO.hr,
      target: async () => ({}),
      good: () => ({ email: 'both' }),
    },
  };

  /** Fields no request schema has, with the values an attacker would give them. */
  let extras: Record<string, fc.Arbitrary<unknown>>;
  let uuidPool: string[];

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/docs-json')).body;
    // every token up front: the login fuzzing below throttles this address for accounts new to it
    for (const email of Object.values(DEMO)) await t.token(email);

    // the other school gets a case of its own, to be refused by id everywhere
    const northDeputy = 'fuzz-north-deputy@northfield.demo';
    await must('POST', '/users', DEMO.northAdmin, { email: northDeputy, name: 'North Deputy', password: TEST_PASSWORD, roles: ['deputy_head'] });
    const northCase = (await must('POST', '/reports', northDeputy, reportBody(t, { subjectStaffIds: [t.ids.staff['Robin Teacher']] }))).id as string;

    // process.md §7: a school of the fuzzing's own, and a person in it and in Werrington
    const adminPasswordHash = (await t.db.query(`SELECT password_hash FROM accounts WHERE email = $1`, [DEMO.admin])).rows[0].password_hash as string;
    fuzzSchool = await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const id = await setup.createOrganisation('Fuzz Academy');
      await setup.createPerson(id, {
        email: FUZZ_SCHOOL_ADMIN,
        name: 'Fuzz Admin',
        roles: ['admin'],
        passwordHash: adminPasswordHash,
        jobTitle: 'Office manager',
      });
      return id;
    });
    // set up by the operator in both schools (an admin's password would open only that admin's school: sign-in.rules.ts)
    await t.app.get(DataSource).transaction(async (em) => {
      const setup = new OrganisationSetup(em);
      const person = { email: FUZZ_SWITCH_USER, name: 'Fuzz Switcher', roles: ['hr' as const], passwordHash: adminPasswordHash, jobTitle: 'HR' };
      await setup.createPerson(t.ids.org.werrington, person);
      await setup.createPerson(fuzzSchool, person);
    });
    const totpUser = await must('POST', '/users', DEMO.admin, { email: FUZZ_TOTP_USER, name: 'Fuzz Totp', password: TEST_PASSWORD, roles: ['hr'] });
    totpUserId = totpUser.id as string;

    const victim = await must('POST', '/users', DEMO.admin, { email: 'fuzz-victim@demo.school', name: 'Fuzz Victim', password: TEST_PASSWORD, roles: ['hr'] });
    const passwordUser = await must('POST', '/users', DEMO.admin, { email: FUZZ_PASSWORD_USER, name: 'Fuzz Password', password: TEST_PASSWORD, roles: ['hr'] });
    await t.token(FUZZ_PASSWORD_USER);
    const open = await build({ to: 'assigned', evidence: [{ description: 'Screenshot of the post', source: 'A parent' }] });
    const [openCase, openAllegation, openEvidence] = [open.caseId, open.allegationIds[0], open.evidenceId!];
    await must('POST', `/cases/${openCase}/subject-notifications`, DEMO.investigator, {
      sentAt: iso(NOW - 5 * DAY),
      method: 'letter',
      allegationIds: [openAllegation],
    });
    const monitoringCase = (await build({ to: 'assigned' })).caseId;
    fixture = { victimUserId: victim.id as string, openCase, openAllegation, openEvidence, monitoringCase, approvedMonitoring: '', northCase };
    fixture.approvedMonitoring = await pendingMonitoring();
    await must('POST', `/monitoring-requests/${fixture.approvedMonitoring}/approve`, DEMO.head, { note: 'ok' });
    grantedRoles.set(fixture.victimUserId, ['hr']);
    // its password changes (POST /auth/password): compared by roles only, like the victim
    grantedRoles.set(passwordUser.id as string, ['hr']);

    const north = t.ids.org.northfield;
    northfieldIds = [north];
    const tables = await orgTables();
    for (const table of tables.filter((tb) => tb.hasId)) {
      const { rows } = await t.db.query(`SELECT id::text FROM ${table.name} WHERE organisation_id = $1`, [north]);
      northfieldIds.push(...rows.map((r: { id: string }) => r.id));
    }
    const werringtonIds = [
      ...Object.values(t.ids.users),
      ...Object.values(t.ids.staff),
      openCase,
      openAllegation,
      openEvidence,
      monitoringCase,
      fixture.approvedMonitoring,
    ].filter((id) => !northfieldIds.includes(id));
    uuidPool = [...new Set([...werringtonIds, ...northfieldIds, ATTACKER_ID])];

    const northUser = t.ids.users[DEMO.northHead];
    extras = {
      organisationId: fc.constantFrom(north, ATTACKER_ID),
      organisation_id: fc.constant(north),
      status: fc.constantFrom('closed', 'decided', 'approved', 'awaiting_decision'),
      approvedBy: fc.constantFrom(northUser, ATTACKER_ID),
      decidedByUserId: fc.constantFrom(northUser, ATTACKER_ID),
      recordedByUserId: fc.constant(ATTACKER_ID),
      createdBy: fc.constant(ATTACKER_ID),
      investigatorUserId: fc.constant(ATTACKER_ID),
      id: fc.constant(ATTACKER_ID),
      createdAt: fc.constant(ANCIENT),
      updatedAt: fc.constant(ANCIENT),
      roles: fc.constant(['admin']),
      active: fc.boolean(),
      decidedByRole: fc.constant('headteacher'),
      passwordHash: fc.constant('scrypt$1$1$1$AAAA$AAAA'),
      nested: fc.constant({ deeper: { organisationId: north, status: 'closed' } }),
    };

    before = await snapshot();
  });

  afterAll(async () => {
    const statuses = [...statusCounts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(`fuzz: ${sent} requests sent (seed ${SEED}, ${RUNS} runs per route; ${fixtureRequests} more to build targets) — ${statuses}`);
    await t?.close();
  });

  // ---- database inspection ---------------------------------------------------------------------

  async function orgTables(): Promise<Array<{ name: string; hasId: boolean }>> {
    const { rows } = await t.db.query<{ table_name: string; has_id: boolean }>(
      `SELECT c.table_name, bool_or(i.column_name IS NOT NULL) AS has_id
       FROM information_schema.columns c
       LEFT JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id'
       GROUP BY c.table_name ORDER BY c.table_name`,
    );
    return rows.map((r) => ({ name: `"${r.table_name}"`, hasId: r.has_id }));
  }

  async function uuidColumns(): Promise<Array<{ table: string; column: string; array: boolean }>> {
    const { rows } = await t.db.query<{ table_name: string; column_name: string; udt_name: string }>(
      `SELECT c.table_name, c.column_name, c.udt_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' AND c.udt_name IN ('uuid', '_uuid') ORDER BY 1, 2`,
    );
    return rows.map((r) => ({ table: `"${r.table_name}"`, column: `"${r.column_name}"`, array: r.udt_name === '_uuid' }));
  }

  /** What must not change: every row of the other school, every reference to it (or to a made-up id), every user but the fuzzed ones. */
  async function snapshot() {
    const northfield: Record<string, string> = {};
    for (const { name } of await orgTables()) {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(row_to_json(x)::text, '|' ORDER BY row_to_json(x)::text), '')) AS digest FROM ${name} x WHERE organisation_id = $1`,
        [t.ids.org.northfield],
      );
      northfield[name] = `${rows[0].n}:${rows[0].digest}`;
    }
    const suspicious = [...northfieldIds, ATTACKER_ID];
    const references: Record<string, number> = {};
    for (const { table, column, array } of await uuidColumns()) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${array ? `${column} && $1::uuid[]` : `${column} = ANY($1::uuid[])`}`, [
        suspicious,
      ]);
      references[`${table}.${column}`] = rows[0].n;
    }
    const { rows: userRows } = await t.db.query(`SELECT id::text, row_to_json(u)::text AS json FROM users u WHERE organisation_id = $1`, [
      t.ids.org.werrington,
    ]);
    const users = Object.fromEntries(userRows.map((r: { id: string; json: string }) => [r.id, r.json]));
    const { rows: caseRows } = await t.db.query(`SELECT id::text, status FROM cases WHERE organisation_id = $1`, [t.ids.org.werrington]);
    const templateCases = new Map(
      caseRows.filter((r: { id: string }) => !allowedStatuses.has(r.id)).map((r: { id: string; status: string }) => [r.id, r.status]),
    );
    return { northfield, references, users, templateCases };
  }

  /** Who calls the routes that take no JSON body (for the path-id fuzzing); GETs not listed: the headteacher. */
  const PATH_ONLY_ROLES: Record<string, string> = {
    'POST /cases/{id}/evidence': DEMO.investigator,
    'DELETE /cases/{id}/legal-hold': DEMO.head,
    'GET /users/{id}': DEMO.admin,
    'POST /users/{id}/password-reset': DEMO.admin,
    'POST /users/{id}/second-factor-reset': DEMO.admin,
  };

  // ---- the fuzzing -----------------------------------------------------------------------------

  it('fuzzes every write route with a JSON body that the app documents, and nothing else', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => ['post', 'patch', 'delete', 'put'].includes(method) && jsonBodySchema(doc, op))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(20);
    expect(Object.keys(ROUTES).sort()).toEqual(documented.sort());
  });

  describe('bodies', () => {
    it.each(Object.keys(ROUTES))('%s', async (key) => {
      const route = ROUTES[key];
      const [method, path] = key.split(' ') as [Method, string];
      const schema = jsonBodySchema(doc, doc.paths[path][method.toLowerCase()])!;
      let params = await route.target();
      let refreshes = 0;
      let successes = 0;
      const base = route.good(params) as Record<string, unknown>;
      const good = JSON.stringify(base);
      const labelled = (body: FuzzBody) =>
        Object.assign(body, { [fc.toStringMethod]: () => `${body.mutation}${body.where ? `@${body.where}` : ''} ${short(body.json, 200)}` });

      await fc.assert(
        fc.asyncProperty(fuzzBody(doc, schema, { uuids: uuidPool, now: NOW, extras, base }).map(labelled), async (input) => {
          const url = fill(path, params);
          const res = await send(method, url, route.as, input.json);
          const what = `${key} as ${route.as ?? 'anonymous'} (${url}), ${input.mutation}${input.where ? ` at ${input.where}` : ''}: ${short(input.json)}`;
          checkResponse(res, what);
          if (input.mustFail && res.status < 300)
            throw new Error(`${what}\n→ ${res.status}: a body that breaks the schema was accepted\n${short(res.text, 800)}`);
          if (res.status < 300) {
            successes++;
            if (key === 'POST /reports') reportedByFuzz.add(res.body.id);
            if (key === 'POST /users' || key === 'PATCH /users/{id}') grantedRoles.set(res.body.id, res.body.roles);
            if (route.consumes && refreshes < MAX_REFRESHES) {
              params = await route.target();
              refreshes++;
            }
          }
        }),
        { numRuns: RUNS, seed: seedFor(key), examples: [[labelled({ mutation: 'none', json: good, mustFail: false, where: 'known good body' })]] },
      );
      // the fuzzing reached the service's success path, not only the validation pipe
      expect({ route: key, successes: successes > 0 }).toEqual({ route: key, successes: true });
    });
  });

  describe('query strings of the GET list routes', () => {
    /** GET routes without path parameters that take query parameters (lists, exports, the audit log). */
    const listRoutes = () =>
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        // not single sign-on's callback: a browser navigation answered with redirects, whatever the provider adds (single-sign-on.e2e-spec.ts)
        ops.get && !path.includes('{') && path !== '/auth/sso/callback' && (ops.get.parameters ?? []).some((p) => p.in === 'query')
          ? [{ path, op: ops.get as OperationObject }]
          : [],
      );

    it('finds the list routes in the document', () => {
      expect(listRoutes().map((r) => r.path)).toEqual(expect.arrayContaining(['/cases', '/users', '/staff', '/audit', '/retention/due']));
    });

    it('no query string makes any list answer 5xx, leak, or show the other school; unknown or repeated parameters are refused', async () => {
      for (const { path, op } of listRoutes()) {
        // the first demo user this route serves
        let as: string | undefined;
        for (const email of [DEMO.head, DEMO.admin, DEMO.hr, DEMO.deputy]) {
          if ((await send('GET', path, email)).status === 200) {
            as = email;
            break;
          }
        }
        expect({ path, servedBy: as }).toEqual({ path, servedBy: expect.any(String) });
        let successes = 0;
        await fc.assert(
          fc.asyncProperty(fuzzQuery(doc, op.parameters ?? [], { uuids: uuidPool, now: NOW, extras }), async (input) => {
            const url = input.query ? `${path}?${input.query}` : path;
            const res = await send('GET', url, as!);
            const what = `GET ${url} as ${as} (${input.note})`;
            checkResponse(res, what);
            if (input.mustFail && res.status < 300) throw new Error(`${what}\n→ ${res.status}: an unknown or repeated parameter was accepted`);
            if (res.status < 300) successes++;
          }),
          { numRuns: RUNS, seed: seedFor(`GET ${path}`), examples: [[{ query: 'limit=1', mustFail: false, note: 'a plain first page' }]] },
        );
        expect({ path, successes: successes > 0 }).toEqual({ path, successes: true });
      }
    });
  });

  describe('path ids', () => {
    it('no made-up, malformed or foreign id in any path parameter gets anything but a 400 or 404 problem', async () => {
      const ours = (ids: Record<string, string>) => [...new Set(Object.values(ids))].filter((id) => !northfieldIds.includes(id));
      /** ids of the other school, made-up ones, and ours of another kind than the path names (a staff id as a case id …) */
      const foreignFor = (path: string) => [
        ...northfieldIds,
        ATTACKER_ID,
        ...(path.startsWith('/staff/') ? [] : ours(t.ids.staff)),
        ...(path.startsWith('/users/') ? [] : ours(t.ids.users)),
      ];
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        path.includes('{') ? Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as Method, path, op: op as OperationObject })) : [],
      );
      expect(routes.length).toBeGreaterThan(20);
      const realParams: Params = { id: fixture.openCase, evidenceId: fixture.openEvidence, kind: 'outcome' };
      for (const { method, path, op } of routes) {
        const key = `${method} ${path}`;
        const setup = ROUTES[key];
        const as = setup ? setup.as : (PATH_ONLY_ROLES[key] ?? DEMO.head);
        const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const schema = jsonBodySchema(doc, op);
        const multipart = Boolean(op.requestBody?.content?.['multipart/form-data']);
        const body = setup
          ? JSON.stringify(setup.good(realParams))
          : schema
            ? JSON.stringify(fc.sample(valueFor(doc, deref(doc, schema), { uuids: uuidPool, now: NOW }), { numRuns: 1, seed: seedFor(key) })[0])
            : undefined;
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...names), junkId({ foreign: foreignFor(path) }), async (name, junk) => {
            const url = path.replace(/\{(\w+)\}/g, (_m, param: string) => (param === name ? junk.raw : realParams[param]));
            const res = await send(method, url, as, multipart ? undefined : body);
            const what = `${method} ${url} as ${as} (${name}: ${junk.note})`;
            checkResponse(res, what);
            const expected = multipart ? [400, 404, 415] : [400, 404];
            if (!expected.includes(res.status)) throw new Error(`${what}\n→ ${res.status}, expected one of ${expected.join('/')}\n${short(res.text)}`);
          }),
          { numRuns: Math.ceil(RUNS / 2), seed: seedFor(key) },
        );
      }
    });
  });

  describe('keys named like Object.prototype members (found by fuzzing)', () => {
    /** Keys named like Object.prototype members: class-transformer drops them before the whitelist looks. */
    const answers: Array<{ what: string; status: number }> = [];
    beforeAll(async () => {
      for (const member of [
        '"toString":"x"',
        '"valueOf":1',
        '"hasOwnProperty":1',
        '"constructor":{"name":"x"}',
        '"prototype":{"a":1}',
        '"__defineGetter__":1',
      ]) {
        const json = `{"name":"Fuzz Staff",${member}}`;
        answers.push({ what: `POST /staff ${json}`, status: (await send('POST', '/staff', DEMO.admin, json)).status });
      }
      for (const query of ['__proto__=x', 'constructor=x', 'toString=x', 'prototype=1']) {
        answers.push({ what: `GET /cases?${query}`, status: (await send('GET', `/cases?${query}`, DEMO.head)).status });
      }
    });

    it('they do no harm (no 5xx; nothing polluted)', () => {
      for (const { what, status } of answers) expect({ what, ok: status < 500 }).toEqual({ what, ok: true });
      expect(({} as Record<string, unknown>).name).toBeUndefined();
    });

    it('unknown fields named like Object.prototype members (toString, constructor, prototype …) are refused with 400, in bodies and query strings', () => {
      for (const { what, status } of answers) expect({ what, status }).toEqual({ what, status: 400 });
    });
  });

  // ---- afterwards, in the database --------------------------------------------------------------

  describe('nothing a client may not set was set (mass assignment)', () => {
    let after: Awaited<ReturnType<typeof snapshot>>;
    beforeAll(async () => {
      after = await snapshot();
    });

    it('every row belongs to one of the two organisations (or the fuzzing’s own school), and no row of the other school changed', async () => {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM organisations`);
      expect(rows[0].n).toBe(3);
      for (const { name } of await orgTables()) {
        const { rows: orgs } = await t.db.query(`SELECT DISTINCT organisation_id::text AS org FROM ${name}`);
        for (const { org } of orgs)
          expect({ table: name, org }).toEqual({
            table: name,
            org: expect.stringMatching(new RegExp(`^(${t.ids.org.werrington}|${t.ids.org.northfield}|${fuzzSchool})$`)),
          });
      }
      expect(after.northfield).toEqual(before.northfield);
    });

    it('no row refers to anything of the other school, or to an id a client made up', () => {
      expect(after.references).toEqual(before.references);
    });

    it('no row was created before the fuzzing began (createdAt/updatedAt are the server’s)', async () => {
      const { rows } = await t.db.query<{ table_name: string; column_name: string }>(
        `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
         WHERE c.table_schema = 'public' AND c.column_name IN ('created_at', 'updated_at')`,
      );
      expect(rows.length).toBeGreaterThan(10);
      for (const { table_name, column_name } of rows) {
        const { rows: old } = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" < '2000-01-01'`);
        expect({ column: `${table_name}.${column_name}`, ancient: old[0].n }).toEqual({ column: `${table_name}.${column_name}`, ancient: 0 });
      }
    });

    it('every case is in a status the routes fuzzed on it could have produced', async () => {
      const { rows } = await t.db.query<{ id: string; status: string }>(`SELECT id::text, status FROM cases WHERE organisation_id = $1`, [
        t.ids.org.werrington,
      ]);
      expect(rows.length).toBeGreaterThan(10);
      for (const { id, status } of rows) {
        const allowed =
          allowedStatuses.get(id) ??
          (reportedByFuzz.has(id) ? new Set(['reported']) : before.templateCases.has(id) ? new Set([before.templateCases.get(id)!]) : new Set<string>());
        expect({ case: id, status, allowed: allowed.has(status) }).toEqual({ case: id, status, allowed: true });
      }
    });

    it('every monitoring decision was made by the headteacher who made it; no pending one has a decider', async () => {
      const { rows } = await t.db.query(
        `SELECT id::text, status, decided_by_user_id::text AS decider, decided_by_role AS role, recorded_by_user_id::text AS requester FROM monitoring_authorisations`,
      );
      expect(rows.some((r) => r.status === 'approved')).toBe(true);
      for (const row of rows) {
        const expected = row.status === 'pending' ? { decider: null, role: null } : { decider: t.ids.users[DEMO.head], role: 'headteacher' };
        expect({ id: row.id, status: row.status, decider: row.decider, role: row.role, requester: row.requester }).toEqual({
          id: row.id,
          status: expect.stringMatching(/^(pending|approved|rejected)$/),
          ...expected,
          requester: t.ids.users[DEMO.investigator],
        });
      }
    });

    it('outcomes and appeals were recorded and decided by who called the routes', async () => {
      const outcomes = (await t.db.query(`SELECT recorded_by_user_id::text AS by, decided_by_role AS role FROM outcomes`)).rows;
      expect(outcomes.length).toBeGreaterThan(0);
      for (const row of outcomes) expect(row).toEqual({ by: t.ids.users[DEMO.head], role: 'headteacher' });
      const appeals = (await t.db.query(`SELECT recorded_by_user_id::text AS by, decided_by_user_id::text AS decider, decided_by_role AS role FROM appeals`))
        .rows;
      expect(appeals.length).toBeGreaterThan(0);
      for (const row of appeals) {
        expect([t.ids.users[DEMO.hr], t.ids.users[DEMO.head]]).toContain(row.by);
        expect([null, t.ids.users[DEMO.governor]]).toContain(row.decider);
        expect([null, 'governor']).toContain(row.role);
      }
    });

    it('users: every role was granted by an admin call; everyone else is untouched', async () => {
      const { rows } = await t.db.query<{ id: string; roles: string[]; organisation_id: string; json: string }>(
        `SELECT id::text, roles::text[] AS roles, organisation_id::text, row_to_json(u)::text AS json FROM users u WHERE organisation_id = $1`,
        [t.ids.org.werrington],
      );
      for (const user of rows) {
        if (grantedRoles.has(user.id)) expect({ user: user.id, roles: user.roles }).toEqual({ user: user.id, roles: grantedRoles.get(user.id) });
        else expect({ user: user.id, row: user.json }).toEqual({ user: user.id, row: before.users[user.id] });
      }
      expect(rows.find((u) => u.id === t.ids.users[DEMO.admin])!.roles).toEqual(['admin']);
    });

    it('the audit chain still verifies, and no prototype was polluted', async () => {
      const verify = await (await t.as(DEMO.head)).get('/audit/verify');
      expect(verify.status).toBe(200);
      expect(verify.body).toEqual(expect.objectContaining({ valid: true }));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).roles).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('organisationId');
    });
  });
});
