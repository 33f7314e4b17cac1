import { ApiProperty } from '@nestjs/swagger';
import { PeriodBound } from '../../common/validation/period-bound';
import {
  CATEGORY_KEYS,
  CategoryKey,
  FEWER_THAN_5,
  FIVE_OR_MORE,
  OUTCOME_KEYS,
  OutcomeKey,
  PLATFORM_KEYS,
  PlatformKey,
  STANDARD_KEYS,
  StandardKey,
} from '../statistics.rules';

export class StatisticsQuery {
  @PeriodBound('from', 'cases reported on or after')
  from?: string;

  @PeriodBound('to', 'cases reported up to')
  to?: string;
}

export class StatisticsCount {
  @ApiProperty({ type: Number, nullable: true, minimum: 5, description: 'the number of cases; null when suppressed' })
  count: number | null;

  @ApiProperty({
    description: `what to show: the number (en-GB, "1,234"), "${FEWER_THAN_5}" for a count under 5 (zero included), or "${FIVE_OR_MORE}" for a count hidden so that a smaller one cannot be worked out from the total`,
    example: FEWER_THAN_5,
  })
  display: string;

  @ApiProperty({ description: 'true: `count` is withheld (small-number suppression, process.md §5)' })
  suppressed: boolean;
}

export class StatisticsCategoryCount {
  @ApiProperty({ enum: CATEGORY_KEYS, description: "App.A category of the case's report; `erased`: its content was erased under retention (§13)" })
  category: CategoryKey;
  @ApiProperty({ type: StatisticsCount }) cases: StatisticsCount;
}

export class StatisticsPlatformCount {
  @ApiProperty({ enum: PLATFORM_KEYS, description: "§2 platform of the case's report; `erased`: content erased (§13)" })
  platform: PlatformKey;
  @ApiProperty({ type: StatisticsCount }) cases: StatisticsCount;
}

export class StatisticsStandardCount {
  @ApiProperty({
    enum: STANDARD_KEYS,
    description: "§7/§8 standard cited by the case's report (a case citing several counts under each); `erased`: content erased (§13)",
  })
  standard: StandardKey;
  @ApiProperty({ type: StatisticsCount }) cases: StatisticsCount;
}

export class StatisticsOutcomeCount {
  @ApiProperty({
    enum: OUTCOME_KEYS,
    description: 'the sanction in force after any appeal; `closed_at_triage`: closed without investigation (§4); `no_outcome_yet`: not decided yet',
  })
  outcome: OutcomeKey;
  @ApiProperty({ type: StatisticsCount }) cases: StatisticsCount;
}

export class StatisticsSafeguardingCount {
  @ApiProperty({ description: 'a safeguarding case (§5) or not' })
  safeguarding: boolean;
  @ApiProperty({ type: StatisticsCount }) cases: StatisticsCount;
}

export class StatisticsDuration {
  @ApiProperty({ type: Number, nullable: true, description: 'median, in working days; null when suppressed' })
  median: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '90th percentile (continuous), in working days; null when suppressed' })
  p90: number | null;
  @ApiProperty({ description: 'true: fewer than 5 of the cases reached this step, and neither figure is shown' })
  suppressed: boolean;
}

export class StatisticsWorkingDays {
  @ApiProperty({ type: StatisticsDuration, description: 'from the report to triage' }) toTriage: StatisticsDuration;
  @ApiProperty({ type: StatisticsDuration, description: 'from the report to the outcome decision (its decidedAt)' }) toDecision: StatisticsDuration;
  @ApiProperty({ type: StatisticsDuration, description: 'from the report to closure' }) toClosure: StatisticsDuration;
}

export class StatisticsOverdue {
  @ApiProperty({ type: StatisticsCount, description: 'safeguarding cases with no referral on record past its deadline (as GET /cases?overdue=true), now' })
  safeguardingReferral: StatisticsCount;
}

export class StatisticsPeriod {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'first instant of the period (included); null: open' })
  from: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'end of the period (excluded); null: open' })
  to: string | null;
}

export class StatisticsResponse {
  @ApiProperty({ type: StatisticsPeriod, description: 'the cases counted: those reported in [from, to)' })
  period: StatisticsPeriod;

  @ApiProperty({ format: 'date-time', description: 'when the figures were computed: what "overdue" and "no outcome yet" are as of' })
  asAt: string;

  @ApiProperty({ type: StatisticsCount, description: 'cases reported in the period' })
  cases: StatisticsCount;

  @ApiProperty({ type: [StatisticsCategoryCount], description: 'every category, in vocabulary order; adds up to `cases`' })
  byCategory: StatisticsCategoryCount[];

  @ApiProperty({ type: [StatisticsPlatformCount], description: 'every platform, in vocabulary order; adds up to `cases`' })
  byPlatform: StatisticsPlatformCount[];

  @ApiProperty({ type: [StatisticsStandardCount], description: 'every standard, in vocabulary order (a case citing several counts under each)' })
  byStandard: StatisticsStandardCount[];

  @ApiProperty({ type: [StatisticsOutcomeCount], description: 'every outcome, sanctions in order of severity; adds up to `cases`' })
  byOutcome: StatisticsOutcomeCount[];

  @ApiProperty({ type: [StatisticsSafeguardingCount], description: 'safeguarding and not; adds up to `cases`' })
  bySafeguarding: StatisticsSafeguardingCount[];

  @ApiProperty({
    type: StatisticsWorkingDays,
    description: 'working days (Monday–Friday, Europe/London) from the report, over the cases that reached each step',
  })
  workingDays: StatisticsWorkingDays;

  @ApiProperty({ type: StatisticsOverdue, description: 'of the cases reported in the period, those past a deadline now (docs/case-list.md, `overdue`)' })
  overdue: StatisticsOverdue;
}
