import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { queryOne } from '../database/sql';

/**
 * Loads the caller from the database on every request, so a deactivated account or a
 * change of roles takes effect on the very next request, whatever the token says.
 */
@Injectable()
export class ActorLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(userId: string, organisationId: string): Promise<Actor | null> {
    const row = await queryOne<{ id: string; organisation_id: string; email: string; name: string; roles: Role[]; staff_ids: string[] }>(
      this.dataSource.manager,
      `SELECT u.id, u.organisation_id, u.email, u.name, u.roles::text[] AS roles,
              ARRAY(SELECT s.id FROM staff_members s WHERE s.user_id = u.id) AS staff_ids
       FROM users u WHERE u.id = $1 AND u.organisation_id = $2 AND u.active`,
      [userId, organisationId],
    );
    if (!row) return null;
    return { userId: row.id, organisationId: row.organisation_id, email: row.email, name: row.name, roles: row.roles, staffIds: row.staff_ids };
  }
}
