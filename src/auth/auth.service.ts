import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { AttemptCounts, THROTTLE, throttleVerdict } from './login-throttle';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { PASSWORD_PROBLEMS, passwordProblem } from './password-policy';
import { endSessionsOfAccount } from './session-store';
import { ClientContext, IssuedSession, SessionsService } from './sessions.service';
import { accountByEmail, accountOfMembership, membershipsOfAccount, setOwnPassword } from './accounts.sql';
import { chooseMembership, confinementLifted, membershipNeedsSecondFactor, passwordMemberships } from './sign-in.rules';

/** Where a sign-in failed, for its audit event in each of the person's organisations. */
type FailureReason = 'wrong_password' | 'account_inactive' | 'password_sign_in_not_allowed';

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
  async login(emailInput: string, password: string, context: ClientContext, requestedOrganisationId?: string): Promise<IssuedSession> {
    const email = emailInput.trim().toLowerCase();
    const { ip } = context;
    // The attempt is committed before a failure is answered: a rolled-back failure would not count.
    const outcome = await this.dataSource.transaction(async (em) => {
      await this.throttle(em, email, ip);
      const now = new Date();
      const account = await accountByEmail(em, email);
      const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash(this.config.passwordCost)));
      const memberships = account ? await membershipsOfAccount(em, account.id) : [];
      const open = passwordMemberships(memberships, account?.confinedToOrganisationId ?? null);
      const chosen = passwordOk ? chooseMembership(open, requestedOrganisationId) : undefined;
      await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, $3, $4)`, [email, ip, Boolean(chosen), now]);
      if (Math.random() < 0.01) await this.prune(em);
      if (!account) return { failure: 'invalid' as const };
      const payload = { method: 'password', ip, userAgent: context.userAgent?.slice(0, 512) ?? null };
      if (!chosen) {
        // A person whose password is right but opens none of the organisations asked for is told so; anyone else
        // learns nothing. Each of their organisations audits the failure of its own membership.
        const reason: FailureReason = !passwordOk
          ? 'wrong_password'
          : memberships.some((m) => m.active && (requestedOrganisationId === undefined || m.organisationId === requestedOrganisationId))
            ? 'password_sign_in_not_allowed'
            : 'account_inactive';
        for (const m of memberships) {
          await this.audit.record(em, {
            organisationId: m.organisationId,
            actor: { userId: m.userId },
            role: null,
            action: 'auth.sign_in_failed',
            entityType: 'user',
            entityId: m.userId,
            reason,
            payload,
          });
        }
        return { failure: reason === 'password_sign_in_not_allowed' ? ('not_allowed' as const) : ('invalid' as const) };
      }
      return this.sessions.signIn(em, chosen, { method: 'password', secondFactorRequired: membershipNeedsSecondFactor(chosen) }, context, payload);
    });
    if ('failure' in outcome) {
      if (outcome.failure === 'not_allowed') {
        throw new DomainError(
          'forbidden',
          'password_sign_in_not_allowed',
          'This school does not take a password from you: sign in through its single sign-on.',
        );
      }
      throw new DomainError('unauthorized', 'invalid_credentials', 'The e-mail or password is wrong.');
    }
    return this.sessions.issue(outcome.user, outcome.session);
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
      const account = await accountOfMembership(em, actor.userId, true);
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
      if (!account.passwordHash || !(await verifyPassword(currentPassword, account.passwordHash))) {
        await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, false, $3)`, [actor.email, context.ip, new Date()]);
        await audit('auth.password_change_failed', 'wrong_password', {});
        return false;
      }
      const now = this.clock.now();
      const secondFactorAt = actor.session ? await this.sessions.secondFactorPassedAt(em, actor.session.id) : null;
      const lifted = confinementLifted({ confinedAt: account.confinedAt, totpEnrolledAt: account.totpEnrolledAt, sessionSecondFactorAt: secondFactorAt });
      await setOwnPassword(em, account.id, newHash, now, lifted);
      // every other session of the person, in every organisation, ends
      const ended = await endSessionsOfAccount(em, {
        accountId: account.id,
        reason: 'password_changed',
        at: now,
        except: actor.session?.id,
      });
      if (actor.session) {
        await em.query(`UPDATE sessions SET access_not_before = $2 WHERE id = $1`, [actor.session.id, new Date(actor.session.tokenIssuedAt * 1000)]);
      }
      await audit('auth.password_changed', null, { otherSessionsEnded: ended.length, confinementLifted: lifted });
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
