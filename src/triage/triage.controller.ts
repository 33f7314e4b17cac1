import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
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
  decide(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: TriageRequest): Promise<CaseResponse> {
    return this.triage.triage(actor, id, body);
  }

  @Post('safeguarding-referral')
  @Allow('cases:safeguarding')
  @ApiOperation({ summary: 'Record a referral to the designated safeguarding lead or LADO (§5)' })
  @ApiCreatedResponse({ type: CaseResponse })
  refer(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: SafeguardingReferralRequest): Promise<CaseResponse> {
    return this.triage.refer(actor, id, body);
  }
}
