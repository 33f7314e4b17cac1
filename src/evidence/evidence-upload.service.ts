import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { CaseRunner } from '../cases/case-runner.service';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError, FieldProblem } from '../common/errors/domain-error';
import { fieldProblems } from '../common/validation/validation.pipe';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { EvidenceResponse, EvidenceUploadFields } from './dto/evidence.dto';
import { foreignEvidenceIds, insertEvidence, recordCustody, toEvidenceResponse } from './evidence-records';
import { EvidenceStore } from './evidence-store';
import { decideMediaType, sniffMediaType } from './media-type';
import { EvidenceReaper, lockContent } from './evidence-reaper';
import { MonitoringGate } from './monitoring-gate';
import { FILE_FIELD, ReceivedFile, receiveUpload } from './multipart-upload';
import { meetsTextRequirement } from './text-scan';

/**
 * Adding evidence (§4 "establish the facts"; domain.md "Evidence"): the assigned
 * investigator uploads an item to an open investigation. Refusals come before a byte of
 * the body is read; the content is streamed to a temp file, checked, and moved into place
 * in the transaction that records the item, its first custody event and the audit event.
 */
@Injectable()
export class EvidenceUploadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly runner: CaseRunner,
    private readonly store: EvidenceStore,
    private readonly monitoringGate: MonitoringGate,
    private readonly reaper: EvidenceReaper,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(actor: Actor, caseId: string, request: FastifyRequest): Promise<EvidenceResponse> {
    // Refused before a byte of the body is read; decided again, under the case lock, when recorded.
    const { facts } = await this.access.check(this.dataSource.manager, actor, caseId, 'investigation:write');
    requireInvestigationOpen(facts.status);
    const { fields, file, problems } = await receiveUpload(request, this.store, this.config.evidenceMaxBytes);
    try {
      const item = await validateFields(fields, file, problems);
      const mediaType = checkContent(file!);
      return await this.record(actor, caseId, item, file!, mediaType);
    } finally {
      if (file) await this.store.discard(file.tempPath);
    }
  }

  private async record(actor: Actor, caseId: string, item: EvidenceUploadFields, file: ReceivedFile, mediaType: string): Promise<EvidenceResponse> {
    let created = false;
    try {
      return await this.runner.change(actor, caseId, 'investigation:write', async ({ em, facts, role }) => {
        requireInvestigationOpen(facts.status);
        if (item.redactsEvidenceId && (await foreignEvidenceIds(em, caseId, [item.redactsEvidenceId])).length) {
          throw DomainError.invalidField('redactsEvidenceId', 'is not evidence of this case');
        }
        const capturedAt = new Date(item.capturedAt);
        await this.monitoringGate.check(em, facts, { kind: item.kind, monitoringAuthorisationId: item.monitoringAuthorisationId ?? null, capturedAt });
        await lockContent(em, file.sha256);
        created = (await this.store.place(file.tempPath, file.sha256)).created;
        const evidence = toEvidenceResponse(
          await insertEvidence(em, {
            organisationId: actor.organisationId,
            caseId,
            userId: actor.userId,
            item: { ...item, capturedAt },
            file: {
              sha256: file.sha256,
              size: file.size,
              mediaType,
              declaredType: file.declaredType.slice(0, 200) || null,
              filename: storableName(file.filename),
            },
          }),
        );
        await recordCustody(em, { organisationId: actor.organisationId, caseId, evidenceId: evidence.id, userId: actor.userId, role, action: 'collected' });
        const { id: _id, caseId: _caseId, recordedByUserId: _by, createdAt: _at, withheld: _withheld, ...metadata } = evidence;
        return {
          result: evidence,
          audit: {
            action: 'evidence.added',
            entityType: 'evidence',
            entityId: evidence.id,
            payload: { ...metadata, declaredMediaType: file.declaredType.slice(0, 200) || null },
          },
        };
      });
    } catch (error) {
      // The file this request placed goes, unless an item (another upload of the same content) uses it.
      if (created) await this.reaper.removeUnreferenced([file.sha256]);
      throw error;
    }
  }
}

/** The text fields, validated against their DTO (400 naming the field); the file part is required. */
async function validateFields(fields: Record<string, string>, file: ReceivedFile | null, found: FieldProblem[]): Promise<EvidenceUploadFields> {
  const item = plainToInstance(EvidenceUploadFields, fields);
  const errors = await validate(item, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: true },
  });
  const problems = [...found, ...fieldProblems(errors)];
  if (!file) problems.push({ field: FILE_FIELD, message: `${FILE_FIELD} is required` });
  else if (file.size === 0) problems.push({ field: FILE_FIELD, message: `${FILE_FIELD} is empty` });
  if (problems.length) throw DomainError.badRequest('validation_failed', `Invalid request: ${problems.map((p) => p.message).join('; ')}`, problems);
  return item;
}

/** The stored media type: sniffed from the content, and agreeing with the declared one (415 otherwise). */
function checkContent(file: ReceivedFile): string {
  const sniffed = sniffMediaType(file.head);
  const decision = decideMediaType(sniffed && meetsTextRequirement(sniffed.requires, file.text) ? sniffed : null, file.declaredType);
  if (!decision.ok) throw new DomainError('unsupported_media_type', decision.code, decision.detail);
  return decision.mediaType;
}

const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The client's file name as recorded: without control characters, capped (it is served only through safeFilename). */
function storableName(filename: string): string {
  return [...filename.replace(CONTROL, '')].slice(0, 255).join('');
}
