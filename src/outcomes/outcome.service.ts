import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne } from '../database/sql';
import { closeWithRetention } from '../retention/retention-date';
import { firstObservedAt, requireNotBefore } from '../cases/chronology';
import { AppealDecisionRequest, AppealRequest, CloseRequest, OutcomeRequest } from './dto/outcome.dto';
import { checkAppealDeadline, checkAppealDecision, checkAppealLodging, checkClosable, checkLateEntry, checkOutcome, Sanction } from './outcome.rules';

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/**
 * §12: the decision-maker (headteacher, or governors when the headteacher is conflicted)
 * records the outcome; an appeal may be lodged by the deadline and is heard by someone who
 * neither investigated nor decided; the case then closes and gets its retention date (§13).
 */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CaseCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  record(actor: Actor, caseId: string, body: OutcomeRequest): Promise<CaseResponse> {
    const waived = body.separationWaiverReason !== undefined;
    return this.commands.run(
      actor,
      caseId,
      'outcome:decide',
      async ({ em, status, facts, role }) => {
        const next = nextStatus(status, 'record_outcome');
        if (waived && facts.investigatorUserId !== actor.userId) {
          throw DomainError.invalidField('separationWaiverReason', 'is only for the investigating manager deciding their own case');
        }
        const found = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM allegations WHERE case_id = $1 AND finding = 'substantiated'`, [
          caseId,
        ]);
        const decidedAt = new Date(body.decidedAt);
        requireNotBefore('decidedAt', decidedAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
        checkOutcome(
          {
            ...body,
            decidedAt,
            communicatedAt: date(body.communicatedAt),
            warningExpiresAt: date(body.warningExpiresAt),
            appealDeadline: date(body.appealDeadline),
          },
          found?.n ?? 0,
        );
        checkAppealDeadline({ decidedAt, communicatedAt: date(body.communicatedAt), appealDeadline: date(body.appealDeadline) }, this.config.appealDeadline);
        const outcome = await queryOne<{ id: string }>(
          em,
          `INSERT INTO outcomes (organisation_id, case_id, recorded_by_user_id, sanction, gross_misconduct, rationale, decided_at, communicated_at,
                                 warning_expires_at, appeal_deadline, separation_waiver_reason, decided_by_role)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            actor.organisationId,
            caseId,
            actor.userId,
            body.sanction,
            body.grossMisconduct,
            body.rationale,
            decidedAt,
            date(body.communicatedAt) ?? null,
            date(body.warningExpiresAt) ?? null,
            date(body.appealDeadline) ?? null,
            body.separationWaiverReason ?? null,
            role,
          ],
        );
        await em.query(`UPDATE cases SET status = $2::case_status, updated_at = now() WHERE id = $1`, [caseId, next]);
        return {
          action: 'outcome.recorded',
          entityType: 'outcome',
          entityId: outcome!.id,
          reason: waived ? `separation of duties waived: ${body.separationWaiverReason}` : body.sanction,
          payload: { ...body },
        };
      },
      { separationWaived: waived },
    );
  }

  lodgeAppeal(actor: Actor, caseId: string, body: AppealRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'appeals:lodge', async ({ em, status }) => {
      const next = nextStatus(status, 'lodge_appeal');
      const outcome = await queryOne<{ id: string; sanction: Sanction; appeal_deadline: Date | null; decided_at: Date }>(
        em,
        `SELECT id, sanction, appeal_deadline, decided_at FROM outcomes WHERE case_id = $1`,
        [caseId],
      );
      requireNotBefore('lodgedAt', new Date(body.lodgedAt), outcome!.decided_at, 'the decision');
      checkAppealLodging({ sanction: outcome!.sanction, appealDeadline: outcome!.appeal_deadline }, new Date(body.lodgedAt));
      checkLateEntry({ statedAt: new Date(body.lodgedAt), deadline: outcome!.appeal_deadline!, enteredAt: new Date(), lateEntryReason: body.lateEntryReason });
      const appeal = await queryOne<{ id: string }>(
        em,
        `INSERT INTO appeals (organisation_id, case_id, recorded_by_user_id, outcome_id, lodged_at, grounds, late_entry_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.organisationId, caseId, actor.userId, outcome!.id, new Date(body.lodgedAt), body.grounds, body.lateEntryReason ?? null],
      );
      await em.query(`UPDATE cases SET status = $2::case_status, updated_at = now() WHERE id = $1`, [caseId, next]);
      return { action: 'appeal.lodged', entityType: 'appeal', entityId: appeal!.id, payload: { ...body } };
    });
  }

  async decideAppeal(actor: Actor, appealId: string, body: AppealDecisionRequest): Promise<CaseResponse> {
    const located = await queryOne<{ case_id: string }>(this.dataSource.manager, `SELECT case_id FROM appeals WHERE id = $1 AND organisation_id = $2`, [
      appealId,
      actor.organisationId,
    ]);
    if (!located) throw DomainError.notFound('Appeal');
    return this.commands.run(actor, located.case_id, 'appeals:decide', async ({ em, status, role }) => {
      nextStatus(status, 'decide_appeal');
      const appeal = await queryOne<{ result: string | null; sanction: Sanction }>(
        em,
        `SELECT a.result, o.sanction FROM appeals a JOIN outcomes o ON o.id = a.outcome_id WHERE a.id = $1 FOR UPDATE OF a`,
        [appealId],
      );
      if (appeal!.result) throw DomainError.conflict('already_decided', 'This appeal has been decided.');
      const warningExpiresAt = date(body.warningExpiresAt);
      checkAppealDecision(appeal!.sanction, { result: body.result, newSanction: body.newSanction, warningExpiresAt });
      await em.query(
        `UPDATE appeals SET result = $2, rationale = $3, new_sanction = $4, new_warning_expires_at = $5, decided_by_user_id = $6,
                  decided_by_role = $7, decided_at = now() WHERE id = $1`,
        [appealId, body.result, body.rationale, body.newSanction ?? null, warningExpiresAt ?? null, actor.userId, role],
      );
      // domain.md: appeal decided → closed, with the retention date of the sanction now in force.
      await closeWithRetention(em, located.case_id, this.config.retention);
      return { action: 'appeal.decided', entityType: 'appeal', entityId: appealId, reason: body.result, payload: { ...body } };
    });
  }

  close(actor: Actor, caseId: string, body: CloseRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'cases:close', async ({ em, status }) => {
      nextStatus(status, 'close');
      const outcome = await queryOne<{ appeal_deadline: Date | null }>(em, `SELECT appeal_deadline FROM outcomes WHERE case_id = $1`, [caseId]);
      checkClosable({ appealDeadline: outcome!.appeal_deadline }, new Date());
      const retainUntil = await closeWithRetention(em, caseId, this.config.retention);
      return { action: 'case.closed', entityType: 'case', entityId: caseId, reason: body.reason ?? null, payload: { retainUntil: retainUntil.toISOString() } };
    });
  }
}
