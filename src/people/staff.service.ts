import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { CreateStaffRequest, StaffResponse } from './dto/staff.dto';

const STAFF_COLUMNS = `id, name, email, job_title AS "jobTitle", user_id AS "userId", organisation_id AS "organisationId", created_at AS "createdAt"`;
type StaffRow = StaffResponse & { createdAt: Date };
const toStaffResponse = ({ createdAt: _createdAt, ...staff }: StaffRow): StaffResponse => staff;

/** The staff directory: the people who can be subjects, witnesses or reporters. */
@Injectable()
export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, request: CreateStaffRequest): Promise<StaffResponse> {
    return this.dataSource.transaction(async (em) => {
      if (request.userId) {
        const [user] = await em.query(`SELECT id FROM users WHERE id = $1 AND organisation_id = $2`, [request.userId, actor.organisationId]);
        if (!user) throw DomainError.invalidField('userId', 'no such user in your organisation');
        const [linked] = await em.query(`SELECT id FROM staff_members WHERE user_id = $1`, [request.userId]);
        if (linked) throw DomainError.conflict('user_already_linked', 'That user is already linked to a staff member.');
      }
      const [row]: StaffRow[] = await em.query(
        `INSERT INTO staff_members (organisation_id, name, email, job_title, user_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${STAFF_COLUMNS}`,
        [actor.organisationId, request.name, request.email?.toLowerCase() ?? null, request.jobTitle ?? null, request.userId ?? null],
      );
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'staff:manage'),
        action: 'staff.created',
        entityType: 'staff_member',
        entityId: row.id,
        payload: { name: row.name, email: row.email, jobTitle: row.jobTitle, userId: row.userId },
      });
      return toStaffResponse(row);
    });
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<StaffResponse>> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows: StaffRow[] = await this.dataSource.query(
      `SELECT ${STAFF_COLUMNS} FROM staff_members
       WHERE organisation_id = $1 ${after ? 'AND (created_at, id) < ($2::timestamptz, $3::uuid)' : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      after ? [actor.organisationId, after[0], after[1]] : [actor.organisationId],
    );
    return toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id], toStaffResponse);
  }
}
