import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { markSafeguarding } from '../cases/case-rows';
import { CaseRunner } from '../cases/case-runner.service';
import { refreshRetentionDate } from '../cases/case-status';
import { requireNotBefore } from '../cases/chronology';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { loadPerson } from '../people/person.sql';
import { firstObservedAt } from '../reports/report-rows';
import { LadoConsultationRequest, LadoConsultationResponse, ReferralDecisionRequest, ReferralDecisionResponse } from './dto/kcsie.dto';
import { insertLadoConsultation, insertReferralDecision } from './kcsie-rows';
import { caseManagerProblem } from './lado.rules';
import { referralDecisionProblem } from './referral-decisions.rules';

/** KCSIE Part 4 on a case (process.md §3): the LADO consultation and the DBS / TRA referral decisions. */
@Injectable()
export class KcsieService {
  constructor(
    private readonly runner: CaseRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records the case manager's consultation of the LADO. Late ones are recorded all the same
   * and shown as late. Consulting the LADO makes the case a safeguarding matter, and a closed
   * case's retention date follows (§13), as a referral does.
   */
  consultLado(actor: Actor, caseId: string, request: LadoConsultationRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:safeguarding', async ({ em, facts }) => {
      const consultedAt = new Date(request.consultedAt);
      requireNotBefore('consultedAt', consultedAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
      const problem = caseManagerProblem(await loadPerson(em, actor.organisationId, request.caseManagerUserId), facts);
      if (problem?.kind === 'field') throw DomainError.invalidField('caseManagerUserId', problem.message);
      if (problem) throw DomainError.conflict('conflict_of_interest', `${problem.message}.`);
      const id = await insertLadoConsultation(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, { ...request, consultedAt });
      await markSafeguarding(em, caseId);
      await refreshRetentionDate(em, caseId, this.config.retention);
      return {
        action: 'lado.consulted',
        entityType: 'lado_consultation',
        entityId: id,
        createdId: id,
        reason: request.thresholdMet ? 'threshold_met' : 'threshold_not_met',
        // the advice is case content: in the (erasable) payload
        payload: { ...request },
      };
    });
  }

  /** Records the decision on referring the subject to the DBS or the TRA (referred and when, or not and why). */
  decideReferral(actor: Actor, caseId: string, request: ReferralDecisionRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'outcome:decide', async ({ em }) => {
      const problem = referralDecisionProblem(request);
      if (problem) throw DomainError.invalidField(problem.field, problem.message);
      const referredAt = request.referredAt === undefined ? null : new Date(request.referredAt);
      if (referredAt) requireNotBefore('referredAt', referredAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
      const id = await insertReferralDecision(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { body: request.body, referred: request.referred, referredAt, reasonNotReferred: request.reasonNotReferred ?? null },
      );
      return {
        action: 'referral_decision.recorded',
        entityType: 'referral_decision',
        entityId: id,
        createdId: id,
        reason: `${request.body}_${request.referred ? 'referred' : 'not_referred'}`,
        payload: { ...request },
      };
    });
  }

  /** GET /cases/:id/lado-consultations/:consultationId: an audited read of the case view. */
  getConsultation(actor: Actor, caseId: string, id: string): Promise<LadoConsultationResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'LADO consultation',
      entityType: 'lado_consultation',
      entityId: id,
      pick: (view) => view.kcsie.lado.consultations.find((c) => c.id === id),
    });
  }

  /** GET /cases/:id/referral-decisions/:decisionId: an audited read of the case view. */
  getReferralDecision(actor: Actor, caseId: string, id: string): Promise<ReferralDecisionResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Referral decision',
      entityType: 'referral_decision',
      entityId: id,
      pick: (view) => view.kcsie.referralDecisions.find((d) => d.id === id),
    });
  }
}
