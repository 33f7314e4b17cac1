import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';

export interface IssuedAccessToken {
  accessToken: string;
  /** seconds until it expires */
  expiresIn: number;
}

/**
 * Short-lived access tokens (JWT_TTL_SECONDS), naming their session. Issued at the Clock's
 * time; never valid past the session's absolute limit.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(subject: { userId: string; organisationId: string; sessionId: string; sessionExpiresAt: Date }, issuedAt: Date): Promise<IssuedAccessToken> {
    const iat = Math.floor(issuedAt.getTime() / 1000);
    const exp = Math.max(iat + 1, Math.min(iat + this.config.jwtTtlSeconds, Math.floor(subject.sessionExpiresAt.getTime() / 1000)));
    const accessToken = await this.jwt.signAsync(
      { sub: subject.userId, org: subject.organisationId, sid: subject.sessionId, iat, exp },
      { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, secret: this.config.jwtSecret },
    );
    return { accessToken, expiresIn: exp - iat };
  }
}
