import { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import { ReviewDecision, SuspensionGround, SuspensionState } from './suspension.rules';

/** The suspensions module's SQL on `suspensions` and `suspension_reviews` (process.md §1). */

/** The review date in force of suspension `s`: the latest continuing review's, or the one set at the start. */
export const currentReviewBySql = (s: string): string =>
  `COALESCE((SELECT r.next_review_by FROM suspension_reviews r WHERE r.suspension_id = ${s}.id AND r.decision = 'continue'
     ORDER BY r.created_at DESC, r.id DESC LIMIT 1), ${s}.review_by)`;

interface At {
  organisationId: string;
  caseId: string;
  userId: string;
}

export async function insertSuspension(
  em: EntityManager,
  at: At,
  s: { subjectStaffId: string; startsAt: Date; grounds: SuspensionGround[]; reasons: string; alternativesConsidered: string; reviewBy: Date },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO suspensions (organisation_id, case_id, recorded_by_user_id, subject_staff_id, starts_at, grounds, reasons, alternatives_considered, review_by)
     VALUES ($1, $2, $3, $4, $5, $6::suspension_ground[], $7, $8, $9) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, s.subjectStaffId, s.startsAt, s.grounds, s.reasons, s.alternativesConsidered, s.reviewBy],
  );
  return row!.id;
}

export interface SuspensionRow extends SuspensionState {
  id: string;
  subjectStaffId: string;
}

const STATE_COLUMNS = (s: string) => `${s}.id, ${s}.subject_staff_id AS "subjectStaffId", ${currentReviewBySql(s)} AS "reviewBy", ${s}.ended_at AS "endedAt"`;

/** A suspension of the case, as its rules read it; undefined when the case has none by that id. */
export async function loadSuspension(em: EntityManager, caseId: string, id: string): Promise<SuspensionRow | undefined> {
  return queryOne<SuspensionRow>(em, `SELECT ${STATE_COLUMNS('s')} FROM suspensions s WHERE s.case_id = $1 AND s.id = $2`, [caseId, id]);
}

/** The suspensions of one subject on the case that have not ended (active or lapsed). */
export async function unendedSuspensionsOf(em: EntityManager, caseId: string, subjectStaffId: string): Promise<SuspensionRow[]> {
  return queryRows<SuspensionRow>(
    em,
    `SELECT ${STATE_COLUMNS('s')} FROM suspensions s WHERE s.case_id = $1 AND s.subject_staff_id = $2 AND s.ended_at IS NULL`,
    [caseId, subjectStaffId],
  );
}

export async function insertReview(
  em: EntityManager,
  at: At,
  r: { suspensionId: string; decision: ReviewDecision; reasons: string; nextReviewBy: Date | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO suspension_reviews (organisation_id, case_id, recorded_by_user_id, suspension_id, decision, reasons, next_review_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, r.suspensionId, r.decision, r.reasons, r.nextReviewBy],
  );
  return row!.id;
}

/** A review ended the suspension. */
export async function endSuspensionOnReview(em: EntityManager, id: string, userId: string, at: Date): Promise<void> {
  await em.query(`UPDATE suspensions SET ended_at = $2, end_reason = 'review', ended_by_user_id = $3 WHERE id = $1 AND ended_at IS NULL`, [id, at, userId]);
}

/**
 * process.md §1: a suspension is not a sanction and ends at the latest with the outcome. Called by
 * moveCase (case-status.ts) when the case moves to `decided` or `closed`: every active suspension
 * of the case ends now, by the outcome. A lapsed one stays lapsed (it ended on its review date).
 */
export async function endSuspensionsAtOutcome(em: EntityManager, caseId: string): Promise<void> {
  await em.query(
    `UPDATE suspensions s SET ended_at = now(), end_reason = 'outcome' WHERE s.case_id = $1 AND s.ended_at IS NULL AND ${currentReviewBySql('s')} >= now()`,
    [caseId],
  );
}

/** Retention (§13): the suspensions and their reviews go with the rest of the case's content. */
export async function eraseSuspensions(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM suspension_reviews WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM suspensions WHERE case_id = $1`, [caseId]);
}

/** SQL: the earliest current review date of a suspension of case `caseId` still active at `now` (a timestamptz placeholder), or NULL (process.md §1). */
export const activeSuspensionReviewBySql = (caseId: string, now: string): string =>
  `(SELECT min(${currentReviewBySql('s')}) FROM suspensions s WHERE s.case_id = ${caseId} AND s.ended_at IS NULL AND ${currentReviewBySql('s')} >= ${now}::timestamptz)`;
