import { EntityManager } from 'typeorm';
import { queryOne } from '../database/sql';
import type { CaseLocator } from '../cases/case-runner.service';
import { AuthorisationForUse, MonitoringStatus } from './monitoring.rules';

/** The monitoring module's SQL on `monitoring_authorisations` and `monitoring_disclosures` for other modules (§9, §11). */

/** An authorisation of the organisation as the evidence gate checks it; shared-locked until the item is recorded. */
export async function authorisationForUse(em: EntityManager, organisationId: string, id: string): Promise<AuthorisationForUse | undefined> {
  const row = await queryOne<{ case_id: string; status: AuthorisationForUse['status']; period_from: Date; period_to: Date; expires_at: Date }>(
    em,
    `SELECT case_id, status, period_from, period_to, expires_at FROM monitoring_authorisations WHERE id = $1 AND organisation_id = $2 FOR SHARE`,
    [id, organisationId],
  );
  return row && { caseId: row.case_id, status: row.status, periodFrom: row.period_from, periodTo: row.period_to, expiresAt: row.expires_at };
}

/** Retention (§13): the authorisations and their disclosures go with the case's content (after the evidence that cites them). */
export async function eraseMonitoring(em: EntityManager, caseId: string): Promise<void> {
  await em.query(`DELETE FROM monitoring_disclosures WHERE case_id = $1`, [caseId]);
  await em.query(`DELETE FROM monitoring_authorisations WHERE case_id = $1`, [caseId]);
}

export async function insertAuthorisation(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  request: {
    scope: string;
    reason: string;
    justification: string;
    proportionality: string;
    periodFrom: Date;
    periodTo: Date;
    systems: string[];
    expiresAt: Date;
    allegationIds: string[];
  },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO monitoring_authorisations (organisation_id, case_id, recorded_by_user_id, scope, reason, justification, proportionality,
                                            period_from, period_to, systems, expires_at, allegation_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      at.organisationId,
      at.caseId,
      at.userId,
      request.scope,
      request.reason,
      request.justification,
      request.proportionality,
      request.periodFrom,
      request.periodTo,
      request.systems,
      request.expiresAt,
      request.allegationIds,
    ],
  );
  return row!.id;
}

/** Routes under /monitoring-requests/:id find their case here. */
export const AUTHORISATION_LOCATOR: CaseLocator = {
  what: 'Monitoring request',
  async locate(em, organisationId, id) {
    return (
      await queryOne<{ case_id: string }>(em, `SELECT case_id FROM monitoring_authorisations WHERE id = $1 AND organisation_id = $2`, [id, organisationId])
    )?.case_id;
  },
};

/** The authorisation as a decision needs it, its row locked. */
export async function authorisationForDecision(
  em: EntityManager,
  id: string,
): Promise<{ status: MonitoringStatus; requestedByUserId: string; expiresAt: Date }> {
  return (await queryOne(
    em,
    `SELECT status, recorded_by_user_id AS "requestedByUserId", expires_at AS "expiresAt" FROM monitoring_authorisations WHERE id = $1 FOR UPDATE`,
    [id],
  ))!;
}

export async function recordDecision(
  em: EntityManager,
  id: string,
  decision: { status: Exclude<MonitoringStatus, 'pending'>; userId: string; role: string; note: string | null },
): Promise<void> {
  await em.query(
    `UPDATE monitoring_authorisations SET status = $2, decided_by_user_id = $3, decided_by_role = $4, decided_at = now(), decision_note = $5 WHERE id = $1`,
    [id, decision.status, decision.userId, decision.role, decision.note],
  );
}

export async function insertDisclosure(
  em: EntityManager,
  at: { organisationId: string; caseId: string; userId: string },
  disclosure: { authorisationId: string; recipient: string; purpose: string; disclosedAt: Date },
): Promise<string> {
  const row = await queryOne<{ id: string }>(
    em,
    `INSERT INTO monitoring_disclosures (organisation_id, case_id, recorded_by_user_id, authorisation_id, recipient, purpose, disclosed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [at.organisationId, at.caseId, at.userId, disclosure.authorisationId, disclosure.recipient, disclosure.purpose, disclosure.disclosedAt],
  );
  return row!.id;
}

/** SQL: how many monitoring requests of case `caseId` wait for a decision (process.md §6 tasks). */
export const pendingMonitoringCountSql = (caseId: string): string =>
  `(SELECT count(*)::int FROM monitoring_authorisations m WHERE m.case_id = ${caseId} AND m.status = 'pending')`;

/** SQL: the earliest end of an approved authorisation of case `caseId` still in force at `now` (a timestamptz placeholder), or NULL (§11). */
export const monitoringInForceEndsSql = (caseId: string, now: string): string =>
  `(SELECT min(m.expires_at) FROM monitoring_authorisations m WHERE m.case_id = ${caseId} AND m.status = 'approved' AND m.expires_at > ${now}::timestamptz)`;
