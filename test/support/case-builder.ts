import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import type { Role } from '../../src/access/roles';
import { TEST_PASSWORD } from './constants';
import { DEMO, monitoringRequestBody, reportBody, TestApp } from './test-app';

/**
 * One way for the tests to get a case into any state (issue 9: "one test builder that drives
 * a case to any state"): the real API, step by step, each step taken by the person the rules
 * expect (the deputy head logs and triages, the acting decision-maker appoints and decides,
 * the investigating manager investigates, HR lodges the appeal, a governor hears it). Every
 * step must answer its success status, or the builder throws naming the step and the answer.
 *
 *   const { caseId, allegationIds, appealId } = await buildCase(t, { to: 'appeal' });
 *   await buildCase(t, { to: 'assigned', subjects: [t.ids.staff[DEMO.head]] }); // the governors act
 *
 * Stages, in order (each includes the ones before it):
 * - `reported`           POST /reports
 * - `triaged`            triaged to investigate: status `investigation`, nobody appointed yet
 * - `assigned`           an investigating manager appointed; then the investigation records
 *                        asked for (allegations, witnesses, evidence, a monitoring request)
 * - `investigated`       every allegation notified in writing, the response, a finding on each
 * - `awaiting_decision`  the investigation report submitted
 * - `decided`            the outcome recorded
 * - `appeal`             an appeal lodged
 * - `closed`             the appeal decided (`closeVia: 'appeal'`, the default), the case closed
 *                        by the decision-maker once the window has passed (`'close'`), or
 *                        closed at triage (`'triage'`)
 */

export type CaseStage = 'reported' | 'triaged' | 'assigned' | 'investigated' | 'awaiting_decision' | 'hearing' | 'decided' | 'appeal' | 'closed';
const STAGES: readonly CaseStage[] = ['reported', 'triaged', 'assigned', 'investigated', 'awaiting_decision', 'hearing', 'decided', 'appeal', 'closed'];

export type Finding = 'substantiated' | 'not_substantiated' | 'inconclusive' | 'malicious' | 'false' | 'unsubstantiated' | 'unfounded';

export interface EvidenceSpec {
  kind?: string;
  description?: string;
  source?: string;
  capturedAt?: string;
  sensitivity?: 'personal' | 'special_category';
  /** Other multipart fields (monitoringAuthorisationId …). */
  fields?: Record<string, string>;
  /** The file (default: a PNG unique to this item). */
  content?: Buffer;
  filename?: string;
  contentType?: string;
}

export interface WitnessSpec {
  /** A staff member of the directory (joins the case parties as a witness), or … */
  staffId?: string;
  /** … someone outside it, by name. */
  name?: string;
  statement?: string;
  heldAt?: string;
}

