import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { AppealDecisionRequest, AppealRequest, AppealResponse, CloseRequest, OutcomeRequest, OutcomeResponse } from './dto/outcome.dto';
import { OutcomeService } from './outcome.service';

/** §12: the outcome, the appeal and closure. Every change answers with the updated case; the outcome and the appeal answer GET at their own paths. */
@ApiTags('outcome')
@ApiBearerAuth()
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomeService) {}

  @Post('cases/:id/outcome')
  @Allow('outcome:decide')
  @ApiOperation({ summary: 'Record the outcome of a case awaiting decision (§12)' })
  @CreatesRecord('/cases/{id}/outcome', { type: CaseRecordCreatedResponse })
  recordOutcome(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: OutcomeRequest): Promise<CaseResponse> {
    return this.outcomes.record(actor, id, body);
  }

  @Post('cases/:id/appeals')
  @Allow('appeals:lodge')
  @ApiOperation({ summary: 'Lodge the appeal against the outcome (one, by its deadline)' })
  @CreatesRecord('/appeals/{appealId}', { type: CaseRecordCreatedResponse, from: { appealId: 'createdId' } })
  lodgeAppeal(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AppealRequest): Promise<CaseResponse> {
    return this.outcomes.lodgeAppeal(actor, id, body);
  }

  @Post('appeals/:id/decision')
  @HttpCode(200)
  @Allow('appeals:decide')
  @ApiOperation({ summary: 'Decide the appeal (a governor, or a headteacher not previously involved); closes the case' })
  @ApiOkResponse({ type: CaseResponse })
  decideAppeal(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AppealDecisionRequest): Promise<CaseResponse> {
    return this.outcomes.decideAppeal(actor, id, body);
  }

  @Post('cases/:id/close')
  @HttpCode(200)
  @Allow('cases:close')
  @ApiOperation({ summary: 'Close a decided case once the appeal window has passed' })
  @ApiOkResponse({ type: CaseResponse })
  closeCase(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: CloseRequest): Promise<CaseResponse> {
    return this.outcomes.close(actor, id, body);
  }

  @Get('cases/:id/outcome')
  @Allow('cases:read')
  @ApiOperation({ summary: 'The outcome of the case (the read is audited)' })
  @ApiOkResponse({ type: OutcomeResponse })
  getOutcome(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<OutcomeResponse> {
    return this.outcomes.getOutcome(actor, id);
  }

  @Get('appeals/:id')
  @Allow('cases:read')
  @ApiOperation({ summary: 'An appeal, with its decision once taken (the read is audited)' })
  @ApiOkResponse({ type: AppealResponse })
  getAppeal(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<AppealResponse> {
    return this.outcomes.getAppeal(actor, id);
  }
}
