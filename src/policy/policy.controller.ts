import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/decorators';
import { PolicyResponse } from './policy.dto';
import {
  CATEGORY_CHOICES,
  KCSIE_FINDING_CHOICES,
  MONITORING_REASON_CHOICES,
  MONITORING_SCOPE_CHOICES,
  PLATFORM_CHOICES,
  SANCTION_CHOICES,
  STANDARD_CHOICES,
  TRIAGE_DECISION_CHOICES,
} from './policy-text';

const POLICY: PolicyResponse = {
  title: 'Werrington Primary School Social Media Policy',
  platforms: PLATFORM_CHOICES,
  categories: CATEGORY_CHOICES,
  standards: STANDARD_CHOICES,
  monitoringReasons: MONITORING_REASON_CHOICES,
  monitoringScopes: MONITORING_SCOPE_CHOICES,
  sanctions: SANCTION_CHOICES,
  triageDecisions: TRIAGE_DECISION_CHOICES,
  kcsieFindings: KCSIE_FINDING_CHOICES,
};

@ApiTags('policy')
@ApiBearerAuth()
@Controller('policy')
export class PolicyController {
  @Get()
  @Allow('profile:read')
  @ApiOperation({
    summary:
      'The policy’s own words beside every choice: platforms, categories, standards, monitoring reasons and scopes, sanctions, triage decisions; KCSIE’s finding categories',
  })
  @ApiOkResponse({ type: PolicyResponse })
  getPolicy(): PolicyResponse {
    return POLICY;
  }
}
