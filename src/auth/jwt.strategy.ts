import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Actor } from '../access/actor';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ActorLoader } from './actor-loader.service';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'smp-casework';
export const JWT_AUDIENCE = 'smp-casework-api';

export interface AccessTokenClaims {
  sub: string;
  org: string;
  /** the session (docs/sessions.md) */
  sid: string;
  iat: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bearer tokens: HS256 only (`none` and every other algorithm refused), issuer and audience
 * pinned, `exp` checked against real time by passport-jwt. The token's session (`sid`) is
 * checked by ActorLoader, in the statement that loads the caller: the session row, read
 * against the Clock, decides whether a session has ended, idled out or run its course.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // public key on every request, which was an eighth of a request's CPU.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const { sub, org, sid, iat } = claims;
    if (![sub, org, sid].every((id) => typeof id === 'string' && UUID.test(id)) || !Number.isInteger(iat)) return false;
    return (await this.actors.load({ userId: sub, organisationId: org, sessionId: sid, issuedAt: iat })) ?? false;
  }
}
