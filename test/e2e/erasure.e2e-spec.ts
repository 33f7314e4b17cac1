import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { holdHearing } from '../support/case-builder';
import { binaryParser, pdfText } from '../support/exports-fixtures';
import { DEMO, monitoringRequestBody, startTestApp, TestApp } from '../support/test-app';

/**
 * Erasure leaves nothing (issue 9 "Done when"; domain.md "Data protection": "Erasure leaves no
 * free text of the case anywhere: not in any table, audit reason or payload, file, or export").
 *
 * Two cases are driven through every route that takes free text — between them, every such
 * field there is — each text carrying a marker unique to this run and naming its field. They
 * are made due and erased by POST /retention/run. Then every column of every table (found in
 * the catalogue, so tables added later are scanned too), every file under the data and
 * evidence directories, and every export of the cases is searched for the marker: nothing may
 * be left, and /audit/verify still passes. Before erasure the same scans must find every
 * field's marker, so a scan that cannot see a field fails here rather than passing vacuously.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** Letters and digits only: survives JSON, CSV, URLs, file names and PDF line-breaking unchanged. */
const PREFIX = `MRK${randomBytes(5).toString('hex')}`;
const marker = (field: string) => `${PREFIX}${field}`;
const MARKER_RE = new RegExp(`${PREFIX}([A-Za-z]*)`, 'gi');

/**
 * Every free-text input of a case-scoped route — each string property without an enum or a
 * format in a request body of the OpenAPI document, and the evidence file (its name and its
 * bytes) — and the markers the two cases put in it. The first test reads the document: a
 * route or field added later that takes text about a case fails it until it is given a marker
 * here, and so is scanned for after erasure.
 */
const INPUTS: Record<string, readonly string[]> = {
  'POST /reports description': ['reportDescription', 'bDescription'],
  'POST /reports url': ['reportUrl'],
  'POST /reports platformOther': ['reportPlatformOther'],
  'POST /reports reporter.name': ['reporterName', 'bReporterName'],
  'POST /reports reporter.relationship': ['reporterRelationship'],
  'POST /cases/{id}/triage rationale': ['triageRationale', 'bTriageRationale'],
  'POST /cases/{id}/safeguarding-referral referredTo': ['referralReferredTo'],
  'POST /cases/{id}/safeguarding-referral notes': ['referralNotes'],
  'POST /cases/{id}/lado-consultations ladoName': ['ladoName'],
  'POST /cases/{id}/lado-consultations advice': ['ladoAdvice'],
  'POST /cases/{id}/referral-decisions reasonNotReferred': ['reasonNotReferred'],
  'POST /cases/{id}/allegations summary': ['allegationSummary', 'bAllegationSummary'],
  'POST /cases/{id}/facts description': ['factDescription'],
  'POST /cases/{id}/interviews name': ['outsiderName'],
  'POST /cases/{id}/interviews accompaniedBy': ['witnessAccompaniedBy', 'subjectAccompaniedBy'],
  'POST /cases/{id}/interviews statement': ['witnessStatement', 'outsiderStatement', 'subjectStatement'],
  'POST /cases/{id}/subject-responses response': ['subjectResponse', 'bSubjectResponse'],
  'POST /cases/{id}/findings reasoning': ['findingReasoning', 'bFindingReasoning'],
  'POST /cases/{id}/submit-report summary': ['investigationSummary', 'bInvestigationSummary'],
  'POST /cases/{id}/evidence description': ['evidenceDescription', 'redactedDescription', 'extractDescription'],
  'POST /cases/{id}/evidence source': ['evidenceSource', 'redactedSource', 'extractSource'],
  'POST /cases/{id}/evidence file': ['evidenceFilename', 'evidenceContent', 'redactedFilename', 'redactedContent'],
  'POST /cases/{id}/evidence/{evidenceId}/handovers to': ['handoverTo'],
  'POST /cases/{id}/evidence/{evidenceId}/handovers note': ['handoverNote'],
  'POST /cases/{id}/monitoring-requests justification': ['monitoringJustification', 'rejectedJustification'],
  'POST /cases/{id}/monitoring-requests proportionality': ['monitoringProportionality', 'rejectedProportionality'],
  'POST /cases/{id}/monitoring-requests systems[]': ['monitoringSystems', 'rejectedSystems'],
  'POST /monitoring-requests/{id}/approve note': ['approvalNote'],
  'POST /monitoring-requests/{id}/reject reason': ['rejectionReason'],
  'POST /monitoring-requests/{id}/disclosures recipient': ['disclosureRecipient'],
  'POST /monitoring-requests/{id}/disclosures purpose': ['disclosurePurpose'],
  'POST /cases/{id}/outcome rationale': ['outcomeRationale', 'bOutcomeRationale'],
  'POST /cases/{id}/outcome separationWaiverReason': ['separationWaiverReason'],
  'POST /cases/{id}/appeals grounds': ['appealGrounds'],
  'POST /cases/{id}/appeals lateEntryReason': ['appealLateEntryReason'],
  'POST /appeals/{id}/decision rationale': ['appealRationale'],
  'POST /cases/{id}/close reason': ['closureReason'],
  'POST /cases/{id}/legal-hold reason': ['legalHoldReason'],
  // process.md §1: suspension and hearings; §6: grievances and the pause
  'POST /cases/{id}/suspensions reasons': ['suspensionReasons'],
  'POST /cases/{id}/suspensions alternativesConsidered': ['suspensionAlternatives'],
  'POST /cases/{id}/suspensions/{suspensionId}/reviews reasons': ['suspensionReviewReasons'],
  'POST /cases/{id}/grievances summary': ['grievanceSummary'],
  'POST /cases/{id}/grievances/{grievanceId}/decision reasons': ['grievanceReasons'],
  'POST /cases/{id}/pause reason': ['pauseReason'],
  'POST /cases/{id}/hearings place': ['hearingPlace'],
  'POST /cases/{id}/hearings separationWaiverReason': ['hearingWaiverReason'],
  'POST /appeals/{id}/hearings place': ['appealHearingPlace'],
  'POST /hearings/{id}/rearrangements place': ['rearrangedPlace'],
  'POST /hearings/{id}/rearrangements reason': ['rearrangementReason'],
  'POST /hearings/{id}/record attendees[].name': ['hearingAttendee'],
  'POST /hearings/{id}/record attendees[].capacity': ['hearingAttendeeCapacity'],
  'POST /hearings/{id}/record companion.name': ['hearingCompanion'],
  'POST /hearings/{id}/record companion.adjustmentReason': ['hearingAdjustment'],
  'POST /hearings/{id}/record notes': ['hearingNotes', 'appealHearingNotes'],
  'POST /hearings/{id}/record representations': ['hearingRepresentations'],
  'POST /hearings/{id}/record absenceReason': ['absenceReason'],
  // process.md §2: the investigation meeting arranged
  'POST /cases/{id}/investigation-meetings place': ['meetingPlace'],
  'POST /cases/{id}/investigation-meetings purpose': ['meetingPurpose'],
  'POST /cases/{id}/extend-investigation reason': ['extensionReason'],
};

