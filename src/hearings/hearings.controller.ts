import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import {
  AppealHearingInvitationRequest,
  HearingInvitationRequest,
  HearingRearrangementRequest,
  HearingRecordRequest,
  HearingResponse,
} from './dto/hearing.dto';
import { HearingsService } from './hearings.service';

/** process.md §1: the disciplinary hearing before any sanction, and the appeal hearing before the appeal decision. */
@ApiTags('hearings')
@ApiBearerAuth()
@Controller()
export class HearingsController {
  constructor(private readonly hearings: HearingsService) {}

  @Post('cases/:id/hearings')
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Invite the subject to the disciplinary hearing (the acting decision-maker chairs it); the case moves to hearing',
    description:
      'At least HEARING_NOTICE_WORKING_DAYS working days ahead. A new invitation replaces one not yet held (or one whose chair can no longer decide). The hearing is held only once its invitation letter (`hearing_invitation`) is recorded as sent with that notice.',
  })
  @CreatesRecord('/hearings/{hearingId}', { type: CaseRecordCreatedResponse, from: { hearingId: 'createdId' } })
  inviteToHearing(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: HearingInvitationRequest): Promise<CaseResponse> {
    return this.hearings.invite(actor, id, body);
  }

  @Post('appeals/:id/hearings')
  @Allow('appeals:decide')
  @ApiOperation({
    summary: 'Invite the subject to the appeal hearing (chaired by someone uninvolved, who then decides the appeal)',
    description: 'The same notice and rules as the disciplinary hearing; its letter is `appeal_hearing_invitation`.',
  })
  @CreatesRecord('/hearings/{hearingId}', { type: CaseRecordCreatedResponse, from: { hearingId: 'createdId' } })
  inviteToAppealHearing(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: AppealHearingInvitationRequest): Promise<CaseResponse> {
    return this.hearings.inviteToAppeal(actor, id, body);
  }

  @Post('hearings/:id/rearrangements')
  @HttpCode(200)
  @Allow('outcome:decide') // the guard's role check; the hearing's kind decides the rest (appeal hearings: appeals:decide)
  @ApiOperation({
    summary: 'Rearrange a hearing not yet held (its chair): the subject’s companion-unavailable request once, or the chair’s choice with a reason',
  })
  @ApiOkResponse({ type: CaseResponse })
  rearrangeHearing(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: HearingRearrangementRequest): Promise<CaseResponse> {
    return this.hearings.rearrange(actor, id, body);
  }

  @Post('hearings/:id/record')
  @HttpCode(200)
  @Allow('outcome:decide') // the guard's role check; the hearing's kind decides the rest (appeal hearings: appeals:decide)
  @ApiOperation({
    summary: 'Record the hearing as held (its chair): attendance, companion, notes, representations; or the decision in the subject’s absence',
  })
  @ApiOkResponse({ type: CaseResponse })
  recordHearing(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: HearingRecordRequest): Promise<CaseResponse> {
    return this.hearings.recordHearing(actor, id, body);
  }

  @Get('hearings/:id')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A hearing: invitation, rearrangements and record (the read is audited)' })
  @ApiOkResponse({ type: HearingResponse })
  getHearing(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<HearingResponse> {
    return this.hearings.get(actor, id);
  }
}
