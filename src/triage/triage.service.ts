import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { decisionMakerRole, NO_DECISION_MAKER } from '../access/conflicts';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { requireNotBefore } from '../cases/chronology';
import { CaseRunner } from '../cases/case-runner.service';
import { markSafeguarding, recordTriage } from '../cases/case-rows';
import { moveCase, refreshRetentionDate } from '../cases/case-status';
import { CaseResponse, SafeguardingReferralResponse } from '../cases/dto/case.dto';
import { triageAction } from '../cases/lifecycle';
import { firstObservedAt } from '../reports/report-rows';
import { SafeguardingReferralRequest, TriageRequest } from './dto/triage.dto';
import { insertReferral } from './referral-rows';

/** What happens to a report first: triage (§4) and safeguarding referral (§5). */
@Injectable()
export class TriageService {
  constructor(
    private readonly runner: CaseRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** reported → closed (no further action, informal resolution) or → investigation. */
  triage(actor: Actor, caseId: string, request: TriageRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:triage', async ({ em, facts }) => {
      // Nobody is ever stuck silently: an investigation nobody could appoint to is refused, saying what is missing.
      if (request.decision === 'investigate' && decisionMakerRole(facts) === null) throw DomainError.conflict('no_decision_maker', NO_DECISION_MAKER);
      await recordTriage(em, caseId, { decision: request.decision, rationale: request.rationale, userId: actor.userId });
      const next = await moveCase(em, facts, triageAction(request.decision), this.config.retention);
      return {
        action: 'case.triaged',
        entityType: 'case',
        entityId: caseId,
        reason: request.decision,
        payload: { from: facts.status, to: next, decision: request.decision, rationale: request.rationale },
      };
    });
  }

  /**
   * Records a referral to the DSL / LADO; a referral makes the case a safeguarding matter,
   * and a closed case's retention date follows (§13: safeguarding cases are kept longer,
   * also when the referral is recorded after closure).
   */
  refer(actor: Actor, caseId: string, request: SafeguardingReferralRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:safeguarding', async ({ em }) => {
      const referredAt = new Date(request.referredAt);
      requireNotBefore('referredAt', referredAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
      const id = await insertReferral(em, {
        organisationId: actor.organisationId,
        caseId,
        referredTo: request.referredTo,
        referredAt,
        notes: request.notes ?? null,
        userId: actor.userId,
      });
      await markSafeguarding(em, caseId);
      await refreshRetentionDate(em, caseId, this.config.retention);
      return { action: 'safeguarding.referred', entityType: 'safeguarding_referral', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  /** GET /cases/:id/safeguarding-referrals/:referralId: an audited read of the case view. */
  getReferral(actor: Actor, caseId: string, id: string): Promise<SafeguardingReferralResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Safeguarding referral',
      entityType: 'safeguarding_referral',
      entityId: id,
      pick: (view) => view.safeguarding.referrals.find((r) => r.id === id),
    });
  }
}
