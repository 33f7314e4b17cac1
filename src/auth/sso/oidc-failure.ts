import { AuthorizationResponseError, ClientError, ResponseBodyError, WWWAuthenticateChallengeError } from 'openid-client';

/**
 * What an error thrown by openid-client means for the person signing in:
 * - `unavailable`: the provider could not be used now (no connection, a timeout, a 5xx or 429);
 * - `failed`: the provider answered and the answer is a refusal or does not check out (an error
 *   in the callback, `invalid_grant` for a used code, an ID token that is expired, wrongly
 *   signed, for another audience or with another nonce …);
 * - `unexpected`: not a protocol outcome (a programming error): left to become a 500.
 */
export type OidcFailure = 'unavailable' | 'failed' | 'unexpected';

export function classifyOidcError(err: unknown): OidcFailure {
  if (isFetchFailure(err)) return 'unavailable';
  if (err instanceof ResponseBodyError) return providerTrouble(err.status) ? 'unavailable' : 'failed';
  if (err instanceof AuthorizationResponseError || err instanceof WWWAuthenticateChallengeError) return 'failed';
  if (err instanceof ClientError) {
    if (err.code === 'OAUTH_TIMEOUT' || err.code === 'OAUTH_ABORT') return 'unavailable';
    // OAUTH_RESPONSE_IS_NOT_CONFORM / _NOT_JSON carry the provider's Response as their cause
    if (err.cause instanceof Response && providerTrouble(err.cause.status)) return 'unavailable';
    // without a code: openid-client's wrapper of an error it did not recognise
    return err.code === undefined ? 'unexpected' : 'failed';
  }
  return 'unexpected';
}

/**
 * undici's fetch() rejects with `TypeError('fetch failed')` when no connection could be made or
 * it broke; openid-client passes it on, or wraps it ("something went wrong") when the TypeError
 * is of another realm (as under jest). By name, not `instanceof`, for the same reason.
 */
function isFetchFailure(err: unknown): boolean {
  for (let e = err, depth = 0; typeof e === 'object' && e !== null && depth < 3; e = (e as Error).cause, depth++) {
    if ((e as Error).name === 'TypeError' && (e as Error).message === 'fetch failed') return true;
  }
  return false;
}

/** The provider is down or overloaded: a server error (RFC 9110 §15.6) or 429 Too Many Requests (RFC 6585 §4). */
function providerTrouble(status: number): boolean {
  return status >= 500 || status === 429;
}

/** What may be logged of an openid-client error: its class and code, never a token, code or secret. */
export function describeOidcError(err: unknown): string {
  if (err instanceof ResponseBodyError) return `ResponseBodyError ${err.status} ${err.error}`;
  if (err instanceof AuthorizationResponseError) return `AuthorizationResponseError ${err.error}`;
  if (err instanceof ClientError) return `ClientError ${err.code ?? ''}`.trim();
  if (err instanceof Error) return err.name;
  return typeof err;
}
