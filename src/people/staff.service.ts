import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, toPage } from '../common/pagination/pagination';
import { queryOne, queryRows, SqlParams } from '../database/sql';
import { CreateStaffRequest, StaffQuery, StaffResponse, UpdateStaffRequest } from './dto/staff.dto';
import { LINK_MESSAGES, linkProblem } from './people.rules';

const STAFF_COLUMNS = `id, name, email, job_title AS "jobTitle", teacher, user_id AS "userId", organisation_id AS "organisationId", created_at AS "createdAt"`;
type StaffRow = StaffResponse & { createdAt: Date };
const toStaffResponse = ({ createdAt: _createdAt, ...staff }: StaffRow): StaffResponse => staff;

/** The fields of a staff record PATCH /staff/:id may change, as the audit records them. */
type StaffFields = Pick<StaffResponse, 'name' | 'email' | 'jobTitle' | 'teacher' | 'userId'>;

/** The staff directory: the people who can be subjects, witnesses or reporters. */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, request: CreateStaffRequest): Promise<StaffResponse> {
    return this.dataSource.transaction(async (em) => {
      if (request.userId) await this.checkLink(em, actor, { staffId: null, currentUserId: null, requestedUserId: request.userId });
      const row = (await queryOne<StaffRow>(
        em,
        `INSERT INTO staff_members (organisation_id, name, email, job_title, teacher, user_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${STAFF_COLUMNS}`,
        [actor.organisationId, request.name, request.email?.toLowerCase() ?? null, request.jobTitle ?? null, request.teacher ?? false, request.userId ?? null],
      ))!;
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'staff:manage'),
        action: 'staff.created',
        entityType: 'staff_member',
        entityId: row.id,
        payload: { name: row.name, email: row.email, jobTitle: row.jobTitle, teacher: row.teacher, userId: row.userId },
      });
      return toStaffResponse(row);
    });
  }

  /** One staff member of the caller's organisation; another organisation's answers 404, like a missing one. */
  async get(actor: Actor, id: string): Promise<StaffResponse> {
    const row = await this.find(this.dataSource.manager, actor.organisationId, id);
    if (!row) throw DomainError.notFound('Staff member');
    return toStaffResponse(row);
  }

  /**
   * PATCH /staff/:id: name, e-mail, job title, and the link to an account (domain.md
   * "Conflicts of interest": a person is linked to their staff record through their account).
   */
  async update(actor: Actor, id: string, request: UpdateStaffRequest): Promise<StaffResponse> {
    const requested: Partial<StaffFields> = {};
    if (request.name !== undefined) requested.name = request.name;
    if (request.email !== undefined) requested.email = request.email === null ? null : request.email.trim().toLowerCase();
    if (request.jobTitle !== undefined) requested.jobTitle = request.jobTitle;
    if (request.teacher !== undefined) requested.teacher = request.teacher;
    if (request.userId !== undefined) requested.userId = request.userId;
    if (Object.keys(requested).length === 0)
      throw DomainError.badRequest('validation_failed', 'Nothing to change: give name, email, jobTitle, teacher or userId.');

    return this.dataSource.transaction(async (em) => {
      // the record's row lock serialises changes of its link (and an account creation linking it by e-mail)
      const before = await this.find(em, actor.organisationId, id, true);
      if (!before) throw DomainError.notFound('Staff member');
      const changes = Object.fromEntries(
        Object.entries(requested).filter(([field, value]) => before[field as keyof StaffFields] !== value),
      ) as Partial<StaffFields>;
      if (Object.keys(changes).length === 0) return toStaffResponse(before);
      if (changes.userId !== undefined) await this.checkLink(em, actor, { staffId: id, currentUserId: before.userId, requestedUserId: changes.userId });

      const params = new SqlParams();
      const sets = Object.entries(changes).map(([field, value]) => `${COLUMN_OF[field as keyof StaffFields]} = ${params.add(value)}`);
      const after = (await queryOne<StaffRow>(
        em,
        `UPDATE staff_members SET ${sets.join(', ')} WHERE id = ${params.add(id)} AND organisation_id = ${params.add(actor.organisationId)} RETURNING ${STAFF_COLUMNS}`,
        params.values,
      ))!;
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'staff:manage'),
        action: 'staff.updated',
        entityType: 'staff_member',
        entityId: id,
        payload: { before: pickFields(before, Object.keys(changes) as (keyof StaffFields)[]), changes },
      });
      return toStaffResponse(after);
    });
  }

  async list(actor: Actor, query: StaffQuery): Promise<Page<StaffResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const search = query.q?.trim() ?? '';
    const params = new SqlParams();
    const where = [`organisation_id = ${params.add(actor.organisationId)}`];
    // api.md "?q= searches names": a part of the name, in any case (no LIKE pattern: % and _ are plain characters)
    if (search) where.push(`strpos(lower(name), lower(${params.add(search)})) > 0`);
    if (after) where.push(`(created_at, id) < (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
    const rows = await queryRows<StaffRow>(
      this.dataSource.manager,
      `SELECT ${STAFF_COLUMNS} FROM staff_members WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      params.values,
    );
    return toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id], toStaffResponse);
  }

  /**
   * domain.md "Conflicts of interest": an account created with the e-mail of an unlinked staff
   * record of the organisation is linked to it, in the account's own transaction. Only when exactly
   * one unlinked record has that e-mail: with two, which person it is would be a guess (the admin
   * links the right one with PATCH /staff/:id). The row locks keep a concurrent PATCH from linking
   * the same record to another account. Answers the linked record's id, or null.
   */
  async linkNewAccount(em: EntityManager, organisationId: string, userId: string, email: string): Promise<string | null> {
    const candidates = await queryRows<{ id: string }>(
      em,
      `SELECT id FROM staff_members WHERE organisation_id = $1 AND lower(email) = $2 AND user_id IS NULL ORDER BY created_at, id FOR NO KEY UPDATE`,
      [organisationId, email.toLowerCase()],
    );
    if (candidates.length !== 1) return null;
    await em.query(`UPDATE staff_members SET user_id = $1 WHERE id = $2`, [userId, candidates[0].id]);
    return candidates[0].id;
  }

  /**
   * Refuses a link the rules forbid (people.rules.ts `linkProblem`). Locks the requested account's
   * row first, so two requests linking one account to two records are serialised: the second sees
   * the first's link and answers 409 `user_already_linked` (the UNIQUE user_id is the backstop).
   */
  private async checkLink(
    em: EntityManager,
    actor: Actor,
    link: { staffId: string | null; currentUserId: string | null; requestedUserId: string | null },
  ): Promise<void> {
    let requestedUserStaffId: string | null = null;
    if (link.requestedUserId !== null) {
      const user = await queryOne<{ id: string }>(em, `SELECT id FROM users WHERE id = $1 AND organisation_id = $2 FOR NO KEY UPDATE`, [
        link.requestedUserId,
        actor.organisationId,
      ]);
      if (!user) throw DomainError.invalidField('userId', 'no such user in your organisation');
      const linked = await queryOne<{ id: string }>(em, `SELECT id FROM staff_members WHERE user_id = $1`, [link.requestedUserId]);
      requestedUserStaffId = linked?.id ?? null;
    }
    const problem = linkProblem({
      actorUserId: actor.userId,
      staffId: link.staffId,
      currentUserId: link.currentUserId,
      requestedUserId: link.requestedUserId,
      requestedUserStaffId,
    });
    if (problem) throw DomainError.conflict(problem, LINK_MESSAGES[problem]);
  }

  private async find(em: EntityManager, organisationId: string, id: string, lock = false): Promise<StaffRow | undefined> {
    return queryOne<StaffRow>(em, `SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = $1 AND organisation_id = $2 ${lock ? 'FOR NO KEY UPDATE' : ''}`, [
      id,
      organisationId,
    ]);
  }
}

const COLUMN_OF: Record<keyof StaffFields, string> = { name: 'name', email: 'email', jobTitle: 'job_title', teacher: 'teacher', userId: 'user_id' };

function pickFields(row: StaffFields, fields: (keyof StaffFields)[]): Partial<StaffFields> {
  return Object.fromEntries(fields.map((field) => [field, row[field]]));
}
