import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { instantRange } from '../calendar/period';
import { Holidays, NO_HOLIDAYS } from '../calendar/working-days';
import { referralOverdueCutoff } from '../cases/overdue';
import { Clock } from '../common/clock/clock';
import { queryOne } from '../database/sql';
import { StatisticsQuery, StatisticsResponse } from './dto/statistics.dto';
import { STATISTICS_WORK_MEM, statisticsSql, StatisticsRow } from './statistics.sql';
import { CATEGORY_KEYS, OUTCOME_KEYS, PLATFORM_KEYS, RawStatistics, SAFEGUARDING_KEYS, STANDARD_KEYS, suppressSmallNumbers } from './statistics.rules';

/**
 * Statistics for governors (process.md §5): counted in the database (statistics.sql.ts),
 * anonymised here (statistics.rules.ts `suppressSmallNumbers`), and the look audited in the
 * same transaction — with the period asked for, nothing else (no figure, no name).
 */
@Injectable()
export class StatisticsService {
  /** The school calendar's holidays, once it is known (working-days.ts): none today, as everywhere else. */
  private readonly holidays: Holidays = NO_HOLIDAYS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async read(actor: Actor, query: StatisticsQuery): Promise<StatisticsResponse> {
    const now = this.clock.now();
    const { start, end } = instantRange(query);
    const sql = statisticsSql({
      organisationId: actor.organisationId,
      start,
      end,
      overdueCutoff: referralOverdueCutoff(now),
      holidays: [...this.holidays].sort(),
    });
    const row = await this.dataSource.transaction(async (em) => {
      await em.query(`SET LOCAL work_mem = '${STATISTICS_WORK_MEM}'`);
      const counted = await queryOne<StatisticsRow>(em, sql.text, sql.values);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'statistics:read'),
        action: 'statistics.viewed',
        payload: { from: query.from ?? null, to: query.to ?? null },
      });
      return counted!;
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

/** The statement's row as complete breakdowns: every key of each vocabulary, 0 where no case has it. */
export function rawStatistics(row: StatisticsRow): RawStatistics {
  const every = <K extends string>(keys: readonly K[], counts: Record<string, number>) =>
    Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0])) as Record<K, number>;
  return {
    total: row.total,
    byCategory: every(CATEGORY_KEYS, row.by_category),
    byPlatform: every(PLATFORM_KEYS, row.by_platform),
    byStandard: every(STANDARD_KEYS, row.by_standard),
    byOutcome: every(OUTCOME_KEYS, row.by_outcome),
    bySafeguarding: every(SAFEGUARDING_KEYS, row.by_safeguarding),
    workingDays: row.working_days,
    overdue: { safeguardingReferral: row.overdue },
  };
}
