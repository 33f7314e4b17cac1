import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../access/decorators';
import { DomainError } from '../../common/errors/domain-error';
import { UuidParam } from '../../common/http/uuid-param';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { WEB_PREFIX } from '../../web/web-app';
import { contextOf } from '../auth.controller';
import { setRefreshCookie } from '../refresh-cookie';
import { SSO_REQUEST_SECONDS, SsoSignInService } from './sso-sign-in.service';

/**
 * The browser's half of a single sign-on in progress: HttpOnly, sent only to /auth/sso, and SameSite=Lax — the
 * provider's redirect back is a top-level navigation from another site, which a Strict cookie would miss.
 */
export const SSO_COOKIE = 'smp_sso';
const SSO_COOKIE_PATH = '/auth/sso';

const REDIRECT = {
  status: 302,
  headers: { Location: { description: 'where the browser goes next', schema: { type: 'string' } } },
} as const;

/**
 * Single sign-on (process.md §7, docs/sign-in.md). Browser navigations, not API calls: each answers with a redirect —
 * to the provider, then back to the web application, signed in (the refresh cookie set), or to its sign-in page with
 * `?sso_error=<code>` (a problem code of docs/api-contract.md) saying what went wrong. Never a 500 for a provider that
 * is down or answers nonsense.
 */
@ApiTags('auth')
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private failed(reply: FastifyReply, error: unknown): void {
    // no such school: a 404 problem, like any made-up id (its sign-in page could offer nothing)
    if (!(error instanceof DomainError) || error.kind === 'not_found') throw error;
    reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
    reply.status(302).header('location', `${this.config.email.appUrl}${WEB_PREFIX}/sign-in?sso_error=${error.code}`).send();
  }

  @Public()
  @Get(':organisationId/start')
  @ApiOperation({
    summary: 'Start signing in through the school’s single sign-on (a browser navigation)',
    description:
      'Redirects to the provider (authorization code with PKCE, state and nonce). Not set up, or the provider down: back to the sign-in page with sso_error.',
  })
  @ApiParam({ name: 'organisationId', format: 'uuid' })
  @ApiResponse({ ...REDIRECT, description: 'to the provider, or back to the sign-in page with sso_error' })
  @ApiNotFoundResponse({ description: 'no such school' })
  async startSingleSignOn(@UuidParam('organisationId') organisationId: string, @Res() reply: FastifyReply): Promise<void> {
    try {
      const { url, browserSecret } = await this.sso.start(organisationId);
      reply.setCookie(SSO_COOKIE, browserSecret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.cookieSecure,
        path: SSO_COOKIE_PATH,
        maxAge: SSO_REQUEST_SECONDS,
      });
      reply.status(302).header('location', url).send();
    } catch (error) {
      this.failed(reply, error);
    }
  }

  @Public()
  @Get('callback')
  @ApiOperation({
    summary: 'Where the provider sends the browser back (the redirect URI to register with it)',
    description:
      'Checks state (and that this browser started the sign-in), redeems the code, validates the ID token, finds the account; ' +
      'then redirects into the web application with the refresh cookie set, or to its sign-in page with sso_error.',
  })
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string', maxLength: 4096 } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string', maxLength: 512 } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string', maxLength: 512 } })
  @ApiQuery({ name: 'error_description', required: false, schema: { type: 'string', maxLength: 4096 } })
  @ApiQuery({ name: 'iss', required: false, schema: { type: 'string', maxLength: 512 } })
  @ApiQuery({ name: 'session_state', required: false, schema: { type: 'string', maxLength: 512 } })
  @ApiResponse({ ...REDIRECT, description: 'into the web application, signed in; or to its sign-in page with sso_error' })
  async finishSingleSignOn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const callbackUrl = new URL(request.url, this.config.email.appUrl);
    try {
      const issued = await this.sso.finish(callbackUrl, request.cookies?.[SSO_COOKIE], contextOf(request));
      reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
      setRefreshCookie(reply, issued.refreshToken, issued.sessionExpiresAt, issued.issuedAt, this.config.cookieSecure);
      reply.status(302).header('location', `${this.config.email.appUrl}${WEB_PREFIX}/`).send();
    } catch (error) {
      this.failed(reply, error);
    }
  }
}
