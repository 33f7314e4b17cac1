import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { Nation } from '../calendar/bank-holidays';
import { knownThrough } from '../calendar/school-calendar';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { NationResponse } from './dto/nation.dto';
import { loadNation, updateNation } from './nation.sql';
import { loadDeadlines, updateDeadlines } from './deadlines.sql';
import { DeadlinesDto } from './dto/deadlines.dto';
import { DomainError } from '../common/errors/domain-error';
import { DEADLINE_KEYS, Deadlines, deadlinesProblem } from '../tasks/task.rules';

/** The organisation's nation and deadlines (process.md §6), set by an admin; each change audited like the letterhead's. */
@Injectable()
export class OrganisationSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async nation(actor: Actor): Promise<NationResponse> {
    return this.nationResponse(await loadNation(this.dataSource.manager, actor.organisationId));
  }

  setNation(actor: Actor, nation: Nation): Promise<NationResponse> {
    return this.dataSource.transaction(async (em) => {
      const { before, after } = await updateNation(em, actor.organisationId, nation);
      await this.recordChange(em, actor, 'organisation.nation_updated', before, after);
      return this.nationResponse(after);
    });
  }

  deadlines(actor: Actor): Promise<DeadlinesDto> {
    return loadDeadlines(this.dataSource.manager, actor.organisationId, this.config);
  }

  /** All eight, each within its range: the fair-process ones within the deployment's bounds (task.rules.ts `deadlinesProblem`; 400 naming the field). */
  setDeadlines(actor: Actor, deadlines: DeadlinesDto): Promise<DeadlinesDto> {
    const set = Object.fromEntries(DEADLINE_KEYS.map((key) => [key, deadlines[key]])) as unknown as Deadlines;
    const problem = deadlinesProblem(set, this.config);
    if (problem) return Promise.reject(DomainError.invalidField(problem.field, problem.message));
    return this.dataSource.transaction(async (em) => {
      const { before, after } = await updateDeadlines(em, actor.organisationId, set, this.config);
      await this.recordChange(em, actor, 'organisation.deadlines_updated', before, after);
      return after;
    });
  }

  /** A setting changed: audited in the change's transaction, with what it was and what it is. */
  private recordChange(em: EntityManager, actor: Actor, action: string, from: unknown, to: unknown): Promise<unknown> {
    return this.audit.record(em, {
      organisationId: actor.organisationId,
      actor,
      role: roleFor(actor, 'organisation:manage'),
      action,
      entityType: 'organisation',
      entityId: actor.organisationId,
      payload: { from, to },
    });
  }

  private nationResponse(nation: Nation): NationResponse {
    return { nation, bankHolidaysKnownThrough: knownThrough(nation, this.config.extraBankHolidays) };
  }
}
