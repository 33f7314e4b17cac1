import { EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { readableAuditEventsPredicate } from '../audit/audit-log.service';
import type { PartyCapacity } from '../cases/entities/case-party.entity';
import { isoSql, queryOne, queryRows, SqlParams } from '../database/sql';

/**
 * The reads of the subject-access export (§13) that the case view does not make: the staff
 * record, which cases they are involved in, and the audit events their login performed. Never
 * a password hash; never another organisation; never a case (or an event of a case) the caller
 * may not see. The content of each case is the case view's (CaseViewService), not read here.
 */

export interface SarStaffRow {
  id: string;
  name: string;
  email: string | null;
  jobTitle: string | null;
  teacher: boolean;
  createdAt: string;
  school: string;
  userAccount: { id: string; email: string; name: string; roles: string[]; active: boolean; createdAt: string; updatedAt: string } | null;
}

export function loadStaff(em: EntityManager, organisationId: string, staffId: string): Promise<SarStaffRow | undefined> {
  return queryOne<SarStaffRow>(
    em,
    `SELECT s.id, s.name, s.email, s.job_title AS "jobTitle", s.teacher, ${isoSql('s.created_at')} AS "createdAt", org.name AS school,
       CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'roles', u.roles,
         'active', u.active, 'createdAt', ${isoSql('u.created_at')}, 'updatedAt', ${isoSql('u.updated_at')}) END AS "userAccount"
     FROM staff_members s JOIN organisations org ON org.id = s.organisation_id LEFT JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.organisation_id = $2`,
    [staffId, organisationId],
  );
}

export interface SarInvolvementRow {
  caseId: string;
  /** How they are involved: a party (subject, reporter, witness) or interviewed. */
  capacities: PartyCapacity[];
}

/**
 * The cases of the organisation where the staff member is a party, was interviewed or was invited to a meeting, oldest
 * first — only those the caller may see (the rule of GET /cases/:id, as SQL): a case hidden from
 * the caller is never read, so nothing of it (not even that it exists) reaches the export.
 */
export function loadInvolvement(em: EntityManager, actor: Actor, staffId: string): Promise<SarInvolvementRow[]> {
  const p = new SqlParams();
  const staff = p.add(staffId);
  const organisation = p.add(actor.organisationId);
  const visible = visibleCasesPredicate(actor, p);
  return queryRows<SarInvolvementRow>(
    em,
    `WITH involved AS (
       SELECT case_id, capacity::text AS capacity FROM case_parties WHERE staff_id = ${staff}::uuid
       UNION SELECT case_id, capacity::text FROM interviews WHERE staff_id = ${staff}::uuid
       -- process.md §2: invited to an investigation meeting and not (yet) a party: invited as a witness
       UNION SELECT m.case_id, 'witness' FROM investigation_meetings m WHERE m.staff_id = ${staff}::uuid
         AND NOT EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = m.case_id AND p.staff_id = m.staff_id))
     SELECT c.id AS "caseId", array_agg(DISTINCT i.capacity ORDER BY i.capacity) AS capacities
     FROM cases c JOIN involved i ON i.case_id = c.id
     WHERE c.organisation_id = ${organisation}::uuid AND ${visible}
     GROUP BY c.id
     ORDER BY c.created_at, c.id`,
    p.values,
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
}

/**
 * Audit events the login performed, oldest first, as far as the caller may read the audit log
 * (readableAuditEventsPredicate, the rule of GET /audit): the others are neither shown nor counted.
 */
export function loadAuditEvents(em: EntityManager, actor: Actor, userId: string): Promise<SarAuditRow[]> {
  const p = new SqlParams();
  const user = p.add(userId);
  return queryRows<SarAuditRow>(
    em,
    `SELECT e.seq, ${isoSql('e.occurred_at')} AS "occurredAt", e.action, e.actor_role AS "actorRole", e.case_id AS "caseId",
       e.entity_type AS "entityType", e.entity_id AS "entityId", e.reason
     FROM audit_events e
     WHERE e.actor_user_id = ${user}::uuid AND ${readableAuditEventsPredicate(actor, p)}
     ORDER BY e.seq`,
    p.values,
  );
}
