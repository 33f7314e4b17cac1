import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, DEFAULT_LIMIT, isTimeIdKey, Page, PageQuery, toPage } from '../common/pagination/pagination';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne, queryRows } from '../database/sql';
import { toUserResponse } from '../people/dto/user.dto';
import { AccessTokens } from './access-tokens';
import { SessionPage, SessionResponse } from './dto/session.dto';
import { formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken, sameHash } from './refresh-token';
import { SessionEndReason, SignInMethod } from './session.entity';
import { LoginResponse } from './dto/login.dto';
import { secondFactorState } from './sign-in.rules';

/** Where a request came from, as kept on the session and in the audit log. */
export interface ClientContext {
  ip: string;
  userAgent?: string;
}

/** A session's tokens, fresh from sign-in or refresh: the controller delivers the refresh token (cookie or body). */
export interface IssuedSession {
  response: LoginResponse;
  refreshToken: string;
  sessionExpiresAt: Date;
  issuedAt: Date;
}

/** Replaced refresh tokens remembered per session for reuse detection (a session refreshed every minute for 12 hours needs 720). */
export const PREVIOUS_TOKENS_KEPT = 1000;

const USER_AGENT_MAX = 512;
const userAgentOf = (context: ClientContext) => (context.userAgent ? context.userAgent.slice(0, USER_AGENT_MAX) : null);

/**
 * A refresh whose answer never reached the client (a page left or reloaded while it was in
 * flight) leaves the client holding the token just replaced. Presented again within this many
 * seconds — and while its successor has never been redeemed — it is a retry, not a theft: the
 * session rotates again (the unredeemed successor becomes spent) instead of ending. The same
 * allowance as Auth0's "reuse interval" or Okta's grace period, kept short: docs/sessions.md.
 */
export const REFRESH_RETRY_GRACE_SECONDS = 15;

export const REFRESH_REFUSED = 'The refresh token is not valid: sign in again.';
const refused = () => new DomainError('unauthorized', 'invalid_refresh_token', REFRESH_REFUSED);

export interface UserForToken {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  staff_id: string | null;
  password_change_required: boolean;
  organisation_name: string;
  totp_enrolled: boolean;
}

/** A session's second-factor facts, carried from its start or refresh to the answer. */
export interface SessionSecondFactor {
  required: boolean;
  passedAt: Date | null;
}

/** A session just started (or refreshed): what its answer is made of. */
export interface StartedSession {
  sessionId: string;
  secret: string;
  issuedAt: Date;
  expiresAt: Date;
  secondFactor: SessionSecondFactor;
}

/** How a session starts: the sign-in method, and what the second factor needs (process.md §7). */
export interface SessionStart {
  method: SignInMethod;
  ssoIssuer?: string | null;
  secondFactorRequired: boolean;
  /** already passed at sign-in (the provider's MFA), or carried over from the session switched from */
  secondFactorPassed?: { at: Date; method: string } | null;
}

interface SessionRow {
  id: string;
  organisation_id: string;
  user_id: string;
  refresh_token_hash: Buffer;
  previous_token_hashes: Buffer[];
  revoked_at: Date | null;
  expires_at: Date;
  last_used_at: Date;
  active: boolean;
  second_factor_required: boolean;
  second_factor_at: Date | null;
}

export const USER_FOR_TOKEN_SQL = `SELECT u.id, u.organisation_id, u.email, u.name, u.roles::text[] AS roles, u.active, a.password_change_required,
  a.totp_enrolled_at IS NOT NULL AS totp_enrolled,
  (SELECT s.id FROM staff_members s WHERE s.user_id = u.id LIMIT 1) AS staff_id,
  (SELECT o.name FROM organisations o WHERE o.id = u.organisation_id) AS organisation_name FROM users u JOIN accounts a ON a.id = u.account_id`;

