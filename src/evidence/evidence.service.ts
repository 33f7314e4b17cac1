import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Actor } from '../access/actor';
import { mayReadEvidence, redactEvidence } from '../cases/case-redaction';
import { CaseRunner } from '../cases/case-runner.service';
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
    private readonly runner: CaseRunner,
    private readonly store: EvidenceStore,
  ) {}

  /**
   * The item and its chain of custody; the look is itself a custody event. An item the
   * reader may not read (special category; a reporter or witness of the case) shows only
   * that it exists, as in the case view.
   */
  get(actor: Actor, caseId: string, evidenceId: string): Promise<EvidenceDetailResponse> {
    return this.runner.look(actor, caseId, 'cases:read', async ({ em, role, rights }) => {
      const row = await requireEvidenceOfCase(em, caseId, evidenceId);
      await recordCustody(em, { organisationId: actor.organisationId, caseId, evidenceId, userId: actor.userId, role, action: 'viewed' });
      const item = redactEvidence(toEvidenceResponse(row), rights);
      return {
        result: { ...item, custody: await custodyOf(em, evidenceId) },
        audit: { action: 'evidence.viewed', entityType: 'evidence', entityId: evidenceId, payload: { withheld: item.withheld } },
      };
    });
  }

  /**
   * The exact bytes. The stored file is checked against its recorded SHA-256 and size first;
   * a mismatch (or a missing file) is recorded as an integrity failure, committed, logged and
   * answered 409 — never a silent 200. A good download is recorded before the bytes go.
   * An item the reader may not read is refused (403), and the refusal is not a download.
   */
  async content(actor: Actor, caseId: string, evidenceId: string): Promise<EvidenceContent> {
    let verified: Verified | undefined;
    try {
      const row = await this.runner.look(actor, caseId, 'cases:read', async ({ em, role, rights }) => {
        const item = await requireEvidenceOfCase(em, caseId, evidenceId);
        if (!mayReadEvidence({ sensitivity: item.sensitivity }, rights)) {
          throw new DomainError('forbidden', 'evidence_withheld', 'You may see that this item exists, not its content (domain.md "Data protection").');
        }
        verified = await this.store.openVerified(item.sha256, Number(item.size));
        const action = verified.ok ? 'downloaded' : 'integrity_failed';
        const problem = verified.ok ? null : verified.reason;
        await recordCustody(em, { organisationId: actor.organisationId, caseId, evidenceId, userId: actor.userId, role, action, note: problem });
        return {
          result: item,
          audit: {
            action: `evidence.${action}`,
            entityType: 'evidence',
            entityId: evidenceId,
            reason: verified.ok ? null : 'integrity_failure',
            payload: { sha256: item.sha256, size: Number(item.size), mediaType: item.media_type, problem },
          },
        };
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
  handover(actor: Actor, caseId: string, evidenceId: string, request: HandoverRequest): Promise<EvidenceDetailResponse> {
    return this.runner.change(actor, caseId, 'investigation:write', async ({ em, role, rights }) => {
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
      return {
        result: { ...redactEvidence(toEvidenceResponse(row), rights), custody: await custodyOf(em, evidenceId) },
        audit: { action: 'evidence.handed_over', entityType: 'evidence', entityId: evidenceId, payload: handover },
      };
    });
  }
}
