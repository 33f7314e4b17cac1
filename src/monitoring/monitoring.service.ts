import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { allegationIdsOf } from '../investigations/investigation-rows';
import { AUTHORISATION_LOCATOR, authorisationForDecision, insertAuthorisation, insertDisclosure, recordDecision } from './authorisation-rows';
import {
  ApproveBody,
  DisclosureBody,
  DisclosureCreatedResponse,
  DisclosureResponse,
  MonitoringAuthorisationResponse,
  MonitoringRequestBody,
  RejectBody,
} from './dto/monitoring.dto';
import { loadAuthorisation } from './monitoring-view';
import { checkApprovalExpiry, checkMonitoringBounds, checkMonitoringDecision, checkMonitoringRequest, MonitoringStatus } from './monitoring.rules';

/**
 * §9, §11: the investigating manager asks; the headteacher — or the governors, when every
 * headteacher is conflicted — decides, once. Routes under /monitoring-requests/:id find
 * their case first and then go through the same runner as every other change.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly runner: CaseRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  request(actor: Actor, caseId: string, body: MonitoringRequestBody): Promise<MonitoringAuthorisationResponse> {
    return this.runner.change(actor, caseId, 'monitoring:request', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const periodFrom = new Date(body.periodFrom);
      const periodTo = new Date(body.periodTo);
      const expiresAt = new Date(body.expiresAt);
      const now = new Date();
      checkMonitoringRequest({ scope: body.scope, periodFrom, periodTo, expiresAt, allegationIds: body.allegationIds }, await allegationIdsOf(em, caseId), now);
      checkMonitoringBounds({ periodFrom, periodTo, expiresAt }, now, this.config.monitoring);
      const id = await insertAuthorisation(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { ...body, periodFrom, periodTo, expiresAt, allegationIds: body.allegationIds ?? [] },
      );
      return {
        result: await loadAuthorisation(em, id),
        audit: { action: 'monitoring.requested', entityType: 'monitoring_authorisation', entityId: id, payload: { ...body } },
      };
    });
  }

  approve(actor: Actor, id: string, body: ApproveBody): Promise<MonitoringAuthorisationResponse> {
    return this.decide(actor, id, 'approved', body.note ?? null);
  }

  reject(actor: Actor, id: string, body: RejectBody): Promise<MonitoringAuthorisationResponse> {
    return this.decide(actor, id, 'rejected', body.reason);
  }

  /** §9 disclosure to a third party for advice: of an approved authorisation only. */
  disclose(actor: Actor, id: string, body: DisclosureBody): Promise<DisclosureCreatedResponse> {
    return this.runner.change(actor, { locator: AUTHORISATION_LOCATOR, id }, 'monitoring:disclose', async ({ em, facts }) => {
      const authorisation = await authorisationForDecision(em, id);
      if (authorisation.status !== 'approved') throw DomainError.conflict('not_approved', 'Only what an approved authorisation obtained can be disclosed.');
      const disclosureId = await insertDisclosure(
        em,
        { organisationId: actor.organisationId, caseId: facts.id, userId: actor.userId },
        { authorisationId: id, recipient: body.recipient, purpose: body.purpose, disclosedAt: new Date(body.disclosedAt) },
      );
      return {
        result: { ...(await loadAuthorisation(em, id)), createdId: disclosureId },
        audit: { action: 'monitoring.disclosed', entityType: 'monitoring_disclosure', entityId: disclosureId, payload: { authorisationId: id, ...body } },
      };
    });
  }

  /** GET /monitoring-requests/:id: an audited read of the case view's monitoring section. */
  get(actor: Actor, id: string): Promise<MonitoringAuthorisationResponse> {
    return this.runner.viewRecord(
      actor,
      { locator: AUTHORISATION_LOCATOR, id },
      {
        what: AUTHORISATION_LOCATOR.what,
        entityType: 'monitoring_authorisation',
        entityId: id,
        pick: (view) => view.monitoring.find((m) => m.id === id),
      },
    );
  }

  /** GET /monitoring-requests/:id/disclosures/:disclosureId. */
  getDisclosure(actor: Actor, id: string, disclosureId: string): Promise<DisclosureResponse> {
    return this.runner.viewRecord(
      actor,
      { locator: AUTHORISATION_LOCATOR, id },
      {
        what: 'Disclosure',
        entityType: 'monitoring_disclosure',
        entityId: disclosureId,
        pick: (view) => view.monitoring.find((m) => m.id === id)?.disclosures.find((d) => d.id === disclosureId),
      },
    );
  }

  private decide(actor: Actor, id: string, status: Exclude<MonitoringStatus, 'pending'>, note: string | null): Promise<MonitoringAuthorisationResponse> {
    return this.runner.change(actor, { locator: AUTHORISATION_LOCATOR, id }, 'monitoring:decide', async ({ em, facts, role }) => {
      requireInvestigationOpen(facts.status);
      const authorisation = await authorisationForDecision(em, id);
      checkMonitoringDecision(authorisation, actor.userId);
      if (status === 'approved') checkApprovalExpiry(authorisation.expiresAt, new Date(), this.config.monitoring);
      await recordDecision(em, id, { status, userId: actor.userId, role, note });
      return {
        result: await loadAuthorisation(em, id),
        // A rejection's reason is case content: in the (erasable) payload, never the chained reason (§13).
        audit: { action: `monitoring.${status}`, entityType: 'monitoring_authorisation', entityId: id, reason: status, payload: { note } },
      };
    });
  }
}