/**
 * Sessions (api.md "Sessions and passwords", docs/sessions.md): started at sign-in, refreshed
 * with a rotating refresh token, listed and ended by their owner. The Clock decides idle and
 * absolute expiry; every event is audited in the user's organisation, without secrets.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tokens: AccessTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private idleSince(now: Date): Date {
    return new Date(now.getTime() - this.config.sessionIdleMinutes * 60_000);
  }

  /** A new session for a user who has just proved who they are (in the sign-in's transaction, before its audit event). */
  async start(em: EntityManager, user: { id: string; organisation_id: string }, how: SessionStart, context: ClientContext): Promise<StartedSession> {
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.config.sessionMaxHours * 3_600_000);
    const secret = newRefreshSecret();
    const row = (await queryOne<{ id: string }>(
      em,
      `INSERT INTO sessions (organisation_id, user_id, sign_in_method, created_at, last_used_at, expires_at, access_not_before, user_agent, ip, refresh_token_hash,
         sso_issuer, second_factor_required, second_factor_at, second_factor_method)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        user.organisation_id,
        user.id,
        how.method,
        issuedAt,
        expiresAt,
        // access tokens carry whole seconds
        new Date(Math.floor(issuedAt.getTime() / 1000) * 1000),
        userAgentOf(context),
        context.ip,
        hashRefreshSecret(secret),
        how.ssoIssuer ?? null,
        how.secondFactorRequired,
        how.secondFactorPassed?.at ?? null,
        how.secondFactorPassed?.method ?? null,
      ],
    ))!;
    const secondFactor = { required: how.secondFactorRequired, passedAt: how.secondFactorPassed?.at ?? null };
    return { sessionId: row.id, secret, issuedAt, expiresAt, secondFactor };
  }

  /**
   * A person has proved who they are for one membership: their session starts, the school's audit log records the
   * sign-in (`payload`: how, from where — never a secret), and the answer's user is read. In the sign-in's transaction.
   */
  async signIn(
    em: EntityManager,
    membership: { userId: string; organisationId: string },
    how: SessionStart,
    context: ClientContext,
    payload: Record<string, unknown>,
  ): Promise<{ user: UserForToken; session: StartedSession }> {
    const session = await this.start(em, { id: membership.userId, organisation_id: membership.organisationId }, how, context);
    await this.audit.record(em, {
      organisationId: membership.organisationId,
      actor: { userId: membership.userId },
      role: null,
      action: 'auth.signed_in',
      entityType: 'session',
      entityId: session.sessionId,
      reason: null,
      payload: { ...payload, secondFactorRequired: session.secondFactor.required },
    });
    const user = (await queryOne<UserForToken>(em, `${USER_FOR_TOKEN_SQL} WHERE u.id = $1`, [membership.userId]))!;
    return { user, session };
  }

  /** When the session passed a second factor (null: not yet, or none asked). */
  async secondFactorPassedAt(em: EntityManager, sessionId: string): Promise<Date | null> {
    return (await queryOne<{ at: Date | null }>(em, `SELECT second_factor_at AS at FROM sessions WHERE id = $1`, [sessionId]))?.at ?? null;
  }

  /** Seconds until the session ends unless used again (idle), and whatever happens (absolute): for a client's timeout warning. */
  private sessionLimits(session: { issuedAt: Date; expiresAt: Date }): Pick<LoginResponse, 'sessionIdleExpiresIn' | 'sessionExpiresIn'> {
    const left = Math.max(0, Math.floor((session.expiresAt.getTime() - session.issuedAt.getTime()) / 1000));
    return { sessionIdleExpiresIn: Math.min(this.config.sessionIdleMinutes * 60, left), sessionExpiresIn: left };
  }

  /** The answer to a sign-in or a refresh: an access token of the session, and the refresh token for the controller to deliver. */
  async issue(user: UserForToken, session: StartedSession): Promise<IssuedSession> {
    const { accessToken, expiresIn } = await this.tokens.issue(
      { userId: user.id, organisationId: user.organisation_id, sessionId: session.sessionId, sessionExpiresAt: session.expiresAt },
      session.issuedAt,
    );
    return {
      response: {
        accessToken,
        expiresIn,
        user: toUserResponse({ ...user, organisationId: user.organisation_id }, user.staff_id),
        passwordChangeRequired: user.password_change_required,
        organisationName: user.organisation_name,
        secondFactor: secondFactorState(session.secondFactor, user.totp_enrolled),
        ...this.sessionLimits(session),
      },
      refreshToken: formatRefreshToken(session.sessionId, session.secret),
      sessionExpiresAt: session.expiresAt,
      issuedAt: session.issuedAt,
    };
  }

  /**
   * POST /auth/refresh. The presented token must be the session's current one: it is replaced
   * (rotation) and the session counts as used. A token the session has already replaced means
   * two parties hold it — the session is ended at once (reuse detection). Ended, idle, expired
   * sessions and deactivated accounts are refused. Every outcome for a known session is audited.
   */
  async refresh(presented: string, context: ClientContext): Promise<IssuedSession> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw refused();
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (em) => {
      const session = await queryOne<SessionRow>(
        em,
        `SELECT s.id, s.organisation_id, s.user_id, s.refresh_token_hash, s.previous_token_hashes, s.revoked_at, s.expires_at, s.last_used_at, u.active,
              s.second_factor_required, s.second_factor_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 FOR NO KEY UPDATE OF s`,
        [parsed.sessionId],
      );
      // an unknown session belongs to no organisation: nothing to audit
      if (!session) return null;
      const hash = hashRefreshSecret(parsed.secret);
      // the token replaced last, its successor unredeemed (else it would be further down the list), moments ago
      const retry =
        !sameHash(hash, session.refresh_token_hash) &&
        session.previous_token_hashes.length > 0 &&
        sameHash(hash, session.previous_token_hashes[0]) &&
        now.getTime() - session.last_used_at.getTime() <= REFRESH_RETRY_GRACE_SECONDS * 1000;
      const current = retry || sameHash(hash, session.refresh_token_hash);
      const replaced = !current && session.previous_token_hashes.some((previous) => sameHash(hash, previous));
      const event = (action: string, reason: string | null, payload: Record<string, unknown> = {}) =>
        this.audit.record(em, {
          organisationId: session.organisation_id,
          actor: { userId: session.user_id },
          role: null,
          action,
          entityType: 'session',
          entityId: session.id,
          reason,
          payload: { ip: context.ip, userAgent: userAgentOf(context), ...payload },
        });
      const end = (reason: SessionEndReason) =>
        em.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL`, [session.id, now, reason]);

      if (replaced) {
        if (!session.revoked_at) await end('refresh_token_reuse');
        await event('auth.refresh_token_reused', 'refresh_token_reuse', { sessionAlreadyEnded: Boolean(session.revoked_at) });
        return null;
      }
      if (!current) {
        await event('auth.refresh_refused', 'unknown_token');
        return null;
      }
      const problem: SessionEndReason | 'session_ended' | null = session.revoked_at
        ? 'session_ended'
        : session.expires_at <= now
          ? 'absolute_timeout'
          : session.last_used_at <= this.idleSince(now)
            ? 'idle_timeout'
            : !session.active
              ? 'account_inactive'
              : null;
      if (problem) {
        if (problem !== 'session_ended') await end(problem);
        await event('auth.refresh_refused', problem);
        return null;
      }
      const secret = newRefreshSecret();
      await em.query(
        `UPDATE sessions SET refresh_token_hash = $2, previous_token_hashes = (ARRAY[refresh_token_hash] || previous_token_hashes)[1:${PREVIOUS_TOKENS_KEPT}],
           rotations = rotations + 1, last_used_at = $3, ip = $4, user_agent = COALESCE($5, user_agent)
         WHERE id = $1`,
        [session.id, hashRefreshSecret(secret), now, context.ip, userAgentOf(context)],
      );
      const user = (await queryOne<UserForToken>(em, `${USER_FOR_TOKEN_SQL} WHERE u.id = $1`, [session.user_id]))!;
      await event('auth.session_refreshed', retry ? 'refresh_retried' : null);
      const secondFactor = { required: session.second_factor_required, passedAt: session.second_factor_at };
      return { user, session: { sessionId: session.id, secret, issuedAt: now, expiresAt: session.expires_at, secondFactor } };
    });
    if (!outcome) throw refused();
    return this.issue(outcome.user, outcome.session);
  }

  /** GET /auth/sessions: the caller's open sessions, newest first. */
  async list(actor: Actor, query: PageQuery): Promise<SessionPage> {
    const now = this.clock.now();
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(query.cursor, isTimeIdKey);
    const rows = await queryRows<{
      id: string;
      created_at: Date;
      last_used_at: Date;
      expires_at: Date;
      user_agent: string | null;
      ip: string | null;
      sign_in_method: SignInMethod;
    }>(
      this.dataSource.manager,
      `SELECT id, created_at, last_used_at, expires_at, user_agent, ip, sign_in_method FROM sessions
       WHERE user_id = $1 AND organisation_id = $2 AND revoked_at IS NULL AND expires_at > $3 AND last_used_at > $4
         ${after ? 'AND (created_at, id) < ($5::timestamptz, $6::uuid)' : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      [actor.userId, actor.organisationId, now, this.idleSince(now), ...(after ?? [])],
    );
    const idleMs = this.config.sessionIdleMinutes * 60_000;
    const page: Page<SessionResponse> = toPage(
      rows,
      limit,
      (r) => [r.created_at.toISOString(), r.id],
      (r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        lastUsedAt: r.last_used_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        idleExpiresAt: new Date(Math.min(r.last_used_at.getTime() + idleMs, r.expires_at.getTime())).toISOString(),
        userAgent: r.user_agent,
        ip: r.ip,
        signInMethod: r.sign_in_method,
        current: r.id === actor.session?.id,
      }),
    );
    return page;
  }

  /** DELETE /auth/sessions/:id: ends one of the caller's open sessions; anyone else's (or an ended one) is 404. */
  async end(actor: Actor, sessionId: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (em) => {
      const ended = await queryRows<{ id: string }>(
        em,
        `UPDATE sessions SET revoked_at = $4, revoked_reason = 'ended_by_user'
         WHERE id = $1 AND user_id = $2 AND organisation_id = $3 AND revoked_at IS NULL AND expires_at > $4 AND last_used_at > $5 RETURNING id`,
        [sessionId, actor.userId, actor.organisationId, now, this.idleSince(now)],
      );
      if (!ended.length) throw DomainError.notFound('Session');
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: null,
        action: 'auth.session_ended',
        entityType: 'session',
        entityId: sessionId,
        reason: 'ended_by_user',
        payload: { current: sessionId === actor.session?.id },
      });
    });
  }

  /** POST /auth/logout: ends the session of the caller's access token. */
  async logout(actor: Actor): Promise<void> {
    const sessionId = actor.session!.id;
    await this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE sessions SET revoked_at = $2, revoked_reason = 'logout' WHERE id = $1 AND revoked_at IS NULL`, [sessionId, this.clock.now()]);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: null,
        action: 'auth.signed_out',
        entityType: 'session',
        entityId: sessionId,
        reason: 'logout',
      });
    });
  }
}
