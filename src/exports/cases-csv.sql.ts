import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import type { CaseStatus } from '../cases/lifecycle';
import { isoSql, SqlParams } from '../database/sql';
import { sanctionInForceSql } from '../outcomes/outcome-rows';

import { inlineSqlParams } from './inline-sql-params';

/** The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
export const FORMULA_TRIGGERS_SQL = `'=', '+', '-', '@', chr(9), chr(13)`;

/**
 * A text cell made safe for spreadsheets: one that starts with =, +, -, @, TAB or CR gets a
 * leading single quote, so it is shown as text and never run as a formula. `expr` is
 * evaluated more than once: pass a column, not a computation.
 */
export function csvSafeText(expr: string): string {
  return `CASE WHEN left(${expr}, 1) IN (${FORMULA_TRIGGERS_SQL}) THEN '''' || ${expr} ELSE ${expr} END`;
}

export interface CasesCsvFilters {
  /** cases created at or after */
  from?: Date;
  /** cases created before */
  to?: Date;
  status?: CaseStatus;
}

/** The columns of the export, in order (the CSV header). */
export const CASES_CSV_COLUMNS = [
  'reference',
  'reported_at',
  'status',
  'safeguarding',
  'categories',
  'policy_standards',
  'triage_decision',
  'outcome_sanction',
  'sanction_in_force',
  'appeal_result',
  'closed_at',
  'erased_at',
] as const;

/** Text columns: every one goes through csvSafeText. The others are ISO timestamps or yes/no. */
const TEXT_COLUMNS = new Set([
  'reference',
  'status',
  'categories',
  'policy_standards',
  'triage_decision',
  'outcome_sanction',
  'sanction_in_force',
  'appeal_result',
]);

/** Clauses a case concerns: those of its reports and of its allegations, each once, in order. */
const clausesOf = (fromReports: string, fromAllegations: string) =>
  `(SELECT string_agg(v, '; ' ORDER BY v) FROM (${fromReports} UNION ${fromAllegations}) clauses(v))`;

/**
 * One row per case visible to `actor`, created in [from, to), optionally of one status,
 * oldest first. An erased case (§13) keeps its tombstone only: what it was about is left blank.
 */
export function casesCsvSelect(actor: Actor, filters: CasesCsvFilters, params: SqlParams): string {
  const where = [visibleCasesPredicate(actor, params)];
  if (filters.from) where.push(`c.created_at >= ${params.add(filters.from.toISOString())}::timestamptz`);
  if (filters.to) where.push(`c.created_at < ${params.add(filters.to.toISOString())}::timestamptz`);
  if (filters.status) where.push(`c.status = ${params.add(filters.status)}::case_status`);
  const cells = CASES_CSV_COLUMNS.map((column) => (TEXT_COLUMNS.has(column) ? `${csvSafeText(`x.${column}`)} AS ${column}` : `x.${column}`));
  return `SELECT ${cells.join(',\n  ')}
FROM (
  SELECT c.id, c.created_at, c.reference, ${isoSql('c.created_at')} AS reported_at, c.status::text AS status,
    CASE WHEN c.erased_at IS NOT NULL THEN NULL WHEN c.safeguarding THEN 'yes' ELSE 'no' END AS safeguarding,
    CASE WHEN c.erased_at IS NULL THEN ${clausesOf(
      `SELECT r.category::text FROM reports r WHERE r.case_id = c.id`,
      `SELECT a.category::text FROM allegations a WHERE a.case_id = c.id AND a.category IS NOT NULL`,
    )} END AS categories,
    CASE WHEN c.erased_at IS NULL THEN ${clausesOf(
      `SELECT unnest(r.policy_standards) FROM reports r WHERE r.case_id = c.id`,
      `SELECT a.policy_standard FROM allegations a WHERE a.case_id = c.id AND a.policy_standard IS NOT NULL`,
    )} END AS policy_standards,
    c.triage_decision::text AS triage_decision,
    o.sanction::text AS outcome_sanction,
    ${sanctionInForceSql('o', 'a')} AS sanction_in_force,
    a.result::text AS appeal_result,
    ${isoSql('c.closed_at')} AS closed_at,
    ${isoSql('c.erased_at')} AS erased_at
  FROM cases c
  LEFT JOIN outcomes o ON o.case_id = c.id
  LEFT JOIN appeals a ON a.outcome_id = o.id
  WHERE ${where.join('\n    AND ')}
) x
ORDER BY x.created_at, x.id`;
}

/** The COPY statement that streams the export as CSV with a header, values written in (COPY takes no parameters). */
export function casesCsvCopySql(actor: Actor, filters: CasesCsvFilters): string {
  const params = new SqlParams();
  const select = casesCsvSelect(actor, filters, params);
  return `COPY (${inlineSqlParams(select, params.values)}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}
