import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { AllegationResponse, FactResponse, InterviewResponse, SubjectNotificationResponse, SubjectResponseResponse } from '../cases/dto/case-sections.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
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
import { InvestigationMeetingRequest, InvestigationMeetingResponse } from './dto/investigation-meeting.dto';
import { InvestigationMeetingsService } from './investigation-meetings.service';
import { ExtensionRequest } from './dto/investigation-extension.dto';
import { InvestigationExtensionService } from './investigation-extension.service';
import { InvestigationRecordsService } from './investigation-records.service';
import { InvestigationReportService } from './investigation-report.service';

/**
 * The investigation of a case (§4). Every change answers with the updated case; a POST that
 * records something names it (`createdId`, `Location`), and that path answers GET with it.
 */
@ApiTags('investigation')
@ApiBearerAuth()
@Controller('cases/:id')
export class InvestigationsController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly records: InvestigationRecordsService,
    private readonly report: InvestigationReportService,
    private readonly meetings: InvestigationMeetingsService,
    private readonly extensions: InvestigationExtensionService,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @Allow('cases:assign')
  @ApiOperation({ summary: 'Appoint (or replace) the investigating manager (§4)' })
  @ApiOkResponse({ type: CaseResponse })
  assignInvestigator(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AssignRequest): Promise<CaseResponse> {
    return this.assignment.assign(actor, id, body.investigatorUserId);
  }

  @Post('extend-investigation')
  @HttpCode(200)
  @Allow('cases:assign')
  @ApiOperation({ summary: 'Give the investigation more working days, with a reason (process.md §6): whoever appoints the investigating manager' })
  @ApiOkResponse({ type: CaseResponse })
  extendInvestigation(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ExtensionRequest): Promise<CaseResponse> {
    return this.extensions.extend(actor, id, body);
  }

  @Post('allegations')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record an allegation, tied to a §7 standard, §8 or an App.A category' })
  @CreatesRecord('/cases/{id}/allegations/{allegationId}', { type: CaseRecordCreatedResponse, from: { allegationId: 'createdId' } })
  addAllegation(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AllegationRequest): Promise<CaseResponse> {
    return this.records.addAllegation(actor, id, body);
  }

  @Post('facts')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record a dated fact citing evidence of the case' })
  @CreatesRecord('/cases/{id}/facts/{factId}', { type: CaseRecordCreatedResponse, from: { factId: 'createdId' } })
  addFact(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: FactRequest): Promise<CaseResponse> {
    return this.records.addFact(actor, id, body);
  }

  @Post('interviews')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record an interview of the subject or a witness' })
  @CreatesRecord('/cases/{id}/interviews/{interviewId}', { type: CaseRecordCreatedResponse, from: { interviewId: 'createdId' } })
  addInterview(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: InterviewRequest): Promise<CaseResponse> {
    return this.records.addInterview(actor, id, body);
  }

  @Post('investigation-meetings')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Arrange an investigation meeting with a subject or a witness: its invitation letter is made from it (process.md §2)' })
  @CreatesRecord('/cases/{id}/investigation-meetings/{meetingId}', { type: CaseRecordCreatedResponse, from: { meetingId: 'createdId' } })
  arrangeMeeting(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: InvestigationMeetingRequest): Promise<CaseResponse> {
    return this.meetings.arrange(actor, id, body);
  }

  @Post('subject-notifications')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record that the subject was told of allegations in writing' })
  @CreatesRecord('/cases/{id}/subject-notifications/{notificationId}', { type: CaseRecordCreatedResponse, from: { notificationId: 'createdId' } })
  addSubjectNotification(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubjectNotificationRequest): Promise<CaseResponse> {
    return this.report.notifySubject(actor, id, body);
  }

  @Post('subject-responses')
  @Allow('investigation:write')
  @ApiOperation({ summary: "Record the subject's response (or refusal to respond)" })
  @CreatesRecord('/cases/{id}/subject-responses/{responseId}', { type: CaseRecordCreatedResponse, from: { responseId: 'createdId' } })
  addSubjectResponse(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubjectResponseRequest): Promise<CaseResponse> {
    return this.report.recordResponse(actor, id, body);
  }

  @Post('findings')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record the finding on an allegation' })
  @CreatesRecord('/cases/{id}/allegations/{allegationId}', { type: CaseRecordCreatedResponse, from: { allegationId: 'createdId' } })
  recordFinding(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: FindingRequest): Promise<CaseResponse> {
    return this.report.recordFinding(actor, id, body);
  }

  @Post('submit-report')
  @HttpCode(200)
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Submit the investigation report: status awaiting_decision; the investigation becomes read-only' })
  @ApiOkResponse({ type: CaseResponse })
  submitInvestigationReport(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SubmitReportRequest): Promise<CaseResponse> {
    return this.report.submit(actor, id, body);
  }

  @Get('allegations/:allegationId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'An allegation of the case, with its finding (the read is audited)' })
  @ApiOkResponse({ type: AllegationResponse })
  getAllegation(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('allegationId') allegationId: string): Promise<AllegationResponse> {
    return this.records.getAllegation(actor, id, allegationId);
  }

  @Get('facts/:factId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A fact of the case, withheld as in the case view (the read is audited)' })
  @ApiOkResponse({ type: FactResponse })
  getFact(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('factId') factId: string): Promise<FactResponse> {
    return this.records.getFact(actor, id, factId);
  }

  @Get('interviews/:interviewId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'An interview of the case, its statement withheld as in the case view (the read is audited)' })
  @ApiOkResponse({ type: InterviewResponse })
  getInterview(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('interviewId') interviewId: string): Promise<InterviewResponse> {
    return this.records.getInterview(actor, id, interviewId);
  }

  @Get('investigation-meetings/:meetingId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'An investigation meeting arranged, withheld as in the case view (the read is audited)' })
  @ApiOkResponse({ type: InvestigationMeetingResponse })
  getMeeting(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('meetingId') meetingId: string): Promise<InvestigationMeetingResponse> {
    return this.meetings.get(actor, id, meetingId);
  }

  @Get('subject-notifications/:notificationId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A written notice of allegations to the subject (the read is audited)' })
  @ApiOkResponse({ type: SubjectNotificationResponse })
  getSubjectNotification(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('notificationId') notificationId: string,
  ): Promise<SubjectNotificationResponse> {
    return this.records.getSubjectNotification(actor, id, notificationId);
  }

  @Get('subject-responses/:responseId')
  @Allow('cases:read')
  @ApiOperation({ summary: "The subject's response, withheld as in the case view (the read is audited)" })
  @ApiOkResponse({ type: SubjectResponseResponse })
  getSubjectResponse(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('responseId') responseId: string): Promise<SubjectResponseResponse> {
    return this.records.getSubjectResponse(actor, id, responseId);
  }
}
