import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { GrievanceDecisionRequest, GrievanceRequest, GrievanceResponse, PauseRequest } from './dto/grievance.dto';
import { GrievancesService } from './grievances.service';

/** §6, process.md §4: a grievance about how the policy was applied, and pausing the disciplinary process for it. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class GrievancesController {
  constructor(private readonly grievances: GrievancesService) {}

  @Post('grievances')
  @Allow('grievances:lodge')
  @ApiOperation({
    summary: 'Record a grievance the subject lodged about how the policy was applied (§6; hr), while the case is open',
    description: 'Several may be recorded. Only one related to the disciplinary process may pause it.',
  })
  @CreatesRecord('/cases/{id}/grievances/{grievanceId}', { type: CaseRecordCreatedResponse, from: { grievanceId: 'createdId' } })
  lodgeGrievance(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: GrievanceRequest): Promise<CaseResponse> {
    return this.grievances.lodge(actor, id, body);
  }

  @Get('grievances/:grievanceId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A grievance of the case, with its decision once taken (the read is audited)' })
  @ApiOkResponse({ type: GrievanceResponse })
  getGrievance(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('grievanceId') grievanceId: string): Promise<GrievanceResponse> {
    return this.grievances.get(actor, id, grievanceId);
  }

  @Post('grievances/:grievanceId/decision')
  @HttpCode(200)
  @Allow('grievances:decide')
  @ApiOperation({
    summary: 'Decide a grievance (a headteacher or governor uninvolved in the case: not a party, never investigated, did not decide the outcome)',
    description: 'Once: a decided grievance answers 409 already_decided.',
  })
  @ApiOkResponse({ type: CaseResponse })
  decideGrievance(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('grievanceId') grievanceId: string,
    @Body() body: GrievanceDecisionRequest,
  ): Promise<CaseResponse> {
    return this.grievances.decide(actor, id, grievanceId, body);
  }

  @Post('pause')
  @HttpCode(200)
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Pause the disciplinary process for a related, undecided grievance (the acting decision-maker; process.md §4)',
    description: 'While paused the case’s status does not change (409 case_paused). Pausing a paused case answers 409 already_paused.',
  })
  @ApiOkResponse({ type: CaseResponse })
  pauseProcess(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: PauseRequest): Promise<CaseResponse> {
    return this.grievances.pause(actor, id, body);
  }

  @Post('resume')
  @HttpCode(200)
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Resume the paused disciplinary process once the grievance it waits for is decided (the acting decision-maker)',
    description: '409 grievance_undecided before the decision; 409 not_paused when the process is not paused.',
  })
  @ApiOkResponse({ type: CaseResponse })
  resumeProcess(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CaseResponse> {
    return this.grievances.resume(actor, id);
  }
}
