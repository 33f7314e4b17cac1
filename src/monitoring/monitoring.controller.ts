import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { ApproveBody, DisclosureBody, MonitoringAuthorisationResponse, MonitoringRequestBody, RejectBody } from './dto/monitoring.dto';
import { MonitoringService } from './monitoring.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Post('cases/:id/monitoring-requests')
  @Allow('monitoring:request')
  @ApiOperation({ summary: 'Ask to monitor school systems (§9) or personal social media (§11)' })
  @ApiCreatedResponse({ type: MonitoringAuthorisationResponse })
  request(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: MonitoringRequestBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.request(actor, id, body);
  }

  @Post('monitoring-requests/:id/approve')
  @HttpCode(200)
  @Allow('monitoring:decide')
  @ApiOperation({ summary: 'Approve a pending request (headteacher, or governor when the headteacher is conflicted)' })
  @ApiOkResponse({ type: MonitoringAuthorisationResponse })
  approve(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ApproveBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.approve(actor, id, body);
  }

  @Post('monitoring-requests/:id/reject')
  @HttpCode(200)
  @Allow('monitoring:decide')
  @ApiOperation({ summary: 'Reject a pending request, with a reason' })
  @ApiOkResponse({ type: MonitoringAuthorisationResponse })
  reject(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RejectBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.reject(actor, id, body);
  }

  @Post('monitoring-requests/:id/disclosures')
  @Allow('monitoring:disclose')
  @ApiOperation({ summary: 'Record a disclosure to a third party for advice (§9)' })
  @ApiCreatedResponse({ type: MonitoringAuthorisationResponse })
  disclose(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: DisclosureBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.disclose(actor, id, body);
  }
}
