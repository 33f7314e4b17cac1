import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { closeWithRetention } from '../retention/retention-date';
import { firstObservedAt, requireNotBefore } from '../cases/chronology';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus, triageAction } from '../cases/lifecycle';
import { queryOne } from '../database/sql';
import { SafeguardingReferralRequest, TriageRequest } from './dto/triage.dto';

/** What happens to a report first: triage (§4) and safeguarding referral (§5). */
@Injectable()
export class TriageService {
  constructor(
    private readonly commands: CaseCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** reported → closed (no further action, informal resolution) or → investigation. */
  triage(actor: Actor, caseId: string, request: TriageRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'cases:triage', async ({ em, status }) => {
      const next = nextStatus(status, triageAction(request.decision));
      await em.query(
        `UPDATE cases SET status = $2::case_status, triage_decision = $3, triage_rationale = $4, triaged_at = now(), triaged_by_user_id = $5, updated_at = now()
         WHERE id = $1`,
        [caseId, next, request.decision, request.rationale, actor.userId],
      );
      if (next === 'closed') await closeWithRetention(em, caseId, this.config.retention);
      return {
        action: 'case.triaged',
        entityType: 'case',
        entityId: caseId,
        reason: request.decision,
        payload: { from: status, to: next, decision: request.decision, rationale: request.rationale },
      };
    });
  }

  /** Records a referral to the DSL / LADO; a referral makes the case a safeguarding matter. */
  refer(actor: Actor, caseId: string, request: SafeguardingReferralRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'cases:safeguarding', async ({ em }) => {
      requireNotBefore('referredAt', new Date(request.referredAt), await firstObservedAt(em, caseId), 'the reported activity was seen');
      const referral = await queryOne<{ id: string }>(
        em,
        `INSERT INTO safeguarding_referrals (organisation_id, case_id, referred_to, referred_at, notes, recorded_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, request.referredTo, new Date(request.referredAt), request.notes ?? null, actor.userId],
      );
      await em.query(`UPDATE cases SET safeguarding = TRUE, updated_at = now() WHERE id = $1`, [caseId]);
      return { action: 'safeguarding.referred', entityType: 'safeguarding_referral', entityId: referral!.id, payload: { ...request } };
    });
  }
}
