import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { instantRange } from '../calendar/period';
import type { SchoolCalendar } from '../calendar/school-calendar';
import { Clock } from '../common/clock/clock';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, toPage } from '../common/pagination/pagination';
import { SqlParams } from '../database/sql';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { staffIdsNamedLike } from '../people/staff.sql';
import { casesWithSubjectAmongSql, referenceContainsSql } from './case-rows';
import { caseListWork, CaseWork, NO_WORK } from './case-list-work';
import { CaseRunner } from './case-runner.service';
import { CaseListItem, CaseListQuery, CaseResponse } from './dto/case.dto';
import { CaseStatus } from './lifecycle';
import { overdueCaseSql, referralOverdueCutoff } from './overdue';

/** Reading cases: the list of those visible to the caller, and one case (an audited read). */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
    private readonly calendars: SchoolCalendars,
  ) {}

  async list(actor: Actor, query: CaseListQuery): Promise<Page<CaseListItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    // A name search asks who matches first (people module), so that the list is planned knowing how many.
    const named = query.q === undefined ? [] : await staffIdsNamedLike(this.dataSource.manager, actor.organisationId, `%${likeLiteral(query.q)}%`);
    // Visibility first and always (never bypassed); each filter narrows it; then the keyset.
    // overdue= counts the organisation's working days (process.md §6): its calendar, read only when asked
    const calendar = query.overdue === undefined ? undefined : await this.calendars.forOrganisation(this.dataSource.manager, actor.organisationId);
    const { where, anyOf } = listFilters(actor, query, p, this.clock.now(), named, calendar);
    where.unshift(visibleCasesPredicate(actor, p));
    if (after) where.push(`(c.created_at, c.id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const page = (also: string[]) =>
      `SELECT c.id, c.reference, c.status, c.safeguarding, c.created_at, c.updated_at FROM cases c
       WHERE ${[...where, ...also].join(' AND ')}
       ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit + 1}`;
    // A search is one page per way of matching (the reference; a subject's name), each planned on its own indexes, then
    // merged: an OR of the two in one WHERE would leave PostgreSQL one plan for a search that finds one case and for one
    // that finds ten thousand.
    const cases = anyOf
      ? `SELECT * FROM (${anyOf.map((one) => `(${page([one])})`).join(' UNION ')}) m ORDER BY m.created_at DESC, m.id DESC LIMIT ${limit + 1}`
      : page([]);
    // The page first, then its first reports.
    const rows: Array<ListRow> = await this.dataSource.query(
      `SELECT c.id, c.reference, c.status, c.safeguarding, c.created_at, c.updated_at, r.category, r.platform
       FROM (${cases}) c
       LEFT JOIN LATERAL (SELECT category, platform FROM reports WHERE case_id = c.id ORDER BY created_at, id LIMIT 1) r ON TRUE
       ORDER BY c.created_at DESC, c.id DESC`,
      p.values,
    );
    // Whose work each case is (its next step's role) and its pending monitoring requests, for the page's cases only.
    const ids = rows.slice(0, limit).map((r) => r.id);
    const work = await caseListWork(this.dataSource.manager, actor.organisationId, ids, this.clock.now());
    const item = (r: ListRow) => toListItem(r, work.get(r.id) ?? NO_WORK);
    return toPage(rows, limit, (r) => [r.created_at.toISOString(), r.id], item);
  }

  /** The full case as the caller may see it; the look is recorded in the audit log (§13). */
  get(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.runner.view(actor, caseId);
  }
}

/**
 * The GET /cases filters (docs/case-list.md) as predicates over `cases c`, each shaped so that
 * an index answers it at a million cases (docs/benchmarks.md "Issue 10: case list filters"):
 * - `q`, two alternatives (`anyOf`), each a page of its own: the reference (case-rows.ts
 *   `referenceContainsSql`: a prefix btree, or the trigram index), and a subject's name: the
 *   staff ids found first (`namedStaffIds`, the trigram index on `staff_members.name`), then
 *   their cases through `case_parties.staff_id`. Given the ids, PostgreSQL estimates the
 *   matches well: a few hundred are fetched and sorted, ten thousand are found by walking the
 *   newest cases against a hash of them. (Planned from a guess at a substring's selectivity
 *   instead, one person's name was costed like thousands of cases, past `jit_above_cost`:
 *   +25–30 ms of JIT compilation per request.);
 * - `subjectStaffId`: the subject's case ids from `case_parties.staff_id` (a semi-join: its
 *   estimate is good);
 * - `overdue`: see overdue.ts — a `created_at` bound computed here, not a deadline per row;
 * - `from`/`to`: `created_at` bounds (src/calendar/period.ts), the keyset index's own column.
 */
function listFilters(
  actor: Actor,
  query: CaseListQuery,
  p: SqlParams,
  now: Date,
  namedStaffIds: string[],
  calendar: SchoolCalendar | undefined,
): { where: string[]; anyOf?: string[] } {
  const where: string[] = [];
  let anyOf: string[] | undefined;
  if (query.status) where.push(`c.status = ${p.add(query.status)}`);
  if (query.q !== undefined) {
    const byReference = referenceContainsSql(likeLiteral(query.q), p);
    anyOf = namedStaffIds.length ? [byReference, `c.id IN (${casesWithSubjectAmongSql(`${p.add(namedStaffIds)}::uuid[]`)})`] : [byReference];
  }
  if (query.subjectStaffId !== undefined) where.push(`c.id IN (${casesWithSubjectAmongSql(`ARRAY[${p.add(query.subjectStaffId)}::uuid]`)})`);
  if (query.safeguarding !== undefined) where.push(query.safeguarding ? 'c.safeguarding' : 'NOT c.safeguarding');
  if (query.overdue !== undefined) {
    const overdue = overdueCaseSql('c', p.add(referralOverdueCutoff(now, calendar!).toISOString()));
    where.push(query.overdue ? overdue : `NOT ${overdue}`);
  }
  if (query.assignedToMe !== undefined) {
    const me = `${p.add(actor.userId)}::uuid`;
    where.push(query.assignedToMe ? `c.investigator_user_id = ${me}` : `c.investigator_user_id IS DISTINCT FROM ${me}`);
  }
  const { start, end } = instantRange(query);
  if (start) where.push(`c.created_at >= ${p.add(start.toISOString())}::timestamptz`);
  if (end) where.push(`c.created_at < ${p.add(end.toISOString())}::timestamptz`);
  return { where, anyOf };
}

/** `text` for a LIKE pattern, its `%`, `_` and `\` plain characters. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
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

function toListItem(row: ListRow, work: CaseWork): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    safeguarding: row.safeguarding,
    category: row.category,
    platform: row.platform,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...work,
  };
}
