import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { CreateUserRequest, toUserResponse, UpdateUserRequest, UserResponse } from './dto/user.dto';
import { User } from './entities/user.entity';

const USER_COLUMNS = `u.id, u.organisation_id AS "organisationId", u.email, u.name, u.roles::text[] AS roles, u.active, u.created_at AS "createdAt",
  (SELECT s.id FROM staff_members s WHERE s.user_id = u.id LIMIT 1) AS "staffId"`;
type UserRow = Pick<User, 'id' | 'organisationId' | 'email' | 'name' | 'roles' | 'active' | 'createdAt'> & { staffId: string | null };

/** Accounts of the admin's own organisation (api.md "Auth and people"). */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, request: CreateUserRequest): Promise<UserResponse> {
    const passwordHash = await hashPassword(request.password, this.config.passwordCost);
    const email = request.email.trim().toLowerCase();
    return this.dataSource.transaction(async (em) => {
      const taken = await em.query(`SELECT 1 FROM users WHERE email = $1`, [email]);
      if (taken.length) throw DomainError.conflict('email_taken', 'An account with this e-mail already exists.');
      const [row] = await em.query(`INSERT INTO users (organisation_id, email, name, password_hash, roles) VALUES ($1, $2, $3, $4, $5::role[]) RETURNING id`, [
        actor.organisationId,
        email,
        request.name,
        passwordHash,
        request.roles,
      ]);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'users:manage'),
        action: 'user.created',
        entityType: 'user',
        entityId: row.id,
        payload: { email, name: request.name, roles: request.roles },
      });
      return toUserResponse((await this.find(em, actor.organisationId, row.id))!, null);
    });
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<UserResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows: UserRow[] = await this.dataSource.query(
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

  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserResponse> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.find(em, actor.organisationId, id, true);
      if (!before) throw DomainError.notFound('User');
      if (id === actor.userId && (request.active === false || (request.roles && !request.roles.includes('admin')))) {
        throw DomainError.conflict('self_lockout', 'You cannot deactivate yourself or remove your own admin role.');
      }
      const changes: Record<string, unknown> = {};
      if (request.roles) changes.roles = request.roles;
      if (request.active !== undefined) changes.active = request.active;
      if (request.name !== undefined) changes.name = request.name;
      if (Object.keys(changes).length === 0) throw DomainError.badRequest('validation_failed', 'Nothing to change: give roles, active or name.');
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

  /** The caller's own account (GET /auth/me). */
  async me(actor: Actor): Promise<UserResponse> {
    const row = (await this.find(this.dataSource.manager, actor.organisationId, actor.userId))!;
    return toUserResponse(row, row.staffId);
  }

  private async find(em: EntityManager, organisationId: string, id: string, lock = false): Promise<UserRow | undefined> {
    const rows: UserRow[] = await em.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1 AND u.organisation_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
      id,
      organisationId,
    ]);
    return rows[0];
  }
}
