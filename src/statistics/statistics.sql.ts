import { weekdayHolidays, workingDaysBetweenSql } from '../calendar/working-days.sql';
import { overdueCaseSql } from '../cases/overdue';
import { SqlParams } from '../database/sql';

/**
 * GET /statistics in one statement (process.md §5), over the kept figures of each case
 * (`case_figures`, this module's table; case-figures.sql.ts writes it as cases change): one
 * narrow row a case, with its category, platform, standards, outcome, safeguarding flag and
 * the local dates of its report, triage, decision and closure. Nothing is read but vocabulary
 * values, flags and dates: no names, references, ids or free text leave the database.
 *
 * The cases are those of the organisation reported (`reported_at`, the case's `created_at`)
 * in [start, end): the index (organisation_id, reported_at) for a short period, a scan for a
 * long one. One pass counts them by every breakdown at once (`GROUPING SETS`), and the working
 * days to triage, decision and closure as histograms — cases per number of days, a few dozen
 * rows — from which statistics.rules.ts `durationOfHistogram` takes the median and 90th
 * percentile (nothing is sorted per case); a second pass counts the standards (a report may
 * cite several). The overdue count reads the cases themselves (the partial index of
 * safeguarding cases), by the rule of GET /cases?overdue= (cases/overdue.ts): it depends on
 * the moment asked, not on the case's figures.
 * Working days between two dates are the difference of their working-day numbers, in closed
 * form (calendar/working-days.sql.ts), with the holidays of the moment asked.
 */

/**
 * Memory for the statement's hashes (`SET LOCAL`, this transaction only): a governors' report,
 * read rarely, over up to a million cases.
 */
export const STATISTICS_WORK_MEM = '64MB';

export interface StatisticsFilters {
  organisationId: string;
  start?: Date;
  end?: Date;
  /** The `referralOverdueCutoff` of the moment the figures are for. */
  overdueCutoff: Date;
  /** Local dates that are not working days (the holidays working-days.ts takes). */
  holidays: readonly string[];
}

/** What a row of the statement counts. */
export const STATISTICS_DIMENSIONS = [
  'total',
  'category',
  'platform',
  'standard',
  'outcome',
  'safeguarding',
  'toTriage',
  'toDecision',
  'toClosure',
  'overdue',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

/**
 * One count: the cases with `key` in `dimension` (a vocabulary value; `true`/`false` for
 * safeguarding; a number of working days for a duration, null for the cases that have not
 * reached the step; null for the total and the overdue count).
 */
export interface StatisticsRow {
  dimension: StatisticsDimension;
  key: string | null;
  n: number;
}

export function statisticsSql(filters: StatisticsFilters): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const organisation = p.add(filters.organisationId);
  const start = filters.start ? p.add(filters.start.toISOString()) : undefined;
  const end = filters.end ? p.add(filters.end.toISOString()) : undefined;
  const period = (alias: string, column: string) => {
    const where = [`${alias}.organisation_id = ${organisation}::uuid`];
    if (start) where.push(`${alias}.${column} >= ${start}::timestamptz`);
    if (end) where.push(`${alias}.${column} < ${end}::timestamptz`);
    return where.join(' AND ');
  };
  const cutoff = p.add(filters.overdueCutoff.toISOString());
  const holidays = p.add(weekdayHolidays(filters.holidays));
  const days = (to: string) => workingDaysBetweenSql('f.reported_on', to, holidays);
  const sets = ['category', 'platform', 'outcome', 'safeguarding', 'to_triage', 'to_decision', 'to_closure'];
  const dimensionOf = `CASE ${sets.map((s) => `WHEN GROUPING(${s}) = 0 THEN '${camel(s)}'`).join(' ')} ELSE 'total' END`;
  const keyOf = `CASE ${sets.map((s) => `WHEN GROUPING(${s}) = 0 THEN ${s}::text`).join(' ')} END`;
  const text = `SELECT ${dimensionOf} AS dimension, ${keyOf} AS key, count(*)::int AS n
      FROM (SELECT f.category, f.platform, f.outcome, f.safeguarding,
              ${days('f.triaged_on')} AS to_triage, ${days('f.decided_on')} AS to_decision, ${days('f.closed_on')} AS to_closure
            FROM case_figures f WHERE ${period('f', 'reported_at')}) x
      GROUP BY GROUPING SETS (${sets.map((s) => `(${s})`).join(', ')}, ())
    UNION ALL
    SELECT 'standard', s, count(*)::int FROM case_figures f, unnest(f.standards) AS s WHERE ${period('f', 'reported_at')} GROUP BY s
    UNION ALL
    SELECT 'overdue', NULL, count(*)::int FROM cases c WHERE ${period('c', 'created_at')} AND ${overdueCaseSql('c', cutoff)}`;
  return { text, values: p.values };
}

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
