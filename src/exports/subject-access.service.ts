import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { canSeeCase, readerRights } from '../access/case-access.policy';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { CaseViewService } from '../cases/case-view.service';
import { DomainError } from '../common/errors/domain-error';
import { IncludeQuery } from './dto/export-query.dto';
import { SarCase, SarCaseTombstone, SubjectAccessExportResponse } from './dto/subject-access.dto';
import { exportRights, includeSpecialCategory } from './special-category';
import { assembleSarCase, assembleSubjectAccess } from './subject-access.assemble';
import { ownSubjectAccessProblem } from './subject-access.rules';
import { loadAuditEvents, loadInvolvement, loadStaff } from './subject-access.sql';

/**
 * §13 subject access: everything held about a staff member of the caller's organisation, as
 * JSON. Each case is the case view (CaseViewService), shown only when the caller may see it (the
 * rule of GET /cases/:id) and redacted for the caller exactly as the case view is; a case the
 * caller may not see is neither shown nor counted. Each case exported is a read of its content,
 * audited on that case (so only those who may see the case read that it went into an export);
 * the export itself is audited without counts. All in one transaction, audit last.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, staffId: string, query: IncludeQuery): Promise<SubjectAccessExportResponse> {
    return this.dataSource.transaction(async (em) => {
      const staff = await loadStaff(em, actor.organisationId, staffId);
      if (!staff) throw DomainError.notFound('Staff member');
      // §13: asked for on purpose by a headteacher; included in each case only where they may read it (the acting decision-maker).
      const includeSpecial = includeSpecialCategory(query.include, actor.roles.includes('headteacher'));
      const own = ownSubjectAccessProblem(actor, staffId);
      if (own) throw own;
      const generatedAt = new Date();
      const cases: Array<SarCase | SarCaseTombstone> = [];
      const exported: Array<{ caseId: string; payload: Record<string, unknown> }> = [];
      for (const { caseId, capacities } of await loadInvolvement(em, actor, staffId)) {
        const read = await this.views.read(em, actor.organisationId, caseId, generatedAt);
        // the list's SQL twin agreed; the case view's own rule has the last word
        if (!read || !canSeeCase(actor, read.facts)) continue;
        const rights = exportRights(readerRights(actor, read.facts), includeSpecial);
        const sarCase = assembleSarCase(staffId, { view: this.views.forReader(read, rights), capacities, specialCategoryIncluded: rights.specialCategory });
        cases.push(sarCase);
        exported.push({ caseId, payload: { capacities, erased: sarCase.erased, specialCategoryIncluded: !sarCase.erased && rights.specialCategory } });
      }
      const events = staff.userAccount ? await loadAuditEvents(em, actor, staff.userAccount.id) : [];
      const result = assembleSubjectAccess({ staff, cases, events, includeSpecial, generatedAt });

      const role = includeSpecial ? 'headteacher' : roleFor(actor, 'subject-access:export');
      const about = { entityType: 'staff_member', entityId: staffId } as const;
      for (const { caseId, payload } of exported) {
        // On the case: read only by those who may see it, and — being about the staff member — never by them (GET /audit).
        await this.audit.record(em, { organisationId: actor.organisationId, actor, role, action: 'subject_access.case_exported', caseId, ...about, payload });
      }
      // No case, so every audit reader sees it: no case ids, and no counts (a count set against the
      // cases another reader may see would tell them of a case hidden from them).
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'subject_access.exported',
        ...about,
        payload: { includeSpecial },
      });
      return result;
    });
  }
}
