import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { LadoConsultationRequest, LadoConsultationResponse, ReferralDecisionRequest, ReferralDecisionResponse } from './dto/kcsie.dto';
import { ReferenceCheckResponse } from './dto/reference-check.dto';
import { KcsieService } from './kcsie.service';
import { ReferenceCheckService } from './reference-check.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class KcsieController {
  constructor(private readonly kcsie: KcsieService) {}

  @Post('lado-consultations')
  @Allow('cases:safeguarding')
  @ApiOperation({
    summary: 'Record the case manager’s consultation of the LADO (KCSIE Part 4): when, with whom, the advice, whether the threshold is met',
    description: 'Due one working day after the report; a later one is recorded all the same and shown as late. Makes the case a safeguarding matter.',
  })
  @CreatesRecord('/cases/{id}/lado-consultations/{consultationId}', { type: CaseRecordCreatedResponse, from: { consultationId: 'createdId' } })
  addLadoConsultation(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: LadoConsultationRequest): Promise<CaseResponse> {
    return this.kcsie.consultLado(actor, id, body);
  }

  @Get('lado-consultations/:consultationId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A LADO consultation of the case (the read is audited)' })
  @ApiOkResponse({ type: LadoConsultationResponse })
  getLadoConsultation(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('consultationId') consultationId: string,
  ): Promise<LadoConsultationResponse> {
    return this.kcsie.getConsultation(actor, id, consultationId);
  }

  @Post('referral-decisions')
  @Allow('outcome:decide')
  @ApiOperation({
    summary: 'Record the decision on referring the subject to the DBS or the TRA (KCSIE Part 4): referred and when, or not and why',
    description:
      'A safeguarding case whose sanction in force is a dismissal closes only once the DBS decision (and, for a teacher, the TRA decision) is recorded.',
  })
  @CreatesRecord('/cases/{id}/referral-decisions/{decisionId}', { type: CaseRecordCreatedResponse, from: { decisionId: 'createdId' } })
  addReferralDecision(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ReferralDecisionRequest): Promise<CaseResponse> {
    return this.kcsie.decideReferral(actor, id, body);
  }

  @Get('referral-decisions/:decisionId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A DBS / TRA referral decision of the case (the read is audited)' })
  @ApiOkResponse({ type: ReferralDecisionResponse })
  getReferralDecision(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('decisionId') decisionId: string,
  ): Promise<ReferralDecisionResponse> {
    return this.kcsie.getReferralDecision(actor, id, decisionId);
  }
}

@ApiTags('exports')
@ApiBearerAuth()
@Controller('staff/:id')
export class ReferenceCheckController {
  constructor(private readonly references: ReferenceCheckService) {}

  @Get('reference-check')
  @Allow('references:check')
  @ApiOperation({
    summary: 'What may be said in a reference about a staff member (KCSIE Part 4; hr, headteacher; audited)',
    description:
      'Substantiated findings of concluded safeguarding cases and warnings still in force, from the cases about them the caller may see (hr sees every case not about itself). ' +
      'Never a malicious, false, unsubstantiated or unfounded allegation, nor a spent warning. Nobody checks themselves: a staff record linked to the caller answers 409 own_reference_check.',
  })
  @ApiOkResponse({ type: ReferenceCheckResponse })
  @ApiConflictResponse({ description: 'own_reference_check: the staff record is the caller’s own' })
  getReferenceCheck(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<ReferenceCheckResponse> {
    return this.references.check(actor, id);
  }
}
