import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { PASSWORD_PROBLEMS, passwordProblem, temporaryPassword } from '../auth/password-policy';
import { endSessionsOfUser } from '../auth/session-store';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne, queryRows } from '../database/sql';
import { CreateUserRequest, PasswordResetResponse, toUserResponse, UpdateUserRequest, UserResponse } from './dto/user.dto';
import { User } from './entities/user.entity';
import { ADMIN_CHANGE_MESSAGES, adminChangeProblem } from './people.rules';
import { StaffService } from './staff.service';

const USER_COLUMNS = `u.id, u.organisation_id AS "organisationId", u.email, u.name, u.roles::text[] AS roles, u.active, u.created_at AS "createdAt",
  (SELECT s.id FROM staff_members s WHERE s.user_id = u.id LIMIT 1) AS "staffId"`;
type UserRow = Pick<User, 'id' | 'organisationId' | 'email' | 'name' | 'roles' | 'active' | 'createdAt'> & { staffId: string | null };

/** Accounts of the admin's own organisation (api.md "Auth and people"). */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A new account (a new account's roles are no admin's own: nothing to refuse there). With the
   * e-mail of an unlinked staff record it is linked to that record in the same transaction, so the
   * person's conflicts of interest hold from their first sign-in; `staffId` says so.
   */
  async create(actor: Actor, request: CreateUserRequest): Promise<UserResponse> {
    const email = request.email.trim().toLowerCase();
    const problem = passwordProblem(request.password, { email, name: request.name });
    if (problem) throw DomainError.invalidField('password', PASSWORD_PROBLEMS[problem]);
    const passwordHash = await hashPassword(request.password, this.config.passwordCost);
    return this.dataSource.transaction(async (em) => {
      const taken = await em.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      if (taken.length) throw DomainError.conflict('email_taken', 'An account with this e-mail already exists.');
      const row = (await queryOne<{ id: string }>(
        em,
        `INSERT INTO users (organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5::role[]) RETURNING id`,
        [actor.organisationId, email, request.name, passwordHash, request.roles],
      ))!;
      const staffId = await this.staff.linkNewAccount(em, actor.organisationId, row.id, email);
      const role = roleFor(actor, 'users:manage');
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        payload: { email, name: request.name, roles: request.roles, staffId },
      });
      if (staffId) {
        await this.audit.record(em, {
          organisationId: actor.organisationId,
          actor,
          role,
          action: 'staff.updated',
          entityType: 'staff_member',
          entityId: staffId,
          payload: { before: { userId: null }, changes: { userId: row.id }, linkedBy: 'the e-mail of the new account' },
        });
      }
      const created = (await this.find(em, actor.organisationId, row.id))!;
      return toUserResponse(created, created.staffId);
    });
  }

  /** One account of the caller's organisation; another organisation's answers 404, like a missing one. */
  async get(actor: Actor, id: string): Promise<UserResponse> {
    const row = await this.find(this.dataSource.manager, actor.organisationId, id);
    if (!row) throw DomainError.notFound('User');
    return toUserResponse(row, row.staffId);
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<UserResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows = await queryRows<UserRow>(
      this.dataSource.manager,
      `SELECT ${USER_COLUMNS} FROM users u
       WHERE u.organisation_id = $1 ${after ? 'AND (u.created_at, u.id) < ($2::timestamptz, $3::uuid)' : ''}
       ORDER BY u.created_at DESC, u.id DESC LIMIT ${limit + 1}`,
      after ? [actor.organisationId, after[0], after[1]] : [actor.organisationId],
    );
    return toPage(
      rows,
      limit,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => toUserResponse(r, r.staffId),
    );
  }

  /**
   * Roles, active, name. A change of roles or active is checked against people.rules.ts
   * `adminChangeProblem` (never one's own roles, never oneself deactivated, never the last active
   * admin) under a lock of the organisation's row: such changes of one organisation run one at a
   * time, and each counts the active admins after the previous one committed (READ COMMITTED reads
   * afresh at each statement), so two admins demoting or deactivating each other at once cannot
   * both succeed.
   */
  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserResponse> {
    const changes: Record<string, unknown> = {};
    if (request.roles !== undefined) changes.roles = request.roles;
    if (request.active !== undefined) changes.active = request.active;
    if (request.name !== undefined) changes.name = request.name;
    if (Object.keys(changes).length === 0) throw DomainError.badRequest('validation_failed', 'Nothing to change: give roles, active or name.');
    const touchesAdmins = request.roles !== undefined || request.active !== undefined;

    return this.dataSource.transaction(async (em) => {
      // NO KEY UPDATE: serialises these changes without blocking inserts that reference the organisation
      if (touchesAdmins) await em.query(`SELECT 1 FROM organisations WHERE id = $1 FOR NO KEY UPDATE`, [actor.organisationId]);
      const before = await this.find(em, actor.organisationId, id, true);
      if (!before) throw DomainError.notFound('User');
      if (touchesAdmins) {
        const admins = await queryOne<{ n: number }>(
          em,
          `SELECT count(*)::int AS n FROM users WHERE organisation_id = $1 AND active AND 'admin' = ANY(roles)`,
          [actor.organisationId],
        );
        const problem = adminChangeProblem({
          actorUserId: actor.userId,
          targetUserId: id,
          before: { roles: before.roles, active: before.active },
          after: { roles: request.roles ?? before.roles, active: request.active ?? before.active },
          activeAdmins: admins!.n,
        });
        if (problem) throw DomainError.conflict(problem, ADMIN_CHANGE_MESSAGES[problem]);
      }
      await em.query(
        `UPDATE users SET roles = COALESCE($3::role[], roles), active = COALESCE($4, active), name = COALESCE($5, name), updated_at = now()
         WHERE id = $1 AND organisation_id = $2`,
        [id, actor.organisationId, request.roles ?? null, request.active ?? null, request.name ?? null],
      );
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'users:manage'),
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        payload: { before: { roles: before.roles, active: before.active, name: before.name }, changes },
      });
      const after = (await this.find(em, actor.organisationId, id))!;
      return toUserResponse(after, after.staffId);
    });
  }

  /**
   * POST /users/:id/password-reset: a generated temporary password (shown once), which the person
   * must replace at their next sign-in (password_change_required); every session of theirs ends.
   * Never one's own (409 own_password_reset): that is POST /auth/password, which asks for the
   * current password, so a stolen admin token cannot take the admin's account for good.
   */
  async resetPassword(actor: Actor, id: string): Promise<PasswordResetResponse> {
    if (id === actor.userId) throw DomainError.conflict('own_password_reset', 'Change your own password with POST /auth/password.');
    const target = await this.find(this.dataSource.manager, actor.organisationId, id);
    if (!target) throw DomainError.notFound('User');
    const password = temporaryPassword(target);
    const passwordHash = await hashPassword(password, this.config.passwordCost);
    await this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const updated = await queryRows<{ id: string }>(
        em,
        `UPDATE users SET password_hash = $3, password_change_required = true, password_changed_at = $4, updated_at = now()
         WHERE id = $1 AND organisation_id = $2 RETURNING id`,
        [id, actor.organisationId, passwordHash, now],
      );
      if (!updated.length) throw DomainError.notFound('User');
      const ended = await endSessionsOfUser(em, { userId: id, organisationId: actor.organisationId, reason: 'password_reset', at: now });
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'users:manage'),
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        payload: { sessionsEnded: ended.length, passwordChangeRequired: true },
      });
    });
    return { temporaryPassword: password };
  }

  /** The caller's own account (GET /auth/me). */
  async me(actor: Actor): Promise<UserResponse> {
    const row = (await this.find(this.dataSource.manager, actor.organisationId, actor.userId))!;
    return toUserResponse(row, row.staffId);
  }

  private async find(em: EntityManager, organisationId: string, id: string, lock = false): Promise<UserRow | undefined> {
    return queryOne<UserRow>(em, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.organisation_id = $2 ${lock ? 'FOR NO KEY UPDATE OF u' : ''}`, [
      id,
      organisationId,
    ]);
  }
}
