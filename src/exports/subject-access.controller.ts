import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
      'Their own personal data in the cases where they are a subject, witness or reporter that the caller may see (a case the caller may not see is neither shown nor counted), ' +
      'each as the case view shows it to the caller; erased cases as tombstones; and the audit events their login performed that the caller may read. ' +
      "A witness's export holds their own statements, not other people's evidence or statements. Special-category evidence shows only that it exists unless " +
      '?include=special by a headteacher (in the cases they decide). Nobody exports themselves: a staff record linked to the caller answers 409 own_subject_access.',
  })
  @ApiOkResponse({ type: SubjectAccessExportResponse })
  @ApiConflictResponse({ description: 'own_subject_access: the staff record is the caller’s own' })
  exportSubjectAccess(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: IncludeQuery): Promise<SubjectAccessExportResponse> {
    return this.subjectAccess.export(actor, id, query);
  }
}
