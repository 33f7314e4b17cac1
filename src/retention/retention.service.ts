import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { visibleCasesPredicate } from '../access/case-visibility.sql';
import { AuditService } from '../audit/audit.service';
import { CaseChange, CaseRunner } from '../cases/case-runner.service';
import { DUE_FOR_ERASURE, isDueForErasure, legalHoldOf, liftLegalHold, placeLegalHold } from '../cases/case-rows';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { SqlParams } from '../database/sql';
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
   * change each through the case runner: a case that fails is left whole and the run goes on.
   */
  run(actor: Actor): Promise<{ erased: string[]; failed: string[] }> {
    const p = new SqlParams();
    return this.eraseEach(
      this.dataSource.query(`SELECT c.id FROM cases c WHERE ${visibleCasesPredicate(actor, p)} AND ${DUE_FOR_ERASURE} ORDER BY c.retain_until, c.id`, p.values),
      (id) => this.runner.change(actor, id, 'retention:manage', ({ em }) => this.erase(em, actor.organisationId, id, {})),
      'retention',
    );
  }

  /**
   * The scheduled retention run (process.md §6 "Scheduled work"; issue 13): as the system, in
   * every organisation, every due case not on legal hold, one change each through the case
   * runner's system path (CaseRunner.changeAsSystem): the audit log records it as the system —
   * no actor, no role — with the same event and reason as a person's run. No case-access
   * decision applies: nobody is acting; the row lock and a fresh check of "due" stand (a hold
   * placed meanwhile wins).
   */
  async runAsSystem(): Promise<{ erased: string[]; failed: string[] }> {
    const outcome = await this.eraseEach(
      this.dataSource.query(`SELECT c.id FROM cases c WHERE ${DUE_FOR_ERASURE} ORDER BY c.retain_until, c.id`),
      (id) => this.runner.changeAsSystem(id, ({ em, organisationId }) => this.erase(em, organisationId, id, { scheduled: true })),
      'retention (scheduled)',
    );
    if (outcome.erased.length || outcome.failed.length)
      this.logger.log(`retention (scheduled): ${outcome.erased.length} erased, ${outcome.failed.length} failed`);
    return outcome;
  }

  /**
   * Each candidate erased in its own change: one that is not the caller's to decide, or that
   * changed meanwhile (no longer due, on hold, gone), is left for later; one that fails
   * otherwise is left whole (its transaction rolled back), said, and listed as failed; the run
   * goes on. Evidence files go after commit, once unreferenced.
   */
  private async eraseEach(
    candidates: Promise<{ id: string }[]>,
    eraseOne: (id: string) => Promise<string[]>,
    label: string,
  ): Promise<{ erased: string[]; failed: string[] }> {
    const erased: string[] = [];
    const failed: string[] = [];
    for (const { id } of await candidates) {
      let released: string[];
      try {
        released = await eraseOne(id);
      } catch (error) {
        if (error instanceof DomainError && ['forbidden', 'not_found', 'conflict'].includes(error.kind)) continue;
        this.logger.error(`${label}: case ${id} could not be erased: ${(error as Error).message}`);
        failed.push(id);
        continue;
      }
      erased.push(id);
      await this.reaper.removeUnreferenced(released);
    }
    return { erased, failed };
  }

  /** The work of erasing one case (§13), under its row lock: still due, or 409 not_due; its content erased; the event it is audited with. */
  private async erase(em: EntityManager, organisationId: string, caseId: string, extra: Record<string, unknown>): Promise<CaseChange<string[]>> {
    if (!(await isDueForErasure(em, caseId))) throw DomainError.conflict('not_due', 'No longer due.');
    const { reference, released } = await eraseCaseContent(em, this.audit, organisationId, caseId);
    return {
      result: released,
      audit: {
        action: 'case.erased',
        entityType: 'case',
        entityId: caseId,
        reason: 'retention_period_ended',
        payload: { reference, evidenceItems: released.length, ...extra },
      },
    };
  }
}
