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

@Module({
  imports: [PassportModule, JwtModule.register({}), PeopleModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsService, AccessTokens, ActorLoader, JwtStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