export interface CaseSpec {
  /** How far to take the case. */
  to: CaseStage;
  /** The staff ids the report is about (default: Sam Teacher). */
  subjects?: string[];
  /** The reporter: a staff id, or an external person (default: a parent). */
  reporter?: string | { name: string; relationship: string };
  /** Any other POST /reports fields (involvesPupils, description …). */
  report?: Record<string, unknown>;
  /** Who logs the report (default: the deputy head). */
  deputy?: string;
  /** Who triages (default: the deputy, or the decision-maker when the deputy is a party), how, and why. */
  triage?: { by?: string; decision?: 'investigate' | 'no_further_action' | 'informal_resolution'; rationale?: string };
  /** The acting decision-maker: appoints, decides monitoring and the outcome, closes (default: the headteacher, or the governor when the case says the governors act). */
  decider?: string;
  /** Who appoints the investigating manager (default: the decider). */
  appointer?: string;
  /** The investigating manager appointed (default: investigator@). */
  investigator?: string;
  /** Investigating managers appointed before them, each replaced by the next (domain.md: they stay conflicted for good). */
  replacedInvestigators?: string[];
  /** Allegations (default: one, §7.5, from `investigated` on; none when the case stops at `assigned`). */
  allegations?: Array<Record<string, unknown>>;
  /** Witnesses interviewed once the investigator is appointed. */
  witnesses?: WitnessSpec[];
  /** Evidence uploaded by the investigator once appointed: a number of default items, or each item. */
  evidence?: number | EvidenceSpec[];
  /** A monitoring request by the investigator (body overrides, or true for the default body). */
  monitoring?: true | Record<string, unknown>;
  /** The decision-maker's decision on that request (default: left pending). */
  monitoringDecision?: 'approve' | 'reject';
  /** A disclosure of what the (approved) monitoring request obtained, by the investigator (§9). */
  disclosure?: true;
  /** A fact citing the first item of evidence, recorded by the investigator. */
  fact?: true;
  /** A safeguarding referral recorded by the deputy head once the report is logged (§5). */
  referral?: true;
  /** KCSIE Part 4: a LADO consultation by the deputy head once the report is logged (the acting decision-maker as case manager), body overrides. */
  lado?: true | Record<string, unknown>;
  /** KCSIE Part 4: a DBS / TRA referral decision by the acting decision-maker once the report is logged (default: DBS, not referred), body overrides. */
  referralDecision?: true | Record<string, unknown>;
  /** The finding on each allegation (default: substantiated). */
  finding?: Finding | Finding[];
  /** The subject's response (default: an acceptance). */
  response?: Record<string, unknown>;
  /** The investigation report's summary. */
  summary?: string;
  /**
   * The disciplinary hearing before the outcome (process.md §1): held by the decider (default), or
   * false for none (a no_action outcome needs none). `to: 'hearing'` stops once it is held.
   */
  hearing?: false | HearingSpec;
  /** The appeal hearing before the appeal decision, held by the hearer (default), or false for none. */
  appealHearing?: false | HearingSpec;
  /** POST /cases/:id/outcome overrides (default: a first written warning, communicated, appealable for two weeks). */
  outcome?: Record<string, unknown>;
  /** Who lodges the appeal (default: HR, or the headteacher when HR is a subject). */
  lodger?: string;
  /** POST /cases/:id/appeals overrides. */
  appeal?: Record<string, unknown>;
  /** Who hears the appeal (default: the governor). */
  hearer?: string;
  /** POST /appeals/:id/decision overrides (default: dismissed). */
  appealDecision?: Record<string, unknown>;
  /** How a case `to: 'closed'` gets there (default: 'appeal'; 'triage' when the triage decision closes it). */
  closeVia?: 'appeal' | 'close' | 'triage';
  /** Labels the builder's errors. */
  label?: string;
}

export interface BuiltCase {
  caseId: string;
  reference: string;
  allegationIds: string[];
  evidenceIds: string[];
  /** The first evidence item, if any. */
  evidenceId?: string;
  monitoringRequestId?: string;
  appealId?: string;
  /** The disciplinary hearing and the appeal hearing, once invited. */
  hearingId?: string;
  appealHearingId?: string;
  interviewIds: string[];
  /** The written notice, the subject's response and the outcome, once made (each POST's `createdId`). */
  notificationId?: string;
  responseId?: string;
  outcomeId?: string;
  /** The fact, referral and disclosure asked for (`fact`, `referral`, `disclosure`). */
  factId?: string;
  referralId?: string;
  disclosureId?: string;
  /** KCSIE Part 4 records asked for (`lado`, `referralDecision`). */
  ladoConsultationId?: string;
  referralDecisionId?: string;
  /** Who took the decisions (appointment, outcome), and who investigated. */
  decider: string;
  investigator?: string;
  /** The case as the last step's answer showed it. */
  view: Record<string, unknown>;
  /** Requests the builder sent. */
  requests: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
/** A real 1×1 PNG; each item gets a few random bytes after it (content is stored once per SHA-256). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export const uniquePng = (): Buffer => Buffer.concat([PNG, randomBytes(16)]);

/** The default outcome: a first written warning decided an hour ago, communicated, appealable for two weeks. */
export function outcomeBody(overrides: Record<string, unknown> = {}, now = Date.now()): Record<string, unknown> {
  return {
    sanction: 'first_written_warning',
    grossMisconduct: false,
    rationale: 'The substantiated post breached §7.5.',
    decidedAt: iso(now - HOUR),
    communicatedAt: iso(now - HOUR / 2),
    warningExpiresAt: iso(now + 365 * DAY),
    appealDeadline: iso(now + 14 * DAY),
    ...overrides,
  };
}

/** The user id of an account the demo ids do not know (made by the test). */
async function userIdOf(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email.toLowerCase()]);
  if (!rows[0]) throw new Error(`buildCase: no user ${email}`);
  return rows[0].id;
}

const reached = (spec: CaseSpec, stage: CaseStage) => STAGES.indexOf(spec.to) >= STAGES.indexOf(stage);

