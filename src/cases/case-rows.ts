import { EntityManager } from 'typeorm';
import { queryOne, queryRows, SqlParams } from '../database/sql';
import type { TriageDecision } from './lifecycle';

/**
 * The cases module's SQL on its tables — `cases`, `case_parties`, `case_reference_counters` —
 * for the other modules to call. Status is not written here: only case-status.ts moves a case.
 */

/**
 * SQL common table expressions that open a case: the next reference number for the
 * organisation and year (the counter row stays locked until commit, so numbers are distinct
 * and gapless), the case row, and its parties. Parameters: $1 organisation, $2 year,
 * $3 created at, $4 safeguarding, $5 subject staff ids, $6 reporter staff id, $7 reporter
 * name, $8 reporter relationship. Expects a CTE `known_staff(id)` of the organisation's staff
 * records among those named (a party is only ever one of them; the caller refuses the
 * statement's result when one is missing). Defines `opened(id, reference)`. Used by the
 * reports module, which adds the report to the same statement.
 */
export const OPEN_CASE_CTES = `
  counter AS (
    INSERT INTO case_reference_counters (organisation_id, year, last) VALUES ($1, $2, 1)
    ON CONFLICT (organisation_id, year) DO UPDATE SET last = case_reference_counters.last + 1 RETURNING last),
  opened AS (
    INSERT INTO cases (organisation_id, reference, status, safeguarding, created_at, updated_at)
    SELECT $1, 'SMP-' || $2::int || '-' || lpad(counter.last::text, 4, '0'), 'reported', $4, $3, $3 FROM counter
    RETURNING id, reference),
  parties AS (
    INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id, name, relationship, created_at)
    SELECT $1::uuid, opened.id, 'subject'::party_capacity, s, NULL, NULL, $3::timestamptz
      FROM opened, unnest($5::uuid[]) WITH ORDINALITY AS u(s, n) WHERE s IN (SELECT id FROM known_staff)
    UNION ALL SELECT $1::uuid, opened.id, 'reporter'::party_capacity, (SELECT id FROM known_staff WHERE id = $6::uuid), $7::text, $8::text, $3::timestamptz FROM opened
    RETURNING 1)`;

/** What every reference begins with (OPEN_CASE_CTES, case-reference.ts `formatCaseReference`: SMP-2026-0007). */
export const REFERENCE_PREFIX = 'SMP-';

/**
 * SQL predicate over `cases c`: the reference contains `literal` (an ILIKE literal: `%`, `_`
 * and `\` already escaped), in any case. References are `SMP-YYYY-NNNN…` and their hyphens
 * stand only there, so text that begins with `SMP-`, or with a year and its hyphen
 * (`2026-00…`), can only occur at the start (after `SMP-`): a prefix match, answered by the
 * btree (organisation_id, upper(reference) text_pattern_ops). Any other text goes to the
 * trigram index on reference. (Every reference holds the trigrams of "SMP" and of its year:
 * reading those lists costs 5–20 ms at a million cases; the btree, a fraction of a millisecond.)
 */
export function referenceContainsSql(literal: string, params: SqlParams, alias = 'c'): string {
  const start = literal.toUpperCase().startsWith(REFERENCE_PREFIX) ? literal : /^\d{4}-/.test(literal) ? `${REFERENCE_PREFIX}${literal}` : null;
  return start !== null ? `upper(${alias}.reference) LIKE upper(${params.add(`${start}%`)})` : `${alias}.reference ILIKE ${params.add(`%${literal}%`)}`;
}

/**
 * The cases with a subject among the staff records of `staffIdsArraySql` (a uuid[] value): a
 * subquery of case ids, answered by the index on `case_parties.staff_id`.
 */
export function casesWithSubjectAmongSql(staffIdsArraySql: string): string {
  return `SELECT p.case_id FROM case_parties p WHERE p.capacity = 'subject' AND p.staff_id = ANY(${staffIdsArraySql})`;
}

/** SQL: the staff records that are subjects of case `caseColumn`, as a uuid[] value. */
export function subjectStaffIdsSql(caseColumn: string): string {
  return `ARRAY(SELECT p.staff_id FROM case_parties p WHERE p.case_id = ${caseColumn} AND p.capacity = 'subject' AND p.staff_id IS NOT NULL)`;
}

/** Adds a witness party, once per staff record (or by name for someone outside the directory). */
export async function addWitness(em: EntityManager, organisationId: string, caseId: string, witness: { staffId: string } | { name: string }): Promise<void> {
  if ('staffId' in witness) {
    await em.query(
      `INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id)
       SELECT $1, $2, 'witness', $3 WHERE NOT EXISTS (SELECT 1 FROM case_parties WHERE case_id = $2 AND capacity = 'witness' AND staff_id = $3)`,
      [organisationId, caseId, witness.staffId],
    );
  } else {
    await em.query(`INSERT INTO case_parties (organisation_id, case_id, capacity, name) VALUES ($1, $2, 'witness', $3)`, [
      organisationId,
      caseId,
      witness.name,
    ]);
  }
}

