import { Injectable } from '@nestjs/common';
import { Actor } from '../access/actor';
import { CaseRunner } from '../cases/case-runner.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { CreateReportRequest } from './dto/report.dto';
import { openCaseWithReport } from './report-rows';
import { isSafeguardingMatter } from './safeguarding';

/** §4: the deputy head logs a report; it opens a case in state `reported`. */
@Injectable()
export class ReportsService {
  constructor(private readonly runner: CaseRunner) {}

  create(actor: Actor, request: CreateReportRequest): Promise<CaseResponse> {
    if (request.subjectStaffIds.some((id) => actor.staffIds.includes(id))) {
      // §4, §5 fair and unbiased: nobody handles a report about themselves.
      throw DomainError.conflict('conflict_of_interest', 'You cannot log a report in which you are a subject.');
    }
    return this.runner.open(actor, 'reports:create', async (em) => {
      const safeguarding = isSafeguardingMatter(request);
      const opened = await openCaseWithReport(em, actor.organisationId, request, { at: new Date(), safeguarding, loggedByUserId: actor.userId });
      // Staff ids must belong to the caller's organisation (otherwise unknown: 400, and the transaction rolls back).
      if (opened.unknownStaff.subjects.length)
        throw DomainError.invalidField('subjectStaffIds', `unknown staff member ${opened.unknownStaff.subjects.join(', ')}`);
      if (opened.unknownStaff.reporter) throw DomainError.invalidField('reporter.staffId', `unknown staff member ${request.reporter.staffId}`);
      return {
        caseId: opened.caseId,
        audit: {
          action: 'report.created',
          entityType: 'report',
          entityId: opened.reportId,
          payload: { reference: opened.reference, safeguarding, report: request },
        },
      };
    });
  }
}
