import { EntityManager } from 'typeorm';
import type { CaseLocator } from '../cases/case-runner.service';
import { queryOne } from '../database/sql';
import { AppealResult, Sanction } from './outcome.rules';

/** The outcomes module's SQL on `outcomes` and `appeals` for other modules. */

/**
 * Retention (§13): the free text of the outcome and the appeal goes; the outcome category,
 * the appeal result and the dates stay in the tombstone.
 */
export async function eraseOutcomeText(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`UPDATE outcomes SET rationale = NULL, separation_waiver_reason = NULL WHERE case_id = $1`, [caseId]);
  await em.query(`UPDATE appeals SET grounds = NULL, rationale = NULL, late_entry_reason = NULL WHERE case_id = $1`, [caseId]);
}

export interface OutcomeRow {
  id: string;
  sanction: Sanction;
  decidedAt: Date;
  appealDeadline: Date | null;
}

/** The case's outcome (§12), once recorded. */
export function outcomeOf(em: EntityManager, caseId: string): Promise<OutcomeRow | undefined> {
  return queryOne<OutcomeRow>(em, `SELECT id, sanction, decided_at AS "decidedAt", appeal_deadline AS "appealDeadline" FROM outcomes WHERE case_id = $1`, [
    caseId,
  ]);
}

export async function insertOutcome(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string; role: string },
  outcome: {
    sanction: Sanction;
    grossMisconduct: boolean;
    rationale: string;
    decidedAt: Date;
    communicatedAt: Date | null;
    warningExpiresAt: Date | null;
    appealDeadline: Date | null;
    separationWaiverReason: string | null;
  },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO outcomes (organisation_id, case_id, recorded_by_user_id, sanction, gross_misconduct, rationale, decided_at, communicated_at,
                           warning_expires_at, appeal_deadline, separation_waiver_reason, decided_by_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      at.organisationId,
      at.caseId,
      at.userId,
      outcome.sanction,
      outcome.grossMisconduct,
      outcome.rationale,
      outcome.decidedAt,
      outcome.communicatedAt,
      outcome.warningExpiresAt,
      outcome.appealDeadline,
      outcome.separationWaiverReason,
      at.role,
    ],
  );
  return row!.id;
}

export async function insertAppeal(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  appeal: { outcomeId: string; lodgedAt: Date; grounds: string; lateEntryReason: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO appeals (organisation_id, case_id, recorded_by_user_id, outcome_id, lodged_at, grounds, late_entry_reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, appeal.outcomeId, appeal.lodgedAt, appeal.grounds, appeal.lateEntryReason],
  );
  return row!.id;
}

/** Routes under /appeals/:id find their case here. */
export const APPEAL_LOCATOR: CaseLocator = {
  what: 'Appeal',
  async locate(em, organisationId, id) {
    return (await queryOne<{ case_id: string }>(em, `SELECT case_id FROM appeals WHERE id = $1 AND organisation_id = $2`, [id, organisationId]))?.case_id;
  },
};

/** The appeal and the sanction it is against, the appeal row locked. */
export function appealForDecision(em: EntityManager, appealId: string): Promise<{ result: AppealResult | null; sanction: Sanction } | undefined> {
  return queryOne(em, `SELECT a.result, o.sanction FROM appeals a JOIN outcomes o ON o.id = a.outcome_id WHERE a.id = $1 FOR UPDATE OF a`, [appealId]);
}

export async function recordAppealDecision(
  em: EntityManager,
  appealId: string,
  decision: { result: AppealResult; rationale: string; newSanction: Sanction | null; warningExpiresAt: Date | null; userId: string; role: string },
): Promise<void> {
  await em.query(
    `UPDATE appeals SET result = $2, rationale = $3, new_sanction = $4, new_warning_expires_at = $5, decided_by_user_id = $6, decided_by_role = $7, decided_at = now()
     WHERE id = $1`,
    [appealId, decision.result, decision.rationale, decision.newSanction, decision.warningExpiresAt, decision.userId, decision.role],
  );
}

/**
 * SQL: the sanction in force after any appeal (outcome.rules.ts `sanctionInForce`) of outcome
 * `o` and its appeal `a` (aliases of `outcomes` and `appeals`, the appeal LEFT JOINed on
 * `a.outcome_id = o.id`: one per outcome), as text; NULL when there is no outcome. Upheld
 * withdraws the sanction (no action), varied replaces it, dismissed or undecided leaves it.
 */
export function sanctionInForceSql(o: string, a: string): string {
  return `(CASE WHEN ${o}.id IS NULL THEN NULL WHEN ${a}.result = 'upheld' THEN 'no_action'
      WHEN ${a}.result = 'varied' THEN COALESCE(${a}.new_sanction, ${o}.sanction)::text ELSE ${o}.sanction::text END)`;
}

/** SQL: when the undecided appeal of case `caseId` was lodged, or NULL (process.md §6: heard within 20 working days). */
export const undecidedAppealLodgedAtSql = (caseId: string): string =>
  `(SELECT min(a.lodged_at) FROM appeals a WHERE a.case_id = ${caseId} AND a.decided_at IS NULL)`;

/** SQL: the appeal deadline of case `caseId`'s outcome, or NULL. */
export const appealDeadlineSql = (caseId: string): string => `(SELECT o.appeal_deadline FROM outcomes o WHERE o.case_id = ${caseId})`;