/** Drives a new case through the API as far as `spec.to`, as the natural person at each step; returns every id made on the way. */
export async function buildCase(t: TestApp, spec: CaseSpec): Promise<BuiltCase> {
  const now = Date.now();
  let requests = 0;
  const label = spec.label ? `${spec.label}: ` : '';
  const step = async (what: string, status: number, response: PromiseLike<Response> | Promise<Response>): Promise<Response> => {
    requests++;
    const answer = await response;
    if (answer.status !== status) throw new Error(`buildCase ${label}${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const post = async (email: string, path: string, body: object) => (await t.as(email)).post(path, body);

  const reporterOf = (value: unknown) => (value && typeof value === 'object' && 'staffId' in value ? String(value.staffId) : undefined);
  const body = reportBody(t, {
    subjectStaffIds: spec.subjects ?? [t.ids.staff['Sam Teacher']],
    ...(spec.reporter === undefined ? {} : { reporter: typeof spec.reporter === 'string' ? { staffId: spec.reporter } : spec.reporter }),
    ...spec.report,
  });
  const subjects = body.subjectStaffIds as string[];
  const reporterStaffId = reporterOf(body.reporter);
  const deputy = spec.deputy ?? DEMO.deputy;
  const created = await step('report', 201, post(deputy, '/reports', body));
  const caseId: string = created.body.id;
  let view: Record<string, unknown> = created.body;
  /** The acting decision-maker now: as the spec says, else as the case says (a witness may hand the decisions to the governors). */
  const decider = () => spec.decider ?? (view.decisionMakerRole === 'governor' ? DEMO.governor : DEMO.head);
  const built: BuiltCase = {
    caseId,
    reference: created.body.reference,
    allegationIds: [],
    evidenceIds: [],
    interviewIds: [],
    decider: decider(),
    view,
    requests,
  };
  const done = () => ({ ...built, view, requests });
  if (spec.referral) {
    const referral = { referredTo: 'Designated safeguarding lead', referredAt: iso(now - HOUR) };
    view = (await step('safeguarding referral', 201, post(deputy, `/cases/${caseId}/safeguarding-referral`, referral))).body;
    built.referralId = view.createdId as string;
  }
  if (spec.lado) {
    const caseManagerUserId = t.ids.users[decider()] ?? (await userIdOf(t, decider()));
    const lado = {
      consultedAt: iso(now - HOUR),
      ladoName: 'Local authority designated officer',
      advice: 'Investigate under the disciplinary procedure.',
      thresholdMet: true,
      caseManagerUserId,
    };
    view = (await step('LADO consultation', 201, post(deputy, `/cases/${caseId}/lado-consultations`, { ...lado, ...(spec.lado === true ? {} : spec.lado) })))
      .body;
    built.ladoConsultationId = view.createdId as string;
  }
  if (spec.referralDecision) {
    const decision = {
      body: 'dbs',
      referred: false,
      reasonNotReferred: 'Not yet: the investigation has not concluded.',
      ...(spec.referralDecision === true ? {} : spec.referralDecision),
    };
    view = (await step('referral decision', 201, post(decider(), `/cases/${caseId}/referral-decisions`, decision))).body;
    built.referralDecisionId = view.createdId as string;
  }
  if (spec.to === 'reported') return done();

  // Triage: the deputy head, unless they are a party to the case (then the acting decision-maker).
  const deputyStaff = t.ids.staff[deputy];
  const deputyIsParty = deputyStaff !== undefined && (subjects.includes(deputyStaff) || reporterStaffId === deputyStaff);
  const triager = spec.triage?.by ?? (deputyIsParty ? decider() : deputy);
  const decision = spec.triage?.decision ?? (spec.to === 'closed' && spec.closeVia === 'triage' ? 'no_further_action' : 'investigate');
  const rationale = spec.triage?.rationale ?? (decision === 'investigate' ? 'Facts to establish.' : 'Not a breach of the policy.');
  view = (await step('triage', 200, post(triager, `/cases/${caseId}/triage`, { decision, rationale }))).body;
  if (decision !== 'investigate' || spec.to === 'triaged') return done();

  // Appointment by the acting decision-maker.
  const investigator = spec.investigator ?? DEMO.investigator;
  built.investigator = investigator;
  for (const [i, appointee] of [...(spec.replacedInvestigators ?? []), investigator].entries()) {
    // appointed by the acting decision-maker of the moment (an investigator who is a headteacher hands the decisions on)
    built.decider = decider();
    const userId = t.ids.users[appointee] ?? (await userIdOf(t, appointee));
    view = (
      await step(i === 0 ? 'assign' : `reassign ${i}`, 200, post(spec.appointer ?? built.decider, `/cases/${caseId}/assign`, { investigatorUserId: userId }))
    ).body;
  }

  const allegations = spec.allegations ?? (reached(spec, 'investigated') ? [{ policyStandard: '7.5', summary: 'Named a colleague in a public post' }] : []);
  for (const [i, allegation] of allegations.entries()) {
    const answer = await step(`allegation ${i + 1}`, 201, post(investigator, `/cases/${caseId}/allegations`, allegation));
    view = answer.body;
    built.allegationIds.push(answer.body.createdId ?? answer.body.allegations.at(-1).id);
  }
  for (const [i, witness] of (spec.witnesses ?? []).entries()) {
    const body = {
      ...(witness.staffId ? { staffId: witness.staffId } : { name: witness.name ?? 'A Witness' }),
      capacity: 'witness',
      heldAt: witness.heldAt ?? iso(now - 3 * DAY),
      statement: witness.statement ?? 'I saw the post on my phone.',
    };
    const answer = await step(`witness ${i + 1}`, 201, post(investigator, `/cases/${caseId}/interviews`, body));
    view = answer.body;
    built.interviewIds.push(answer.body.createdId ?? answer.body.interviews.at(-1).id);
  }
  const evidence: EvidenceSpec[] = typeof spec.evidence === 'number' ? Array.from({ length: spec.evidence }, () => ({})) : (spec.evidence ?? []);
  for (const [i, item] of evidence.entries()) {
    let request = t
      .http()
      .post(`/cases/${caseId}/evidence`)
      .set('authorization', `Bearer ${await t.token(investigator)}`)
      .field('kind', item.kind ?? 'screenshot')
      .field('description', item.description ?? 'Screenshot of the public post')
      .field('source', item.source ?? 'Sent by the reporter')
      .field('capturedAt', item.capturedAt ?? iso(now - 2 * DAY));
    if (item.sensitivity) request = request.field('sensitivity', item.sensitivity);
    for (const [name, value] of Object.entries(item.fields ?? {})) request = request.field(name, value);
    request = request.attach('file', item.content ?? uniquePng(), { filename: item.filename ?? 'post.png', contentType: item.contentType ?? 'image/png' });
    const answer = await step(`evidence ${i + 1}`, 201, request);
    built.evidenceIds.push(answer.body.id);
  }
  built.evidenceId = built.evidenceIds[0];
  if (spec.fact) {
    if (!built.evidenceId) throw new Error(`buildCase ${label}a fact cites evidence: ask for some`);
    const fact = { occurredAt: iso(now - 3 * DAY), description: 'The post went up that evening.', evidenceIds: [built.evidenceId] };
    built.factId = (await step('fact', 201, post(investigator, `/cases/${caseId}/facts`, fact))).body.createdId;
  }
  built.decider = decider();
  if (spec.monitoring) {
    const overrides = spec.monitoring === true ? {} : spec.monitoring;
    const answer = await step('monitoring request', 201, post(investigator, `/cases/${caseId}/monitoring-requests`, monitoringRequestBody(overrides, now)));
    built.monitoringRequestId = answer.body.id;
    if (spec.monitoringDecision) {
      const body = spec.monitoringDecision === 'approve' ? {} : { reason: 'Not proportionate' };
      await step(`monitoring ${spec.monitoringDecision}`, 200, post(built.decider, `/monitoring-requests/${answer.body.id}/${spec.monitoringDecision}`, body));
    }
    if (spec.disclosure) {
      const disclosure = { recipient: 'Local authority HR adviser', purpose: 'advice on further action (§9)', disclosedAt: iso(now - 60_000) };
      const disclosed = await step('disclosure', 201, post(investigator, `/monitoring-requests/${answer.body.id}/disclosures`, disclosure));
      built.disclosureId = disclosed.body.createdId;
    }
  }
  if (spec.to === 'assigned') return done();

  // Written notice of every allegation, the response, a finding on each.
  const ids = built.allegationIds;
  built.notificationId = (
    await step(
      'notice',
      201,
      post(investigator, `/cases/${caseId}/subject-notifications`, { sentAt: iso(now - 5 * DAY), method: 'letter', allegationIds: ids }),
    )
  ).body.createdId;
  const responded = await step(
    'response',
    201,
    post(investigator, `/cases/${caseId}/subject-responses`, { receivedAt: iso(now - 4 * DAY), response: 'I accept that I posted it.', ...spec.response }),
  );
  built.responseId = responded.body.createdId;
  for (const [i, allegationId] of ids.entries()) {
    const finding = Array.isArray(spec.finding) ? (spec.finding[i] ?? 'substantiated') : (spec.finding ?? 'substantiated');
    view = (
      await step(`finding ${i + 1}`, 201, post(investigator, `/cases/${caseId}/findings`, { allegationId, finding, reasoning: 'The screenshots show it.' }))
    ).body;
  }
  if (spec.to === 'investigated') return done();

  view = (await step('submit report', 200, post(investigator, `/cases/${caseId}/submit-report`, { summary: spec.summary ?? 'Investigation report' }))).body;
  if (spec.to === 'awaiting_decision') return done();

  const closeVia = spec.closeVia ?? 'appeal';
  built.decider = decider();
  const sanction = (spec.outcome?.sanction as string | undefined) ?? 'first_written_warning';
  if (spec.hearing !== false && (sanction !== 'no_action' || spec.hearing)) {
    const held = await holdHearing(t, { chair: built.decider, caseId, invitePath: `/cases/${caseId}/hearings`, subjects, ...(spec.hearing || {}) });
    built.decider = held.chair;
    requests += held.requests;
    built.hearingId = held.hearingId;
    view = held.view;
  }
  if (spec.to === 'hearing') return done();
  view = (await step('outcome', 201, post(built.decider, `/cases/${caseId}/outcome`, outcomeBody(spec.outcome, now)))).body;
  built.outcomeId = view.createdId as string;
  if (spec.to === 'decided') return done();

  if (spec.to === 'closed' && closeVia === 'close') {
    // The appeal window passes (time the API cannot be asked to move): then the decision-maker closes the case.
    await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 minute' WHERE case_id = $1 AND appeal_deadline IS NOT NULL`, [caseId]);
    view = (await step('close', 200, post(built.decider, `/cases/${caseId}/close`, { reason: 'The appeal window has passed.' }))).body;
    return done();
  }

  const hrIsSubject = subjects.includes(t.ids.staff[DEMO.hr]);
  const lodger = spec.lodger ?? (hrIsSubject ? DEMO.head : DEMO.hr);
  const lodged = await step(
    'appeal',
    201,
    post(lodger, `/cases/${caseId}/appeals`, { lodgedAt: iso(now - 60_000), grounds: 'The sanction is too harsh.', ...spec.appeal }),
  );
  view = lodged.body;
  built.appealId = lodged.body.appeals.at(-1).id;
  // `to: 'appeal'` stops before the appeal hearing unless one is asked for
  if (spec.to === 'appeal' && !spec.appealHearing) return done();

  if (spec.appealHearing !== false) {
    const hearer = spec.appealHearing?.chair ?? spec.hearer ?? DEMO.governor;
    const held = await holdHearing(t, { chair: hearer, caseId, invitePath: `/appeals/${built.appealId}/hearings`, subjects, ...(spec.appealHearing || {}) });
    requests += held.requests;
    built.appealHearingId = held.hearingId;
  }
  if (spec.to === 'appeal') return done();

  const decided = await step(
    'appeal decision',
    200,
    post(spec.hearer ?? DEMO.governor, `/appeals/${built.appealId}/decision`, {
      result: 'dismissed',
      rationale: 'The warning stands.',
      ...spec.appealDecision,
    }),
  );
  view = decided.body;
  return done();
}

