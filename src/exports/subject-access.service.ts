import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { IncludeQuery } from './dto/export-query.dto';
import { SubjectAccessExportResponse } from './dto/subject-access.dto';
import { includeSpecialCategory } from './special-category';
import { assembleSubjectAccess, casesNeedingContent } from './subject-access.assemble';
import { loadAuditEvents, loadCaseContent, loadCases, loadStaff } from './subject-access.sql';

/**
 * §13 subject access: everything held about a staff member of the caller's organisation, as
 * JSON. Cases are shown only as far as the caller may see them (the rule of GET /cases/:id);
 * the rest are counted. The export is audited in the same transaction, last.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, staffId: string, query: IncludeQuery): Promise<SubjectAccessExportResponse> {
    return this.dataSource.transaction(async (em) => {
      const staff = await loadStaff(em, actor.organisationId, staffId);
      if (!staff) throw DomainError.notFound('Staff member');
      const includeSpecial = includeSpecialCategory(query.include, actor.roles.includes('headteacher'));
      const cases = await loadCases(em, actor, staffId);
      const content = new Map((await loadCaseContent(em, casesNeedingContent(cases), staffId)).map((row) => [row.id, row]));
      const events = staff.userAccount ? await loadAuditEvents(em, actor, staff.userAccount.id) : [];
      const result = assembleSubjectAccess({ staff, cases, content, events, includeSpecial, generatedAt: new Date() });
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: includeSpecial ? 'headteacher' : roleFor(actor, 'subject-access:export'),
        action: 'subject_access.exported',
        entityType: 'staff_member',
        entityId: staffId,
        payload: {
          includeSpecial,
          // Counts, not case ids: this event has no case, so every audit reader sees it (§13).
          cases: result.cases.filter((c) => !c.erased).length,
          tombstones: result.cases.filter((c) => c.erased).length,
          furtherCasesHeld: result.furtherCasesHeld,
          auditEvents: result.auditEvents.length,
        },
      });
      return result;
    });
  }
}