/** Routes about people and accounts, not about a case: their text is the staff directory's, which retention does not erase; and the organisation's letterhead and letters' wording (process.md §2). */
const NOT_CASE_ROUTES = /^[A-Z]+ \/(auth|users|staff|organisation)[/ ]/;

/** Every marker name, once. */
const FIELDS: readonly string[] = [...new Set(Object.values(INPUTS).flat())];

/** The fields that are evidence content, stored as files. */
const FILE_CONTENT: readonly string[] = ['evidenceContent', 'redactedContent'];

/** The marker names found in a text (lower-cased: a scan is case-insensitive); the prefix alone, cut short, counts too. */
const markersIn = (text: string): string[] => [...new Set([...text.matchAll(MARKER_RE)].map((m) => m[1].toLowerCase() || '(the prefix alone)'))].sort();
const lower = (fields: readonly string[]) => fields.map((f) => f.toLowerCase()).sort();

interface OpenApiSchema {
  $ref?: string;
  allOf?: OpenApiSchema[];
  type?: string;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: OpenApiSchema }> } }>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** "METHOD /path field" for every text a request body takes: strings with neither an enum nor a format (free text), and files. */
function textInputs(document: OpenApiDocument): string[] {
  const found = new Set<string>();
  const walk = (schema: OpenApiSchema | undefined, at: string, route: string, seen: ReadonlySet<string>): void => {
    if (!schema) return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (!seen.has(name)) walk(document.components.schemas[name], at, route, new Set([...seen, name]));
      return;
    }
    for (const part of schema.allOf ?? []) walk(part, at, route, seen);
    for (const [name, property] of Object.entries(schema.properties ?? {})) walk(property, at ? `${at}.${name}` : name, route, seen);
    if (schema.type === 'array') walk(schema.items, `${at}[]`, route, seen);
    if (schema.type === 'string' && !schema.enum && (!schema.format || schema.format === 'binary')) found.add(`${route} ${at}`);
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const { schema } of Object.values(operation.requestBody?.content ?? {})) walk(schema, '', `${method.toUpperCase()} ${path}`, new Set());
    }
  }
  return [...found];
}

