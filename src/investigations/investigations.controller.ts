import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
import { UuidParam } from '../common/http/uuid-param';
import { AssignmentService } from './assignment.service';
import {
  AllegationRequest,
  AssignRequest,
  FactRequest,
  FindingRequest,
  InterviewRequest,
  SubjectNotificationRequest,
  SubjectResponseRequest,
  SubmitReportRequest,
} from './dto/investigation.dto';
import { InvestigationRecordsService } from './investigation-records.service';
import { InvestigationReportService } from './investigation-report.service';

/** The investigation of a case (§4). Every route answers with the updated case. */
@ApiTags('investigation')
@ApiBearerAuth()
@Controller('cases/:id')
export class InvestigationsController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly records: InvestigationRecordsService,
    private readonly report: InvestigationReportService,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @Allow('cases:assign')
  @ApiOperation({ summary: 'Appoint (or replace) the investigating manager (§4)' })
  @ApiOkResponse({ type: CaseResponse })
  assign(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AssignRequest): Promise<CaseResponse> {
    return this.assignment.assign(actor, id, body.investigatorUserId);
  }

  @Post('allegations')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record an allegation, tied to a §7 standard, §8 or an App.A category' })
  @ApiCreatedResponse({ type: CaseResponse })
  allegation(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AllegationRequest): Promise<CaseResponse> {
    return this.records.addAllegation(actor, id, body);
  }

  @Post('facts')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record a dated fact citing evidence of the case' })
  @ApiCreatedResponse({ type: CaseResponse })
  fact(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: FactRequest): Promise<CaseResponse> {
    return this.records.addFact(actor, id, body);
  }

  @Post('interviews')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record an interview of the subject or a witness' })
  @ApiCreatedResponse({ type: CaseResponse })
  interview(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: InterviewRequest): Promise<CaseResponse> {
    return this.records.addInterview(actor, id, body);
  }

  @Post('subject-notifications')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record that the subject was told of allegations in writing' })
  @ApiCreatedResponse({ type: CaseResponse })
  notify(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubjectNotificationRequest): Promise<CaseResponse> {
    return this.report.notifySubject(actor, id, body);
  }

  @Post('subject-responses')
  @Allow('investigation:write')
  @ApiOperation({ summary: "Record the subject's response (or refusal to respond)" })
  @ApiCreatedResponse({ type: CaseResponse })
  respond(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubjectResponseRequest): Promise<CaseResponse> {
    return this.report.recordResponse(actor, id, body);
  }

  @Post('findings')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record the finding on an allegation' })
  @ApiCreatedResponse({ type: CaseResponse })
  finding(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: FindingRequest): Promise<CaseResponse> {
    return this.report.recordFinding(actor, id, body);
  }

  @Post('submit-report')
  @HttpCode(200)
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Submit the investigation report: status awaiting_decision; the investigation becomes read-only' })
  @ApiOkResponse({ type: CaseResponse })
  submit(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubmitReportRequest): Promise<CaseResponse> {
    return this.report.submit(actor, id, body);
  }
}
