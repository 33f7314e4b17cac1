import { SANCTIONS } from '../outcomes/outcome.rules';
import { MISUSE_CATEGORIES, PLATFORMS, POLICY_STANDARDS } from '../policy/vocabulary';

/**
 * Statistics for governors (process.md §5): what the figures are broken down by, and the
 * small-number suppression that anonymises them. Pure rules; the counting is done in the
 * database (statistics.sql.ts).
 */

/** A count below this is never shown (process.md §5: "any count under 5 is shown as 'fewer than 5'"). */
export const SMALL_NUMBER = 5;
export const FEWER_THAN_5 = 'fewer than 5';
/** What a cell of 5 or more hidden to protect a small one says (secondary suppression): true, and no more than the rule lets a reader infer. */
export const FIVE_OR_MORE = '5 or more';

/** A case whose content was erased under retention (§13): its report — category, platform, standards — is gone. */
export const ERASED = 'erased';
export const CATEGORY_KEYS = [...MISUSE_CATEGORIES, ERASED] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export const PLATFORM_KEYS = [...PLATFORMS, ERASED] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];
export const STANDARD_KEYS = [...POLICY_STANDARDS, ERASED] as const;
export type StandardKey = (typeof STANDARD_KEYS)[number];
/** The sanction in force after any appeal; a case closed at triage; a case with no outcome yet. */
export const OUTCOME_KEYS = [...SANCTIONS, 'closed_at_triage', 'no_outcome_yet'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];
export const SAFEGUARDING_KEYS = ['true', 'false'] as const;
export type SafeguardingKey = (typeof SAFEGUARDING_KEYS)[number];
export const DURATION_KEYS = ['toTriage', 'toDecision', 'toClosure'] as const;
export type DurationKey = (typeof DURATION_KEYS)[number];

/** A duration over the cases that reached the step: how many, and the median and 90th percentile in working days. */
export interface RawDuration {
  cases: number;
  median: number | null;
  p90: number | null;
}

/**
 * A duration's figures from its histogram (working days → how many cases took that long), as
 * PostgreSQL's `percentile_cont` would give them over the cases themselves: the value at
 * position p·(n − 1) of the sorted values, interpolated linearly between the two closest
 * ranks. The database counts cases per number of days (a few dozen values however many
 * cases), so nothing is sorted per case; the test holds it equal to `percentile_cont`.
 */
export function durationOfHistogram(histogram: ReadonlyArray<{ days: number; cases: number }>): RawDuration {
  const bins = histogram.filter((b) => b.cases > 0).sort((a, b) => a.days - b.days);
  const cases = bins.reduce((sum, b) => sum + b.cases, 0);
  if (cases === 0) return { cases: 0, median: null, p90: null };
  /** The value of rank `k` (0-based) in the sorted values. */
  const ranked = (k: number) => {
    let seen = 0;
    for (const bin of bins) {
      seen += bin.cases;
      if (k < seen) return bin.days;
    }
    return bins[bins.length - 1].days;
  };
  const percentile = (p: number) => {
    const position = p * (cases - 1);
    const low = Math.floor(position);
    const below = ranked(low);
    return below + (ranked(Math.ceil(position)) - below) * (position - low);
  };
  return { cases, median: percentile(0.5), p90: percentile(0.9) };
}

/** The figures as the database counts them: every count exact, every key of the vocabulary present (0 when none). */
export interface RawStatistics {
  total: number;
  byCategory: Record<CategoryKey, number>;
  byPlatform: Record<PlatformKey, number>;
  byStandard: Record<StandardKey, number>;
  byOutcome: Record<OutcomeKey, number>;
  bySafeguarding: Record<SafeguardingKey, number>;
  workingDays: Record<DurationKey, RawDuration>;
  overdue: { safeguardingReferral: number };
}

/** A count as governors may see it. `count` is null whenever `suppressed`; `display` is what to show. */
export interface CountCell {
  count: number | null;
  display: string;
  suppressed: boolean;
}

export interface DurationCell {
  median: number | null;
  p90: number | null;
  suppressed: boolean;
}

export interface SuppressedStatistics {
  total: CountCell;
  byCategory: Array<{ key: CategoryKey; cases: CountCell }>;
  byPlatform: Array<{ key: PlatformKey; cases: CountCell }>;
  byStandard: Array<{ key: StandardKey; cases: CountCell }>;
  byOutcome: Array<{ key: OutcomeKey; cases: CountCell }>;
  bySafeguarding: Array<{ key: SafeguardingKey; cases: CountCell }>;
  workingDays: Record<DurationKey, DurationCell>;
  overdue: { safeguardingReferral: CountCell };
}

