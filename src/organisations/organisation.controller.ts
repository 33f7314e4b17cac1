import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { DeadlinesDto } from './dto/deadlines.dto';
import { NationRequest, NationResponse } from './dto/nation.dto';
import { OrganisationSettingsService } from './organisation-settings.service';

/** process.md §6: the organisation's nation, whose bank holidays its working days skip, and its deadlines (admin). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly settings: OrganisationSettingsService) {}

  @Get('nation')
  @Allow('organisation:manage')
  @ApiOperation({ summary: 'The nation whose bank holidays the organisation’s working days skip (admin)' })
  @ApiOkResponse({ type: NationResponse })
  getNation(@CurrentActor() actor: Actor): Promise<NationResponse> {
    return this.settings.nation(actor);
  }

  @Put('nation')
  @Allow('organisation:manage')
  @ApiOperation({
    summary: 'Set the nation whose bank holidays the organisation’s working days skip (admin; audited)',
    description: 'Every "within N working days" rule counts in it from the next request (docs/calendar.md).',
  })
  @ApiOkResponse({ type: NationResponse })
  updateNation(@CurrentActor() actor: Actor, @Body() body: NationRequest): Promise<NationResponse> {
    return this.settings.setNation(actor, body.nation);
  }

  @Get('deadlines')
  @Allow('organisation:manage')
  @ApiOperation({
    summary:
      'The organisation’s deadlines: triage, investigation, appeal hearing, monitoring notice, hearing notice, appeal window, suspension review, warning life (admin)',
  })
  @ApiOkResponse({ type: DeadlinesDto })
  getDeadlines(@CurrentActor() actor: Actor): Promise<DeadlinesDto> {
    return this.settings.deadlines(actor);
  }

  @Put('deadlines')
  @Allow('organisation:manage')
  @ApiOperation({
    summary: 'Set the organisation’s deadlines (admin; audited)',
    description:
      'process.md §6 "defaults configurable per organisation": every task and rule counts on them from the next request; the hearing notice and the appeal window never below the deployment’s minimum, the suspension review and a warning’s life never above its maximum (docs/tasks.md).',
  })
  @ApiOkResponse({ type: DeadlinesDto })
  updateDeadlines(@CurrentActor() actor: Actor, @Body() body: DeadlinesDto): Promise<DeadlinesDto> {
    return this.settings.setDeadlines(actor, body);
  }
}
