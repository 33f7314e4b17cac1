import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';

/** The triage module's SQL on `safeguarding_referrals` (§5). */

export async function insertReferral(
  em: EntityManager,
  referral: { organisationId: string; caseId: string; referredTo: string; referredAt: Date; notes: string | null; userId: string },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO safeguarding_referrals (organisation_id, case_id, referred_to, referred_at, notes, recorded_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [referral.organisationId, referral.caseId, referral.referredTo, referral.referredAt, referral.notes, referral.userId],
  );
  return row!.id;
}

/** Retention (§13): the referrals go with the rest of the case's content. */
export async function eraseReferrals(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM safeguarding_referrals WHERE case_id = $1`, [caseId]);
}
