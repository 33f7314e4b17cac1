import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import { classifyOidcError, describeOidcError } from './oidc-failure';

const clientError = (code: string, cause?: unknown) => new ClientError('x', { cause, code } as ErrorOptions);
const bodyError = (status: number, error: string) =>
  new ResponseBodyError('x', { cause: { error, error_description: 'the code abc123 was used' }, response: new Response(null, { status }) });

describe('what an openid-client error means', () => {
  it('no connection (fetch failed) is the provider being unavailable', () => {
    expect(classifyOidcError(new TypeError('fetch failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe('unavailable');
  });
  it('no connection, wrapped by openid-client (a TypeError of another realm), is the provider being unavailable', () => {
    expect(classifyOidcError(new ClientError('something went wrong', { cause: new TypeError('fetch failed') }))).toBe('unavailable');
  });
  it('a timeout or an abort is the provider being unavailable', () => {
    expect(classifyOidcError(clientError('OAUTH_TIMEOUT'))).toBe('unavailable');
    expect(classifyOidcError(clientError('OAUTH_ABORT'))).toBe('unavailable');
  });
  it('a server error or 429 from the provider is the provider being unavailable', () => {
    expect(classifyOidcError(bodyError(503, 'temporarily_unavailable'))).toBe('unavailable');
    expect(classifyOidcError(bodyError(429, 'slow_down'))).toBe('unavailable');
    expect(classifyOidcError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', new Response(null, { status: 502 })))).toBe('unavailable');
  });
  it('a refusal by the provider is a failed sign-in', () => {
    expect(classifyOidcError(bodyError(400, 'invalid_grant'))).toBe('failed');
    expect(classifyOidcError(new AuthorizationResponseError('x', { cause: new URLSearchParams({ error: 'access_denied' }) }))).toBe('failed');
    expect(classifyOidcError(clientError('OAUTH_RESPONSE_IS_NOT_CONFORM', new Response(null, { status: 404 })))).toBe('failed');
  });
  it('an answer that does not check out is a failed sign-in', () => {
    expect(classifyOidcError(clientError('OAUTH_JWT_TIMESTAMP_CHECK_FAILED'))).toBe('failed');
    expect(classifyOidcError(clientError('OAUTH_JWT_CLAIM_COMPARISON_FAILED'))).toBe('failed');
  });
  it('anything else is unexpected (a 500, not hidden)', () => {
    expect(classifyOidcError(new TypeError('"currentUrl" must be an instance of URL'))).toBe('unexpected');
    expect(classifyOidcError(new Error('boom'))).toBe('unexpected');
    expect(classifyOidcError(new ClientError('something went wrong', { cause: new RangeError('bug') }))).toBe('unexpected');
    expect(classifyOidcError('boom')).toBe('unexpected');
  });
  it('describes an error by its kind only, without the provider’s description', () => {
    expect(describeOidcError(bodyError(400, 'invalid_grant'))).toBe('ResponseBodyError 400 invalid_grant');
    expect(describeOidcError(clientError('OAUTH_TIMEOUT'))).toBe('ClientError OAUTH_TIMEOUT');
    expect(describeOidcError(bodyError(400, 'invalid_grant'))).not.toContain('abc123');
  });
});
