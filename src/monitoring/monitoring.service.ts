import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccess, CaseAccessService } from '../access/case-access.service';
import { Permission } from '../access/permissions';
import { AuditInput, AuditService } from '../audit/audit.service';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne } from '../database/sql';
import { ApproveBody, DisclosureBody, MonitoringAuthorisationResponse, MonitoringRequestBody, RejectBody } from './dto/monitoring.dto';
import { loadAuthorisation } from './monitoring-view';
import { checkApprovalExpiry, checkMonitoringBounds, checkMonitoringDecision, checkMonitoringRequest, MonitoringStatus } from './monitoring.rules';

type AuditRecord = Pick<AuditInput, 'action' | 'entityType' | 'entityId' | 'reason' | 'payload'>;

/**
 * §9, §11: the investigating manager asks; the headteacher — or the governors, when the
 * headteacher is conflicted — decides, once. Routes under /monitoring-requests/:id find
 * their case first and then go through the same case-access check as every other route.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  request(actor: Actor, caseId: string, body: MonitoringRequestBody): Promise<MonitoringAuthorisationResponse> {
    return this.dataSource.transaction(async (em) => {
      const access = await this.access.requireCaseAccess(em, actor, caseId, 'monitoring:request', { lock: true });
      requireInvestigationOpen(access.status);
      const allegations: { id: string }[] = await em.query(`SELECT id FROM allegations WHERE case_id = $1`, [caseId]);
      const periodFrom = new Date(body.periodFrom);
      const periodTo = new Date(body.periodTo);
      const expiresAt = new Date(body.expiresAt);
      checkMonitoringRequest(
        { scope: body.scope, periodFrom, periodTo, expiresAt, allegationIds: body.allegationIds },
        new Set(allegations.map((a) => a.id)),
        new Date(),
      );
      checkMonitoringBounds({ periodFrom, periodTo, expiresAt }, new Date(), this.config.monitoring);
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO monitoring_authorisations (organisation_id, case_id, recorded_by_user_id, scope, reason, justification, proportionality,
                                                period_from, period_to, systems, expires_at, allegation_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          actor.organisationId,
          caseId,
          actor.userId,
          body.scope,
          body.reason,
          body.justification,
          body.proportionality,
          periodFrom,
          periodTo,
          body.systems,
          expiresAt,
          body.allegationIds ?? [],
        ],
      );
      return this.finish(em, actor, access, caseId, row!.id, { action: 'monitoring.requested', payload: { ...body } });
    });
  }

  approve(actor: Actor, id: string, body: ApproveBody): Promise<MonitoringAuthorisationResponse> {
    return this.decide(actor, id, 'approved', body.note ?? null);
  }

  reject(actor: Actor, id: string, body: RejectBody): Promise<MonitoringAuthorisationResponse> {
    return this.decide(actor, id, 'rejected', body.reason);
  }

  /** §9 disclosure to a third party for advice: of an approved authorisation only. */
  disclose(actor: Actor, id: string, body: DisclosureBody): Promise<MonitoringAuthorisationResponse> {
    return this.onAuthorisation(actor, id, 'monitoring:disclose', async (em, access, authorisation) => {
      if (authorisation.status !== 'approved') {
        throw DomainError.conflict('not_approved', 'Only what an approved authorisation obtained can be disclosed.');
      }
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO monitoring_disclosures (organisation_id, case_id, recorded_by_user_id, authorisation_id, recipient, purpose, disclosed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [actor.organisationId, access.facts.id, actor.userId, id, body.recipient, body.purpose, new Date(body.disclosedAt)],
      );
      return { action: 'monitoring.disclosed', entityType: 'monitoring_disclosure', entityId: row!.id, payload: { authorisationId: id, ...body } };
    });
  }

  private decide(actor: Actor, id: string, status: Exclude<MonitoringStatus, 'pending'>, note: string | null): Promise<MonitoringAuthorisationResponse> {
    return this.onAuthorisation(actor, id, 'monitoring:decide', async (em, access, authorisation) => {
      requireInvestigationOpen(access.status);
      checkMonitoringDecision(authorisation, actor.userId);
      if (status === 'approved') {
        const row = await queryOne<{ expires_at: Date }>(em, `SELECT expires_at FROM monitoring_authorisations WHERE id = $1`, [id]);
        checkApprovalExpiry(row!.expires_at, new Date(), this.config.monitoring);
      }
      await em.query(
        `UPDATE monitoring_authorisations SET status = $2, decided_by_user_id = $3, decided_by_role = $4, decided_at = now(), decision_note = $5 WHERE id = $1`,
        [id, status, actor.userId, access.role, note],
      );
      return { action: `monitoring.${status}`, reason: status === 'rejected' ? note : null, payload: { note } };
    });
  }

  /** Finds the authorisation's case, checks access to it (locking the case), then locks the authorisation. */
  private onAuthorisation(
    actor: Actor,
    id: string,
    permission: Permission,
    work: (em: EntityManager, access: CaseAccess, authorisation: { status: MonitoringStatus; requestedByUserId: string }) => Promise<AuditRecord>,
  ): Promise<MonitoringAuthorisationResponse> {
    return this.dataSource.transaction(async (em) => {
      const located = await queryOne<{ case_id: string }>(em, `SELECT case_id FROM monitoring_authorisations WHERE id = $1 AND organisation_id = $2`, [
        id,
        actor.organisationId,
      ]);
      if (!located) throw DomainError.notFound('Monitoring request');
      const access = await this.access.requireCaseAccess(em, actor, located.case_id, permission, { lock: true }).catch((error: unknown) => {
        throw error instanceof DomainError && error.kind === 'not_found' ? DomainError.notFound('Monitoring request') : error;
      });
      const authorisation = await queryOne<{ status: MonitoringStatus; recorded_by_user_id: string }>(
        em,
        `SELECT status, recorded_by_user_id FROM monitoring_authorisations WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const record = await work(em, access, { status: authorisation!.status, requestedByUserId: authorisation!.recorded_by_user_id });
      return this.finish(em, actor, access, located.case_id, id, record);
    });
  }

  private async finish(
    em: EntityManager,
    actor: Actor,
    access: CaseAccess,
    caseId: string,
    id: string,
    record: AuditRecord,
  ): Promise<MonitoringAuthorisationResponse> {
    const response = await loadAuthorisation(em, id);
    await this.audit.record(em, {
      organisationId: actor.organisationId,
      actor,
      role: access.role,
      caseId,
      entityType: 'monitoring_authorisation',
      entityId: id,
      ...record,
    });
    return response;
  }
}
