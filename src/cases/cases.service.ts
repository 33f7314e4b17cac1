import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, toPage } from '../common/pagination/pagination';
import { SqlParams } from '../database/sql';
import { CaseViewService } from './case-view.service';
import { CaseListQuery, CaseResponse, CaseSummaryResponse } from './dto/case.dto';
import { CaseStatus } from './lifecycle';

/** Reading cases: the list of those visible to the caller, and one case (an audited read). */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseSummaryResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [visibleCasesPredicate(actor, p)];
    if (query.status) where.push(`c.status = ${p.add(query.status)}`);
    if (after) where.push(`(c.created_at, c.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows: Array<SummaryRow> = await this.dataSource.query(
      `SELECT c.id, c.reference, c.status, c.safeguarding, c.created_at, c.updated_at, r.category, r.platform
       FROM cases c
       LEFT JOIN LATERAL (SELECT category, platform FROM reports WHERE case_id = c.id ORDER BY created_at, id LIMIT 1) r ON TRUE
       WHERE ${where.join(' AND ')}
       ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    return toPage(rows, limit, (r) => [r.created_at.toISOString(), r.id], toSummary);
  }

  /** The full case; the look is recorded in the audit log in the same transaction (§13). */
  async get(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.dataSource.transaction(async (em) => {
      const { facts, role } = await this.access.requireCaseAccess(em, actor, caseId, 'cases:read');
      const view = await this.views.view(em, facts);
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role, action: 'case.viewed', caseId, entityType: 'case', entityId: caseId });
      return view;
    });
  }
}

interface SummaryRow {
  id: string;
  reference: string;
  status: CaseStatus;
  safeguarding: boolean;
  created_at: Date;
  updated_at: Date;
  category: string;
  platform: string;
}

function toSummary(row: SummaryRow): CaseSummaryResponse {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    safeguarding: row.safeguarding,
    category: row.category,
    platform: row.platform,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
