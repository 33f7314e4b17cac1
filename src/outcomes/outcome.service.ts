import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { requireNotBefore } from '../cases/chronology';
import { CaseRunner } from '../cases/case-runner.service';
import { moveCase } from '../cases/case-status';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { substantiatedFindings } from '../investigations/investigation-rows';
import { requireReferralDecisionsToClose } from '../kcsie/referral-decisions.check';
import { currentHearing } from '../hearings/hearing-rows';
import { checkAppealHearing, checkOutcomeHearing } from '../hearings/hearing.rules';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { firstObservedAt } from '../reports/report-rows';
import { AppealDecisionRequest, AppealRequest, AppealResponse, CloseRequest, OutcomeRequest, OutcomeResponse } from './dto/outcome.dto';
import { APPEAL_LOCATOR, appealForDecision, insertAppeal, insertOutcome, outcomeOf, recordAppealDecision } from './outcome-rows';
import {
  checkAppealDeadline,
  checkAppealDecision,
  checkAppealLodging,
  checkClosable,
  checkLateEntry,
  checkOutcome,
  checkWarningExpiry,
  sanctionInForce,
} from './outcome.rules';

const date = (value: string | undefined) => (value === undefined ? undefined : new Date(value));

/**
 * §12: the decision-maker (headteacher, or governors when every headteacher is conflicted)
 * records the outcome; an appeal may be lodged by the deadline and is heard by someone who
 * neither investigated nor decided; the case then closes and gets its retention date (§13).
 */
@Injectable()
export class OutcomeService {
  constructor(
    private readonly runner: CaseRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: SchoolCalendars,
  ) {}

  record(actor: Actor, caseId: string, body: OutcomeRequest): Promise<CaseResponse> {
    const waived = body.separationWaiverReason !== undefined;
    return this.runner.changeCase(
      actor,
      caseId,
      'outcome:decide',
      async ({ em, facts, role }) => {
        nextStatus(facts.status, 'record_outcome');
        if (waived && facts.investigatorUserId !== actor.userId) {
          throw DomainError.invalidField('separationWaiverReason', 'is only for the investigating manager deciding their own case');
        }
        const decidedAt = new Date(body.decidedAt);
        requireNotBefore('decidedAt', decidedAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
        // process.md §1 (ACAS Code): no sanction but no action before the hearing; its chair decides
        const hearing = await currentHearing(em, caseId, { kind: 'disciplinary' });
        checkOutcomeHearing(body.sanction, hearing ?? null, actor.userId);
        if (hearing?.heldAt) requireNotBefore('decidedAt', decidedAt, hearing.heldAt, 'the hearing was held');
        const outcome = {
          sanction: body.sanction,
          grossMisconduct: body.grossMisconduct,
          rationale: body.rationale,
          decidedAt,
          communicatedAt: date(body.communicatedAt) ?? null,
          warningExpiresAt: date(body.warningExpiresAt) ?? null,
          appealDeadline: date(body.appealDeadline) ?? null,
          separationWaiverReason: body.separationWaiverReason ?? null,
        };
        checkOutcome(
          {
            ...outcome,
            communicatedAt: outcome.communicatedAt ?? undefined,
            warningExpiresAt: outcome.warningExpiresAt ?? undefined,
            appealDeadline: outcome.appealDeadline ?? undefined,
          },
          await substantiatedFindings(em, caseId),
        );
        // the organisation's bounds, within the deployment's (docs/tasks.md "Each organisation's deadlines")
        const { calendar, deadlines } = await this.calendars.withDeadlines(em, actor.organisationId);
        checkWarningExpiry({ givenAt: decidedAt, warningExpiresAt: outcome.warningExpiresAt ?? undefined }, { maxMonths: deadlines.warningMaxMonths });
        checkAppealDeadline(
          { decidedAt, communicatedAt: date(body.communicatedAt), appealDeadline: date(body.appealDeadline) },
          { ...this.config.appealDeadline, minWorkingDays: deadlines.appealDeadlineMinWorkingDays },
          calendar,
        );
        const id = await insertOutcome(em, { organisationId: actor.organisationId, caseId, userId: actor.userId, role }, outcome);
        await moveCase(em, facts, 'record_outcome', this.config.retention);
        return {
          action: 'outcome.recorded',
          entityType: 'outcome',
          entityId: id,
          createdId: id,
          // The waiver's reason is case content: in the (erasable) payload, never the chained reason (§13).
          reason: waived ? 'separation_waived' : body.sanction,
          payload: { ...body },
        };
      },
      { separationWaived: waived },
    );
  }

