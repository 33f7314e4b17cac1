import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../common/errors/domain-error';
import { queryOne } from '../database/sql';
import { toUserResponse } from '../people/dto/user.dto';
import { Role } from '../access/roles';
import { LoginResponse } from './dto/login.dto';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';
import { AttemptCounts, THROTTLE, throttleVerdict } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  password_hash: string;
  staff_id: string | null;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the throttle, then the password. Attempts on one account are serialised by an
   * advisory lock, so parallel guesses cannot slip past the limit on any instance.
   */
  async login(emailInput: string, password: string, ip: string): Promise<LoginResponse> {
    const email = emailInput.trim().toLowerCase();
    // The attempt is committed before a failure is answered: a rolled-back failure would not count.
    const user = await this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`login:${email}`]);
      const now = new Date();
      const counts = await this.countAttempts(em, email, ip, now);
      const verdict = throttleVerdict(counts);
      if (!verdict.allowed) {
        this.logger.warn(`login throttled (${verdict.reason}) for ${email} from ${ip}`);
        const retryAfter = Math.max(1, Math.ceil((counts.oldestRelevantFailure!.getTime() + THROTTLE.windowSeconds * 1000 - now.getTime()) / 1000));
        throw DomainError.tooManyRequests('Too many failed sign-in attempts. Try again later.', retryAfter);
      }
      const found = await queryOne<UserRow>(
        em,
        `SELECT u.id, u.organisation_id, u.email, u.name, u.roles::text[] AS roles, u.active, u.password_hash,
                (SELECT s.id FROM staff_members s WHERE s.user_id = u.id LIMIT 1) AS staff_id
         FROM users u WHERE u.email = $1`,
        [email],
      );
      const passwordOk = await verifyPassword(password, found?.password_hash ?? (await dummyPasswordHash(this.config.passwordCost)));
      const succeeded = Boolean(found && found.active && passwordOk);
      await em.query(`INSERT INTO login_attempts (email, ip, succeeded, at) VALUES ($1, $2, $3, $4)`, [email, ip, succeeded, now]);
      if (Math.random() < 0.01) await this.prune(em);
      return succeeded ? found : undefined;
    });
    if (!user) throw new DomainError('unauthorized', 'invalid_credentials', 'The e-mail or password is wrong.');
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, org: user.organisation_id },
      { algorithm: JWT_ALGORITHM, expiresIn: this.config.jwtTtlSeconds, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, secret: this.config.jwtSecret },
    );
    return {
      accessToken,
      expiresIn: this.config.jwtTtlSeconds,
      user: toUserResponse({ ...user, organisationId: user.organisation_id }, user.staff_id),
    };
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

  /** Keeps the table small: failures matter for one window, successes for knownAddressDays. */
  private async prune(em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM login_attempts WHERE at < now() - make_interval(days => $1) OR (NOT succeeded AND at < now() - interval '1 day')`, [
      THROTTLE.knownAddressDays,
    ]);
  }
}
