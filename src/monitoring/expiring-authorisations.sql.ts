import { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';

/** An approved monitoring authorisation that ends between now and `until`, with who decided it. */
export interface EndingAuthorisation {
  id: string;
  organisationId: string;
  caseId: string;
  reference: string;
  expiresAt: Date;
  decidedByUserId: string;
}

/**
 * Approved authorisations ending in (now, until] on cases still open and not erased — what the
 * scheduled "expiring authorisations" job tells their deciders about (docs/notifications.md).
 */
export function authorisationsEndingBy(em: EntityManager, now: Date, until: Date): Promise<EndingAuthorisation[]> {
  return queryRows<EndingAuthorisation>(
    em,
    `SELECT a.id, a.organisation_id AS "organisationId", a.case_id AS "caseId", c.reference, a.expires_at AS "expiresAt", a.decided_by_user_id AS "decidedByUserId"
     FROM monitoring_authorisations a JOIN cases c ON c.id = a.case_id
     WHERE a.status = 'approved' AND a.decided_by_user_id IS NOT NULL AND a.expires_at > $1 AND a.expires_at <= $2
       AND c.status <> 'closed' AND c.erased_at IS NULL
     ORDER BY a.expires_at, a.id`,
    [now, until],
  );
}