  lodgeAppeal(actor: Actor, caseId: string, body: AppealRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'appeals:lodge', async ({ em, facts }) => {
      nextStatus(facts.status, 'lodge_appeal');
      const outcome = (await outcomeOf(em, caseId))!;
      const lodgedAt = new Date(body.lodgedAt);
      requireNotBefore('lodgedAt', lodgedAt, outcome.decidedAt, 'the decision');
      checkAppealLodging({ sanction: outcome.sanction, appealDeadline: outcome.appealDeadline }, lodgedAt);
      checkLateEntry({ statedAt: lodgedAt, deadline: outcome.appealDeadline!, enteredAt: new Date(), lateEntryReason: body.lateEntryReason });
      const id = await insertAppeal(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { outcomeId: outcome.id, lodgedAt, grounds: body.grounds, lateEntryReason: body.lateEntryReason ?? null },
      );
      await moveCase(em, facts, 'lodge_appeal', this.config.retention);
      return { action: 'appeal.lodged', entityType: 'appeal', entityId: id, createdId: id, payload: { ...body } };
    });
  }

  /** Concurrent decisions: one wins; the others meet the decided case (409), never a 404. */
  decideAppeal(actor: Actor, appealId: string, body: AppealDecisionRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, { locator: APPEAL_LOCATOR, id: appealId }, 'appeals:decide', async ({ em, facts, role }) => {
      nextStatus(facts.status, 'decide_appeal');
      const appeal = (await appealForDecision(em, appealId))!;
      if (appeal.result) throw DomainError.conflict('already_decided', 'This appeal has been decided.');
      // process.md §1: after the appeal hearing, by the person who heard it
      checkAppealHearing((await currentHearing(em, facts.id, { kind: 'appeal', appealId })) ?? null, actor.userId);
      const warningExpiresAt = date(body.warningExpiresAt);
      checkAppealDecision(appeal.sanction, { result: body.result, newSanction: body.newSanction, warningExpiresAt });
      // a varied warning is given by the appeal's decision, now
      if (warningExpiresAt) {
        const { deadlines } = await this.calendars.withDeadlines(em, actor.organisationId);
        checkWarningExpiry({ givenAt: new Date(), warningExpiresAt }, { maxMonths: deadlines.warningMaxMonths });
      }
      await requireReferralDecisionsToClose(em, facts, sanctionInForce(appeal.sanction, { result: body.result, newSanction: body.newSanction ?? null }));
      await recordAppealDecision(em, appealId, {
        result: body.result,
        rationale: body.rationale,
        newSanction: body.newSanction ?? null,
        warningExpiresAt: warningExpiresAt ?? null,
        userId: actor.userId,
        role,
      });
      // domain.md: appeal decided → closed, with the retention date of the sanction now in force.
      await moveCase(em, facts, 'decide_appeal', this.config.retention);
      return { action: 'appeal.decided', entityType: 'appeal', entityId: appealId, reason: body.result, payload: { ...body } };
    });
  }

  close(actor: Actor, caseId: string, body: CloseRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'cases:close', async ({ em, facts }) => {
      nextStatus(facts.status, 'close');
      const outcome = (await outcomeOf(em, caseId))!;
      checkClosable({ appealDeadline: outcome.appealDeadline }, new Date());
      await requireReferralDecisionsToClose(em, facts, outcome.sanction);
      await moveCase(em, facts, 'close', this.config.retention);
      // The closure's reason is case content: in the (erasable) payload, never the chained reason (§13).
      return { action: 'case.closed', entityType: 'case', entityId: caseId, payload: { reason: body.reason ?? null } };
    });
  }

  /** GET /cases/:id/outcome: an audited read of the case view. */
  getOutcome(actor: Actor, caseId: string): Promise<OutcomeResponse> {
    return this.runner.viewRecord(actor, caseId, { what: 'Outcome', entityType: 'outcome', pick: (view) => view.outcome ?? undefined });
  }

  /** GET /appeals/:id: an audited read of the case view. */
  getAppeal(actor: Actor, id: string): Promise<AppealResponse> {
    return this.runner.viewRecord(
      actor,
      { locator: APPEAL_LOCATOR, id },
      {
        what: APPEAL_LOCATOR.what,
        entityType: 'appeal',
        entityId: id,
        pick: (view) => view.appeals.find((a) => a.id === id),
      },
    );
  }
}
