import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { PASSWORD_PROBLEMS, passwordProblem, temporaryPassword } from '../auth/password-policy';
import { endSessionsOfAccount } from '../auth/session-store';
import { accountForMembership, accountOfMembership, setResetPassword } from '../auth/accounts.sql';
import { insertMembership } from './memberships.sql';
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
   * A person joins the organisation (process.md §7): a membership with its own roles, of the person's account — the
   * existing one when the e-mail has one anywhere (its password and second factor untouched, and nothing in the answer
   * telling the admin so), or a new one with the given password, which opens only this organisation until the person
   * proves themselves (sign-in.rules.ts). Already a member here: 409 already_member. With the e-mail of an unlinked
   * staff record it is linked to that record in the same transaction, so the person's conflicts of interest hold from
   * their first sign-in; `staffId` says so.
   */
  async create(actor: Actor, request: CreateUserRequest): Promise<UserResponse> {
    const email = request.email.trim().toLowerCase();
    const problem = passwordProblem(request.password, { email, name: request.name });
    if (problem) throw DomainError.invalidField('password', PASSWORD_PROBLEMS[problem]);
    const passwordHash = await hashPassword(request.password, this.config.passwordCost);
    return this.dataSource.transaction(async (em) => {
      const account = await accountForMembership(em, email, { passwordHash, confinedTo: actor.organisationId, at: this.clock.now() });
      const userId = await insertMembership(em, {
        organisationId: actor.organisationId,
        accountId: account.id,
        email,
        name: request.name,
        roles: request.roles,
      });
      if (!userId) throw DomainError.conflict('already_member', 'This person already has an account at this school.');
      const staffId = await this.staff.linkNewAccount(em, actor.organisationId, userId, email);
      const role = roleFor(actor, 'users:manage');
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role,
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
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
          payload: { before: { userId: null }, changes: { userId }, linkedBy: 'the e-mail of the new account' },
        });
      }
      const created = (await this.find(em, actor.organisationId, userId))!;
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
      const member = await this.find(em, actor.organisationId, id);
      if (!member) throw DomainError.notFound('User');
      const account = await accountOfMembership(em, id, true);
      // the person's password, in every school they belong to; opening only this one (sign-in.rules.ts passwordOpens)
      await setResetPassword(em, account.id, passwordHash, actor.organisationId, now);
      const ended = await endSessionsOfAccount(em, { accountId: account.id, reason: 'password_reset', at: now });
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'users:manage'),
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        payload: { sessionsEnded: ended.length, passwordChangeRequired: true, opensOnly: 'this organisation' },
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