export interface PersonSpec {
  name: string;
  roles: Role[];
  /** Linked to a staff record of their own (default), or a login with no record the system can connect to a case. */
  linked?: boolean;
  /** Deactivated by the admin once made (default: active). */
  active?: boolean;
  /** The organisation's admin who makes them (default: Werrington's). */
  admin?: string;
}

export interface BuiltPerson {
  email: string;
  userId: string;
  /** Their staff record: linked to the account, or (`linked: false`) a record of the same person the system does not know is theirs. */
  staffId: string;
}

/**
 * A person, made the way a school would through the API: the admin adds their staff record
 * (POST /staff) and then their account with the same e-mail (POST /users links the two);
 * with `linked: false` the record carries no e-mail, so the account stays unconnected.
 */
export async function addPerson(t: TestApp, spec: PersonSpec): Promise<BuiltPerson> {
  const admin = await t.as(spec.admin ?? DEMO.admin);
  const domain = (spec.admin ?? DEMO.admin).split('@')[1];
  const email = `${spec.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(3).toString('hex')}@${domain}`;
  const linked = spec.linked ?? true;
  const staff = await admin.post('/staff', { name: spec.name, jobTitle: 'Teacher', ...(linked ? { email } : {}) });
  if (staff.status !== 201) throw new Error(`addPerson ${spec.name}: POST /staff ${staff.status} ${JSON.stringify(staff.body)}`);
  const user = await admin.post('/users', { email, name: spec.name, password: TEST_PASSWORD, roles: spec.roles });
  if (user.status !== 201) throw new Error(`addPerson ${spec.name}: POST /users ${user.status} ${JSON.stringify(user.body)}`);
  if (user.body.staffId !== (linked ? staff.body.id : null)) throw new Error(`addPerson ${spec.name}: linked to ${user.body.staffId}`);
  if (spec.active === false) {
    await t.token(email); // a token from before the deactivation: refused from then on
    const off = await admin.patch(`/users/${user.body.id}`, { active: false });
    if (off.status !== 200) throw new Error(`addPerson ${spec.name}: deactivation ${off.status} ${JSON.stringify(off.body)}`);
  }
  return { email, userId: user.body.id, staffId: staff.body.id };
}

