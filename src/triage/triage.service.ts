import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { AuditService } from '../audit/audit.service';
import { CaseViewService } from '../cases/case-view.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus, triageAction } from '../cases/lifecycle';
import { queryOne } from '../database/sql';
import { SafeguardingReferralRequest, TriageRequest } from './dto/triage.dto';

/** What happens to a report first: triage (§4) and safeguarding referral (§5). */
@Injectable()
export class TriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
  ) {}

  /** reported → closed (no further action, informal resolution) or → investigation. */
  async triage(actor: Actor, caseId: string, request: TriageRequest): Promise<CaseResponse> {
    return this.dataSource.transaction(async (em) => {
      const { facts, status, role } = await this.access.requireCaseAccess(em, actor, caseId, 'cases:triage', { lock: true });
      const next = nextStatus(status, triageAction(request.decision));
      await em.query(
        `UPDATE cases SET status = $2::case_status, triage_decision = $3, triage_rationale = $4, triaged_at = now(), triaged_by_user_id = $5,
                closed_at = CASE WHEN $2::case_status = 'closed' THEN now() ELSE closed_at END, updated_at = now()
         WHERE id = $1`,
        [caseId, next, request.decision, request.rationale, actor.userId],
      );
      const view = await this.views.view(em, facts);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'case.triaged',
        caseId,
        entityType: 'case',
        entityId: caseId,
        reason: request.decision,
        payload: { from: status, to: next, decision: request.decision, rationale: request.rationale },
      });
      return view;
    });
  }

  /** Records a referral to the DSL / LADO; a referral makes the case a safeguarding matter. */
  async refer(actor: Actor, caseId: string, request: SafeguardingReferralRequest): Promise<CaseResponse> {
    return this.dataSource.transaction(async (em) => {
      const { facts, role } = await this.access.requireCaseAccess(em, actor, caseId, 'cases:safeguarding', { lock: true });
      const referral = await queryOne<{ id: string }>(
        em,
        `INSERT INTO safeguarding_referrals (organisation_id, case_id, referred_to, referred_at, notes, recorded_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, request.referredTo, new Date(request.referredAt), request.notes ?? null, actor.userId],
      );
      await em.query(`UPDATE cases SET safeguarding = TRUE, updated_at = now() WHERE id = $1`, [caseId]);
      const view = await this.views.view(em, facts);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'safeguarding.referred',
        caseId,
        entityType: 'safeguarding_referral',
        entityId: referral!.id,
        payload: { ...request },
      });
      return view;
    });
  }
}
