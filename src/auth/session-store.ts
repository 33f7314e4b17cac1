import { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';
import { SessionEndReason } from './session.entity';

/** Ends every open session of a person, in every organisation they belong to (a new password is the person's). */
export async function endSessionsOfAccount(
  em: EntityManager,
  target: { accountId: string; reason: SessionEndReason; at: Date; except?: string },
): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    em,
    `UPDATE sessions SET revoked_at = $2, revoked_reason = $3
     WHERE user_id IN (SELECT id FROM users WHERE account_id = $1) AND revoked_at IS NULL AND expires_at > $2 AND ($4::uuid IS NULL OR id <> $4::uuid)
     RETURNING id`,
    [target.accountId, target.at, target.reason, target.except ?? null],
  );
  return rows.map((r) => r.id);
}
