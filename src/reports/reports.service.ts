import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { CaseAccessService } from '../access/case-access.service';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { allocateCaseReference } from '../cases/case-reference';
import { CaseViewService } from '../cases/case-view.service';
import { CaseResponse } from '../cases/dto/case.dto';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { CreateReportRequest } from './dto/report.dto';
import { isSafeguardingMatter } from './safeguarding';

/** §4: the deputy head logs a report; it opens a case in state `reported`. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly views: CaseViewService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, request: CreateReportRequest): Promise<CaseResponse> {
    const role = roleFor(actor, 'reports:create');
    if (request.subjectStaffIds.some((id) => actor.staffIds.includes(id))) {
      // §4, §5 fair and unbiased: nobody handles a report about themselves.
      throw DomainError.conflict('conflict_of_interest', 'You cannot log a report in which you are a subject.');
    }
    return this.dataSource.transaction(async (em) => {
      await this.requireStaff(em, actor.organisationId, request.subjectStaffIds, 'subjectStaffIds');
      if (request.reporter.staffId) await this.requireStaff(em, actor.organisationId, [request.reporter.staffId], 'reporter.staffId');
      const now = new Date();
      const reference = await allocateCaseReference(em, actor.organisationId, now);
      const safeguarding = isSafeguardingMatter(request);
      const created = await queryOne<{ id: string }>(
        em,
        `INSERT INTO cases (organisation_id, reference, status, safeguarding, created_at, updated_at)
         VALUES ($1, $2, 'reported', $3, $4, $4) RETURNING id`,
        [actor.organisationId, reference, safeguarding, now],
      );
      const caseId = created!.id;
      const report = await queryOne<{ id: string }>(
        em,
        `INSERT INTO reports (organisation_id, case_id, platform, platform_other, observed_at, description, url, category,
                              policy_standards, involves_pupils, may_meet_harm_threshold, logged_by_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          actor.organisationId,
          caseId,
          request.platform,
          request.platformOther ?? null,
          new Date(request.observedAt),
          request.description,
          request.url ?? null,
          request.category,
          request.policyStandards,
          request.involvesPupils,
          request.mayMeetHarmThreshold ?? false,
          actor.userId,
          now,
        ],
      );
      await em.query(
        `INSERT INTO case_parties (organisation_id, case_id, capacity, staff_id, name, relationship, created_at)
         SELECT $1::uuid, $2::uuid, 'subject'::party_capacity, s, NULL, NULL, $3::timestamptz FROM unnest($4::uuid[]) AS s
         UNION ALL SELECT $1::uuid, $2::uuid, 'reporter'::party_capacity, $5::uuid, $6::text, $7::text, $3::timestamptz`,
        [
          actor.organisationId,
          caseId,
          now,
          request.subjectStaffIds,
          request.reporter.staffId ?? null,
          request.reporter.name ?? null,
          request.reporter.relationship ?? null,
        ],
      );
      const { facts } = (await this.access.loadFacts(em, actor.organisationId, caseId, false))!;
      const view = await this.views.view(em, facts);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'report.created',
        caseId,
        entityType: 'report',
        entityId: report!.id,
        payload: { reference, safeguarding, report: request },
      });
      return view;
    });
  }

  /** Staff ids must belong to the caller's organisation (otherwise: unknown, 400). */
  private async requireStaff(em: EntityManager, organisationId: string, ids: string[], field: string): Promise<void> {
    const found: { id: string }[] = await em.query(`SELECT id FROM staff_members WHERE organisation_id = $1 AND id = ANY($2::uuid[])`, [organisationId, ids]);
    const known = new Set(found.map((r) => r.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw DomainError.invalidField(field, `unknown staff member ${unknown.join(', ')}`);
  }
}
