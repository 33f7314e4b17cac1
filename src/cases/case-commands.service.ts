import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { ActingOptions, CaseFacts } from '../access/case-access.policy';
import { CaseAccessService } from '../access/case-access.service';
import { Permission } from '../access/permissions';
import { Role } from '../access/roles';
import { AuditInput } from '../audit/audit.service';
import { AuditService } from '../audit/audit.service';
import { CaseViewService } from './case-view.service';
import { CaseResponse } from './dto/case.dto';
import { CaseStatus } from './lifecycle';

export interface CaseCommandContext {
  em: EntityManager;
  actor: Actor;
  facts: CaseFacts;
  status: CaseStatus;
  /** The role the caller acts in. */
  role: Role;
}

/** What a command tells the audit log about itself. */
export type CaseCommandRecord = Pick<AuditInput, 'action' | 'entityType' | 'entityId' | 'reason' | 'payload'>;

/**
 * The shape of every change to a case, in one place: one transaction that takes the case
 * row lock and checks access first, does the work, answers with the updated case, and
 * records the audit event last (no change without its event, no event without its change).
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
  ) {}

  run(
    actor: Actor,
    caseId: string,
    permission: Permission,
    work: (ctx: CaseCommandContext) => Promise<CaseCommandRecord>,
    options: ActingOptions = {},
  ): Promise<CaseResponse> {
    return this.dataSource.transaction(async (em) => {
      const { facts, status, role } = await this.access.requireCaseAccess(em, actor, caseId, permission, { ...options, lock: true });
      const record = await work({ em, actor, facts, status, role });
      // The work may have changed who is party to the case or who investigates it.
      const after = (await this.access.loadFacts(em, actor.organisationId, caseId, false))!;
      const view = await this.views.view(em, after.facts);
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role, caseId, ...record });
      return view;
    });
  }
}