export async function recordTriage(em: EntityManager, caseId: string, triage: { decision: TriageDecision; rationale: string; userId: string }): Promise<void> {
  await em.query(
    `UPDATE cases SET triage_decision = $2, triage_rationale = $3, triaged_at = now(), triaged_by_user_id = $4, updated_at = now() WHERE id = $1`,
    [caseId, triage.decision, triage.rationale, triage.userId],
  );
}

/** A referral makes the case a safeguarding matter (§5). */
export async function markSafeguarding(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`UPDATE cases SET safeguarding = TRUE, updated_at = now() WHERE id = $1`, [caseId]);
}

/** §5, KCSIE Part 4: whether the case is a safeguarding matter (flagged at report, or referred). */
export async function isSafeguarding(em: EntityManager, caseId: string): Promise<boolean> {
  return (await queryOne<{ safeguarding: boolean }>(em, `SELECT safeguarding FROM cases WHERE id = $1`, [caseId]))?.safeguarding === true;
}

/** The investigating manager appointed now (§4); the appointment history is the investigations module's. */
export async function setInvestigator(em: EntityManager, caseId: string, userId: string): Promise<void> {
  await em.query(`UPDATE cases SET investigator_user_id = $2, updated_at = now() WHERE id = $1`, [caseId, userId]);
}

export async function recordInvestigationReport(em: EntityManager, caseId: string, report: { summary: string; userId: string }): Promise<void> {
  await em.query(
    `UPDATE cases SET investigation_summary = $2, report_submitted_at = now(), report_submitted_by_user_id = $3, updated_at = now() WHERE id = $1`,
    [caseId, report.summary, report.userId],
  );
}

export async function legalHoldOf(em: EntityManager, caseId: string): Promise<string | null> {
  return (await queryOne<{ reason: string | null }>(em, `SELECT legal_hold_reason AS reason FROM cases WHERE id = $1`, [caseId]))?.reason ?? null;
}

export async function placeLegalHold(em: EntityManager, caseId: string, hold: { reason: string; userId: string }): Promise<void> {
  await em.query(`UPDATE cases SET legal_hold_reason = $2, legal_hold_placed_at = now(), legal_hold_placed_by_user_id = $3, updated_at = now() WHERE id = $1`, [
    caseId,
    hold.reason,
    hold.userId,
  ]);
}

export async function liftLegalHold(em: EntityManager, caseId: string): Promise<void> {
  await em.query(
    `UPDATE cases SET legal_hold_reason = NULL, legal_hold_placed_at = NULL, legal_hold_placed_by_user_id = NULL, updated_at = now() WHERE id = $1`,
    [caseId],
  );
}

/** SQL on case alias `c`: due for erasure (§13) at `at` — closed, past its retention date, not on hold, not yet erased. */
export const dueForErasureSql = (at = 'now()'): string =>
  `c.status = 'closed' AND c.retain_until <= ${at} AND c.legal_hold_reason IS NULL AND c.erased_at IS NULL`;

/** Due for erasure now (dueForErasureSql). */
export const DUE_FOR_ERASURE = dueForErasureSql();

/** Whether case `caseId` is due for erasure now (DUE_FOR_ERASURE), read inside the erasing transaction after the case row is locked. */
export async function isDueForErasure(em: EntityManager, caseId: string): Promise<boolean> {
  return (await queryRows(em, `SELECT 1 FROM cases c WHERE c.id = $1 AND ${DUE_FOR_ERASURE}`, [caseId])).length > 0;
}

/** Takes case `caseId`'s row lock until commit (CaseRunner.changeAsSystem): its organisation and whether it is a tombstone, or undefined when there is no such case. */
export async function lockCaseRow(em: EntityManager, caseId: string): Promise<{ organisationId: string; erased: boolean } | undefined> {
  const row = await queryOne<{ organisation_id: string; erased: boolean }>(
    em,
    `SELECT c.organisation_id, c.erased_at IS NOT NULL AS erased FROM cases c WHERE c.id = $1 FOR UPDATE OF c`,
    [caseId],
  );
  return row ? { organisationId: row.organisation_id, erased: row.erased } : undefined;
}

/** The tombstone of the case row (§13): its free text goes; reference, dates, retention and who investigated stay. */
export async function eraseCaseRow(em: EntityManager, caseId: string): Promise<{ reference: string }> {
  await em.query(`UPDATE case_parties SET name = NULL, relationship = NULL WHERE case_id = $1`, [caseId]);
  const row = await queryRows<{ reference: string }>(
    em,
    `UPDATE cases SET triage_rationale = NULL, investigation_summary = NULL, erased_at = now(), updated_at = now() WHERE id = $1 RETURNING reference`,
    [caseId],
  );
  return row[0];
}

/** SQL: the case's subjects with a staff record, as a json array of { staffId, name }. */
export function subjectsJsonSql(caseColumn: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('staffId', p.staff_id, 'name', COALESCE(s.name, p.name)) ORDER BY p.created_at, p.id)
    FROM case_parties p JOIN staff_members s ON s.id = p.staff_id WHERE p.case_id = ${caseColumn} AND p.capacity = 'subject'), '[]')`;
}
