import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { PageQuery } from '../common/pagination/pagination';
import { LegalHoldRequest, RetentionDuePage, RetentionRunResponse } from './dto/retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('data protection')
@ApiBearerAuth()
@Controller()
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get('retention/due')
  @Allow('retention:read')
  @ApiOperation({ summary: 'Closed cases past their retention date and not on hold (§13), earliest first' })
  @ApiOkResponse({ type: RetentionDuePage })
  listRetentionDue(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<RetentionDuePage> {
    return this.retention.due(actor, query);
  }

  @Post('cases/:id/legal-hold')
  @Allow('retention:manage')
  @ApiOperation({ summary: 'Place a legal hold: the case is not erased while it stands' })
  @CreatesRecord('/cases/{id}', { type: CaseResponse, description: 'placed: the hold is part of the case (`retention.legalHold`), at its path' })
  placeLegalHold(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: LegalHoldRequest): Promise<CaseResponse> {
    return this.retention.placeHold(actor, id, body.reason);
  }

  @Delete('cases/:id/legal-hold')
  @Allow('retention:manage')
  @ApiOperation({ summary: 'Lift the legal hold' })
  @ApiOkResponse({ type: CaseResponse })
  liftLegalHold(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CaseResponse> {
    return this.retention.liftHold(actor, id);
  }

  @Post('retention/run')
  @HttpCode(200)
  @Allow('retention:manage')
  @ApiOperation({ summary: 'Erase the content of due cases, leaving tombstones; the audit chain still verifies' })
  @ApiOkResponse({ type: RetentionRunResponse })
  runRetention(@CurrentActor() actor: Actor): Promise<RetentionRunResponse> {
    return this.retention.run(actor);
  }
}
