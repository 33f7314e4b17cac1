import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../access/actor';
import { roleFor } from '../access/permissions';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { queryOne, queryRows } from '../database/sql';
import { accountOfMembership, AccountRow } from './accounts.sql';
import { qrCodeSvg } from './second-factor/qr';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './second-factor/recovery-codes';
import { SECOND_FACTOR_THROTTLE, secondFactorThrottle } from './second-factor/second-factor.rules';
import { checkTotp, newTotpSecret, otpauthUri, TOTP_ISSUER } from './second-factor/totp';
import { keyFor, openSecret, sealSecret } from './sealed-secret';
import { endSessionsOfAccount } from './session-store';
import { ClientContext } from './sessions.service';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeSvg: string;
}

const invalidCode = () =>
  DomainError.badRequest('second_factor_invalid', 'The code is wrong, already used or out of time.', [
    { field: 'code', message: 'is not a current code of your authenticator app, nor an unused recovery code' },
  ]);

/**
 * Two-factor authentication (process.md §7, docs/sign-in.md): TOTP (RFC 6238) enrolled at the next sign-in, ten
 * one-time recovery codes stored hashed, attempts limited per account, an admin's reset. The secret is the
 * person's (their account), so it serves every school they belong to. Every event is audited in the organisation of
 * the session it happens in, never with a code or secret in it.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private pepper(): string {
    return keyFor(this.config.jwtSecret, 'recovery-code-pepper').toString('hex');
  }

  private record(em: EntityManager, actor: Actor, action: string, reason: string | null, payload: Record<string, unknown> = {}) {
    return this.audit.record(em, {
      organisationId: actor.organisationId,
      actor,
      role: null,
      action,
      entityType: 'user',
      entityId: actor.userId,
      reason,
      payload: { sessionId: actor.session?.id ?? null, ...payload },
    });
  }

  /** POST /auth/second-factor/enrolment: a new secret to scan (replacing one not yet confirmed); 409 once enrolled. */
  async startEnrolment(actor: Actor): Promise<Enrolment> {
    const secret = newTotpSecret();
    await this.dataSource.transaction(async (em) => {
      const account = await accountOfMembership(em, actor.userId, true);
      if (account.totpEnrolledAt) throw DomainError.conflict('second_factor_enrolled', 'An authenticator is already set up: an admin resets it first.');
      await em.query(`UPDATE accounts SET totp_secret = $2, totp_last_step = NULL, updated_at = now() WHERE id = $1`, [
        account.id,
        sealSecret(secret, this.config.jwtSecret, 'totp'),
      ]);
      await this.record(em, actor, 'auth.second_factor_enrolment_started', null);
    });
    const uri = otpauthUri(secret, { accountName: actor.email, issuer: TOTP_ISSUER });
    return { secret, otpauthUri: uri, qrCodeSvg: await qrCodeSvg(uri) };
  }

  /**
   * POST /auth/second-factor/enrolment/confirm: the first code proves the app holds the secret. The account is
   * enrolled, ten recovery codes replace any earlier ones (shown once), and this session has passed its second factor.
   */
  async confirmEnrolment(actor: Actor, code: string, context: ClientContext): Promise<string[]> {
    const codes = newRecoveryCodes();
    const outcome = await this.dataSource.transaction(async (em) => {
      const account = await accountOfMembership(em, actor.userId, true);
      if (account.totpEnrolledAt) throw DomainError.conflict('second_factor_enrolled', 'An authenticator is already set up: an admin resets it first.');
      if (!account.totpSecret) throw DomainError.conflict('no_enrolment', 'Start the enrolment first: POST /auth/second-factor/enrolment.');
      await this.throttle(em, account);
      const secret = openSecret(account.totpSecret, this.config.jwtSecret, 'totp');
      const check = secret ? checkTotp(secret, code, this.clock.now(), null) : ({ ok: false } as const);
      if (!check.ok) {
        await this.failed(em, actor, account, context, 'totp');
        return false;
      }
      const now = this.clock.now();
      await em.query(`UPDATE accounts SET totp_enrolled_at = $2, totp_last_step = $3, updated_at = now() WHERE id = $1`, [account.id, now, check.step]);
      await em.query(`DELETE FROM recovery_codes WHERE account_id = $1`, [account.id]);
      const pepper = this.pepper();
      await em.query(`INSERT INTO recovery_codes (account_id, code_hash) SELECT $1, unnest($2::text[])`, [
        account.id,
        codes.map((c) => hashRecoveryCode(c, pepper)),
      ]);
      await this.passed(em, actor, 'totp', now);
      await this.record(em, actor, 'auth.second_factor_enrolled', null, { method: 'totp', recoveryCodes: codes.length });
      return true;
    });
    if (!outcome) throw invalidCode();
    return codes;
  }

  /** POST /auth/second-factor/verify: a code of the enrolled app, or an unused recovery code (then used up). */
  async verify(actor: Actor, code: string, context: ClientContext): Promise<{ recoveryCodesLeft: number }> {
    const outcome = await this.dataSource.transaction(async (em) => {
      const account = await accountOfMembership(em, actor.userId, true);
      if (!account.totpEnrolledAt || !account.totpSecret) {
        throw DomainError.conflict('no_enrolment', 'No authenticator is set up yet: POST /auth/second-factor/enrolment.');
      }
      await this.throttle(em, account);
      const now = this.clock.now();
      const recovery = normaliseRecoveryCode(code);
      let method: 'totp' | 'recovery_code' | null = null;
      if (recovery) {
        const used = await queryRows<{ id: string }>(
          em,
          `UPDATE recovery_codes SET used_at = $3 WHERE account_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
          [account.id, hashRecoveryCode(recovery, this.pepper()), now],
        );
        if (used.length) method = 'recovery_code';
      } else {
        const secret = openSecret(account.totpSecret, this.config.jwtSecret, 'totp');
        const check = secret ? checkTotp(secret, code, now, account.totpLastStep) : ({ ok: false } as const);
        if (check.ok) {
          await em.query(`UPDATE accounts SET totp_last_step = $2 WHERE id = $1`, [account.id, check.step]);
          method = 'totp';
        }
      }
      if (!method) {
        await this.failed(em, actor, account, context, recovery ? 'recovery_code' : 'totp');
        return null;
      }
      await this.passed(em, actor, method, now);
      const left = (await queryOne<{ n: number }>(em, `SELECT count(*)::int AS n FROM recovery_codes WHERE account_id = $1 AND used_at IS NULL`, [account.id]))!
        .n;
      await this.record(em, actor, 'auth.second_factor_passed', null, { method, recoveryCodesLeft: left });
      return { recoveryCodesLeft: left };
    });
    if (!outcome) throw invalidCode();
    return outcome;
  }

  /**
   * POST /users/:id/second-factor-reset (admin): the person's authenticator and recovery codes are removed and every
   * session of theirs ends; they enrol again at their next sign-in, their earlier wrong codes forgotten. Never one's own (a stolen admin token must not
   * strip the admin's second factor). Another school's member, or no one: 404.
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    if (userId === actor.userId) throw DomainError.conflict('own_second_factor_reset', 'An admin does not reset their own second factor.');
    await this.dataSource.transaction(async (em) => {
      const member = await queryOne<{ id: string }>(em, `SELECT id FROM users WHERE id = $1 AND organisation_id = $2`, [userId, actor.organisationId]);
      if (!member) throw DomainError.notFound('User');
      const account = await accountOfMembership(em, userId, true);
      const now = this.clock.now();
      await em.query(`UPDATE accounts SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL, updated_at = now() WHERE id = $1`, [account.id]);
      const codes = await queryRows<{ id: string }>(em, `DELETE FROM recovery_codes WHERE account_id = $1 RETURNING id`, [account.id]);
      const ended = await endSessionsOfAccount(em, { accountId: account.id, reason: 'second_factor_reset', at: now });
      // a fresh start the admin vouches for: earlier wrong codes no longer count against the person
      await em.query(`DELETE FROM login_attempts WHERE email = $1`, [`second-factor:${account.id}`]);
      await this.audit.record(em, {
        organisationId: actor.organisationId,
        actor,
        role: roleFor(actor, 'users:manage'),
        action: 'user.second_factor_reset',
        entityType: 'user',
        entityId: userId,
        reason: null,
        payload: { wasEnrolled: account.totpEnrolledAt !== null, recoveryCodesRemoved: codes.length, sessionsEnded: ended.length },
      });
    });
  }

  private async passed(em: EntityManager, actor: Actor, method: string, at: Date): Promise<void> {
    if (actor.session) {
      await em.query(`UPDATE sessions SET second_factor_at = $2, second_factor_method = $3 WHERE id = $1 AND second_factor_at IS NULL`, [
        actor.session.id,
        at,
        method,
      ]);
    }
  }

  /** 429 while the account has failed too often (second-factor.rules.ts); attempts of one account run one at a time. */
  private async throttle(em: EntityManager, account: AccountRow): Promise<void> {
    const key = `second-factor:${account.id}`;
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    const now = this.clock.now();
    const since = new Date(now.getTime() - SECOND_FACTOR_THROTTLE.windowSeconds * 1000);
    const row = (await queryOne<{ n: number; oldest: Date | null }>(
      em,
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts WHERE email = $1 AND NOT succeeded AND at > $2`,
      [key, since],
    ))!;
    if (!secondFactorThrottle(row.n).allowed) {
      const retryAfter = Math.max(1, Math.ceil((row.oldest!.getTime() + SECOND_FACTOR_THROTTLE.windowSeconds * 1000 - now.getTime()) / 1000));
      throw DomainError.tooManyRequests('Too many wrong codes. Try again later.', retryAfter);
    }
  }

  /** A wrong code: counted (committed with the answer) and audited. */
  private async failed(em: EntityManager, actor: Actor, account: AccountRow, context: ClientContext, method: string): Promise<void> {
    await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, false, $3)`, [
      `second-factor:${account.id}`,
      context.ip,
      this.clock.now(),
    ]);
    await this.record(em, actor, 'auth.second_factor_failed', 'wrong_code', { method, ip: context.ip });
  }
}
