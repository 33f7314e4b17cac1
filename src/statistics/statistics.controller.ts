import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { StatisticsQuery, StatisticsResponse } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  @Allow('statistics:read')
  @ApiOperation({
    summary: "Anonymised figures of the organisation's cases reported in [from, to) (governor, headteacher, hr; audited)",
    description:
      'process.md §5: cases by App.A category, §2 platform, §7 standard, outcome and safeguarding; median and 90th-percentile working days ' +
      'from report to triage, decision and closure; counts overdue. No names, references or ids; every count under 5 is "fewer than 5", ' +
      'and a second count is hidden where the total would reveal it (docs/statistics.md).',
  })
  @ApiOkResponse({ type: StatisticsResponse })
  getStatistics(@CurrentActor() actor: Actor, @Query() query: StatisticsQuery): Promise<StatisticsResponse> {
    return this.statistics.read(actor, query);
  }
}
