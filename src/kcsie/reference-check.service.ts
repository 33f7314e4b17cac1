import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { canSeeCase, readerRights } from '../access/case-access.policy';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { CaseViewService } from '../cases/case-view.service';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { loadInvolvement, loadStaff } from '../exports/subject-access.sql';
import { ReferenceCheckResponse } from './dto/reference-check.dto';
import { ownReferenceCheckProblem } from './reference-check.own';
import { ReferenceCaseInput, referenceEntries } from './reference-check.rules';

/**
 * KCSIE Part 4 (process.md §3): what may be said in a reference about a staff member, from the
 * cases in which they are a subject that the caller may see (as the subject-access export: a
 * case hidden from the caller is neither read nor counted). Each case read is audited on that
 * case, and the check itself without counts; all in one transaction, audit last.
 */
@Injectable()
export class ReferenceCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  check(actor: Actor, staffId: string): Promise<ReferenceCheckResponse> {
    return this.dataSource.transaction(async (em) => {
      const staff = await loadStaff(em, actor.organisationId, staffId);
      if (!staff) throw DomainError.notFound('Staff member');
      const own = ownReferenceCheckProblem(actor, staffId);
      if (own) throw own;
      const now = this.clock.now();
      const cases: ReferenceCaseInput[] = [];
      for (const { caseId, capacities } of await loadInvolvement(em, actor, staffId)) {
        if (!capacities.includes('subject')) continue;
        const read = await this.views.read(em, actor.organisationId, caseId, now);
        if (!read || !canSeeCase(actor, read.facts)) continue;
        const view = this.views.forReader(read, readerRights(actor, read.facts));
        cases.push({
          caseId,
          reference: view.reference,
          status: view.status,
          safeguarding: view.safeguarding.flagged,
          erased: view.retention.erasedAt !== null,
          allegations: view.allegations,
          outcome: view.outcome,
          appeals: view.appeals,
          sanctionInForce: view.sanctionInForce,
        });
      }
      const entries = referenceEntries(cases, now);
      const role = roleFor(actor, 'references:check');
      const about = { entityType: 'staff_member', entityId: staffId } as const;
      for (const { caseId } of cases) {
        // On the case: read only by those who may see it, and — being about the staff member — never by them (GET /audit).
        await this.audit.record(em, { organisationId: actor.organisationId, actor, role, action: 'reference_check.case_read', caseId, ...about });
      }
      // No case and no counts: a count set against what another reader may see would tell them of a hidden case.
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role, action: 'reference_check.viewed', ...about });
      return { staff: { id: staff.id, name: staff.name, jobTitle: staff.jobTitle }, checkedAt: now.toISOString(), ...entries };
    });
  }
}
