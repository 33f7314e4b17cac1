import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AccessGuard } from '../access/access.guard';
import { PeopleModule } from '../people/people.module';
import { AccessTokens } from './access-tokens';
import { ActorLoader } from './actor-loader.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { SessionsService } from './sessions.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorService } from './second-factor.service';
import { SignInSettingsController } from './sign-in-settings.controller';
import { SignInSettingsService } from './sign-in-settings.service';
import { OidcClient } from './sso/oidc-client';
import { SsoController } from './sso/sso.controller';
import { SsoSignInService } from './sso/sso-sign-in.service';

@Module({
  imports: [PassportModule, JwtModule.register({}), PeopleModule],
  controllers: [AuthController, SecondFactorController, MembershipsController, SignInSettingsController, SsoController],
  providers: [
    AuthService,
    SessionsService,
    SecondFactorService,
    MembershipsService,
    SignInSettingsService,
    OidcClient,
    SsoSignInService,
    AccessTokens,
    ActorLoader,
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
})
export class AuthModule {}
