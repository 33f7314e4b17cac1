import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne } from '../database/sql';
import type { SignInMethod } from './session.entity';

/** What the loader needs to know of an access token (its signature and `exp` already checked). */
export interface AccessTokenSubject {
  userId: string;
  organisationId: string;
  sessionId: string;
  /** `iat`, in seconds */
  issuedAt: number;
}

/**
 * Loads the caller from the database on every request, so a deactivated account or a
 * change of roles takes effect on the very next request, whatever the token says.
 *
 * The same single statement checks the token's session (docs/sessions.md): not ended, used
 * within SESSION_IDLE_MINUTES, within SESSION_MAX_HOURS of sign-in (both against the Clock),
 * and the token not issued before the session's `access_not_before` (a password change keeps
 * only the current token). Ordinary requests pay no extra round trip for sessions.
 */
@Injectable()
export class ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'sessionIdleMinutes'>,
  ) {}

  async load(subject: AccessTokenSubject): Promise<Actor | null> {
    const now = this.clock.now();
    const row = await queryOne<{
      id: string;
      organisation_id: string;
      email: string;
      name: string;
      roles: Role[];
      staff_ids: string[];
      password_change_required: boolean;
      sign_in_method: SignInMethod;
      sso_issuer: string | null;
      second_factor_pending: boolean;
    }>(
      this.dataSource.manager,
      `SELECT u.id, u.organisation_id, u.email, u.name, u.roles::text[] AS roles, a.password_change_required, s.sign_in_method, s.sso_issuer,
              s.second_factor_required AND s.second_factor_at IS NULL AS second_factor_pending,
              ARRAY(SELECT m.id FROM staff_members m WHERE m.user_id = u.id) AS staff_ids
       FROM sessions s JOIN users u ON u.id = s.user_id AND u.organisation_id = s.organisation_id JOIN accounts a ON a.id = u.account_id
       WHERE s.id = $3 AND u.id = $1 AND u.organisation_id = $2 AND u.active
         AND s.revoked_at IS NULL AND s.expires_at > $4 AND s.last_used_at > $5 AND s.access_not_before <= $6`,
      [
        subject.userId,
        subject.organisationId,
        subject.sessionId,
        now,
        new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000),
        new Date(subject.issuedAt * 1000),
      ],
    );
    if (!row) return null;
    return {
      userId: row.id,
      organisationId: row.organisation_id,
      email: row.email,
      name: row.name,
      roles: row.roles,
      staffIds: row.staff_ids,
      session: { id: subject.sessionId, signInMethod: row.sign_in_method, tokenIssuedAt: subject.issuedAt, ssoIssuer: row.sso_issuer },
      passwordChangeRequired: row.password_change_required,
      secondFactorPending: row.second_factor_pending,
    };
  }
}
