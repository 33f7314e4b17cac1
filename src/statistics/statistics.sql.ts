import { localDateSql, weekdayHolidays, workingDaysBetweenSql } from '../calendar/working-days.sql';
import { overdueCaseSql } from '../cases/overdue';
import { SqlParams } from '../database/sql';
import { sanctionInForceSql } from '../outcomes/outcome-rows';
import { firstReportsMadeInSql } from '../reports/report-rows';
import { DurationKey, ERASED, RawDuration } from './statistics.rules';

/**
 * GET /statistics in one statement (process.md §5). It reads, for aggregation only, the
 * tables of other modules — `cases` (the cases module), `reports` (reports), `outcomes` and
 * `appeals` (outcomes), `safeguarding_referrals` (triage) — and where those modules offer their
 * SQL it is theirs: each case's first report (report-rows.ts `firstReportsMadeInSql`), the
 * sanction in force (outcome-rows.ts `sanctionInForceSql`), the overdue rule
 * (cases/overdue.ts `overdueCaseSql`, with triage's `referralRecordedSql`), the working-day
 * calendar (calendar/working-days.sql.ts). Nothing is read but vocabulary values,
 * flags and dates: no names, references, ids or free text leave the database.
 *
 * The cases are those of the organisation reported (`created_at`) in [start, end): the
 * period index (organisation_id, created_at, id) finds them, and their first reports are the
 * reports made in the same period (an index range, joined by hash). Per case: its first report's
 * App.A category, §2 platform and §7/§8 standards ("erased" once retention took the report),
 * the outcome (the sanction in force; closed at triage; none yet), the safeguarding flag and
 * the working days from its report to triage, decision and closure. The overdue count is a
 * subquery of its own over the period's safeguarding cases (the partial index), where the
 * "no referral on record" test is an anti-join.
 * Working days between two dates are the difference of their working-day numbers, in closed
 * form (working-days.sql.ts); medians and 90th percentiles are `percentile_cont`, over the
 * cases that reached the step.
 */

/**
 * Memory for the statement's hashes and its table of facts (`SET LOCAL`, this transaction
 * only): a year of a million-case organisation is 200,000 cases, which the default 4 MB
 * spills to disk several times over (1.1 s against 1.4–2.0 s at a million cases,
 * docs/benchmarks.md "Issue 12: statistics"). A governors' report, read rarely.
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

/** One row: the counts as JSON objects keyed by vocabulary value (only the values that occur). */
export interface StatisticsRow {
  total: number;
  by_category: Record<string, number>;
  by_platform: Record<string, number>;
  by_standard: Record<string, number>;
  by_outcome: Record<string, number>;
  by_safeguarding: Record<string, number>;
  working_days: Record<DurationKey, RawDuration>;
  overdue: number;
}

const breakdown = (key: string) => `(SELECT COALESCE(json_object_agg(k, n), '{}') FROM (SELECT ${key} AS k, count(*)::int AS n FROM facts f GROUP BY 1) x)`;

const duration = (column: string) =>
  `json_build_object('cases', count(${column})::int,
     'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY ${column}), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY ${column}))`;

export function statisticsSql(filters: StatisticsFilters): { text: string; values: unknown[] } {
  const p = new SqlParams();
  const organisation = p.add(filters.organisationId);
  const start = filters.start ? p.add(filters.start.toISOString()) : undefined;
  const end = filters.end ? p.add(filters.end.toISOString()) : undefined;
  const where = [`c.organisation_id = ${organisation}::uuid`];
  if (start) where.push(`c.created_at >= ${start}::timestamptz`);
  if (end) where.push(`c.created_at < ${end}::timestamptz`);
  const cutoff = p.add(filters.overdueCutoff.toISOString());
  const holidays = p.add(weekdayHolidays(filters.holidays));
  const days = (to: string) => workingDaysBetweenSql(localDateSql('c.created_at'), localDateSql(to), holidays);
  // Every expression per case is parallel-safe (no subplan), so that PostgreSQL's workers compute them, not the leader
  const text = `WITH facts AS MATERIALIZED (
      SELECT c.safeguarding, c.erased_at IS NOT NULL OR r.category IS NULL AS erased,
        r.category::text AS category, r.platform::text AS platform, r.policy_standards AS standards,
        CASE WHEN o.id IS NOT NULL THEN ${sanctionInForceSql('o', 'a')}
             WHEN c.triage_decision IN ('no_further_action', 'informal_resolution') THEN 'closed_at_triage'
             ELSE 'no_outcome_yet' END AS outcome,
        ${days('c.triaged_at')} AS to_triage, ${days('o.decided_at')} AS to_decision, ${days('c.closed_at')} AS to_closure
      FROM cases c
      LEFT JOIN ${firstReportsMadeInSql(organisation, start, end)} r ON r.case_id = c.id AND r.created_at = c.created_at
      LEFT JOIN outcomes o ON o.case_id = c.id
      LEFT JOIN appeals a ON a.outcome_id = o.id
      WHERE ${where.join(' AND ')}
    )
    SELECT (SELECT count(*)::int FROM facts) AS total,
      ${breakdown(`CASE WHEN f.erased THEN '${ERASED}' ELSE f.category END`)} AS by_category,
      ${breakdown(`CASE WHEN f.erased THEN '${ERASED}' ELSE f.platform END`)} AS by_platform,
      (SELECT COALESCE(json_object_agg(k, n), '{}') FROM (
        SELECT s AS k, count(*)::int AS n FROM facts f, unnest(CASE WHEN f.erased THEN ARRAY['${ERASED}'] ELSE f.standards END) AS s GROUP BY 1) x
      ) AS by_standard,
      ${breakdown('f.outcome')} AS by_outcome,
      ${breakdown('f.safeguarding::text')} AS by_safeguarding,
      (SELECT json_build_object('toTriage', ${duration('to_triage')}, 'toDecision', ${duration('to_decision')}, 'toClosure', ${duration('to_closure')})
       FROM facts) AS working_days,
      (SELECT count(*)::int FROM cases c WHERE ${where.join(' AND ')} AND ${overdueCaseSql('c', cutoff)}) AS overdue`;
  return { text, values: p.values };
}
