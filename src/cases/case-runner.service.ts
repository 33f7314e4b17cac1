import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { ActingOptions, alreadyDecidedFor, canSeeCase } from '../access/case-access.policy';
import { CaseAccess, decideCaseAccess } from '../access/case-access.service';
import { loadCaseFacts } from '../access/case-facts.sql';
import { Permission, roleFor } from '../access/permissions';
import { AuditInput, AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { refreshCaseFigures } from '../statistics/case-figures.sql';
import { CaseTaskWatch } from '../tasks/case-task-watch';
import { CaseViewService } from './case-view.service';
import { lockCaseRow } from './case-rows';
import { CaseResponse } from './dto/case.dto';

/** Everything a piece of work on a case is given: its transaction, the caller, and the access decided. */
export interface CaseContext extends CaseAccess {
  em: EntityManager;
  actor: Actor;
}

/** What a piece of work tells the audit log about itself. */
export type CaseAuditRecord = Pick<AuditInput, 'action' | 'entityType' | 'entityId' | 'reason' | 'payload'>;

/** What a change made by the system is given (CaseRunner.changeAsSystem): its transaction and the case's organisation. No person acts. */
export interface SystemCaseContext {
  em: EntityManager;
  organisationId: string;
  caseId: string;
}

/** A change's answer and its audit event. */
export interface CaseChange<T> {
  result: T;
  audit: CaseAuditRecord;
}

/** A change answered with the updated case; `createdId` names the record it created, if any. */
export type CaseRecordChange = CaseAuditRecord & { createdId?: string };

/** Finds the case of a record a route names (an appeal, a monitoring request), in the caller's organisation. */
export interface CaseLocator {
  /** What the route names, for its 404: "Appeal not found". */
  what: string;
  locate(em: EntityManager, organisationId: string, id: string): Promise<string | undefined>;
}

/** Which record of the case view a GET answers (CaseRunner.viewRecord). */
export interface CaseRecordRead<T> {
  /** For the 404: "Allegation not found". */
  what: string;
  /** The audit event's entity: `allegation` → `allegation.viewed`. */
  entityType: string;
  /** Default: the record's `id`. */
  entityId?: string;
  /** The record in the view as the reader may see it; undefined when the case has none. */
  pick: (view: CaseResponse) => T | undefined;
}

/** A case by its id, or by a record of it. */
export type CaseTarget = string | { locator: CaseLocator; id: string };

/**
 * The one way to change a case, and to read one: one transaction that finds the case,
 * decides access (conflicts of interest included), takes the case row lock for a change,
 * does the work, brings the case's figures for governors up to date (statistics'
 * case-figures.sql.ts), tells whoever a new task now waits for (tasks' case-task-watch.ts) and
 * records the audit event last — no change without its event, no
 * event without its change. Status moves only through case-status.ts.
 */
@Injectable()
export class CaseRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
    private readonly watch: CaseTaskWatch,
  ) {}

  /**
   * A change to an existing case. The case must be visible when asked (404 otherwise, like a
   * missing one); then its row is locked and access is decided on what holds now, so a
   * request that waited behind another change meets that change: 409, never a 404 it did
   * not earn. A tombstone (erased, §13) accepts nothing.
   */
  change<T>(
    actor: Actor,
    target: CaseTarget,
    permission: Permission,
    work: (ctx: CaseContext) => Promise<CaseChange<T>>,
    options: ActingOptions = {},
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const caseId = await this.locate(em, actor, target);
      const asked = await loadCaseFacts(em, actor.organisationId, caseId);
      if (asked && !canSeeCase(actor, asked) && alreadyDecidedFor(actor, asked, permission)) {
        throw DomainError.conflict('already_decided', 'This has already been decided by someone else.');
      }
      if (!asked || !canSeeCase(actor, asked)) throw notFound(target);
      const facts = (await loadCaseFacts(em, actor.organisationId, caseId, true))!;
      if (!canSeeCase(actor, facts)) {
        if (alreadyDecidedFor(actor, facts, permission)) throw DomainError.conflict('already_decided', 'This has already been decided by someone else.');
        throw DomainError.conflict('case_changed', 'The case changed while your request waited; reload it.');
      }
      const access = decideCaseAccess(actor, facts, permission, options);
      if (facts.erased) throw DomainError.conflict('erased', 'The content of this case has been erased (§13): it accepts no further record.');
      const waiting = await this.watch.snapshot(em, actor.organisationId, caseId);
      const { result, audit } = await work({ em, actor, ...access });
      await refreshCaseFigures(em, caseId);
      await this.watch.notifyNew(em, actor.organisationId, waiting);
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role: access.role, caseId, ...audit });
      return result;
    });
  }

  /**
   * A change made by the system, not by a person (the scheduled retention run; process.md §6
   * "Scheduled work"): the same transaction, case row lock, figures, task watch and audit event
   * last as `change`, with no access decision — nobody is acting — and the event recorded as the
   * system (no actor, no role; AuditInput). A missing case is 404; a tombstone (erased, §13)
   * accepts nothing (409 erased). The work re-checks what it depends on under the lock.
   */
  changeAsSystem<T>(caseId: string, work: (ctx: SystemCaseContext) => Promise<CaseChange<T>>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const locked = await lockCaseRow(em, caseId);
      if (!locked) throw DomainError.notFound('Case');
      if (locked.erased) throw DomainError.conflict('erased', 'The content of this case has been erased (§13): it accepts no further record.');
      const { organisationId } = locked;
      const waiting = await this.watch.snapshot(em, organisationId, caseId);
      const { result, audit } = await work({ em, organisationId, caseId });
      await refreshCaseFigures(em, caseId);
      await this.watch.notifyNew(em, organisationId, waiting);
      await this.audit.record(em, { organisationId, actor: null, role: null, caseId, ...audit });
      return result;
    });
  }

  /** A change answered, as most are, with the updated case as the caller may see it. */
  changeCase(
    actor: Actor,
    target: CaseTarget,
    permission: Permission,
    work: (ctx: CaseContext) => Promise<CaseRecordChange>,
    options: ActingOptions = {},
  ): Promise<CaseResponse & { createdId?: string }> {
    return this.change(
      actor,
      target,
      permission,
      async (ctx) => {
        const { createdId, ...audit } = await work(ctx);
        const view = await this.viewIn(ctx.em, ctx.actor, ctx.facts.id);
        return { result: createdId === undefined ? view : { ...view, createdId }, audit };
      },
      options,
    );
  }

  /**
   * GET /cases/:id: the case and its facts in one statement, access decided, the look
   * recorded (§13) — two statements after the caller's own load, and no transaction: the
   * read is one snapshot, and nothing is answered unless its audit event was written.
   */
  async view(actor: Actor, caseId: string): Promise<CaseResponse> {
    const em = this.dataSource.manager;
    const read = await this.views.read(em, actor.organisationId, caseId);
    const { role, rights } = decideCaseAccess(actor, read?.facts, 'cases:read');
    await this.audit.record(em, { organisationId: actor.organisationId, actor, role, action: 'case.viewed', caseId, entityType: 'case', entityId: caseId });
    return this.views.forPerson(read!, actor, rights);
  }

  /**
   * GET of one record of a case (an allegation, an appeal, a monitoring request …), the path a
   * creating POST's `Location` names: the case view as the caller may read it — the same
   * statement and redaction as GET /cases/:id — with the record picked from it, and the look
   * recorded (§13). A record the case does not have answers 404, like a case the caller may not see.
   */
  async viewRecord<T>(actor: Actor, target: CaseTarget, record: CaseRecordRead<T>): Promise<T> {
    const em = this.dataSource.manager;
    const caseId = await this.locate(em, actor, target);
    const read = await this.views.read(em, actor.organisationId, caseId);
    const { role, rights } = decideCaseAccess(actor, read?.facts, 'cases:read');
    const found = record.pick(this.views.forReader(read!, rights));
    if (found === undefined) throw DomainError.notFound(record.what);
    await this.audit.record(em, {
      organisationId: actor.organisationId,
      actor,
      role,
      action: `${record.entityType}.viewed`,
      caseId,
      entityType: record.entityType,
      entityId: record.entityId ?? (found as { id?: string }).id ?? null,
    });
    return found;
  }

  /** An audited look at case content that records more than its audit event (a custody link), in one transaction. */
  look<T>(
    actor: Actor,
    target: CaseTarget,
    permission: Permission,
    work: (ctx: CaseContext) => Promise<CaseChange<T>>,
    options: ActingOptions = {},
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      const caseId = await this.locate(em, actor, target);
      const facts = await loadCaseFacts(em, actor.organisationId, caseId);
      if (!facts || !canSeeCase(actor, facts)) throw notFound(target);
      const access = decideCaseAccess(actor, facts, permission, options);
      const { result, audit } = await work({ em, actor, ...access });
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role: access.role, caseId, ...audit });
      return result;
    });
  }

  /** Opening a case (§4: a report). The work creates it and says what to audit. */
  open(actor: Actor, permission: Permission, work: (em: EntityManager) => Promise<{ caseId: string; audit: CaseAuditRecord }>): Promise<CaseResponse> {
    const role = roleFor(actor, permission);
    return this.dataSource.transaction(async (em) => {
      const { caseId, audit } = await work(em);
      await refreshCaseFigures(em, caseId);
      await this.watch.notifyNew(em, actor.organisationId, { caseId, tasks: [] });
      const view = await this.viewIn(em, actor, caseId);
      await this.audit.record(em, { organisationId: actor.organisationId, actor, role, caseId, ...audit });
      return view;
    });
  }

  /** The case as the caller may see it, inside a transaction. */
  private async viewIn(em: EntityManager, actor: Actor, caseId: string): Promise<CaseResponse> {
    const read = (await this.views.read(em, actor.organisationId, caseId))!;
    return this.views.forPerson(read, actor);
  }

  private async locate(em: EntityManager, actor: Actor, target: CaseTarget): Promise<string> {
    if (typeof target === 'string') return target;
    const caseId = await target.locator.locate(em, actor.organisationId, target.id);
    if (!caseId) throw notFound(target);
    return caseId;
  }
}

function notFound(target: CaseTarget): DomainError {
  return DomainError.notFound(typeof target === 'string' ? 'Case' : target.locator.what);
}
