import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { CaseResponse } from '../cases/dto/case.dto';
import { UuidParam } from '../common/http/uuid-param';
import { CaseLettersResponse, LetterQuery, LetterSentRequest } from './dto/letter.dto';
import { LETTER_KIND_NAMES } from './kinds';
import { LETTER_MEDIA_TYPES } from './letter.rules';
import { LettersService } from './letters.service';

const KIND_PARAM = { name: 'kind', enum: LETTER_KIND_NAMES, description: 'the kind of letter (docs/letters.md)' };
const BINARY = { schema: { type: 'string', format: 'binary' } };

/** process.md §2: the letters of a case's written steps. */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('cases/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @Allow('cases:read')
  @ApiOperation({
    summary: 'The letters the case’s records allow, with their state (not generated, generated, sent) and whether the caller may make each (audited)',
  })
  @ApiOkResponse({ type: CaseLettersResponse })
  listLetters(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<CaseLettersResponse> {
    return this.letters.list(actor, id);
  }

  @Get(':kind')
  @Allow('letters:write')
  @ApiOperation({
    summary: 'A letter, generated now from the case’s records on the letterhead, as PDF or editable DOCX (audited)',
    description:
      'By whoever takes its step: the assigned investigating manager (allegations_notice), the acting decision-maker (outcome), whoever decided the appeal (appeal_outcome); 403 for anyone else who sees the case. ' +
      '409 `letter_not_available` until the case has the record the letter is made from. No special-category content is ever in a letter.',
  })
  @ApiParam(KIND_PARAM)
  @ApiProduces(LETTER_MEDIA_TYPES.pdf, LETTER_MEDIA_TYPES.docx)
  @ApiOkResponse({ description: 'the letter, as an attachment', content: { [LETTER_MEDIA_TYPES.pdf]: BINARY, [LETTER_MEDIA_TYPES.docx]: BINARY } })
  @ApiConflictResponse({ description: '`letter_not_available`: no record to make it from yet; `erased`: the case’s content was erased (§13)' })
  @ApiServiceUnavailableResponse({ description: 'every PDF render thread is busy (code `busy`); see Retry-After' })
  async getLetter(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Param('kind') kind: string,
    @Query() query: LetterQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.letters.generate(actor, id, kind, query);
    reply
      .header('Content-Type', file.mediaType)
      .header('Content-Disposition', file.disposition)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .send(file.bytes);
  }

  @Post(':kind/sent')
  @HttpCode(200)
  @Allow('letters:write')
  @ApiOperation({
    summary: 'Record that the generated letter was sent (date, method): what satisfies the written step; answers the case',
    description: 'By whoever may generate it. 409 `letter_not_generated` before it was generated, `letter_already_sent` once recorded.',
  })
  @ApiParam(KIND_PARAM)
  @ApiOkResponse({ type: CaseResponse })
  recordLetterSent(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Param('kind') kind: string,
    @Body() body: LetterSentRequest,
  ): Promise<CaseResponse> {
    return this.letters.recordSent(actor, id, kind, body);
  }
}