const shown = (count: number): CountCell => ({ count, display: count.toLocaleString('en-GB'), suppressed: false });
const smallNumber = (): CountCell => ({ count: null, display: FEWER_THAN_5, suppressed: true });
const protecting = (): CountCell => ({ count: null, display: FIVE_OR_MORE, suppressed: true });

/** Primary suppression: a count under 5 (zero included) is "fewer than 5", never its number. */
export function suppressCount(count: number): CountCell {
  return count < SMALL_NUMBER ? smallNumber() : shown(count);
}

/**
 * Secondary suppression of one breakdown whose cells add up to the total (each case in one
 * cell): the total minus the shown cells is the sum of the suppressed ones, so one suppressed
 * cell alone would be recovered by subtraction. Whenever a cell is under 5 and the total is
 * shown, the smallest cell of 5 or more (the first in the vocabulary's order on a tie) is
 * suppressed too ("5 or more"). The reader then knows only that the suppressed cells add up
 * to some S, that each small one is 0–4 and the other is 5 or more: a small cell's possible
 * values are 0 … min(4, S − 5), a single value only when it is 0 (nothing about anyone).
 *
 * When every cell is under 5 there is no cell to add; the total is then what would betray
 * them (8 over two cells is 4 and 4): `totalAtRisk`, and the caller hides the total. With the
 * total hidden (`total: 'hidden'`), every breakdown hides its smallest cell of 5 or more,
 * small cells or not, so that no breakdown adds up to the total either.
 */
export function suppressBreakdown<K extends string>(
  keys: readonly K[],
  counts: Record<K, number>,
  total: 'shown' | 'hidden',
): { cells: Array<{ key: K; cases: CountCell }>; totalAtRisk: boolean } {
  const cells = keys.map((key) => ({ key, cases: suppressCount(counts[key] ?? 0) }));
  const anySmall = cells.some((c) => c.cases.suppressed);
  if (total === 'shown' && !anySmall) return { cells, totalAtRisk: false };
  let smallest: { key: K; cases: CountCell } | undefined;
  for (const cell of cells) if (!cell.cases.suppressed && (!smallest || cell.cases.count! < smallest.cases.count!)) smallest = cell;
  if (!smallest) return { cells, totalAtRisk: total === 'shown' };
  smallest.cases = protecting();
  return { cells, totalAtRisk: false };
}

/** A median or percentile over fewer than 5 cases is not shown (nor is either over none). */
export function suppressDuration(duration: RawDuration): DurationCell {
  if (duration.cases < SMALL_NUMBER) return { median: null, p90: null, suppressed: true };
  return { median: duration.median, p90: duration.p90, suppressed: false };
}

/**
 * Everything governors see of the raw figures (process.md §5): every count primary-suppressed;
 * each breakdown that partitions the cases (category, platform, outcome, safeguarding — and
 * the standards, which need not add up to the total because a report may cite several, but
 * are treated alike to be safe) secondary-suppressed against the total; the total itself
 * suppressed when it is under 5, or ("5 or more") when a breakdown's cells are all under 5
 * — and then every breakdown hides a cell of 5 or more, so none adds up to it; durations
 * suppressed under 5 cases. The numbers of cases behind each duration are not returned: they
 * are subtotals of the outcome breakdown (cases decided, cases closed) and would undo its
 * suppression.
 */
export function suppressSmallNumbers(raw: RawStatistics): SuppressedStatistics {
  const breakdowns = (total: 'shown' | 'hidden') => ({
    byCategory: suppressBreakdown(CATEGORY_KEYS, raw.byCategory, total),
    byPlatform: suppressBreakdown(PLATFORM_KEYS, raw.byPlatform, total),
    byStandard: suppressBreakdown(STANDARD_KEYS, raw.byStandard, total),
    byOutcome: suppressBreakdown(OUTCOME_KEYS, raw.byOutcome, total),
    bySafeguarding: suppressBreakdown(SAFEGUARDING_KEYS, raw.bySafeguarding, total),
  });
  let total = suppressCount(raw.total);
  // Under 5 in all, every cell is under 5 too: nothing to add.
  let tables = breakdowns('shown');
  if (!total.suppressed && Object.values(tables).some((t) => t.totalAtRisk)) {
    total = protecting();
    tables = breakdowns('hidden');
  }
  return {
    total,
    byCategory: tables.byCategory.cells,
    byPlatform: tables.byPlatform.cells,
    byStandard: tables.byStandard.cells,
    byOutcome: tables.byOutcome.cells,
    bySafeguarding: tables.bySafeguarding.cells,
    workingDays: {
      toTriage: suppressDuration(raw.workingDays.toTriage),
      toDecision: suppressDuration(raw.workingDays.toDecision),
      toClosure: suppressDuration(raw.workingDays.toClosure),
    },
    overdue: { safeguardingReferral: suppressCount(raw.overdue.safeguardingReferral) },
  };
}
