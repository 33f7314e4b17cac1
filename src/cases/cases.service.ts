import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, toPage } from '../common/pagination/pagination';
import { SqlParams } from '../database/sql';
import { CaseRunner } from './case-runner.service';
import { CaseListItem, CaseListQuery, CaseResponse } from './dto/case.dto';
import { CaseStatus } from './lifecycle';

/** Reading cases: the list of those visible to the caller, and one case (an audited read). */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CaseRunner,
  ) {}

  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [visibleCasesPredicate(actor, p)];
    if (query.status) where.push(`c.status = ${p.add(query.status)}`);
    if (after) where.push(`(c.created_at, c.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows: Array<ListRow> = await this.dataSource.query(
      `SELECT c.id, c.reference, c.status, c.safeguarding, c.created_at, c.updated_at, r.category, r.platform
       FROM cases c
       LEFT JOIN LATERAL (SELECT category, platform FROM reports WHERE case_id = c.id ORDER BY created_at, id LIMIT 1) r ON TRUE
       WHERE ${where.join(' AND ')}
       ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`,
      p.values,
    );
    return toPage(rows, limit, (r) => [r.created_at.toISOString(), r.id], toListItem);
  }

  /** The full case as the caller may see it; the look is recorded in the audit log (§13). */
  get(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.runner.view(actor, caseId);
  }
}

interface ListRow {
  id: string;
  reference: string;
  status: CaseStatus;
  safeguarding: boolean;
  created_at: Date;
  updated_at: Date;
  category: string | null;
  platform: string | null;
}

function toListItem(row: ListRow): CaseListItem {
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
