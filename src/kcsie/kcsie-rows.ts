import { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import { BarringBody } from './referral-decisions.rules';

/** The kcsie module's SQL on `lado_consultations` and `referral_decisions` (KCSIE Part 4). */

export async function insertLadoConsultation(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  c: { consultedAt: Date; ladoName: string; advice: string; thresholdMet: boolean; caseManagerUserId: string },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO lado_consultations (organisation_id, case_id, recorded_by_user_id, consulted_at, lado_name, advice, threshold_met, case_manager_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, c.consultedAt, c.ladoName, c.advice, c.thresholdMet, c.caseManagerUserId],
  );
  return row!.id;
}

export async function insertReferralDecision(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  d: { body: BarringBody; referred: boolean; referredAt: Date | null; reasonNotReferred: string | null },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO referral_decisions (organisation_id, case_id, recorded_by_user_id, body, referred, referred_at, reason_not_referred)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, d.body, d.referred, d.referredAt, d.reasonNotReferred],
  );
  return row!.id;
}

/** The bodies (DBS, TRA) with a referral decision on record for the case. */
export async function decidedBodies(em: EntityManager, caseId: string): Promise<Set<BarringBody>> {
  const rows = await queryRows<{ body: BarringBody }>(em, `SELECT DISTINCT body FROM referral_decisions WHERE case_id = $1`, [caseId]);
  return new Set(rows.map((r) => r.body));
}

/** Retention (§13): the consultations and referral decisions go with the rest of the case's content. */
export async function eraseKcsie(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM lado_consultations WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM referral_decisions WHERE case_id = $1`, [caseId]);
}
