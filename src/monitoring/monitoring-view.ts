import { EntityManager } from 'typeorm';
import { isoSql } from '../database/sql';
import { CaseSection } from '../cases/case-section';
import { MonitoringAuthorisationResponse } from './dto/monitoring.dto';

/** One authorisation as the API shows it, with its disclosures; `expired` is computed at read. */
const AUTHORISATION_JSON = `json_build_object(
  'id', m.id, 'caseId', m.case_id, 'scope', m.scope, 'reason', m.reason, 'justification', m.justification,
  'proportionality', m.proportionality, 'periodFrom', ${isoSql('m.period_from')}, 'periodTo', ${isoSql('m.period_to')},
  'systems', m.systems, 'expiresAt', ${isoSql('m.expires_at')}, 'expired', m.expires_at <= now(), 'allegationIds', m.allegation_ids,
  'status', m.status, 'requestedByUserId', m.recorded_by_user_id, 'requestedAt', ${isoSql('m.created_at')},
  'decidedByUserId', m.decided_by_user_id, 'decidedByRole', m.decided_by_role, 'decidedAt', ${isoSql('m.decided_at')},
  'decisionNote', m.decision_note,
  'disclosures', COALESCE((SELECT json_agg(json_build_object('id', d.id, 'recipient', d.recipient, 'purpose', d.purpose,
      'disclosedAt', ${isoSql('d.disclosed_at')}, 'recordedByUserId', d.recorded_by_user_id) ORDER BY d.disclosed_at, d.id)
    FROM monitoring_disclosures d WHERE d.authorisation_id = m.id), '[]'))`;

export async function loadAuthorisation(em: EntityManager, id: string): Promise<MonitoringAuthorisationResponse> {
  const [row] = await em.query(`SELECT ${AUTHORISATION_JSON} AS a FROM monitoring_authorisations m WHERE m.id = $1`, [id]);
  return row.a;
}

/** The case view lists every authorisation with status, decider, period, expiry and disclosures. */
export const MONITORING_SECTION: CaseSection<'monitoring'> = {
  name: 'monitoring',
  sql: `SELECT COALESCE(json_agg(${AUTHORISATION_JSON} ORDER BY m.created_at, m.id), '[]') FROM monitoring_authorisations m WHERE m.case_id = $1`,
};
