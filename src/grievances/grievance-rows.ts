import { EntityManager } from 'typeorm';
import { isoSql, queryOne } from '../database/sql';
import { GrievanceOutcome, requireNotPausedState } from './grievance.rules';

/** The grievances module's SQL on `grievances` and `process_pauses` (process.md §4, §6). */

type At = { organisationId: string; caseId: string; userId: string };

export async function insertGrievance(
  em: EntityManager,
  at: At,
  g: { subjectStaffId: string; lodgedAt: Date; summary: string; relatedToProcess: boolean },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO grievances (organisation_id, case_id, recorded_by_user_id, subject_staff_id, lodged_at, summary, related_to_process)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, g.subjectStaffId, g.lodgedAt, g.summary, g.relatedToProcess],
  );
  return row!.id;
}

/** A grievance of the case (locked for the change), or undefined. */
export async function loadGrievance(
  em: EntityManager,
  caseId: string,
  id: string,
): Promise<{ id: string; lodgedAt: Date; relatedToProcess: boolean; decidedAt: Date | null } | undefined> {
  return queryOne(
    em,
    `SELECT id, lodged_at AS "lodgedAt", related_to_process AS "relatedToProcess", decided_at AS "decidedAt"
     FROM grievances WHERE case_id = $1 AND id = $2 FOR UPDATE`,
    [caseId, id],
  );
}

export async function recordGrievanceDecision(
  em: EntityManager,
  id: string,
  d: { outcome: GrievanceOutcome; reasons: string; decidedAt: Date; userId: string; role: string },
): Promise<void> {
  await em.query(`UPDATE grievances SET outcome = $2, reasons = $3, decided_at = $4, decided_by_user_id = $5, decided_by_role = $6 WHERE id = $1`, [
    id,
    d.outcome,
    d.reasons,
    d.decidedAt,
    d.userId,
    d.role,
  ]);
}

/** The case's open pause, with whether the grievance it waits for is decided; null when the process runs. */
export async function openPause(em: EntityManager, caseId: string): Promise<{ id: string; grievanceId: string; grievanceDecided: boolean } | null> {
  const row = await queryOne<{ id: string; grievanceId: string; grievanceDecided: boolean }>(
    em,
    `SELECT pp.id, pp.grievance_id AS "grievanceId", g.decided_at IS NOT NULL AS "grievanceDecided"
     FROM process_pauses pp JOIN grievances g ON g.id = pp.grievance_id WHERE pp.case_id = $1 AND pp.resumed_at IS NULL`,
    [caseId],
  );
  return row ?? null;
}

export async function insertPause(em: EntityManager, at: At, p: { grievanceId: string; reason: string; pausedAt: Date }): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO process_pauses (organisation_id, case_id, recorded_by_user_id, grievance_id, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, p.grievanceId, p.reason, p.pausedAt],
  );
  return row!.id;
}

export async function endPause(em: EntityManager, id: string, r: { resumedAt: Date; userId: string }): Promise<void> {
  await em.query(`UPDATE process_pauses SET resumed_at = $2, resumed_by_user_id = $3 WHERE id = $1`, [id, r.resumedAt, r.userId]);
}

/**
 * process.md §4: while the disciplinary process of a case is paused for a grievance, its status
 * does not change — 409 `case_paused`. Called by case-status.ts `moveCase` before every status
 * change, and by any step that must wait too (a hearing step). Call it in the case's transaction.
 */
export async function requireNotPaused(em: EntityManager, caseId: string): Promise<void> {
  const row = await queryOne<{ paused: boolean }>(em, `SELECT EXISTS (SELECT 1 FROM process_pauses WHERE case_id = $1 AND resumed_at IS NULL) AS paused`, [
    caseId,
  ]);
  requireNotPausedState(row?.paused === true);
}

/** Retention (§13): the grievances and the pauses go with the rest of the case's content. */
export async function eraseGrievances(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM process_pauses WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM grievances WHERE case_id = $1`, [caseId]);
}

/** A pause of the case's disciplinary process for a grievance, open or ended (process.md §4); ISO 8601 times. */
export interface PauseHistoryRow {
  grievanceId: string;
  pausedAt: string;
  reason: string | null;
  resumedAt: string | null;
}

/**
 * What the case view does not hold of the grievances, for the HR summary (one statement): every
 * pause and resumption of the process, oldest first, and the role in which each decided
 * grievance was heard (recorded with the decision).
 */
export async function grievanceHistory(em: EntityManager, caseId: string): Promise<{ pauses: PauseHistoryRow[]; heardByRole: Record<string, string | null> }> {
  const row = await queryOne<{ pauses: PauseHistoryRow[]; heardByRole: Record<string, string | null> }>(
    em,
    `SELECT COALESCE((SELECT json_agg(json_build_object('grievanceId', pp.grievance_id, 'pausedAt', ${isoSql('pp.created_at')}, 'reason', pp.reason,
         'resumedAt', ${isoSql('pp.resumed_at')}) ORDER BY pp.created_at, pp.id) FROM process_pauses pp WHERE pp.case_id = $1), '[]') AS pauses,
       COALESCE((SELECT json_object_agg(g.id, g.decided_by_role) FROM grievances g WHERE g.case_id = $1 AND g.decided_at IS NOT NULL), '{}') AS "heardByRole"`,
    [caseId],
  );
  return { pauses: row?.pauses ?? [], heardByRole: row?.heardByRole ?? {} };
}
