import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { requireNotBefore } from '../cases/chronology';
import { CaseResponse } from '../cases/dto/case.dto';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { firstObservedAt } from '../reports/report-rows';
import { GrievanceDecisionRequest, GrievanceRequest, GrievanceResponse, PauseRequest } from './dto/grievance.dto';
import { endPause, insertGrievance, insertPause, loadGrievance, openPause, recordGrievanceDecision } from './grievance-rows';
import { grievanceSubject, requireDecidedAfterLodged, requireOpenForGrievance, requirePausable, requireResumable, requireUndecided } from './grievance.rules';

/** §6, process.md §4: grievances on a case, and pausing the disciplinary process for a related one. */
@Injectable()
export class GrievancesService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
  ) {}

  /** HR records a grievance the subject lodged, while the case is open. */
  lodge(actor: Actor, caseId: string, request: GrievanceRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'grievances:lodge', async ({ em, facts }) => {
      requireOpenForGrievance(facts.status);
      const lodgedAt = new Date(request.lodgedAt);
      requireNotBefore('lodgedAt', lodgedAt, await firstObservedAt(em, caseId), 'the reported activity was seen');
      const subjects = facts.parties.filter((p) => p.capacity === 'subject' && p.staffId !== null).map((p) => p.staffId!);
      const subjectStaffId = grievanceSubject(subjects, request.subjectStaffId);
      const id = await insertGrievance(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { subjectStaffId, lodgedAt, summary: request.summary, relatedToProcess: request.relatedToProcess },
      );
      return {
        action: 'grievance.lodged',
        entityType: 'grievance',
        entityId: id,
        createdId: id,
        reason: request.relatedToProcess ? 'related' : 'unrelated',
        // what it says is case content: in the (erasable) payload
        payload: { ...request },
      };
    });
  }

  /**
   * Someone uninvolved in the case (case-access.policy.ts, `grievances:decide`) decides it, once:
   * under the case row lock the grievance is read again, and a decided one is 409 `already_decided`.
   * One who could have heard it but finds the case out of sight because another hearer decided
   * it first is told the same by the runner (case-access.policy.ts `alreadyDecidedFor`), not 404.
   */
  decide(actor: Actor, caseId: string, grievanceId: string, request: GrievanceDecisionRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'grievances:decide', async ({ em, role }) => {
      const grievance = await loadGrievance(em, caseId, grievanceId);
      if (!grievance) throw DomainError.notFound('Grievance');
      requireUndecided(grievance);
      const decidedAt = new Date(request.decidedAt);
      requireDecidedAfterLodged(decidedAt, grievance.lodgedAt);
      await recordGrievanceDecision(em, grievanceId, { ...request, decidedAt, userId: actor.userId, role });
      return { action: 'grievance.decided', entityType: 'grievance', entityId: grievanceId, reason: request.outcome, payload: { ...request } };
    });
  }

  /** The acting decision-maker pauses the disciplinary process for a related, undecided grievance. */
  pause(actor: Actor, caseId: string, request: PauseRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'outcome:decide', async ({ em, facts }) => {
      requireOpenForGrievance(facts.status);
      const grievance = await loadGrievance(em, caseId, request.grievanceId);
      if (!grievance) throw DomainError.invalidField('grievanceId', 'no such grievance on this case');
      requirePausable(grievance, (await openPause(em, caseId)) !== null);
      const id = await insertPause(
        em,
        { organisationId: actor.organisationId, caseId, userId: actor.userId },
        { grievanceId: grievance.id, reason: request.reason, pausedAt: this.clock.now() },
      );
      return { action: 'process.paused', entityType: 'process_pause', entityId: id, reason: 'grievance', payload: { ...request } };
    });
  }

  /** The acting decision-maker resumes it once that grievance is decided. */
  resume(actor: Actor, caseId: string): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'outcome:decide', async ({ em }) => {
      const pause = await openPause(em, caseId);
      requireResumable(pause);
      await endPause(em, pause!.id, { resumedAt: this.clock.now(), userId: actor.userId });
      return { action: 'process.resumed', entityType: 'process_pause', entityId: pause!.id, payload: { grievanceId: pause!.grievanceId } };
    });
  }

  /** GET /cases/:id/grievances/:grievanceId: an audited read of the case view. */
  get(actor: Actor, caseId: string, id: string): Promise<GrievanceResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Grievance',
      entityType: 'grievance',
      entityId: id,
      pick: (view) => view.grievances.find((g) => g.id === id),
    });
  }
}
