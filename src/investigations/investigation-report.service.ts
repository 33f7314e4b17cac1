import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { requireNotBefore } from '../cases/chronology';
import { CaseRunner } from '../cases/case-runner.service';
import { isSafeguarding, recordInvestigationReport } from '../cases/case-rows';
import { moveCase } from '../cases/case-status';
import { CaseResponse } from '../cases/dto/case.dto';
import { requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { firstObservedAt } from '../reports/report-rows';
import { requireFindingFitsCase } from '../kcsie/kcsie-findings.check';
import { FindingRequest, SubjectNotificationRequest, SubjectResponseRequest, SubmitReportRequest } from './dto/investigation.dto';
import {
  findingOf,
  firstNoticeSentAt,
  foreignAllegationIds,
  insertNotification,
  insertResponse,
  investigationState,
  recordFinding,
} from './investigation-rows';
import { submissionBlockers } from './investigation.rules';

/**
 * The fair-process steps before a decision (ACAS Code): written notice of the
 * allegations, the subject's response, a finding on each allegation, then the report.
 */
@Injectable()
export class InvestigationReportService {
  constructor(
    private readonly runner: CaseRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  notifySubject(actor: Actor, caseId: string, request: SubjectNotificationRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      requireNotBefore('sentAt', new Date(request.sentAt), await firstObservedAt(em, caseId), 'the reported activity was seen');
      const unknown = await foreignAllegationIds(em, caseId, request.allegationIds);
      if (unknown.length) throw DomainError.invalidField('allegationIds', `not allegations of this case: ${unknown.join(', ')}`);
      const id = await insertNotification(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request);
      return { action: 'subject.notified', entityType: 'subject_notification', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  recordResponse(actor: Actor, caseId: string, request: SubjectResponseRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const firstNotice = await firstNoticeSentAt(em, caseId);
      if (!firstNotice) throw DomainError.conflict('not_notified', 'The subject has not been notified of any allegation yet.');
      requireNotBefore('receivedAt', new Date(request.receivedAt), firstNotice, 'the subject was first notified');
      const id = await insertResponse(em, { organisationId: actor.organisationId, caseId, userId: actor.userId }, request);
      return { action: 'subject.responded', entityType: 'subject_response', entityId: id, createdId: id, payload: { ...request } };
    });
  }

  /** A finding per allegation; it may be revised until the report is submitted (the audit log keeps each). */
  recordFinding(actor: Actor, caseId: string, request: FindingRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const before = await findingOf(em, caseId, request.allegationId);
      if (!before) throw DomainError.invalidField('allegationId', 'not an allegation of this case');
      requireFindingFitsCase(request.finding, await isSafeguarding(em, caseId));
      await recordFinding(em, request.allegationId, request.finding, request.reasoning);
      return {
        action: before.finding ? 'finding.revised' : 'finding.recorded',
        entityType: 'allegation',
        entityId: request.allegationId,
        // the finding is recorded on its allegation: the record the answer names
        createdId: request.allegationId,
        reason: request.finding,
        payload: { ...request, previous: before.finding ? { finding: before.finding, reasoning: before.reasoning } : null },
      };
    });
  }

  /** investigation → awaiting_decision, once nothing blocks it; read-only afterwards. */
  submit(actor: Actor, caseId: string, request: SubmitReportRequest): Promise<CaseResponse> {
    return this.runner.changeCase(actor, caseId, 'investigation:write', async ({ em, facts }) => {
      requireInvestigationOpen(facts.status);
      const blockers = submissionBlockers({ ...(await investigationState(em, caseId)), safeguarding: await isSafeguarding(em, caseId) });
      if (blockers.length) throw DomainError.conflict('submission_blocked', `The report cannot go to the decision-maker yet: ${blockers.join('; ')}.`);
      await recordInvestigationReport(em, caseId, { summary: request.summary, userId: actor.userId });
      const next = await moveCase(em, facts, 'submit_report', this.config.retention);
      return { action: 'investigation.submitted', entityType: 'case', entityId: caseId, payload: { from: facts.status, to: next, summary: request.summary } };
    });
  }
}
