import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CASES_CSV_COLUMNS } from './cases-csv.sql';
import { CasesCsvService } from './cases-csv.service';
import { CasesCsvQuery } from './dto/cases-csv.dto';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class CasesCsvController {
  constructor(private readonly csv: CasesCsvService) {}

  @Get('cases.csv')
  @Allow('exports:read')
  @ApiOperation({
    summary: 'The cases visible to the caller created in [from, to), as CSV, oldest first (hr, headteacher; streamed; audited)',
    description: `Columns: ${CASES_CSV_COLUMNS.join(', ')}. Cells that a spreadsheet would read as a formula start with a single quote.`,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV, as an attachment', schema: { type: 'string' } })
  async exportCasesCsv(@CurrentActor() actor: Actor, @Query() query: CasesCsvQuery, @Res() reply: FastifyReply): Promise<void> {
    const csv = await this.csv.export(actor, query);
    reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${csv.filename}"`)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(csv.stream);
  }
}
