import { EntityManager } from 'typeorm';
import { CASE_FACTS_CASE_COLUMNS, CaseFactsRow, roleHolderFactsColumns, toCaseFacts } from '../access/case-facts.sql';
import type { Role } from '../access/roles';
import { queryRows } from '../database/sql';
import { caseWaitingFor } from './case-guidance';

/**
 * Whose work a listed case is (GET /cases items): the role its next step waits for — the same
 * rule as the case view's guidance.nextStep.by (case-guidance.ts), from the same access facts —
 * and how many monitoring requests wait for a decision. No case content: a role and a count.
 */
export interface CaseWork {
  waitingFor: Role | null;
  pendingMonitoringRequests: number;
}

export const NO_WORK: CaseWork = { waitingFor: null, pendingMonitoringRequests: 0 };

interface WorkRow extends CaseFactsRow {
  appeal_deadline: Date | null;
  retain_until: Date | null;
  pending_monitoring: number;
}

/**
 * The work of one page of listed cases, by case id: one statement for the page (the cases were
 * already found visible to the caller by the list's own query).
 */
export async function caseListWork(em: EntityManager, organisationId: string, caseIds: string[], now: Date): Promise<Map<string, CaseWork>> {
  if (!caseIds.length) return new Map();
  const rows = await queryRows<WorkRow>(
    em,
    // The organisation's role holders are the same for every case of the page: read once.
    `WITH holders AS MATERIALIZED (SELECT ${roleHolderFactsColumns('$1::uuid')})
     SELECT ${CASE_FACTS_CASE_COLUMNS}, holders.fact_headteachers, holders.fact_governors, c.retain_until,
       (SELECT o.appeal_deadline FROM outcomes o WHERE o.case_id = c.id) AS appeal_deadline,
       (SELECT count(*)::int FROM monitoring_authorisations m WHERE m.case_id = c.id AND m.status = 'pending') AS pending_monitoring
     FROM cases c CROSS JOIN holders WHERE c.organisation_id = $1 AND c.id = ANY($2::uuid[])`,
    [organisationId, caseIds],
  );
  return new Map(
    rows.map((row) => {
      const facts = toCaseFacts(row);
      const input = {
        status: facts.status,
        erased: facts.erased,
        appealDeadline: row.appeal_deadline?.toISOString() ?? null,
        retainUntil: row.retain_until?.toISOString() ?? null,
      };
      return [facts.id, { waitingFor: caseWaitingFor(facts, input, now), pendingMonitoringRequests: row.pending_monitoring }];
    }),
  );
}
