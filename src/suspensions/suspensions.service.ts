import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { requireNotBefore } from '../cases/chronology';
import { CaseResponse } from '../cases/dto/case.dto';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { SchoolCalendars } from '../organisations/school-calendars.service';
import { firstObservedAt } from '../reports/report-rows';
import { SuspensionRequest, SuspensionResponse, SuspensionReviewRequest } from './dto/suspension.dto';
import { endSuspensionOnReview, insertReview, insertSuspension, loadSuspension, unendedSuspensionsOf } from './suspension-rows';
import {
  requireCaseSubject,
  requireNotSuspended,
  requireReviewable,
  requireReviewBy,
  requireSuspendable,
  reviewDecisionProblem,
  SUSPENSION_GROUNDS,
} from './suspension.rules';

/**
 * Precautionary suspension on a case (process.md §1; ACAS Code; KCSIE Part 4): recorded and
 * reviewed by the acting decision-maker (`outcome:decide`: the headteacher, or the governors when
 * every headteacher is conflicted — case-access.policy.ts).
 */
@Injectable()
export class SuspensionsService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
    private readonly calendars: SchoolCalendars,
  ) {}

  /** The organisation's review period: 4 weeks, or fewer days where it set fewer (docs/tasks.md); read with the change's task watch. */
  private async reviewMaxDays(em: EntityManager, organisationId: string): Promise<number> {
    return (await this.calendars.withDeadlines(em, organisationId)).deadlines.suspensionReviewMaxDays;
  }

  /** Suspends a subject of the case on full pay: why, the alternatives considered, the review date. */
  suspend(actor: Actor, caseId: string, request: SuspensionRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'outcome:decide', async ({ em, facts }) => {
      const now = this.clock.now();
      requireSuspendable(facts.status);
      requireCaseSubject(
        request.subjectStaffId,
        facts.parties.filter((p) => p.capacity === 'subject').map((p) => p.staffId!),
      );
      const startsAt = new Date(request.startsAt);
      requireNotBefore('startsAt', startsAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
      const reviewBy = new Date(request.reviewBy);
      requireReviewBy('reviewBy', reviewBy, startsAt, now, await this.reviewMaxDays(em, actor.organisationId));
      requireNotSuspended(await unendedSuspensionsOf(em, caseId, request.subjectStaffId), now);
      const id = await insertSuspension(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { ...request, startsAt, reviewBy, grounds: [...request.grounds] },
      );
      return {
        action: 'suspension.recorded',
        entityType: 'suspension',
        entityId: id,
        createdId: id,
        // the grounds as one code (at most 61 characters): risk_to_pupils_and_risk_to_evidence
        reason: SUSPENSION_GROUNDS.filter((g) => request.grounds.includes(g)).join('_and_'),
        // the reasons and alternatives are case content: in the (erasable) payload
        payload: { ...request },
      };
    });
  }

  /** Reviews an active suspension: continue it (reasons, next review date) or end it (reasons). */
  review(actor: Actor, caseId: string, suspensionId: string, request: SuspensionReviewRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'outcome:decide', async ({ em }) => {
      const now = this.clock.now();
      const suspension = await loadSuspension(em, caseId, suspensionId);
      if (!suspension) throw DomainError.notFound('Suspension');
      requireReviewable(suspension, now);
      const problem = reviewDecisionProblem(request);
      if (problem) throw DomainError.invalidField(problem.field, problem.message);
      const nextReviewBy = request.reviewBy === undefined ? null : new Date(request.reviewBy);
      if (nextReviewBy) requireReviewBy('reviewBy', nextReviewBy, now, now, await this.reviewMaxDays(em, actor.organisationId));
      const at = { organisationId: actor.organisationId, caseId, userId: actor.userId };
      const id = await insertReview(em, at, { suspensionId, decision: request.decision, reasons: request.reasons, nextReviewBy });
      if (request.decision === 'end') await endSuspensionOnReview(em, suspensionId, actor.userId, now);
      return {
        action: request.decision === 'end' ? 'suspension.ended' : 'suspension.continued',
        entityType: 'suspension',
        entityId: suspensionId,
        reason: request.decision,
        payload: { reviewId: id, ...request },
      };
    });
  }

  /** GET /cases/:id/suspensions/:suspensionId: an audited read of the case view. */
  get(actor: Actor, caseId: string, id: string): Promise<SuspensionResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Suspension',
      entityType: 'suspension',
      entityId: id,
      pick: (view) => view.suspensions.find((s) => s.id === id),
    });
  }
}
