import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { UuidParam } from '../common/http/uuid-param';
import { CaseSummaryService } from './case-summary.service';
import { CaseSummaryDocument, CaseSummaryResponse, CaseTombstoneResponse } from './dto/case-summary.dto';
import { IncludeQuery } from './dto/export-query.dto';

@ApiTags('exports')
@ApiBearerAuth()
@ApiExtraModels(CaseSummaryResponse, CaseTombstoneResponse)
@Controller('cases/:id')
export class CaseSummaryController {
  constructor(private readonly summaries: CaseSummaryService) {}

  @Get('summary')
  @Allow('summaries:read')
  @ApiOperation({
    summary: 'HR case summary (headteacher, hr; the read is audited)',
    description:
      'The case view as the caller may see it, as a document: what GET /cases/:id withholds from the caller is withheld here too (special-category evidence shows only that it exists — kind, date, hash — and is counted; ' +
      "a reporter or witness of the case does not read other people's statements). ?include=special adds special-category content for someone who may read it " +
      '(the acting decision-maker, the headteacher); 403 for anyone else. An erased case answers its tombstone.',
  })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(CaseSummaryResponse) }, { $ref: getSchemaPath(CaseTombstoneResponse) }] } })
  getCaseSummary(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: IncludeQuery): Promise<CaseSummaryDocument> {
    return this.summaries.summary(actor, id, query);
  }

  @Get('summary.pdf')
  @Allow('summaries:read')
  @ApiOperation({ summary: 'The HR case summary as a printable PDF (same content and rules as the JSON; audited)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the PDF, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiServiceUnavailableResponse({ description: 'every PDF render thread is busy (code `busy`); see Retry-After' })
  async getCaseSummaryPdf(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Query() query: IncludeQuery, @Res() reply: FastifyReply): Promise<void> {
    const pdf = await this.summaries.pdf(actor, id, query);
    reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', pdf.disposition)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(pdf.bytes);
  }
}
