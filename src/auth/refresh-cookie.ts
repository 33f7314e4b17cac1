import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { LoginResponse, TokenDelivery } from './dto/login.dto';
import type { IssuedSession } from './sessions.service';

/**
 * The browser's refresh token (api.md "Sessions and passwords"): HttpOnly (no script reads
 * it), SameSite=Strict (never sent by another site's page), Secure in production, and sent
 * only to /auth, where refresh and logout are. It lives as long as the session may.
 */
export const REFRESH_COOKIE = 'smp_refresh';
export const REFRESH_COOKIE_PATH = '/auth';

function options(secure: boolean): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: REFRESH_COOKIE_PATH };
}

export function setRefreshCookie(reply: FastifyReply, token: string, sessionExpiresAt: Date, now: Date, secure: boolean): void {
  const maxAge = Math.max(1, Math.floor((sessionExpiresAt.getTime() - now.getTime()) / 1000));
  reply.setCookie(REFRESH_COOKIE, token, { ...options(secure), maxAge });
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(REFRESH_COOKIE, options(secure));
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
}

/** The refresh token where the client asked for it: the body, or the HttpOnly cookie (then never in the body). */
export function deliverSession(issued: IssuedSession, delivery: TokenDelivery, reply: FastifyReply, secure: boolean): LoginResponse {
  if (delivery === 'body') return { ...issued.response, refreshToken: issued.refreshToken };
  setRefreshCookie(reply, issued.refreshToken, issued.sessionExpiresAt, issued.issuedAt, secure);
  return issued.response;
}
