import { DomainError } from '../../common/errors/domain-error';

/**
 * The problem codes of single sign-on (registered in problem-codes.ts, where their meaning is):
 * `sso_state_mismatch` 400, `sso_failed` 401, `sso_provider_unavailable` 503. Messages never
 * carry a code, token, secret or the provider's own error text.
 */
export type SsoProblemCode = 'sso_state_mismatch' | 'sso_failed' | 'sso_provider_unavailable';

export const ssoErrors = {
  stateMismatch: () =>
    new DomainError('bad_request', 'sso_state_mismatch', 'The answer from the sign-in provider does not belong to this sign-in. Start again.'),
  failed: () => new DomainError('unauthorized', 'sso_failed', 'Single sign-on did not succeed. Start again.'),
  providerUnavailable: (message = 'The sign-in provider could not be reached. Try again later.') =>
    new DomainError('service_unavailable', 'sso_provider_unavailable', message),
};
