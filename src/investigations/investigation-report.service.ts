import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseCommands } from '../cases/case-commands.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { nextStatus, requireInvestigationOpen } from '../cases/lifecycle';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { firstObservedAt, requireNotBefore } from '../cases/chronology';
import { FindingRequest, SubjectNotificationRequest, SubjectResponseRequest, SubmitReportRequest } from './dto/investigation.dto';
import { Finding, submissionBlockers } from './investigation.rules';

/**
 * The fair-process steps before a decision (ACAS Code): written notice of the
 * allegations, the subject's response, a finding on each allegation, then the report.
 */
@Injectable()
export class InvestigationReportService {
  constructor(private readonly commands: CaseCommands) {}

  notifySubject(actor: Actor, caseId: string, request: SubjectNotificationRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      requireNotBefore('sentAt', new Date(request.sentAt), await firstObservedAt(em, caseId), 'the reported activity was seen');
      const known: { id: string }[] = await em.query(`SELECT id FROM allegations WHERE case_id = $1 AND id = ANY($2::uuid[])`, [caseId, request.allegationIds]);
      const unknown = request.allegationIds.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length) throw DomainError.invalidField('allegationIds', `not allegations of this case: ${unknown.join(', ')}`);
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO subject_notifications (organisation_id, case_id, recorded_by_user_id, sent_at, method, allegation_ids)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, actor.userId, new Date(request.sentAt), request.method, request.allegationIds],
      );
      return { action: 'subject.notified', entityType: 'subject_notification', entityId: row!.id, payload: { ...request } };
    });
  }

  recordResponse(actor: Actor, caseId: string, request: SubjectResponseRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      const first = await queryOne<{ sent_at: Date | null }>(em, `SELECT min(sent_at) AS sent_at FROM subject_notifications WHERE case_id = $1`, [caseId]);
      if (!first?.sent_at) throw DomainError.conflict('not_notified', 'The subject has not been notified of any allegation yet.');
      if (new Date(request.receivedAt) < first.sent_at) throw DomainError.invalidField('receivedAt', 'is before the subject was first notified');
      const row = await queryOne<{ id: string }>(
        em,
        `INSERT INTO subject_responses (organisation_id, case_id, recorded_by_user_id, received_at, response, refused_to_respond)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.organisationId, caseId, actor.userId, new Date(request.receivedAt), request.response, request.refusedToRespond ?? false],
      );
      return { action: 'subject.responded', entityType: 'subject_response', entityId: row!.id, payload: { ...request } };
    });
  }

  /** A finding per allegation; it may be revised until the report is submitted (the audit log keeps each). */
  recordFinding(actor: Actor, caseId: string, request: FindingRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      const before = await queryOne<{ finding: Finding | null; finding_reasoning: string | null }>(
        em,
        `SELECT finding, finding_reasoning FROM allegations WHERE id = $1 AND case_id = $2`,
        [request.allegationId, caseId],
      );
      if (!before) throw DomainError.invalidField('allegationId', 'not an allegation of this case');
      await em.query(`UPDATE allegations SET finding = $2, finding_reasoning = $3, finding_recorded_at = now() WHERE id = $1`, [
        request.allegationId,
        request.finding,
        request.reasoning,
      ]);
      return {
        action: before.finding ? 'finding.revised' : 'finding.recorded',
        entityType: 'allegation',
        entityId: request.allegationId,
        reason: request.finding,
        payload: { ...request, previous: before.finding ? { finding: before.finding, reasoning: before.finding_reasoning } : null },
      };
    });
  }

  /** investigation → awaiting_decision, once nothing blocks it; read-only afterwards. */
  submit(actor: Actor, caseId: string, request: SubmitReportRequest): Promise<CaseResponse> {
    return this.commands.run(actor, caseId, 'investigation:write', async ({ em, status }) => {
      requireInvestigationOpen(status);
      const allegations: { id: string; finding: Finding | null }[] = await em.query(`SELECT id, finding FROM allegations WHERE case_id = $1`, [caseId]);
      const notified: { id: string }[] = await em.query(`SELECT DISTINCT unnest(allegation_ids) AS id FROM subject_notifications WHERE case_id = $1`, [caseId]);
      const responses = await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM subject_responses WHERE case_id = $1`, [caseId]);
      const blockers = submissionBlockers({ allegations, notifiedAllegationIds: new Set(notified.map((n) => n.id)), responses: responses?.n ?? 0 });
      if (blockers.length) throw DomainError.conflict('submission_blocked', `The report cannot go to the decision-maker yet: ${blockers.join('; ')}.`);
      const next = nextStatus(status, 'submit_report');
      await em.query(
        `UPDATE cases SET status = $2::case_status, investigation_summary = $3, report_submitted_at = now(), report_submitted_by_user_id = $4, updated_at = now()
         WHERE id = $1`,
        [caseId, next, request.summary, actor.userId],
      );
      return { action: 'investigation.submitted', entityType: 'case', entityId: caseId, payload: { from: status, to: next, summary: request.summary } };
    });
  }
}