describe('erasure leaves no free text anywhere (§13)', () => {
  let t: TestApp;
  const now = Date.now();
  const sam = () => t.ids.staff['Sam Teacher'];
  const taylor = () => t.ids.staff['Taylor Assistant'];

  /** Case A: the regular path, appeal included. Case B: the headteacher investigates and decides with a waiver; closed with a reason. */
  const A = { id: '', reference: '', evidenceIds: [] as string[], sha256s: [] as string[], approvedId: '', appealId: '', allegationId: '' };
  const B = { id: '', reference: '' };
  /** The exports before erasure: who could read what. */
  let before: Record<string, { status: number; found: string[] }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    // A small school: the headteacher may also investigate (and so decide with a recorded waiver). Before anyone signs in.
    await t.db.query(`UPDATE users SET roles = '{headteacher,investigating_manager}' WHERE id = $1`, [t.ids.users[DEMO.head]]);
  });
  afterAll(() => t.close());

  async function ok(response: PromiseLike<{ status: number; body: unknown }>, status: number, what: string) {
    const r = await response;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async function upload(caseId: string, who: string, fields: Record<string, string>, content: string, filename: string) {
    const request = t
      .http()
      .post(`/cases/${caseId}/evidence`)
      .set('authorization', `Bearer ${await t.token(who)}`);
    for (const [name, value] of Object.entries(fields)) request.field(name, value);
    return ok(request.attach('file', Buffer.from(content, 'utf8'), { filename, contentType: 'text/plain' }), 201, `evidence ${filename}`);
  }

  /** Case A, about Sam Teacher, reported by a parent outside the directory, investigated by the investigating manager. */
  async function caseA(): Promise<void> {
    const deputy = await t.as(DEMO.deputy);
    const head = await t.as(DEMO.head);
    const ian = await t.as(DEMO.investigator);
    const opened = await ok(
      deputy.post('/reports', {
        subjectStaffIds: [sam()],
        platform: 'other',
        platformOther: marker('reportPlatformOther'),
        observedAt: iso(now - 20 * DAY),
        description: `A public post naming a colleague: ${marker('reportDescription')} end`,
        url: `https://social.example/posts/${marker('reportUrl')}`,
        category: 'disrepute',
        policyStandards: ['7.5'],
        involvesPupils: false,
        reporter: { name: `${marker('reporterName')} Parent`, relationship: `parent of ${marker('reporterRelationship')}` },
      }),
      201,
      'report A',
    );
    A.id = opened.id;
    A.reference = opened.reference;
    await ok(deputy.post(`/cases/${A.id}/triage`, { decision: 'investigate', rationale: `Needs facts ${marker('triageRationale')}` }), 200, 'triage A');
    await ok(
      deputy.post(`/cases/${A.id}/safeguarding-referral`, {
        referredTo: `LADO ${marker('referralReferredTo')}`,
        referredAt: iso(now - 19 * DAY),
        notes: `Referred by phone ${marker('referralNotes')}`,
      }),
      201,
      'referral A',
    );
    // KCSIE Part 4: the LADO consultation and a DBS referral decision
    const lado = { consultedAt: iso(now - 19 * DAY), ladoName: `LADO ${marker('ladoName')}`, advice: `Advice ${marker('ladoAdvice')}` };
    await ok(deputy.post(`/cases/${A.id}/lado-consultations`, { ...lado, thresholdMet: true, caseManagerUserId: t.ids.users[DEMO.head] }), 201, 'LADO A');
    const decision = { body: 'dbs', referred: false, reasonNotReferred: `Not yet ${marker('reasonNotReferred')}` };
    await ok(head.post(`/cases/${A.id}/referral-decisions`, decision), 201, 'referral decision A');
    await ok(head.post(`/cases/${A.id}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator] }), 200, 'assign A');

    const allegation = await ok(
      ian.post(`/cases/${A.id}/allegations`, { policyStandard: '7.5', summary: `Named a colleague ${marker('allegationSummary')}` }),
      201,
      'allegation A',
    );
    const allegationId = allegation.createdId as string;
    A.allegationId = allegationId;

    // Monitoring (§9): one request approved with a note, one rejected with a reason; a disclosure under the approved one.
    const requested = await ok(
      ian.post(
        `/cases/${A.id}/monitoring-requests`,
        monitoringRequestBody(
          {
            justification: `Use in lessons ${marker('monitoringJustification')}`,
            proportionality: `Two weeks only ${marker('monitoringProportionality')}`,
            systems: [`web filter ${marker('monitoringSystems')}`],
          },
          now,
        ),
      ),
      201,
      'monitoring request A',
    );
    const approvedId = requested.id as string;
    A.approvedId = approvedId;
    await ok(head.post(`/monitoring-requests/${approvedId}/approve`, { note: `Approved ${marker('approvalNote')}` }), 200, 'approve');
    const second = await ok(
      ian.post(
        `/cases/${A.id}/monitoring-requests`,
        monitoringRequestBody(
          {
            reason: 'policy_breach',
            justification: `Email too ${marker('rejectedJustification')}`,
            proportionality: `All mail ${marker('rejectedProportionality')}`,
            systems: [`school email ${marker('rejectedSystems')}`],
          },
          now,
        ),
      ),
      201,
      'monitoring request A (to reject)',
    );
    await ok(head.post(`/monitoring-requests/${second.id}/reject`, { reason: `Not proportionate ${marker('rejectionReason')}` }), 200, 'reject');
    await ok(
      head.post(`/monitoring-requests/${approvedId}/disclosures`, {
        recipient: `HR adviser ${marker('disclosureRecipient')}`,
        purpose: `Advice ${marker('disclosurePurpose')}`,
        disclosedAt: iso(now - HOUR),
      }),
      201,
      'disclosure',
    );

    // Evidence: an item, its redacted copy, a monitoring extract under the approved authorisation; a hand-over.
    const original = await upload(
      A.id,
      DEMO.investigator,
      {
        kind: 'screenshot',
        description: `The post ${marker('evidenceDescription')}`,
        source: `The parent ${marker('evidenceSource')}`,
        capturedAt: iso(now - 10 * DAY),
      },
      `Transcript of the post: ${marker('evidenceContent')}\n`,
      `${marker('evidenceFilename')}.txt`,
    );
    const redacted = await upload(
      A.id,
      DEMO.investigator,
      {
        kind: 'screenshot',
        description: `Redacted copy ${marker('redactedDescription')}`,
        source: `Redacted by the investigator ${marker('redactedSource')}`,
        capturedAt: iso(now - 10 * DAY),
        redactsEvidenceId: original.id,
      },
      `Transcript, names removed: ${marker('redactedContent')}\n`,
      `${marker('redactedFilename')}.txt`,
    );
    const extract = await upload(
      A.id,
      DEMO.investigator,
      {
        kind: 'monitoring_extract',
        description: `Filter log extract ${marker('extractDescription')}`,
        source: `Web filter ${marker('extractSource')}`,
        capturedAt: iso(now - 7 * DAY),
        monitoringAuthorisationId: approvedId,
      },
      '2026 web filter log, 3 lines\n',
      'extract.txt',
    );
    A.evidenceIds = [original.id, redacted.id, extract.id];
    A.sha256s = [original.sha256, redacted.sha256, extract.sha256];
    await ok(
      ian.post(`/cases/${A.id}/evidence/${original.id}/handovers`, {
        to: `Police ${marker('handoverTo')}`,
        handedOverAt: iso(now - 2 * HOUR),
        note: `Sealed bag ${marker('handoverNote')}`,
      }),
      201,
      'hand-over',
    );
    await ok(
      ian.post(`/cases/${A.id}/facts`, {
        occurredAt: iso(now - 15 * DAY),
        description: `The post went up ${marker('factDescription')}`,
        evidenceIds: [original.id],
      }),
      201,
      'fact',
    );

    // Interviews: a witness in the directory, a witness outside it (by name), the subject.
    await ok(
      ian.post(`/cases/${A.id}/interviews`, {
        staffId: taylor(),
        capacity: 'witness',
        heldAt: iso(now - 6 * DAY),
        accompaniedBy: `Union rep ${marker('witnessAccompaniedBy')}`,
        statement: `I saw it ${marker('witnessStatement')}`,
      }),
      201,
      'witness interview',
    );
    await ok(
      ian.post(`/cases/${A.id}/interviews`, {
        name: `${marker('outsiderName')} Neighbour`,
        capacity: 'witness',
        heldAt: iso(now - 6 * DAY),
        statement: `I also saw it ${marker('outsiderStatement')}`,
      }),
      201,
      'outside witness interview',
    );
    await ok(
      ian.post(`/cases/${A.id}/interviews`, {
        staffId: sam(),
        capacity: 'subject',
        heldAt: iso(now - 5 * DAY),
        accompaniedBy: `Colleague ${marker('subjectAccompaniedBy')}`,
        statement: `It was a joke ${marker('subjectStatement')}`,
      }),
      201,
      'subject interview',
    );
    await ok(ian.post(`/cases/${A.id}/subject-notifications`, { sentAt: iso(now - 4 * DAY), method: 'letter', allegationIds: [allegationId] }), 201, 'notice');
    await ok(
      ian.post(`/cases/${A.id}/subject-responses`, { receivedAt: iso(now - 3 * DAY), response: `I accept it ${marker('subjectResponse')}` }),
      201,
      'response',
    );
    await ok(
      ian.post(`/cases/${A.id}/findings`, { allegationId, finding: 'substantiated', reasoning: `Public ${marker('findingReasoning')}` }),
      201,
      'finding',
    );
    await ok(
      ian.post(`/cases/${A.id}/investigation-meetings`, {
        staffId: sam(),
        scheduledFor: iso(Date.now() + 7 * DAY),
        place: `Room 4 ${marker('meetingPlace')}`,
        purpose: `Your account ${marker('meetingPurpose')}`,
      }),
      201,
      'investigation meeting',
    );
    // process.md §6: more time for the investigation, with its reason
    await ok(head.post(`/cases/${A.id}/extend-investigation`, { workingDays: 5, reason: `A witness is away ${marker('extensionReason')}` }), 200, 'extension');
    // process.md §1: a precautionary suspension, reviewed; §6: a grievance, the process paused for it, decided, resumed.
    const suspended = await ok(
      head.post(`/cases/${A.id}/suspensions`, {
        subjectStaffId: sam(),
        startsAt: iso(now - 6 * DAY),
        grounds: ['risk_to_evidence'],
        reasons: `Could delete posts ${marker('suspensionReasons')}`,
        alternativesConsidered: `Other duties ${marker('suspensionAlternatives')}`,
        reviewBy: iso(now + 7 * DAY),
      }),
      201,
      'suspension',
    );
    await ok(
      head.post(`/cases/${A.id}/suspensions/${suspended.createdId}/reviews`, {
        decision: 'continue',
        reasons: `Still a risk ${marker('suspensionReviewReasons')}`,
        reviewBy: iso(now + 14 * DAY),
      }),
      200,
      'suspension review',
    );
    const grievance = await ok(
      (await t.as(DEMO.hr)).post(`/cases/${A.id}/grievances`, {
        lodgedAt: iso(now - 2 * DAY),
        summary: `Unfair process ${marker('grievanceSummary')}`,
        relatedToProcess: true,
      }),
      201,
      'grievance',
    );
    await ok(head.post(`/cases/${A.id}/pause`, { grievanceId: grievance.createdId, reason: `Hear it first ${marker('pauseReason')}` }), 200, 'pause');
    await ok(
      (await t.as(DEMO.governor)).post(`/cases/${A.id}/grievances/${grievance.createdId}/decision`, {
        outcome: 'not_upheld',
        reasons: `The process was fair ${marker('grievanceReasons')}`,
        decidedAt: iso(now - DAY),
      }),
      200,
      'grievance decision',
    );
    await ok(head.post(`/cases/${A.id}/resume`, {}), 200, 'resume');
    await ok(ian.post(`/cases/${A.id}/submit-report`, { summary: `Substantiated ${marker('investigationSummary')}` }), 200, 'submit A');

    // The disciplinary hearing (process.md §1): invited, rearranged by the chair, missed; decided in absence. Every text marked.
    const invited = await ok(
      head.post(`/cases/${A.id}/hearings`, {
        scheduledFor: iso(Date.now() + 14 * DAY),
        place: `Room ${marker('hearingPlace')}`,
        evidenceIds: [],
        possibleOutcomes: ['final_written_warning'],
      }),
      201,
      'hearing A',
    );
    const hearingId = invited.createdId as string;
    await ok(
      head.post(`/hearings/${hearingId}/rearrangements`, {
        basis: 'chair_decision',
        scheduledFor: iso(Date.now() + 16 * DAY),
        place: `Hall ${marker('rearrangedPlace')}`,
        reason: `Chair away ${marker('rearrangementReason')}`,
      }),
      200,
      'rearrange A',
    );
    await t.db.query(
      `UPDATE hearings SET invited_at = now() - interval '50 days', original_scheduled_for = now() - interval '25 days', scheduled_for = now() - interval '24 days' WHERE id = $1`,
      [hearingId],
    );
    await ok(head.get(`/cases/${A.id}/letters/hearing_invitation?record=${hearingId}&format=docx`), 200, 'invitation letter A');
    await ok(
      head.post(`/cases/${A.id}/letters/hearing_invitation/sent`, { record: hearingId, sentAt: iso(Date.now() - 49 * DAY), method: 'post' }),
      200,
      'invitation sent A',
    );
    await ok(
      head.post(`/hearings/${hearingId}/record`, {
        heldAt: iso(Date.now() - 24 * DAY + HOUR),
        subjectAttended: false,
        attendees: [{ name: `Note-taker ${marker('hearingAttendee')}`, capacity: `Adviser ${marker('hearingAttendeeCapacity')}` }],
        notes: `Put in her absence ${marker('hearingNotes')}`,
        representations: `Her written statement ${marker('hearingRepresentations')}`,
        absenceReason: `No reply ${marker('absenceReason')}`,
      }),
      200,
      'hearing A held',
    );
    // Outcome, then an appeal entered after its deadline (late-entry reason), heard and decided by the governors.
    await ok(
      head.post(`/cases/${A.id}/outcome`, {
        sanction: 'final_written_warning',
        grossMisconduct: false,
        rationale: `Serious breach ${marker('outcomeRationale')}`,
        decidedAt: iso(now - 2 * DAY),
        communicatedAt: iso(now - 2 * DAY),
        warningExpiresAt: iso(now + 365 * DAY),
        appealDeadline: iso(now + 14 * DAY),
      }),
      201,
      'outcome A',
    );
    await t.db.query(`UPDATE outcomes SET appeal_deadline = now() - interval '1 hour' WHERE case_id = $1`, [A.id]);
    const lodged = await ok(
      (await t.as(DEMO.hr)).post(`/cases/${A.id}/appeals`, {
        lodgedAt: iso(Date.now() - 2 * HOUR),
        grounds: `Too harsh ${marker('appealGrounds')}`,
        lateEntryReason: `Sat in the post room ${marker('appealLateEntryReason')}`,
      }),
      201,
      'appeal A',
    );
    A.appealId = lodged.createdId as string;
    await holdHearing(t, {
      chair: DEMO.governor,
      caseId: A.id,
      invitePath: `/appeals/${A.appealId}/hearings`,
      subjects: [sam()],
      invitation: { place: `Governors' room ${marker('appealHearingPlace')}` },
      record: {
        companion: {
          name: `Friend ${marker('hearingCompanion')}`,
          category: 'other_reasonable_adjustment',
          adjustmentReason: `Support ${marker('hearingAdjustment')}`,
        },
        notes: `Heard ${marker('appealHearingNotes')}`,
      },
    });
    await ok(
      (await t.as(DEMO.governor)).post(`/appeals/${lodged.createdId}/decision`, {
        result: 'varied',
        rationale: `A first warning is enough ${marker('appealRationale')}`,
        newSanction: 'first_written_warning',
        warningExpiresAt: iso(now + 180 * DAY),
      }),
      200,
      'appeal decision A',
    );

    // A legal hold placed and lifted: its reason is case content like any other.
    await ok(head.post(`/cases/${A.id}/legal-hold`, { reason: `Tribunal claim ${marker('legalHoldReason')}` }), 201, 'legal hold');
    await ok(head.delete(`/cases/${A.id}/legal-hold`), 200, 'lift hold');
  }

  /** Case B: the headteacher investigates and decides with a recorded waiver (ACAS, small school); the governors close it with a reason. */
  async function caseB(): Promise<void> {
    const deputy = await t.as(DEMO.deputy);
    const head = await t.as(DEMO.head);
    const opened = await ok(
      deputy.post('/reports', {
        subjectStaffIds: [sam()],
        platform: 'facebook',
        observedAt: iso(now - 20 * DAY),
        description: `Another post ${marker('bDescription')}`,
        category: 'confidentiality',
        policyStandards: ['7.3'],
        involvesPupils: false,
        reporter: { name: `${marker('bReporterName')} Visitor` },
      }),
      201,
      'report B',
    );
    B.id = opened.id;
    B.reference = opened.reference;
    await ok(deputy.post(`/cases/${B.id}/triage`, { decision: 'investigate', rationale: `Look into it ${marker('bTriageRationale')}` }), 200, 'triage B');
    await ok(head.post(`/cases/${B.id}/assign`, { investigatorUserId: t.ids.users[DEMO.head] }), 200, 'assign B');
    const allegation = await ok(
      head.post(`/cases/${B.id}/allegations`, { policyStandard: '7.3', summary: `Shared a pupil matter ${marker('bAllegationSummary')}` }),
      201,
      'allegation B',
    );
    const allegationId = allegation.createdId as string;
    await ok(
      head.post(`/cases/${B.id}/subject-notifications`, { sentAt: iso(now - 4 * DAY), method: 'email', allegationIds: [allegationId] }),
      201,
      'notice B',
    );
    await ok(
      head.post(`/cases/${B.id}/subject-responses`, { receivedAt: iso(now - 3 * DAY), response: `Not me ${marker('bSubjectResponse')}` }),
      201,
      'response B',
    );
    await ok(
      head.post(`/cases/${B.id}/findings`, { allegationId, finding: 'not_substantiated', reasoning: `No proof ${marker('bFindingReasoning')}` }),
      201,
      'finding B',
    );
    await ok(head.post(`/cases/${B.id}/submit-report`, { summary: `Nothing found ${marker('bInvestigationSummary')}` }), 200, 'submit B');
    // The head, who investigated, chairs the hearing under the separation waiver (ACAS, small school).
    await holdHearing(t, {
      chair: DEMO.head,
      caseId: B.id,
      invitePath: `/cases/${B.id}/hearings`,
      subjects: [sam()],
      invitation: { separationWaiverReason: `Two-teacher school ${marker('hearingWaiverReason')}` },
    });
    await ok(
      head.post(`/cases/${B.id}/outcome`, {
        sanction: 'no_action',
        grossMisconduct: false,
        rationale: `Nothing substantiated ${marker('bOutcomeRationale')}`,
        decidedAt: iso(now - DAY),
        separationWaiverReason: `Two-teacher school ${marker('separationWaiverReason')}`,
      }),
      201,
      'outcome B (waiver)',
    );
    await ok((await t.as(DEMO.governor)).post(`/cases/${B.id}/close`, { reason: `Nothing more to do ${marker('closureReason')}` }), 200, 'close B');
  }

  // --- the scans -----------------------------------------------------------------------------

  const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

  /**
   * Every column of every table and materialised view of the database, as text, searched for
   * the run's marker (case-insensitively): marker name → where it was found. The catalogue
   * says what there is, so a table or column added later is scanned without changing this.
   */
  async function scanDatabase(): Promise<Map<string, string[]>> {
    const { rows: columns } = await t.db.query<{ relation: string; label: string; column: string; type: string }>(
      `SELECT format('%I.%I', c.table_schema, c.table_name) AS relation, c.table_schema || '.' || c.table_name AS label,
              c.column_name AS column, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
       WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
       UNION ALL
       SELECT k.oid::regclass::text, k.oid::regclass::text, a.attname, format_type(a.atttypid, a.atttypmod)
       FROM pg_attribute a JOIN pg_class k ON k.oid = a.attrelid
       WHERE k.relkind = 'm' AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY 2, 3`,
    );
    expect(columns.length).toBeGreaterThan(100);
    const found = new Map<string, string[]>();
    for (const c of columns) {
      // bytea is searched as its bytes; everything else as its text (json, arrays, enums, numbers alike).
      const text = c.type === 'bytea' ? `encode(${quoteIdent(c.column)}, 'escape')` : `${quoteIdent(c.column)}::text`;
      const { rows } = await t.db.query<{ value: string }>(`SELECT ${text} AS value FROM ${c.relation} WHERE ${text} ILIKE $1`, [`%${PREFIX}%`]);
      for (const row of rows) {
        for (const field of markersIn(row.value)) found.set(field, [...(found.get(field) ?? []), `${c.label}.${c.column}`]);
      }
    }
    return found;
  }

  function filesUnder(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  }

  /** Every file under DATA_DIR and EVIDENCE_DIR, searched byte for byte: marker name → files. */
  function scanFiles(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    for (const file of new Set([...filesUnder(t.config.dataDir), ...filesUnder(t.config.evidenceDir)])) {
      for (const field of markersIn(readFileSync(file).toString('latin1'))) found.set(field, [...(found.get(field) ?? []), file]);
    }
    return found;
  }

  const getPdf = async (who: string, path: string) => (await t.as(who)).get(path).buffer(true).parse(binaryParser);

  /** Every page of a list route, as one text. */
  async function allPages(who: string, path: string): Promise<{ statuses: number[]; text: string }> {
    const client = await t.as(who);
    const statuses: number[] = [];
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const page = await client.get(`${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      statuses.push(page.status);
      texts.push(JSON.stringify(page.body));
      cursor = page.status === 200 ? page.body.nextCursor : null;
    } while (cursor);
    return { statuses, text: texts.join('\n') };
  }

  /**
   * Every export the API gives of the two cases, as the people entitled to them read them:
   * export name → { status, marker names found }.
   */
  async function scanExports(): Promise<Record<string, { status: number; found: string[] }>> {
    const result: Record<string, { status: number; found: string[] }> = {};
    const add = (name: string, status: number, text: string) => {
      result[name] = { status, found: markersIn(text) };
    };
    for (const [label, c] of [
      ['A', A],
      ['B', B],
    ] as const) {
      for (const who of [DEMO.head, DEMO.hr, DEMO.governor]) {
        const view = await (await t.as(who)).get(`/cases/${c.id}`);
        add(`GET /cases/${label} as ${who}`, view.status, JSON.stringify(view.body));
      }
      for (const who of [DEMO.head, DEMO.hr]) {
        const summary = await (await t.as(who)).get(`/cases/${c.id}/summary`);
        add(`GET /cases/${label}/summary as ${who}`, summary.status, JSON.stringify(summary.body));
        const pdf = await getPdf(who, `/cases/${c.id}/summary.pdf`);
        const text = pdf.status === 200 ? (await pdfText(pdf.body as Buffer)).text : JSON.stringify(pdf.body);
        // A marker broken across lines is still found: the text is also searched without its white space.
        add(`GET /cases/${label}/summary.pdf as ${who}`, pdf.status, `${text}\n${text.replace(/\s+/g, '')}`);
      }
      const special = await (await t.as(DEMO.head)).get(`/cases/${c.id}/summary?include=special`);
      add(`GET /cases/${label}/summary?include=special`, special.status, JSON.stringify(special.body));
      const audit = await allPages(DEMO.head, `/audit?caseId=${c.id}`);
      add(`GET /audit?caseId=${label}`, audit.statuses.at(-1)!, audit.text);
    }
    for (const [label, id] of [
      ['A evidence', A.evidenceIds[0]],
      ['A redacted', A.evidenceIds[1]],
    ] as const) {
      const item = await (await t.as(DEMO.head)).get(`/cases/${A.id}/evidence/${id}`);
      add(`GET /cases/A/evidence (${label})`, item.status, JSON.stringify(item.body));
      const content = await (await t.as(DEMO.head)).get(`/cases/${A.id}/evidence/${id}/content`).buffer(true).parse(binaryParser);
      add(
        `GET /cases/A/evidence/content (${label})`,
        content.status,
        Buffer.isBuffer(content.body) ? content.body.toString('latin1') : JSON.stringify(content.body),
      );
    }
    for (const who of [DEMO.head, DEMO.hr]) {
      const csv = await (await t.as(who)).get('/exports/cases.csv');
      add(`GET /exports/cases.csv as ${who}`, csv.status, csv.text);
    }
    for (const [label, staffId] of [
      ['subject', sam()],
      ['witness', taylor()],
    ] as const) {
      const sar = await (await t.as(DEMO.hr)).get(`/staff/${staffId}/subject-access-export`);
      add(`subject-access export of the ${label}`, sar.status, JSON.stringify(sar.body));
    }
    const lists = await allPages(DEMO.head, '/cases');
    add('GET /cases', lists.statuses.at(-1)!, lists.text);
    const due = await allPages(DEMO.hr, '/retention/due');
    add('GET /retention/due', due.statuses.at(-1)!, due.text);
    const audit = await allPages(DEMO.hr, '/audit');
    add('GET /audit', audit.statuses.at(-1)!, audit.text);
    return result;
  }

  const evidencePath = (sha256: string) => join(t.config.evidenceDir, sha256.slice(0, 2), sha256);
  const everywhere = (found: Map<string, string[]>) => Object.fromEntries([...found].map(([field, where]) => [field, [...new Set(where)]]));

  // --- the test ------------------------------------------------------------------------------

  it('the two cases put a marker in every free-text input of every case-scoped route of the OpenAPI document', async () => {
    const document = (await t.http().get('/docs-json')).body as OpenApiDocument;
    const inputs = textInputs(document).filter((input) => !NOT_CASE_ROUTES.test(input));
    expect(inputs.length).toBeGreaterThan(30);
    expect(inputs.sort()).toEqual(Object.keys(INPUTS).sort());
  });

  it('every free-text field of both cases is stored before erasure (the scans can see each one)', async () => {
    await caseA();
    await caseB();
    const inDatabase = await scanDatabase();
    // Evidence content is on disk only; everything else is in the database.
    expect([...inDatabase.keys()].sort()).toEqual(lower(FIELDS.filter((f) => !FILE_CONTENT.includes(f))));
    // The audit payloads hold the text too (erasable), and no audit reason does (the chain could never let it go).
    expect(inDatabase.get('closurereason')).toEqual(expect.arrayContaining(['public.audit_events.payload']));
    expect([...inDatabase.values()].flat()).not.toContain('public.audit_events.reason');
    const inFiles = scanFiles();
    expect([...inFiles.keys()].sort()).toEqual(lower(FILE_CONTENT));
    for (const sha256 of A.sha256s) expect(existsSync(evidencePath(sha256))).toBe(true);
    const exports = await scanExports();
    before = exports;
    // Each way of reading a case can show a marker before erasure, so finding none afterwards means something.
    for (const name of [
      'GET /cases/A as head@demo.school',
      'GET /cases/B as head@demo.school',
      'GET /cases/A/summary as hr@demo.school',
      'GET /cases/A/summary.pdf as hr@demo.school',
      'GET /cases/B/summary.pdf as hr@demo.school',
      'GET /audit?caseId=A',
      'GET /audit?caseId=B',
      'GET /cases/A/evidence (A evidence)',
      'GET /cases/A/evidence/content (A evidence)',
      'subject-access export of the subject',
      'subject-access export of the witness',
      'GET /audit',
    ]) {
      expect({ name, ...exports[name], found: exports[name].found.length > 0 }).toEqual({ name, status: 200, found: true });
    }
  });

  it('POST /retention/run erases both; then no table, column, file or export holds any of it, and the chain verifies', async () => {
    await t.db.query(`UPDATE cases SET retain_until = now() - interval '1 day' WHERE id = ANY($1::uuid[])`, [[A.id, B.id]]);
    // Case A is the headteacher's to erase; case B the governors' (the headteacher investigated it).
    const erased = [
      ...(await ok((await t.as(DEMO.head)).post('/retention/run'), 200, 'run as head')).erased,
      ...(await ok((await t.as(DEMO.governor)).post('/retention/run'), 200, 'run as governor')).erased,
    ];
    expect(erased.sort()).toEqual([A.id, B.id].sort());

    // (a) every column of every table
    expect(everywhere(await scanDatabase())).toEqual({});
    // (b) every file; the evidence files are gone
    expect(everywhere(scanFiles())).toEqual({});
    for (const sha256 of A.sha256s) expect(existsSync(evidencePath(sha256))).toBe(false);
    // (c) every export
    const exports = await scanExports();
    const leaks = Object.entries(exports).filter(([, e]) => e.found.length > 0);
    expect(leaks).toEqual([]);
    // Every export still answers whoever could read it before — with the tombstone; the erased items are gone.
    const statuses = (of: typeof exports) => Object.fromEntries(Object.entries(of).map(([name, e]) => [name, e.status]));
    const gone = Object.keys(exports).filter((name) => name.startsWith('GET /cases/A/evidence'));
    expect(statuses(exports)).toEqual({ ...statuses(before), ...Object.fromEntries(gone.map((name) => [name, 404])) });
    // (d) the chain
    for (const who of [DEMO.head, DEMO.hr]) {
      const verify = await (await t.as(who)).get('/audit/verify');
      expect(verify.body).toEqual(expect.objectContaining({ valid: true, firstBrokenAt: null }));
      expect(verify.body.erasedPayloads).toBeGreaterThan(0);
    }
  });
  /** Everything held about case A in the tables that hold case rows, and the chain's head: what a refused request must leave as it was. */
  async function caseFingerprint(caseId: string): Promise<Record<string, string>> {
    const { rows: tables } = await t.db.query<{ relation: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS relation FROM information_schema.columns
       WHERE column_name = 'case_id' AND table_schema NOT IN ('pg_catalog', 'information_schema')
         AND (table_schema, table_name) IN (SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')
       ORDER BY 1`,
    );
    const print: Record<string, string> = {};
    for (const { relation } of [...tables, { relation: 'public.cases' }]) {
      const where = relation === 'public.cases' ? 'x.id = $1' : 'x.case_id = $1';
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS digest FROM ${relation} x WHERE ${where}`,
        [caseId],
      );
      print[relation] = `${rows[0].n}:${rows[0].digest}`;
    }
    const head = await t.db.query(`SELECT last_seq, last_hash FROM audit_chain_heads WHERE organisation_id = $1`, [t.ids.org.werrington]);
    print.audit_chain_head = `${head.rows[0].last_seq}:${head.rows[0].last_hash}`;
    return print;
  }

  it('an erased case accepts no further record: every change answers 409 erased and writes nothing (finding 7)', async () => {
    const [deputy, head, ian, hr, governor] = await Promise.all([DEMO.deputy, DEMO.head, DEMO.investigator, DEMO.hr, DEMO.governor].map((who) => t.as(who)));
    const text = (field: string) => `After erasure ${marker(`tombstone${field}`)}`;
    const at = iso(Date.now() - HOUR);
    const before = await caseFingerprint(A.id);
    const attempts: Array<[string, PromiseLike<{ status: number; body: { code?: string } }>]> = [
      ['safeguarding referral', deputy.post(`/cases/${A.id}/safeguarding-referral`, { referredTo: text('Referral'), referredAt: at, notes: text('Notes') })],
      ['triage', deputy.post(`/cases/${A.id}/triage`, { decision: 'no_further_action', rationale: text('Triage') })],
      ['legal hold', head.post(`/cases/${A.id}/legal-hold`, { reason: text('Hold') })],
      ['lift legal hold', head.delete(`/cases/${A.id}/legal-hold`)],
      ['appeal', hr.post(`/cases/${A.id}/appeals`, { lodgedAt: at, grounds: text('Grounds'), lateEntryReason: text('Late') })],
      ['appeal decision', governor.post(`/appeals/${A.appealId}/decision`, { result: 'dismissed', rationale: text('Rationale') })],
      ['outcome', head.post(`/cases/${A.id}/outcome`, { sanction: 'no_action', grossMisconduct: false, rationale: text('Outcome'), decidedAt: at })],
      ['close', head.post(`/cases/${A.id}/close`, { reason: text('Close') })],
      ['assign', head.post(`/cases/${A.id}/assign`, { investigatorUserId: t.ids.users[DEMO.investigator2] })],
      ['allegation', ian.post(`/cases/${A.id}/allegations`, { policyStandard: '7.5', summary: text('Allegation') })],
      ['fact', ian.post(`/cases/${A.id}/facts`, { occurredAt: at, description: text('Fact'), evidenceIds: [A.evidenceIds[0]] })],
      ['interview', ian.post(`/cases/${A.id}/interviews`, { name: text('Name'), capacity: 'witness', heldAt: at, statement: text('Statement') })],
      ['notice', ian.post(`/cases/${A.id}/subject-notifications`, { sentAt: at, method: 'letter', allegationIds: [A.allegationId] })],
      ['response', ian.post(`/cases/${A.id}/subject-responses`, { receivedAt: at, response: text('Response') })],
      ['finding', ian.post(`/cases/${A.id}/findings`, { allegationId: A.allegationId, finding: 'inconclusive', reasoning: text('Finding') })],
      ['report', ian.post(`/cases/${A.id}/submit-report`, { summary: text('Summary') })],
      ['monitoring request', ian.post(`/cases/${A.id}/monitoring-requests`, monitoringRequestBody({ justification: text('Justification') }))],
      ['hand-over', ian.post(`/cases/${A.id}/evidence/${A.evidenceIds[0]}/handovers`, { to: text('To'), handedOverAt: at, note: text('Note') })],
    ];
    const answers: Record<string, { status: number; code?: string }> = {};
    for (const [name, attempt] of attempts) {
      const response = await attempt;
      answers[name] = { status: response.status, code: response.body.code };
    }
    expect(answers).toEqual(Object.fromEntries(attempts.map(([name]) => [name, { status: 409, code: 'erased' }])));
    // Evidence is refused before a byte is read (the investigation is closed), and a request for an erased record finds nothing.
    const upload = await t
      .http()
      .post(`/cases/${A.id}/evidence`)
      .set('authorization', `Bearer ${await t.token(DEMO.investigator)}`)
      .field('kind', 'document')
      .field('description', text('Evidence'))
      .field('source', text('Source'))
      .field('capturedAt', at)
      .attach('file', Buffer.from(text('Content')), { filename: 'late.txt', contentType: 'text/plain' });
    expect(upload.status).toBe(409);
    expect((await head.post(`/monitoring-requests/${A.approvedId}/approve`, { note: text('Approve') })).status).toBe(404);

    expect(await caseFingerprint(A.id)).toEqual(before);
    expect(everywhere(await scanDatabase())).toEqual({});
    expect(everywhere(scanFiles())).toEqual({});
  });
});
