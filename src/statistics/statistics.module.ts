import { Module } from '@nestjs/common';
import { StatisticsController } from './statistics.controller';
import { StatisticsService } from './statistics.service';

/**
 * Statistics for governors (process.md §5): one table of its own, `case_figures` — each case's
 * figures, kept by case-figures.sql.ts as the case runner changes cases — counted in one
 * statement (statistics.sql.ts).
 */
@Module({
  controllers: [StatisticsController],
  providers: [StatisticsService],
})
export class StatisticsModule {}
