import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { IncludeQuery } from './dto/export-query.dto';
import { SarCase, SarCaseTombstone, SubjectAccessExportResponse } from './dto/subject-access.dto';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('exports')
@ApiBearerAuth()
@ApiExtraModels(SarCase, SarCaseTombstone)
@Controller('staff/:id')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get('subject-access-export')
  @Allow('subject-access:export')
  @ApiOperation({
    summary: 'Everything held about a staff member (§13 subject access; headteacher, hr; audited)',
    description:
      'Cases where they are a subject, witness or reporter, in full as far as the caller may see them (the rest counted), erased cases as tombstones, ' +
      'and the audit events their login performed. Special-category evidence is left out unless ?include=special by the headteacher.',
  })
  @ApiOkResponse({ type: SubjectAccessExportResponse })
  export(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: IncludeQuery): Promise<SubjectAccessExportResponse> {
    return this.subjectAccess.export(actor, id, query);
  }
}
