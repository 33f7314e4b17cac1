import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { instantRange } from '../calendar/period';
import { referralOverdueCutoff } from '../cases/overdue';
import { Clock } from '../common/clock/clock';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { StatisticsQuery, StatisticsResponse } from './dto/statistics.dto';
import { STATISTICS_WORK_MEM, statisticsSql, StatisticsRow } from './statistics.sql';
import {
  CATEGORY_KEYS,
  DurationKey,
  durationOfHistogram,
  OUTCOME_KEYS,
  PLATFORM_KEYS,
  RawStatistics,
  SAFEGUARDING_KEYS,
  STANDARD_KEYS,
  suppressSmallNumbers,
} from './statistics.rules';

/**
 * Statistics for governors (process.md §5): counted in the database (statistics.sql.ts),
 * anonymised here (statistics.rules.ts `suppressSmallNumbers`), and the look audited in the
 * same transaction — with the period asked for, nothing else (no figure, no name).
 */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly calendars: SchoolCalendars,
  ) {}

  async read(actor: Actor, query: StatisticsQuery): Promise<StatisticsResponse> {
    const now = this.clock.now();
    const { start, end } = instantRange(query);
    const row = await this.dataSource.transaction(async (em) => {
      // process.md §6: the working days and the overdue count are the organisation's, in its nation's calendar
      const calendar = await this.calendars.forOrganisation(em, actor.organisationId);
      const sql = statisticsSql({
        organisationId: actor.organisationId,
        start,
        end,
        overdueCutoff: referralOverdueCutoff(now, calendar),
        holidays: [...calendar.holidays].sort(),
      });
      await em.query(`SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'`);
      const counted: StatisticsRow[] = await em.query(sql.text, sql.values);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'statistics:read'),
        action: 'statistics.viewed',
        payload: { from: query.from ?? null, to: query.to ?? null },
      });
      return counted;
    });
    const figures = suppressSmallNumbers(rawStatistics(row));
    return {
      period: { from: start?.toISOString() ?? null, to: end?.toISOString() ?? null },
      asAt: now.toISOString(),
      cases: figures.total,
      byCategory: figures.byCategory.map(({ key, cases }) => ({ category: key, cases })),
      byPlatform: figures.byPlatform.map(({ key, cases }) => ({ platform: key, cases })),
      byStandard: figures.byStandard.map(({ key, cases }) => ({ standard: key, cases })),
      byOutcome: figures.byOutcome.map(({ key, cases }) => ({ outcome: key, cases })),
      bySafeguarding: figures.bySafeguarding.map(({ key, cases }) => ({ safeguarding: key === 'true', cases })),
      workingDays: figures.workingDays,
      overdue: figures.overdue,
    };
  }
}

/** The statement's counts as complete breakdowns: every key of each vocabulary, 0 where no case has it. */
export function rawStatistics(rows: readonly StatisticsRow[]): RawStatistics {
  const counts = (dimension: StatisticsRow['dimension']) => rows.filter((r) => r.dimension === dimension);
  const every = <K extends string>(keys: readonly K[], dimension: StatisticsRow['dimension']) => {
    const found = new Map(counts(dimension).map((r) => [r.key, r.n]));
    return Object.fromEntries(keys.map((k) => [k, found.get(k) ?? 0])) as Record<K, number>;
  };
  const single = (dimension: StatisticsRow['dimension']) => counts(dimension)[0]?.n ?? 0;
  // the cases that have not reached a step are the null key: not a duration
  const duration = (dimension: DurationKey) =>
    durationOfHistogram(counts(dimension).flatMap((r) => (r.key === null ? [] : [{ days: Number(r.key), cases: r.n }])));
  return {
    total: single('total'),
    byCategory: every(CATEGORY_KEYS, 'category'),
    byPlatform: every(PLATFORM_KEYS, 'platform'),
    byStandard: every(STANDARD_KEYS, 'standard'),
    byOutcome: every(OUTCOME_KEYS, 'outcome'),
    bySafeguarding: every(SAFEGUARDING_KEYS, 'safeguarding'),
    workingDays: { toTriage: duration('toTriage'), toDecision: duration('toDecision'), toClosure: duration('toClosure') },
    overdue: { safeguardingReferral: single('overdue') },
  };
}
