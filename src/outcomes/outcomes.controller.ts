import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
import { UuidParam } from '../common/http/uuid-param';
import { AppealDecisionRequest, AppealRequest, CloseRequest, OutcomeRequest } from './dto/outcome.dto';
import { OutcomeService } from './outcome.service';

/** §12: the outcome, the appeal and closure. Every route answers with the updated case. */
@ApiTags('outcome')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomeService) {}

  @Post('cases/:id/outcome')
  @Allow('outcome:decide')
  @ApiOperation({ summary: 'Record the outcome of a case awaiting decision (§12)' })
  @ApiCreatedResponse({ type: CaseResponse })
  record(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: OutcomeRequest): Promise<CaseResponse> {
    return this.outcomes.record(actor, id, body);
  }

  @Post('cases/:id/appeals')
  @Allow('appeals:lodge')
  @ApiOperation({ summary: 'Lodge the appeal against the outcome (one, by its deadline)' })
  @ApiCreatedResponse({ type: CaseResponse })
  lodge(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AppealRequest): Promise<CaseResponse> {
    return this.outcomes.lodgeAppeal(actor, id, body);
  }

  @Post('appeals/:id/decision')
  @HttpCode(200)
  @Allow('appeals:decide')
  @ApiOperation({ summary: 'Decide the appeal (a governor, or a headteacher not previously involved); closes the case' })
  @ApiOkResponse({ type: CaseResponse })
  decide(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AppealDecisionRequest): Promise<CaseResponse> {
    return this.outcomes.decideAppeal(actor, id, body);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Allow('cases:close')
  @ApiOperation({ summary: 'Close a decided case once the appeal window has passed' })
  @ApiOkResponse({ type: CaseResponse })
  close(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: CloseRequest): Promise<CaseResponse> {
    return this.outcomes.close(actor, id, body);
  }
}
