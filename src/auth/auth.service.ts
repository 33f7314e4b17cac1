import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { Role } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { AttemptCounts, THROTTLE, throttleVerdict } from './login-throttle';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { PASSWORD_PROBLEMS, passwordProblem } from './password-policy';
import { endSessionsOfUser } from './session-store';
import { ClientContext, IssuedSession, SessionsService } from './sessions.service';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  password_hash: string;
  staff_id: string | null;
  password_change_required: boolean;
  organisation_name: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the throttle, then the password; a success starts a session (docs/sessions.md).
   * Attempts on one account are serialised by an advisory lock, so parallel guesses cannot
   * slip past the limit on any instance. Sign-ins and failures on a known account are audited
   * in its organisation; failures for an unknown e-mail are kept in login_attempts only.
   */
  async login(emailInput: string, password: string, context: ClientContext): Promise<IssuedSession> {
    const email = emailInput.trim().toLowerCase();
    const { ip } = context;
    // The attempt is committed before a failure is answered: a rolled-back failure would not count.
    const signedIn = await this.dataSource.transaction(async (em) => {
      await this.throttle(em, email, ip);
      const now = new Date();
      const found = await queryOne<UserRow>(
        em,
        `SELECT u.id, u.organisation_id, u.email, u.name, u.roles::text[] AS roles, u.active, u.password_hash, u.password_change_required,
                (SELECT s.id FROM staff_members s WHERE s.user_id = u.id LIMIT 1) AS staff_id,
                (SELECT o.name FROM organisations o WHERE o.id = u.organisation_id) AS organisation_name
         FROM users u WHERE u.email = $1`,
        [email],
      );
      const passwordOk = await verifyPassword(password, found?.password_hash ?? (await dummyPasswordHash(this.config.passwordCost)));
      const succeeded = Boolean(found && found.active && passwordOk);
      await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, $3, $4)`, [email, ip, succeeded, now]);
      if (Math.random() < 0.01) await this.prune(em);
      if (!found) return undefined;
      const audit = (action: string, reason: string | null, entityId: string | null) =>
        this.audit.record(em, {
          organisationId: found.organisation_id,
          actor: { userId: found.id },
          role: null,
          action,
          entityType: entityId ? 'session' : 'user',
          entityId: entityId ?? found.id,
          reason,
          payload: { method: 'password', ip, userAgent: context.userAgent?.slice(0, 512) ?? null },
        });
      if (!succeeded) {
        await audit('auth.sign_in_failed', found.active ? 'wrong_password' : 'account_inactive', null);
        return undefined;
      }
      const session = await this.sessions.start(em, found, 'password', context);
      await audit('auth.signed_in', null, session.sessionId);
      return { user: found, session };
    });
    if (!signedIn) throw new DomainError('unauthorized', 'invalid_credentials', 'The e-mail or password is wrong.');
    return this.sessions.issue(signedIn.user, signedIn.session);
  }

  /**
   * POST /auth/password. The current password is checked (and a wrong one counted by the login
   * throttle, so a stolen access token cannot guess it); the new one must pass the rules. Every
   * other session of the user ends; in this one, access tokens issued before this request's stop
   * working (access_not_before), so only the current token and its successors remain.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, context: ClientContext): Promise<void> {
    const problem = passwordProblem(newPassword, actor);
    if (problem) throw DomainError.invalidField('newPassword', PASSWORD_PROBLEMS[problem]);
    if (newPassword.normalize('NFC') === currentPassword.normalize('NFC')) {
      throw DomainError.invalidField('newPassword', 'must differ from the current password');
    }
    const newHash = await hashPassword(newPassword, this.config.passwordCost);
    const changed = await this.dataSource.transaction(async (em) => {
      await this.throttle(em, actor.email, context.ip);
      const row = (await queryOne<{ password_hash: string }>(em, `SELECT password_hash FROM users WHERE id = $1 FOR NO KEY UPDATE`, [actor.userId]))!;
      const audit = (action: string, reason: string | null, payload: Record<string, unknown>) =>
        this.audit.record(em, {
          organisationId: actor.organisationId,
          actor,
          role: null,
          action,
          entityType: 'user',
          entityId: actor.userId,
          reason,
          payload: { sessionId: actor.session?.id ?? null, ip: context.ip, ...payload },
        });
      if (!(await verifyPassword(currentPassword, row.password_hash))) {
        await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, false, $3)`, [actor.email, context.ip, new Date()]);
        await audit('auth.password_change_failed', 'wrong_password', {});
        return false;
      }
      const now = this.clock.now();
      await em.query(`UPDATE users SET password_hash = $2, password_change_required = false, password_changed_at = $3, updated_at = now() WHERE id = $1`, [
        actor.userId,
        newHash,
        now,
      ]);
      const ended = await endSessionsOfUser(em, {
        userId: actor.userId,
        organisationId: actor.organisationId,
        reason: 'password_changed',
        at: now,
        except: actor.session?.id,
      });
      if (actor.session) {
        await em.query(`UPDATE sessions SET access_not_before = $2 WHERE id = $1`, [actor.session.id, new Date(actor.session.tokenIssuedAt * 1000)]);
      }
      await audit('auth.password_changed', null, { otherSessionsEnded: ended.length });
      return true;
    });
    if (!changed) {
      throw new DomainError('bad_request', 'wrong_password', 'The current password is wrong.', [
        { field: 'currentPassword', message: 'is not your current password' },
      ]);
    }
  }

  /** 429 when this account or address has failed too often (login-throttle.ts); takes the account's lock first. */
  private async throttle(em: EntityManager, email: string, ip: string): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${email}`]);
    const now = new Date();
    const counts = await this.countAttempts(em, email, ip, now);
    const verdict = throttleVerdict(counts);
    if (!verdict.allowed) {
      this.logger.warn(`login throttled (${verdict.reason}) for ${email} from ${ip}`);
      const retryAfter = Math.max(1, Math.ceil((counts.oldestRelevantFailure!.getTime() + THROTTLE.windowSeconds * 1000 - now.getTime()) / 1000));
      throw DomainError.tooManyRequests('Too many failed sign-in attempts. Try again later.', retryAfter);
    }
  }

  private async countAttempts(em: EntityManager, email: string, ip: string, now: Date): Promise<AttemptCounts & { oldestRelevantFailure: Date | null }> {
    const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
    const knownSince = new Date(now.getTime() - THROTTLE.knownAddressDays * 86_400_000);
    const row = await queryOne<Record<string, string | Date | boolean | null>>(
      em,
      `SELECT
         count(*) FILTER (WHERE NOT succeeded AND email = $1 AND ip = $2 AND at > $3) AS pair_failures,
         min(at) FILTER (WHERE NOT succeeded AND email = $1 AND ip = $2 AND at > $3) AS pair_oldest,
         count(*) FILTER (WHERE NOT succeeded AND email = $1 AND at > $3) AS account_failures,
         min(at) FILTER (WHERE NOT succeeded AND email = $1 AND at > $3) AS account_oldest,
         count(*) FILTER (WHERE NOT succeeded AND ip = $2 AND at > $3) AS address_failures,
         min(at) FILTER (WHERE NOT succeeded AND ip = $2 AND at > $3) AS address_oldest,
         bool_or(succeeded AND email = $1 AND ip = $2 AND at > $4) AS known_address
       FROM login_attempts WHERE (email = $1 OR ip = $2) AND at > LEAST($3, $4)`,
      [email, ip, windowStart, knownSince],
    );
    const counts: AttemptCounts = {
      pairFailures: Number(row?.pair_failures ?? 0),
      accountFailures: Number(row?.account_failures ?? 0),
      addressFailures: Number(row?.address_failures ?? 0),
      knownAddress: row?.known_address === true,
    };
    const verdict = throttleVerdict(counts);
    const oldest = verdict.allowed
      ? null
      : ({ account_and_address: row?.pair_oldest, account: row?.account_oldest, address: row?.address_oldest }[verdict.reason] as Date);
    return { ...counts, oldestRelevantFailure: oldest };
  }

  /**
   * Keeps the tables small: failures matter for one window, successes for knownAddressDays; a
   * session is of no use once over (its events stay in the audit log), kept a week for looking into.
   */
  private async prune(em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM login_attempts WHERE at < now() - make_interval(days => $1) OR (NOT succeeded AND at < now() - interval '1 day')`, [
      THROTTLE.knownAddressDays,
    ]);
    await em.query(`DELETE FROM sessions WHERE expires_at < now() - interval '7 days'`);
  }
}
