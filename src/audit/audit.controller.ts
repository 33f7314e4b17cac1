import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { AuditLogService } from './audit-log.service';
import { AuditVerifyService } from './audit-verify.service';
import { AuditPage, AuditQuery, ChainVerificationResponse } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly log: AuditLogService,
    private readonly verifier: AuditVerifyService,
  ) {}

  @Get()
  @Allow('audit:read')
  @ApiOperation({ summary: 'Audit events of the organisation, newest first (§4, §5, §13)' })
  @ApiOkResponse({ type: AuditPage })
  listAuditEvents(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<AuditPage> {
    return this.log.list(actor, query);
  }

  @Get('verify')
  @Allow('audit:read')
  @ApiOperation({ summary: "Recompute the organisation's hash chain and report the first broken link" })
  @ApiOkResponse({ type: ChainVerificationResponse })
  verifyAuditChain(@CurrentActor() actor: Actor): Promise<ChainVerificationResponse> {
    return this.verifier.verify(actor.organisationId);
  }
}
