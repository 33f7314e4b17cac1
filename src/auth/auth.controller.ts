import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, CurrentActor } from '../access/actor';
import { Allow, Public } from '../access/decorators';
import { DomainError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param';
import { PageQuery } from '../common/pagination/pagination';
import { createValidationPipe } from '../common/validation/validation.pipe';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { UserResponse } from '../people/dto/user.dto';
import { UsersService } from '../people/users.service';
import { AuthService } from './auth.service';
import { LoginRequest, LoginResponse, RefreshRequest, TokenDelivery } from './dto/login.dto';
import { ChangePasswordRequest, SessionPage } from './dto/session.dto';
import { OpenDuringPasswordChange } from './password-change';
import { OpenDuringSecondFactor } from './second-factor-gate';
import { clearRefreshCookie, deliverSession, refreshCookieOf } from './refresh-cookie';
import { ClientContext, IssuedSession, SessionsService } from './sessions.service';

export const contextOf = (request: FastifyRequest): ClientContext => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly bodyPipe = createValidationPipe();

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private deliver(issued: IssuedSession, delivery: TokenDelivery, reply: FastifyReply): LoginResponse {
    return deliverSession(issued, delivery, reply, this.config.cookieSecure);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: a short-lived access token, and a refresh token (an HttpOnly cookie, or in the body when asked)',
    description: 'Starts a session (docs/sessions.md). `tokenDelivery: "body"` puts `refreshToken` in the answer instead of the cookie.',
  })
  @ApiOkResponse({
    type: LoginResponse,
    headers: {
      'Set-Cookie': { description: 'smp_refresh (HttpOnly; SameSite=Strict; Path=/auth), unless tokenDelivery is "body"', schema: { type: 'string' } },
    },
  })
  @ApiUnauthorizedResponse({ description: 'invalid_credentials: the e-mail or password is wrong' })
  @ApiForbiddenResponse({ description: 'password_sign_in_not_allowed: the password is right, but the school takes single sign-on only' })
  @ApiTooManyRequestsResponse({ description: 'too many failed attempts; see Retry-After' })
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return this.deliver(await this.auth.login(body.email, body.password, contextOf(request), body.organisationId), body.tokenDelivery ?? 'cookie', reply);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A new access token for a refresh token, which is replaced (rotated)',
    description:
      'The refresh token comes from the body (`refreshToken`) or, for browsers, the cookie; the new one goes back the same way. ' +
      'A refresh token that was already replaced ends its whole session (reuse detection).',
  })
  @ApiBody({ type: RefreshRequest, required: false })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'invalid_refresh_token: unknown, replaced, ended, idle or expired; sign in again' })
  async refreshSession(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    // A browser may send no body at all (the cookie is the token): validated here, as {} when absent.
    const body = (await this.bodyPipe.transform(request.body ?? {}, { type: 'body', metatype: RefreshRequest })) as RefreshRequest;
    const fromBody = body.refreshToken;
    const token = fromBody ?? refreshCookieOf(request);
    if (!token) {
      throw DomainError.badRequest('refresh_token_missing', 'Give the refresh token: the cookie, or refreshToken in the body.', [
        { field: 'refreshToken', message: 'is required (or the refresh cookie)' },
      ]);
    }
    try {
      return this.deliver(await this.sessions.refresh(token, contextOf(request)), fromBody ? 'body' : 'cookie', reply);
    } catch (error) {
      if (!fromBody) clearRefreshCookie(reply, this.config.cookieSecure);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Allow('profile:read')
  @OpenDuringPasswordChange()
  @OpenDuringSecondFactor()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: ends the current session (its refresh and access tokens stop working at once)' })
  @ApiNoContentResponse({ description: 'ended; the refresh cookie is cleared' })
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.logout(actor);
    clearRefreshCookie(reply, this.config.cookieSecure);
  }

  @Get('me')
  @Allow('profile:read')
  @OpenDuringPasswordChange()
  @OpenDuringSecondFactor()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s account' })
  @ApiOkResponse({ type: UserResponse })
  getMe(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.me(actor);
  }

  @Get('sessions')
  @Allow('profile:read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller’s open sessions, newest first (`current`: the one making this request)' })
  @ApiOkResponse({ type: SessionPage })
  listSessions(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<SessionPage> {
    return this.sessions.list(actor, query);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Allow('profile:read')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End one of the caller’s sessions (another person’s, or one already ended: 404)' })
  @ApiNoContentResponse({ description: 'ended' })
  async endSession(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(actor, id);
    if (id === actor.session?.id) clearRefreshCookie(reply, this.config.cookieSecure);
  }

  @Post('password')
  @HttpCode(204)
  @Allow('profile:read')
  @OpenDuringPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change one’s own password',
    description:
      'Ends every other session of the caller; access tokens issued before this request stop working, the one making it goes on. ' +
      'The new password: at least 12 characters, not the e-mail or name, not a commonly used password.',
  })
  @ApiNoContentResponse({ description: 'changed' })
  @ApiTooManyRequestsResponse({ description: 'too many wrong current passwords; see Retry-After' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordRequest, @Req() request: FastifyRequest): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword, contextOf(request));
  }
}
