import { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';

/** A person notifications may reach: their address, and whether their account is active. */
export interface Recipient {
  userId: string;
  organisationId: string;
  email: string;
  active: boolean;
}

/** The users named, as notifications need them (src/notifications). */
export function recipients(em: EntityManager, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return queryRows<Recipient>(
    em,
    `SELECT u.id AS "userId", u.organisation_id AS "organisationId", u.email, u.active FROM users u WHERE u.id = ANY($1::uuid[])`,
    [userIds],
  );
}

/** Every active user, organisation by organisation: whom the daily digest and the overdue check look at. */
export function activeUsers(em: EntityManager): Promise<Recipient[]> {
  return queryRows<Recipient>(
    em,
    `SELECT u.id AS "userId", u.organisation_id AS "organisationId", u.email, u.active FROM users u WHERE u.active ORDER BY u.organisation_id, u.id`,
  );
}
