import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { isStaffOf, loadPerson } from '../people/person.sql';
import { InvestigationMeetingRequest, InvestigationMeetingResponse } from './dto/investigation-meeting.dto';
import { insertMeeting } from './investigation-meeting-rows';
import { meetingCapacity, requireMeetingAhead } from './investigation-meeting.rules';

/**
 * Investigation meetings arranged (process.md §2: the invitation to an investigation meeting is
 * the first letter). The assigned investigating manager arranges them while the investigation is
 * open; arranging one makes nobody a party to the case (only the interview held does).
 */
@Injectable()
export class InvestigationMeetingsService {
  constructor(
    private readonly runner: CaseRunner,
    private readonly clock: Clock,
  ) {}

  arrange(actor: Actor, caseId: string, request: InvestigationMeetingRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const scheduledFor = new Date(request.scheduledFor);
      requireMeetingAhead(scheduledFor, this.clock.now());
      if (!(await isStaffOf(em, actor.organisationId, request.staffId))) throw DomainError.invalidField('staffId', 'no such staff member in your organisation');
      const subjects = facts.parties.filter((p) => p.capacity === 'subject' && p.staffId !== null).map((p) => p.staffId!);
      const investigator = facts.investigatorUserId ? await loadPerson(em, actor.organisationId, facts.investigatorUserId) : undefined;
      const capacity = meetingCapacity(request.staffId, subjects, investigator?.staffIds ?? []);
      const accompaniedAllowed = request.accompaniedAllowed ?? true;
      const id = await insertMeeting(em, {
        organisationId: actor.organisationId,
        caseId,
        userId: actor.userId,
        staffId: request.staffId,
        scheduledFor,
        place: request.place,
        purpose: request.purpose,
        accompaniedAllowed,
      });
      return {
        action: 'investigation_meeting.arranged',
        entityType: 'investigation_meeting',
        entityId: id,
        createdId: id,
        reason: capacity,
        payload: { ...request, accompaniedAllowed },
      };
    });
  }

  /** GET /cases/:id/investigation-meetings/:meetingId: the case view's record, withheld as there (audited). */
  get(actor: Actor, caseId: string, id: string): Promise<InvestigationMeetingResponse> {
    return this.runner.viewRecord(actor, caseId, {
      what: 'Investigation meeting',
      entityType: 'investigation_meeting',
      entityId: id,
      pick: (view) => view.investigationMeetings.find((m) => m.id === id),
    });
  }
}
