import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
import { CreatesRecord } from '../common/http/created-record';
import { CreateReportRequest } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Allow('reports:create')
  @ApiOperation({ summary: 'Log a report of possible social media misuse (§4); opens a case' })
  @CreatesRecord('/cases/{caseId}', { type: CaseResponse, from: { caseId: 'id' }, description: 'the case opened, at its path' })
  createReport(@CurrentActor() actor: Actor, @Body() body: CreateReportRequest): Promise<CaseResponse> {
    return this.reports.create(actor, body);
  }
}
