import { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import { AllegationRequest, FactRequest, InterviewRequest, SubjectNotificationRequest, SubjectResponseRequest } from './dto/investigation.dto';
import { Finding, InvestigationState } from './investigation.rules';

/**
 * The investigations module's SQL on its tables — `case_assignments`, `allegations`, `facts`,
 * `interviews`, `subject_notifications`, `subject_responses` (and `investigation_meetings`:
 * investigation-meeting-rows.ts) — for its services and the
 * modules that need them (the outcome reads findings; monitoring cites allegations; retention
 * erases them).
 */

interface Recorded {
  organisationId: string;
  caseId: string;
  userId: string;
}

const insertedId = async (em: EntityManager, sql: string, params: unknown[]): Promise<string> => (await queryOne<{ id: string }>(em, sql, params))!.id;

/** A new appointment ends the previous one at once (§4). */
export async function appointInvestigator(em: EntityManager, at: Recorded, investigatorUserId: string): Promise<void> {
  await em.query(`UPDATE case_assignments SET ended_at = now() WHERE case_id = $1 AND ended_at IS NULL`, [at.caseId]);
  await em.query(`INSERT INTO case_assignments (organisation_id, case_id, recorded_by_user_id, investigator_user_id) VALUES ($1, $2, $3, $4)`, [
    at.organisationId,
    at.caseId,
    at.userId,
    investigatorUserId,
  ]);
}

export function insertAllegation(em: EntityManager, at: Recorded, request: AllegationRequest): Promise<string> {
  return insertedId(
    em,
    `INSERT INTO allegations (organisation_id, case_id, recorded_by_user_id, policy_standard, category, summary) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, request.policyStandard ?? null, request.category ?? null, request.summary],
  );
}

/** Every allegation id of the case. */
export async function allegationIdsOf(em: EntityManager, caseId: string): Promise<Set<string>> {
  return new Set((await queryRows<{ id: string }>(em, `SELECT id FROM allegations WHERE case_id = $1`, [caseId])).map((r) => r.id));
}

/** The ids among `ids` that are not allegations of the case. */
export async function foreignAllegationIds(em: EntityManager, caseId: string, ids: readonly string[]): Promise<string[]> {
  const known = await queryRows<{ id: string }>(em, `SELECT id FROM allegations WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, ids]);
  return ids.filter((id) => !known.some((k) => k.id === id));
}

export function insertFact(em: EntityManager, at: Recorded, request: FactRequest): Promise<string> {
  return insertedId(
    em,
    `INSERT INTO facts (organisation_id, case_id, recorded_by_user_id, occurred_at, description, evidence_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, new Date(request.occurredAt), request.description, request.evidenceIds],
  );
}

export function insertInterview(em: EntityManager, at: Recorded, request: InterviewRequest): Promise<string> {
  return insertedId(
    em,
    `INSERT INTO interviews (organisation_id, case_id, recorded_by_user_id, staff_id, name, capacity, held_at, accompanied_by, statement)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      at.organisationId,
      at.caseId,
      at.userId,
      request.staffId ?? null,
      request.name ?? null,
      request.capacity,
      new Date(request.heldAt),
      request.accompaniedBy ?? null,
      request.statement,
    ],
  );
}

export function insertNotification(em: EntityManager, at: Recorded, request: SubjectNotificationRequest): Promise<string> {
  return insertedId(
    em,
    `INSERT INTO subject_notifications (organisation_id, case_id, recorded_by_user_id, sent_at, method, allegation_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, new Date(request.sentAt), request.method, request.allegationIds],
  );
}

export async function firstNoticeSentAt(em: EntityManager, caseId: string): Promise<Date | null> {
  return (await queryOne<{ at: Date | null }>(em, `SELECT min(sent_at) AS at FROM subject_notifications WHERE case_id = $1`, [caseId]))?.at ?? null;
}

export function insertResponse(em: EntityManager, at: Recorded, request: SubjectResponseRequest): Promise<string> {
  return insertedId(
    em,
    `INSERT INTO subject_responses (organisation_id, case_id, recorded_by_user_id, received_at, response, refused_to_respond)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, new Date(request.receivedAt), request.response, request.refusedToRespond ?? false],
  );
}

/** The allegation's current finding, or undefined when it is not an allegation of the case. */
export function findingOf(em: EntityManager, caseId: string, allegationId: string): Promise<{ finding: Finding | null; reasoning: string | null } | undefined> {
  return queryOne(em, `SELECT finding, finding_reasoning AS reasoning FROM allegations WHERE id = $1 AND case_id = $2`, [allegationId, caseId]);
}

export async function recordFinding(em: EntityManager, allegationId: string, finding: Finding, reasoning: string): Promise<void> {
  await em.query(`UPDATE allegations SET finding = $2, finding_reasoning = $3, finding_recorded_at = now() WHERE id = $1`, [allegationId, finding, reasoning]);
}

/** What the submission rule needs (investigation.rules.ts `submissionBlockers`), in one round trip. */
export async function investigationState(em: EntityManager, caseId: string): Promise<InvestigationState> {
  const row = await queryOne<{ allegations: Array<{ id: string; finding: Finding | null }>; notified: string[]; responses: number }>(
    em,
    `SELECT COALESCE((SELECT json_agg(json_build_object('id', a.id, 'finding', a.finding)) FROM allegations a WHERE a.case_id = $1), '[]') AS allegations,
       ARRAY(SELECT DISTINCT unnest(n.allegation_ids) FROM subject_notifications n WHERE n.case_id = $1)::text[] AS notified,
       (SELECT count(*)::int FROM subject_responses r WHERE r.case_id = $1) AS responses`,
    [caseId],
  );
  return { allegations: row!.allegations, notifiedAllegationIds: new Set(row!.notified), responses: row!.responses };
}

/** How many of the case's allegations were found substantiated (§12: dismissal rests on one). */
export async function substantiatedFindings(em: EntityManager, caseId: string): Promise<number> {
  return (await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM allegations WHERE case_id = $1 AND finding = 'substantiated'`, [caseId]))?.n ?? 0;
}

/**
 * Retention (§13): the investigation's content goes; who was appointed stays (a replaced
 * investigator stays conflicted on the tombstone). Facts cite evidence, so they go before
 * the evidence module erases its items.
 */
export async function eraseInvestigation(em: EntityManager, caseId: string): Promise<void> {
  for (const table of [
    'facts',
    'subject_responses',
    'subject_notifications',
    'interviews',
    'investigation_meetings',
    'investigation_extensions',
    'allegations',
  ]) {
    await em.query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId]);
  }
}

/** SQL: the findings on the allegations of case `caseColumn`, as a text array (retention, KCSIE Part 4: malicious or false ones leave the record). */
export function findingsArraySql(caseColumn: string): string {
  return `ARRAY(SELECT a.finding::text FROM allegations a WHERE a.case_id = ${caseColumn} AND a.finding IS NOT NULL)`;
}
