import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { CasesService } from './cases.service';
import { CaseListQuery, CasePage, CaseResponse } from './dto/case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Allow('cases:read')
  @ApiOperation({ summary: 'Cases visible to the caller, newest first' })
  @ApiOkResponse({ type: CasePage })
  listCases(@CurrentActor() actor: Actor, @Query() query: CaseListQuery): Promise<CasePage> {
    return this.cases.list(actor, query);
  }

  @Get(':id')
  @Allow('cases:read')
  @ApiOperation({ summary: 'The full case (the read is audited)' })
  @ApiOkResponse({ type: CaseResponse })
  getCase(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CaseResponse> {
    return this.cases.get(actor, id);
  }
}
