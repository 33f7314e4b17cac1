import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { session } from '../auth/session';

/**
 * The typed client of the public API (schema.d.ts is generated from /docs-json: `npm run
 * web:client`). Every request carries the access token from memory; a 401 refreshes the session
 * once and tries again; a 403 password_change_required sends the person to choose a new password,
 * a 403 second_factor_required to the second factor.
 *
 *   const { data, error, response } = await api.GET('/cases/{id}', { params: { path: { id } } });
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: authorisedFetch });

/** The routes that carry no access token: the refresh cookie (or the password) is the credential. */
const OPEN = ['/auth/login', '/auth/refresh'];

export async function authorisedFetch(request: Request): Promise<Response> {
  if (OPEN.includes(new URL(request.url).pathname)) return fetch(request);
  const again = request.clone();
  const token = await session.accessToken();
  const response = await fetch(withToken(request, token));
  if (response.status === 401 && token) {
    const fresh = await session.refreshAfterRefusal(token);
    if (!fresh) return response;
    return after(await fetch(withToken(again, fresh)));
  }
  return after(response);
}

function withToken(request: Request, token: string | null): Request {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}

/** A 403 password_change_required (an admin reset the password) or second_factor_required is the session's business, whatever the page asked. */
async function after(response: Response): Promise<Response> {
  if (response.status === 403) {
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => null);
    const code = (body as { code?: string } | null)?.code;
    if (code === 'password_change_required') session.passwordChangeRequired();
    if (code === 'second_factor_required') session.secondFactorRequired();
  }
  return response;
}
