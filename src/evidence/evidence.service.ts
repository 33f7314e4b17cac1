import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { EvidenceDetailResponse, HandoverRequest } from './dto/evidence.dto';
import { custodyOf, recordCustody, requireEvidenceOfCase, toEvidenceResponse } from './evidence-records';
import { EvidenceStore, Verified } from './evidence-store';

export interface EvidenceContent {
  stream: Readable;
  mediaType: string;
  size: number;
  originalFilename: string;
}

/**
 * Looking at evidence and passing it on (domain.md "Evidence": every view, download and
 * hand-over is recorded in the chain of custody and the audit log, in one transaction).
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    private readonly store: EvidenceStore,
  ) {}

  /** The item and its chain of custody; the look is itself a custody event. */
  async get(actor: Actor, caseId: string, evidenceId: string): Promise<EvidenceDetailResponse> {
    return this.dataSource.transaction(async (em) => {
      const { role } = await this.access.requireCaseAccess(em, actor, caseId, 'cases:read');
      const row = await requireEvidenceOfCase(em, caseId, evidenceId);
      await recordCustody(em, { organisationId: actor.organisationId, caseId, evidenceId, userId: actor.userId, role, action: 'viewed' });
      const detail = { ...toEvidenceResponse(row), custody: await custodyOf(em, evidenceId) };
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'evidence.viewed',
        caseId,
        entityType: 'evidence',
        entityId: evidenceId,
      });
      return detail;
    });
  }

  /**
   * The exact bytes. The stored file is checked against its recorded SHA-256 and size first;
   * a mismatch (or a missing file) is recorded as an integrity failure, committed, logged and
   * answered 409 — never a silent 200. A good download is recorded before the bytes go.
   */
  async content(actor: Actor, caseId: string, evidenceId: string): Promise<EvidenceContent> {
    let verified: Verified | undefined;
    try {
      const row = await this.dataSource.transaction(async (em) => {
        const { role } = await this.access.requireCaseAccess(em, actor, caseId, 'cases:read');
        const item = await requireEvidenceOfCase(em, caseId, evidenceId);
        verified = await this.store.openVerified(item.sha256, Number(item.size));
        const action = verified.ok ? 'downloaded' : 'integrity_failed';
        const reason = verified.ok ? null : verified.reason;
        await recordCustody(em, { organisationId: actor.organisationId, caseId, evidenceId, userId: actor.userId, role, action, note: reason });
        await this.audit.record(em, {
          organisationId: actor.organisationId,
          actor,
          role,
          action: `evidence.${action}`,
          caseId,
          entityType: 'evidence',
          entityId: evidenceId,
          reason,
          payload: { sha256: item.sha256, size: Number(item.size), mediaType: item.media_type },
        });
        return item;
      });
      if (!verified!.ok) {
        this.logger.error(`evidence ${evidenceId} of case ${caseId} failed its integrity check: ${verified!.reason}`);
        throw DomainError.conflict(
          'evidence_integrity_failure',
          `The stored content of this evidence does not match its recorded SHA-256 (${verified!.reason}); the failure has been recorded.`,
        );
      }
      const size = Number(row.size);
      const stream = verified!.handle.createReadStream(size > 0 ? { start: 0, end: size - 1 } : { start: 0 });
      return { stream, mediaType: row.media_type, size, originalFilename: row.original_filename };
    } catch (error) {
      if (verified?.ok) await verified.handle.close().catch(() => undefined);
      throw error;
    }
  }

  /** Records that the item changed hands (domain.md: every hand-over is recorded). */
  async handover(actor: Actor, caseId: string, evidenceId: string, request: HandoverRequest): Promise<EvidenceDetailResponse> {
    return this.dataSource.transaction(async (em) => {
      const { role } = await this.access.requireCaseAccess(em, actor, caseId, 'investigation:write', { lock: true });
      const row = await requireEvidenceOfCase(em, caseId, evidenceId);
      const handover = { to: request.to, handedOverAt: new Date(request.handedOverAt).toISOString(), note: request.note ?? null };
      await recordCustody(em, {
        organisationId: actor.organisationId,
        caseId,
        evidenceId,
        userId: actor.userId,
        role,
        action: 'handed_over',
        recipient: handover.to,
        occurredAt: new Date(handover.handedOverAt),
        note: handover.note,
      });
      const detail = { ...toEvidenceResponse(row), custody: await custodyOf(em, evidenceId) };
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'evidence.handed_over',
        caseId,
        entityType: 'evidence',
        entityId: evidenceId,
        payload: handover,
      });
      return detail;
    });
  }
}
