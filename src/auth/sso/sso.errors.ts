import { DomainError } from '../../common/errors/domain-error';
import type { ProblemCode } from '../../common/errors/problem-codes';

/**
 * The problem codes of single sign-on (registered in problem-codes.ts, where their meaning is):
 * `sso_state_mismatch` 400, `sso_failed` 401, `sso_provider_unavailable` 503. Messages never
 * carry a code, token, secret or the provider's own error text.
 */
export type SsoProblemCode = 'sso_state_mismatch' | 'sso_failed' | 'sso_provider_unavailable';

/** Compiles whether or not problem-codes.ts lists them yet (they are being added there with the routes). */
const asProblemCode = (code: SsoProblemCode) => code as string as ProblemCode;

export const ssoErrors = {
  stateMismatch: () =>
    new DomainError('bad_request', asProblemCode('sso_state_mismatch'), 'The answer from the sign-in provider does not belong to this sign-in. Start again.'),
  failed: () => new DomainError('unauthorized', asProblemCode('sso_failed'), 'Single sign-on did not succeed. Start again.'),
  providerUnavailable: (message = 'The sign-in provider could not be reached. Try again later.') =>
    new DomainError('service_unavailable', asProblemCode('sso_provider_unavailable'), message),
};
