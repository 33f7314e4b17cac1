import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { instantRange } from '../calendar/period';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../common/pagination/pagination';
import { SqlParams } from '../database/sql';
import { AuditService } from './audit.service';
import { AuditEventResponse, AuditQuery } from './dto/audit.dto';

const isSeqKey = (key: unknown[]): key is [number] => key.length === 1 && Number.isSafeInteger(key[0]) && (key[0] as number) > 0;

/**
 * The audit events a person may read (domain.md "Audit reads"), as a predicate over
 * `audit_events e`: their organisation's, leaving out
 * - the events of cases they may not see (the rule of GET /cases/:id, as SQL), and
 * - the events about themselves as a subject: an event whose entity is one of their own staff
 *   records (a subject-access export of them, a change to their directory entry …),
 * so that nothing in the log lets a person learn of a case they may not see. The one
 * statement of the rule: GET /audit and the audit events of a subject-access export use it.
 */
export function readableAuditEventsPredicate(actor: Actor, params: SqlParams, alias = 'e'): string {
  const e = alias;
  const clauses = [
    `${e}.organisation_id = ${params.add(actor.organisationId)}::uuid`,
    `(${e}.case_id IS NULL OR EXISTS (SELECT 1 FROM cases c WHERE c.id = ${e}.case_id AND ${visibleCasesPredicate(actor, params)}))`,
  ];
  if (actor.staffIds.length > 0) {
    clauses.push(`NOT (${e}.entity_type IS NOT DISTINCT FROM 'staff_member' AND COALESCE(${e}.entity_id = ANY(${params.add(actor.staffIds)}::uuid[]), FALSE))`);
  }
  return `(${clauses.join(' AND ')})`;
}

/** Reading the audit log: the caller's organisation, only the events they may read. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: AuditQuery): Promise<Page<AuditEventResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isSeqKey);
    return this.dataSource.transaction(async (em) => {
      const p = new SqlParams();
      const where = [readableAuditEventsPredicate(actor, p)];
      if (query.caseId) where.push(`e.case_id = ${p.add(query.caseId)}`);
      if (query.actorId) where.push(`e.actor_user_id = ${p.add(query.actorId)}`);
      const { start, end } = instantRange(query); // dates are whole days in the school's time zone, `to` included
      if (start) where.push(`e.occurred_at >= ${p.add(start)}`);
      if (end) where.push(`e.occurred_at < ${p.add(end)}`);
      if (after) where.push(`e.seq < ${p.add(after[0])}`);
      const rows: Array<Record<string, unknown>> = await em.query(
        `SELECT e.seq, e.id, e.occurred_at, e.actor_user_id, e.actor_role, e.action, e.case_id, e.entity_type, e.entity_id,
                e.reason, e.payload, e.hash,
                (SELECT u.name FROM users u WHERE u.id = e.actor_user_id) AS actor_name,
                (SELECT c.reference FROM cases c WHERE c.id = e.case_id) AS case_reference
         FROM audit_events e WHERE ${where.join(' AND ')} ORDER BY e.seq DESC LIMIT ${limit + 1}`,
        p.values,
      );
      // This event has no case, so every audit reader sees it: no case id goes into its payload,
      // and no count either — how many events one reader got, set against what another reader
      // gets for the same filters, would tell the other of events (and cases) hidden from them.
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'audit:read'),
        action: 'audit.read',
        payload: { filters: { byCase: query.caseId !== undefined, actorId: query.actorId, from: query.from, to: query.to } },
      });
      return toPage(rows, limit, (r) => [Number(r.seq)], toResponse);
    });
  }
}

function toResponse(row: Record<string, unknown>): AuditEventResponse {
  return {
    seq: Number(row.seq),
    id: row.id as string,
    occurredAt: (row.occurred_at as Date).toISOString(),
    actorUserId: row.actor_user_id as string | null,
    actorName: row.actor_name as string | null,
    actorRole: row.actor_role as string | null,
    action: row.action as string,
    caseId: row.case_id as string | null,
    caseReference: row.case_reference as string | null,
    entityType: row.entity_type as string | null,
    entityId: row.entity_id as string | null,
    reason: row.reason as string | null,
    payload: row.payload as Record<string, unknown> | null,
    hash: row.hash as string,
  };
}
