import { EntityManager } from 'typeorm';
import { CaseSection } from '../cases/case-view.service';
import { MonitoringAuthorisationResponse } from './dto/monitoring.dto';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One authorisation as the API shows it, with its disclosures; `expired` is computed at read. */
const AUTHORISATION_JSON = `json_build_object(
  'id', m.id, 'caseId', m.case_id, 'scope', m.scope, 'reason', m.reason, 'justification', m.justification,
  'proportionality', m.proportionality, 'periodFrom', ${iso('m.period_from')}, 'periodTo', ${iso('m.period_to')},
  'systems', m.systems, 'expiresAt', ${iso('m.expires_at')}, 'expired', m.expires_at <= now(), 'allegationIds', m.allegation_ids,
  'status', m.status, 'requestedByUserId', m.recorded_by_user_id, 'requestedAt', ${iso('m.created_at')},
  'decidedByUserId', m.decided_by_user_id, 'decidedByRole', m.decided_by_role, 'decidedAt', ${iso('m.decided_at')},
  'decisionNote', m.decision_note,
  'disclosures', COALESCE((SELECT json_agg(json_build_object('id', d.id, 'recipient', d.recipient, 'purpose', d.purpose,
      'disclosedAt', ${iso('d.disclosed_at')}, 'recordedByUserId', d.recorded_by_user_id) ORDER BY d.disclosed_at, d.id)
    FROM monitoring_disclosures d WHERE d.authorisation_id = m.id), '[]'))`;

export async function loadAuthorisation(em: EntityManager, id: string): Promise<MonitoringAuthorisationResponse> {
  const [row] = await em.query(`SELECT ${AUTHORISATION_JSON} AS a FROM monitoring_authorisations m WHERE m.id = $1`, [id]);
  return row.a;
}

/** The case view lists every authorisation with status, decider, period, expiry and disclosures. */
export const MONITORING_SECTION: CaseSection = {
  name: 'monitoring',
  async load(em, caseId) {
    const [row] = await em.query(
      `SELECT COALESCE(json_agg(${AUTHORISATION_JSON} ORDER BY m.created_at, m.id), '[]') AS items FROM monitoring_authorisations m WHERE m.case_id = $1`,
      [caseId],
    );
    return row.items;
  },
};
