import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { AuditService } from '../audit/audit.service';
import { CaseRunner } from '../cases/case-runner.service';
import { DUE_FOR_ERASURE, legalHoldOf, liftLegalHold, placeLegalHold } from '../cases/case-rows';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { queryOne, SqlParams } from '../database/sql';
import { refreshCaseFigures } from '../statistics/case-figures.sql';
import { EvidenceReaper } from '../evidence/evidence-reaper';
import { RetentionDueItem } from './dto/retention.dto';
import { eraseCaseContent } from './erasure';

/** §13: retention dates, legal holds, and erasure that leaves a tombstone and a verifiable audit chain. */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: CaseRunner,
    private readonly audit: AuditService,
    private readonly reaper: EvidenceReaper,
  ) {}

  async due(actor: Actor, query: PageQuery): Promise<Page<RetentionDueItem>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const p = new SqlParams();
    const where = [visibleCasesPredicate(actor, p), DUE_FOR_ERASURE];
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
    return this.runner.changeCase(actor, caseId, 'retention:manage', async ({ em }) => {
      if (await legalHoldOf(em, caseId)) throw DomainError.conflict('already_on_hold', 'The case is already on legal hold.');
      await placeLegalHold(em, caseId, { reason, userId: actor.userId });
      return { action: 'legal_hold.placed', entityType: 'case', entityId: caseId, payload: { reason } };
    });
  }

  liftHold(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'retention:manage', async ({ em }) => {
      const reason = await legalHoldOf(em, caseId);
      if (!reason) throw DomainError.conflict('not_on_hold', 'The case is not on legal hold.');
      await liftLegalHold(em, caseId);
      return { action: 'legal_hold.lifted', entityType: 'case', entityId: caseId, payload: { previousReason: reason } };
    });
  }

  /**
   * Erases every due case the caller may act on (the acting decision-maker of each: the
   * headteacher, or the governors for cases the headteacher may not decide), one
   * transaction each: a case that fails is left whole and the run goes on. Evidence files
   * go after commit, once unreferenced.
   */
  async run(actor: Actor): Promise<{ erased: string[]; failed: string[] }> {
    const p = new SqlParams();
    const candidates: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM cases c WHERE ${visibleCasesPredicate(actor, p)} AND ${DUE_FOR_ERASURE} ORDER BY c.retain_until, c.id`,
      p.values,
    );
    const erased: string[] = [];
    const failed: string[] = [];
    for (const { id } of candidates) {
      let released: string[];
      try {
        released = await this.runner.change(actor, id, 'retention:manage', async ({ em }) => {
          const due: unknown[] = await em.query(`SELECT 1 FROM cases c WHERE c.id = $1 AND ${DUE_FOR_ERASURE}`, [id]);
          if (due.length === 0) throw DomainError.conflict('not_due', 'No longer due.');
          const { reference, released: hashes } = await eraseCaseContent(em, this.audit, actor.organisationId, id);
          return {
            result: hashes,
            audit: {
              action: 'case.erased',
              entityType: 'case',
              entityId: id,
              reason: 'retention_period_ended',
              payload: { reference, evidenceItems: hashes.length },
            },
          };
        });
      } catch (error) {
        // Not this caller's decision (another decides for it), or changed meanwhile: left for its decision-maker.
        if (error instanceof DomainError && ['forbidden', 'not_found', 'conflict'].includes(error.kind)) continue;
        // Anything else: this case is left whole (its transaction rolled back), the run goes on, and it is said.
        this.logger.error(`retention: case ${id} could not be erased: ${(error as Error).message}`);
        failed.push(id);
        continue;
      }
      erased.push(id);
      await this.reaper.removeUnreferenced(released);
    }
    return { erased, failed };
  }

  /**
   * The scheduled retention run (process.md §6 "Scheduled work"; issue 13): as the system, in
   * every organisation, every due case not on legal hold, one transaction each. The audit log
   * records it as the system — no actor, no role (AuditInput) — with the same event and reason
   * as a person's run. No case-access decision applies: nobody is acting; the row lock and a
   * fresh check of "due" stand in for CaseRunner's (a hold placed meanwhile wins).
   */
  async runAsSystem(): Promise<{ erased: string[]; failed: string[] }> {
    const candidates: { id: string }[] = await this.dataSource.query(`SELECT c.id FROM cases c WHERE ${DUE_FOR_ERASURE} ORDER BY c.retain_until, c.id`);
    const erased: string[] = [];
    const failed: string[] = [];
    for (const { id } of candidates) {
      let released: string[] | null;
      try {
        released = await this.dataSource.transaction(async (em) => {
          const due = await queryOne<{ organisation_id: string }>(
            em,
            `SELECT c.organisation_id FROM cases c WHERE c.id = $1 AND ${DUE_FOR_ERASURE} FOR UPDATE`,
            [id],
          );
          if (!due) return null;
          const { reference, released: hashes } = await eraseCaseContent(em, this.audit, due.organisation_id, id);
          await refreshCaseFigures(em, id);
          await this.audit.record(em, {
            organisationId: due.organisation_id,
            actor: null,
            role: null,
            action: 'case.erased',
            caseId: id,
            entityType: 'case',
            entityId: id,
            reason: 'retention_period_ended',
            payload: { reference, evidenceItems: hashes.length, scheduled: true },
          });
          return hashes;
        });
      } catch (error) {
        this.logger.error(`retention (scheduled): case ${id} could not be erased: ${(error as Error).message}`);
        failed.push(id);
        continue;
      }
      if (released === null) continue;
      erased.push(id);
      await this.reaper.removeUnreferenced(released);
    }
    if (erased.length || failed.length) this.logger.log(`retention (scheduled): ${erased.length} erased, ${failed.length} failed`);
    return { erased, failed };
  }
}
