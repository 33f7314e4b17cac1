import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import {
  ApproveBody,
  DisclosureBody,
  DisclosureCreatedResponse,
  DisclosureResponse,
  MonitoringAuthorisationResponse,
  MonitoringRequestBody,
  RejectBody,
} from './dto/monitoring.dto';
import { MonitoringService } from './monitoring.service';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Post('cases/:id/monitoring-requests')
  @Allow('monitoring:request')
  @ApiOperation({ summary: 'Ask to monitor school systems (§9) or personal social media (§11)' })
  @CreatesRecord('/monitoring-requests/{requestId}', { type: MonitoringAuthorisationResponse, from: { requestId: 'id' } })
  requestMonitoring(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: MonitoringRequestBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.request(actor, id, body);
  }

  @Post('monitoring-requests/:id/approve')
  @HttpCode(200)
  @Allow('monitoring:decide')
  @ApiOperation({ summary: 'Approve a pending request (headteacher, or governor when the headteacher is conflicted)' })
  @ApiOkResponse({ type: MonitoringAuthorisationResponse })
  approveMonitoringRequest(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ApproveBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.approve(actor, id, body);
  }

  @Post('monitoring-requests/:id/reject')
  @HttpCode(200)
  @Allow('monitoring:decide')
  @ApiOperation({ summary: 'Reject a pending request, with a reason' })
  @ApiOkResponse({ type: MonitoringAuthorisationResponse })
  rejectMonitoringRequest(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RejectBody): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.reject(actor, id, body);
  }

  @Post('monitoring-requests/:id/disclosures')
  @Allow('monitoring:disclose')
  @ApiOperation({ summary: 'Record a disclosure to a third party for advice (§9)' })
  @CreatesRecord('/monitoring-requests/{id}/disclosures/{disclosureId}', { type: DisclosureCreatedResponse, from: { disclosureId: 'createdId' } })
  addDisclosure(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: DisclosureBody): Promise<DisclosureCreatedResponse> {
    return this.monitoring.disclose(actor, id, body);
  }

  @Get('monitoring-requests/:id')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A monitoring request or authorisation, with its decision and disclosures (the read is audited)' })
  @ApiOkResponse({ type: MonitoringAuthorisationResponse })
  getMonitoringRequest(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<MonitoringAuthorisationResponse> {
    return this.monitoring.get(actor, id);
  }

  @Get('monitoring-requests/:id/disclosures/:disclosureId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'A disclosure of what a monitoring authorisation obtained (the read is audited)' })
  @ApiOkResponse({ type: DisclosureResponse })
  getDisclosure(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('disclosureId') disclosureId: string): Promise<DisclosureResponse> {
    return this.monitoring.getDisclosure(actor, id, disclosureId);
  }
}
