import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import type { CaseStatus, TriageDecision } from '../cases/lifecycle';
import { isoSql, queryOne, queryRows, SqlParams } from '../database/sql';
import type { AllegationJson, AppealJson, EvidenceJson, OutcomeJson, ReportJson, SubjectResponseJson } from './export-rows';
import { allegationsJsonSql, appealJsonSql, evidenceJsonSql, outcomeJsonSql, reportsJsonSql, subjectResponsesJsonSql } from './export-sql';

/** The reads of the subject-access export (§13). Never a password hash; never another organisation. */

export interface SarStaffRow {
  id: string;
  name: string;
  email: string | null;
  jobTitle: string | null;
  createdAt: string;
  school: string;
  userAccount: { id: string; email: string; name: string; roles: string[]; active: boolean; createdAt: string; updatedAt: string } | null;
}

export function loadStaff(em: EntityManager, organisationId: string, staffId: string): Promise<SarStaffRow | undefined> {
  return queryOne<SarStaffRow>(
    em,
    `SELECT s.id, s.name, s.email, s.job_title AS "jobTitle", ${isoSql('s.created_at')} AS "createdAt", org.name AS school,
       CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'roles', u.roles,
         'active', u.active, 'createdAt', ${isoSql('u.created_at')}, 'updatedAt', ${isoSql('u.updated_at')}) END AS "userAccount"
     FROM staff_members s JOIN organisations org ON org.id = s.organisation_id LEFT JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.organisation_id = $2`,
    [staffId, organisationId],
  );
}

export interface SarCaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  capacities: PartyCapacity[];
  /** Whether the caller may see the case (the same rule as GET /cases/:id). */
  visible: boolean;
  reportedAt: string;
  triagedAt: string | null;
  triageDecision: TriageDecision | null;
  reportSubmittedAt: string | null;
  closedAt: string | null;
  erasedAt: string | null;
  outcome: OutcomeJson | null;
  appeal: AppealJson | null;
}

/** Every case of the organisation where the staff member is a party or was interviewed, oldest first. */
export function loadCases(em: EntityManager, actor: Actor, staffId: string): Promise<SarCaseRow[]> {
  const p = new SqlParams();
  const staff = p.add(staffId);
  const organisation = p.add(actor.organisationId);
  const visible = visibleCasesPredicate(actor, p);
  return queryRows<SarCaseRow>(
    em,
    `WITH involved AS (
       SELECT case_id, capacity::text AS capacity FROM case_parties WHERE staff_id = ${staff}::uuid
       UNION SELECT case_id, capacity::text FROM interviews WHERE staff_id = ${staff}::uuid)
     SELECT c.id, c.reference, c.status, array_agg(DISTINCT i.capacity ORDER BY i.capacity) AS capacities, ${visible} AS visible,
       ${isoSql('c.created_at')} AS "reportedAt", ${isoSql('c.triaged_at')} AS "triagedAt", c.triage_decision AS "triageDecision",
       ${isoSql('c.report_submitted_at')} AS "reportSubmittedAt", ${isoSql('c.closed_at')} AS "closedAt", ${isoSql('c.erased_at')} AS "erasedAt",
       ${outcomeJsonSql('c.id')} AS outcome, ${appealJsonSql('c.id')} AS appeal
     FROM cases c JOIN involved i ON i.case_id = c.id
     WHERE c.organisation_id = ${organisation}::uuid
     GROUP BY c.id
     ORDER BY c.created_at, c.id`,
    p.values,
  );
}

export interface SarCaseContentRow {
  id: string;
  reports: ReportJson[];
  allegations: AllegationJson[];
  subjectNotifications: Array<{ sentAt: string; method: string; allegations: number }>;
  subjectResponses: SubjectResponseJson[];
  interviews: Array<{ capacity: string; heldAt: string; accompaniedBy: string | null; statement: string }>;
  evidence: EvidenceJson[];
}

/** The content of the given cases (only those the caller may see are ever asked for). */
export function loadCaseContent(em: EntityManager, caseIds: string[], staffId: string): Promise<SarCaseContentRow[]> {
  if (caseIds.length === 0) return Promise.resolve([]);
  return queryRows<SarCaseContentRow>(
    em,
    `SELECT c.id, ${reportsJsonSql('c.id')} AS reports, ${allegationsJsonSql('c.id')} AS allegations,
       COALESCE((SELECT json_agg(json_build_object('sentAt', ${isoSql('n.sent_at')}, 'method', n.method,
                   'allegations', cardinality(n.allegation_ids)) ORDER BY n.sent_at, n.id)
                 FROM subject_notifications n WHERE n.case_id = c.id), '[]') AS "subjectNotifications",
       ${subjectResponsesJsonSql('c.id')} AS "subjectResponses",
       COALESCE((SELECT json_agg(json_build_object('capacity', iv.capacity, 'heldAt', ${isoSql('iv.held_at')},
                   'accompaniedBy', iv.accompanied_by, 'statement', iv.statement) ORDER BY iv.held_at, iv.id)
                 FROM interviews iv WHERE iv.case_id = c.id AND iv.staff_id = $2), '[]') AS interviews,
       ${evidenceJsonSql('c.id')} AS evidence
     FROM cases c WHERE c.id = ANY($1::uuid[])`,
    [caseIds, staffId],
  );
}

export interface SarAuditRow {
  seq: string;
  occurredAt: string;
  action: string;
  actorRole: string | null;
  caseId: string | null;
  entityType: string | null;
  entityId: string | null;
  reason: string | null;
  /** false: an event on a case the caller may not see (only counted). */
  visible: boolean;
}

/** Audit events the login performed, oldest first; on cases the caller may not see only the flag is read. */
export function loadAuditEvents(em: EntityManager, actor: Actor, userId: string): Promise<SarAuditRow[]> {
  const p = new SqlParams();
  const user = p.add(userId);
  const organisation = p.add(actor.organisationId);
  const visible = `(e.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id AND ${visibleCasesPredicate(actor, p)}))`;
  return queryRows<SarAuditRow>(
    em,
    `SELECT v.visible, e.seq,
       CASE WHEN v.visible THEN ${isoSql('e.occurred_at')} END AS "occurredAt",
       CASE WHEN v.visible THEN e.action END AS action,
       CASE WHEN v.visible THEN e.actor_role END AS "actorRole",
       CASE WHEN v.visible THEN e.case_id END AS "caseId",
       CASE WHEN v.visible THEN e.entity_type END AS "entityType",
       CASE WHEN v.visible THEN e.entity_id END AS "entityId",
       CASE WHEN v.visible THEN e.reason END AS reason
     FROM audit_events e CROSS JOIN LATERAL (SELECT ${visible} AS visible) v
     WHERE e.organisation_id = ${organisation}::uuid AND e.actor_user_id = ${user}::uuid
     ORDER BY e.seq`,
    p.values,
  );
}
