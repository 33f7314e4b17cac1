import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { AuditService } from '../audit/audit.service';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { queryOne, SqlParams } from '../database/sql';
import { EvidenceReaper } from '../evidence/evidence-reaper';
import { RetentionDueItem } from './dto/retention.dto';
import { eraseCaseContent } from './erasure';

/** Due: closed, past its retention date, not on hold, not yet erased. */
const DUE = `c.status = 'closed' AND c.retain_until <= now() AND c.legal_hold_reason IS NULL AND c.erased_at IS NULL`;

/** §13: retention dates, legal holds, and erasure that leaves a tombstone and a verifiable audit chain. */
@Injectable()
export class RetentionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly commands: CaseCommands,
    private readonly audit: AuditService,
    private readonly reaper: EvidenceReaper,
  ) {}

  async due(actor: Actor, query: PageQuery): Promise<Page<RetentionDueItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [visibleCasesPredicate(actor, p), DUE];
    if (after) where.push(`(c.retain_until, c.id) > (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    const rows: Array<{ id: string; reference: string; closed_at: Date; retain_until: Date; sanction: string | null }> = await this.dataSource.query(
      `SELECT c.id, c.reference, c.closed_at, c.retain_until, (SELECT o.sanction FROM outcomes o WHERE o.case_id = c.id) AS sanction
       FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.retain_until, c.id LIMIT ${limit + 1}`,
      p.values,
    );
    return toPage(
      rows,
      limit,
      (r) => [r.retain_until.toISOString(), r.id],
      (r) => ({ id: r.id, reference: r.reference, closedAt: r.closed_at.toISOString(), retainUntil: r.retain_until.toISOString(), sanction: r.sanction }),
    );
  }

  placeHold(actor: Actor, caseId: string, reason: string): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'retention:manage', async ({ em }) => {
      const held = await queryOne<{ legal_hold_reason: string | null; erased_at: Date | null }>(
        em,
        `SELECT legal_hold_reason, erased_at FROM cases WHERE id = $1`,
        [caseId],
      );
      if (held!.erased_at) throw DomainError.conflict('erased', 'The case content has already been erased.');
      if (held!.legal_hold_reason) throw DomainError.conflict('already_on_hold', 'The case is already on legal hold.');
      await em.query(
        `UPDATE cases SET legal_hold_reason = $2, legal_hold_placed_at = now(), legal_hold_placed_by_user_id = $3, updated_at = now() WHERE id = $1`,
        [caseId, reason, actor.userId],
      );
      return { action: 'legal_hold.placed', entityType: 'case', entityId: caseId, reason, payload: { reason } };
    });
  }

  liftHold(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'retention:manage', async ({ em }) => {
      const held = await queryOne<{ legal_hold_reason: string | null }>(em, `SELECT legal_hold_reason FROM cases WHERE id = $1`, [caseId]);
      if (!held!.legal_hold_reason) throw DomainError.conflict('not_on_hold', 'The case is not on legal hold.');
      await em.query(
        `UPDATE cases SET legal_hold_reason = NULL, legal_hold_placed_at = NULL, legal_hold_placed_by_user_id = NULL, updated_at = now() WHERE id = $1`,
        [caseId],
      );
      return { action: 'legal_hold.lifted', entityType: 'case', entityId: caseId, payload: { previousReason: held!.legal_hold_reason } };
    });
  }

  /**
   * Erases every due case the caller may act on, one transaction each (a case that fails is
   * left whole and the run goes on). Evidence files go after commit, once unreferenced.
   */
  async run(actor: Actor): Promise<{ erased: string[] }> {
    const p = new SqlParams();
    const candidates: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM cases c WHERE ${visibleCasesPredicate(actor, p)} AND ${DUE} ORDER BY c.retain_until, c.id`,
      p.values,
    );
    const erased: string[] = [];
    for (const { id } of candidates) {
      const released = await this.dataSource.transaction(async (em) => {
        const { role } = await this.access.requireCaseAccess(em, actor, id, 'retention:manage', { lock: true });
        const still = await queryOne(em, `SELECT 1 FROM cases c WHERE c.id = $1 AND ${DUE}`, [id]);
        if (!still) return null;
        const hashes = await eraseCaseContent(em, actor.organisationId, id);
        const tombstone = await queryOne<{ reference: string }>(em, `SELECT reference FROM cases WHERE id = $1`, [id]);
        await this.audit.record(em, {
          organisationId: actor.organisationId,
          actor,
          role,
          action: 'case.erased',
          caseId: id,
          entityType: 'case',
          entityId: id,
          reason: 'retention period ended (§13)',
          payload: { reference: tombstone!.reference, evidenceItems: hashes.length },
        });
        return hashes;
      });
      if (released === null) continue;
      erased.push(id);
      await this.reaper.removeUnreferenced(released);
    }
    return { erased };
  }
}
