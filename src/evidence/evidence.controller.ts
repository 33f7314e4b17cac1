import { Body, Controller, Get, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { EVIDENCE_MEDIA_TYPES } from '../openapi/served-media-types';
import { Allow } from '../access/decorators';
import { CreatesRecord } from '../common/http/created-record';
import { UuidParam } from '../common/http/uuid-param';
import { EvidenceDetailResponse, EvidenceResponse, EvidenceUploadForm, HandoverRequest } from './dto/evidence.dto';
import { EvidenceUploadService } from './evidence-upload.service';
import { EvidenceService } from './evidence.service';
import { attachmentDisposition } from './safe-filename';

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(
    private readonly uploads: EvidenceUploadService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post()
  @Allow('investigation:write')
  @ApiOperation({
    summary: 'Add an item of evidence (assigned investigator, open investigation; §4, §9)',
    description:
      'multipart/form-data: a `file` part (its Content-Type is the declared type) and the text fields. The media type is sniffed from the content: ' +
      '415 when it is not an accepted type or does not match the declared one, 413 over the size limit. Evidence is never changed: a redacted copy is a new item with redactsEvidenceId.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: EvidenceUploadForm })
  @CreatesRecord('/cases/{id}/evidence/{evidenceId}', { type: EvidenceResponse, from: { evidenceId: 'id' } })
  addEvidence(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() request: FastifyRequest): Promise<EvidenceResponse> {
    return this.uploads.upload(actor, id, request);
  }

  @Get(':evidenceId')
  @Allow('cases:read')
  @ApiOperation({ summary: 'An item of evidence and its chain of custody (the look is recorded in both)' })
  @ApiOkResponse({ type: EvidenceDetailResponse })
  getEvidence(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('evidenceId') evidenceId: string): Promise<EvidenceDetailResponse> {
    return this.evidence.get(actor, id, evidenceId);
  }

  @Get(':evidenceId/content')
  @Allow('cases:read')
  @ApiOperation({ summary: 'The exact bytes, after checking their SHA-256 (409 evidence_integrity_failure otherwise); recorded in custody and audit' })
  @ApiProduces(...EVIDENCE_MEDIA_TYPES)
  @ApiOkResponse({
    description: "the content as an attachment, with the item's own media type (its `mediaType`: an image, PDF, plain text or CSV, e-mail or office document)",
    schema: { type: 'string', format: 'binary' },
  })
  @ApiConflictResponse({ description: 'evidence_integrity_failure: the stored bytes no longer match their SHA-256 (recorded in custody and audit)' })
  async getEvidenceContent(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('evidenceId') evidenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const content = await this.evidence.content(actor, id, evidenceId);
    reply.header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'no-store');
    return new StreamableFile(content.stream, {
      type: content.mediaType,
      length: content.size,
      disposition: attachmentDisposition(content.originalFilename),
    });
  }

  @Post(':evidenceId/handovers')
  @Allow('investigation:write')
  @ApiOperation({ summary: 'Record a hand-over of the item to someone (chain of custody)' })
  @CreatesRecord('/cases/{id}/evidence/{evidenceId}', {
    type: EvidenceDetailResponse,
    description: 'recorded: the hand-over is the last entry of the custody trail of the item, whose path `Location` names',
  })
  addHandover(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('evidenceId') evidenceId: string,
    @Body() body: HandoverRequest,
  ): Promise<EvidenceDetailResponse> {
    return this.evidence.handover(actor, id, evidenceId, body);
  }
}