/** How a hearing is held by the builder (process.md §1). */
export interface HearingSpec {
  /** Who chairs it (default: the decider; for the appeal, the hearer). */
  chair?: string;
  /** The invitation's body overrides. */
  invitation?: Record<string, unknown>;
  /** The hearing record's overrides (default: attended, a union representative, notes). */
  record?: Record<string, unknown>;
  /** Stop once invited and the letters sent: the hearing is not held. */
  invitedOnly?: boolean;
}

/**
 * A hearing invited by `chair`, its invitation letter generated and recorded as sent to every
 * subject, and held. The hearing lies at least five working days ahead of its invitation: the
 * time in between (which the API cannot be asked to skip) passes in the database — the invitation
 * and the letters seven weeks back, the hearing 25 days ago (before any decision a test states) — and then the chair records it.
 */
export async function holdHearing(
  t: TestApp,
  h: { chair: string; caseId: string; invitePath: string; subjects: readonly string[] } & HearingSpec,
): Promise<{ hearingId: string; chair: string; view: Record<string, unknown>; requests: number }> {
  const client = await t.as(h.chair);
  const expect = (what: string, status: number, answer: Response) => {
    if (answer.status !== status) throw new Error(`holdHearing ${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  };
  const appeal = h.invitePath.startsWith('/appeals/');
  const invitation = {
    scheduledFor: iso(Date.now() + 14 * DAY),
    place: 'Meeting room 2',
    evidenceIds: [],
    ...(appeal ? {} : { possibleOutcomes: ['no_action', 'first_written_warning', 'final_written_warning', 'dismissal_with_notice', 'summary_dismissal'] }),
    ...h.invitation,
  };
  const invited = expect('invitation', 201, await client.post(h.invitePath, invitation));
  const hearingId = invited.body.createdId as string;
  let requests = 1;
  await t.db.query(
    `UPDATE hearings SET invited_at = now() - interval '50 days', original_scheduled_for = now() - interval '25 days', scheduled_for = now() - interval '25 days' WHERE id = $1`,
    [hearingId],
  );
  const kind = appeal ? 'appeal_hearing_invitation' : 'hearing_invitation';
  for (const subjectStaffId of h.subjects) {
    expect('letter', 200, await client.get(`/cases/${h.caseId}/letters/${kind}?record=${hearingId}&subject=${subjectStaffId}&format=docx`));
    expect(
      'letter sent',
      200,
      await client.post(`/cases/${h.caseId}/letters/${kind}/sent`, {
        record: hearingId,
        subject: subjectStaffId,
        sentAt: iso(Date.now() - 49 * DAY),
        method: 'hand',
      }),
    );
    requests += 2;
  }
  if (h.invitedOnly) return { hearingId, chair: h.chair, view: invited.body, requests };
  const record = {
    heldAt: iso(Date.now() - 25 * DAY + HOUR),
    subjectAttended: true,
    attendees: [{ name: 'A. Shah', capacity: 'note-taker (HR)' }],
    companion: { name: 'R. Patel', category: 'trade_union_representative' },
    notes: 'The allegations and the evidence were put; the subject answered each.',
    representations: 'The subject accepted posting and apologised.',
    ...h.record,
  };
  const held = expect('record', 200, await client.post(`/hearings/${hearingId}/record`, record));
  return { hearingId, chair: h.chair, view: held.body, requests: requests + 1 };
}
