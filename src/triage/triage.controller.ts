import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseRecordCreatedResponse } from '../cases/dto/case-record.dto';
import { CaseResponse, SafeguardingReferralResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { SafeguardingReferralRequest, TriageRequest } from './dto/triage.dto';
import { TriageService } from './triage.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases/:id')
export class TriageController {
  constructor(private readonly triage: TriageService) {}

  @Post('triage')
  @HttpCode(200)
  @Allow('cases:triage')
  @ApiOperation({ summary: 'Triage a reported case: close it (no further action, informal resolution) or investigate' })
  @ApiOkResponse({ type: CaseResponse })
  triageCase(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: TriageRequest): Promise<CaseResponse> {
    return this.triage.triage(actor, id, body);
  }

  @Post('safeguarding-referral')
  @Allow('cases:safeguarding')
  @ApiOperation({ summary: 'Record a referral to the designated safeguarding lead or LADO (§5)' })
  @CreatesRecord('/cases/{id}/safeguarding-referrals/{referralId}', { type: CaseRecordCreatedResponse, from: { referralId: 'createdId' } })
  addSafeguardingReferral(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SafeguardingReferralRequest): Promise<CaseResponse> {
    return this.triage.refer(actor, id, body);
  }

  @Get('safeguarding-referrals/:referralId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A safeguarding referral of the case (the read is audited)' })
  @ApiOkResponse({ type: SafeguardingReferralResponse })
  getSafeguardingReferral(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('referralId') referralId: string,
  ): Promise<SafeguardingReferralResponse> {
    return this.triage.getReferral(actor, id, referralId);
  }
}
