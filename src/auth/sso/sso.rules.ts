/**
 * The rules of single sign-on with OpenID Connect (process.md §7, issue 14 item 1), as pure
 * functions: the OIDC client and the settings that name a provider use them.
 */

/** The hosts an issuer may be reached on over plain http: this machine only (tests, a local provider). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether the person's e-mail is in one of the organisation's allowed domains (issue 14 item 1:
 * "allowed e-mail domains"). The whole domain after the last `@` must equal a listed domain,
 * ignoring case: `evil-school.org` is not `school.org`, and a subdomain (`staff.school.org`)
 * is allowed only when it is listed itself. An empty list allows no one.
 */
export function emailDomainAllowed(email: string, allowedDomains: readonly string[]): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return false;
  const domain = normaliseDomain(email.slice(at + 1));
  if (!domain) return false;
  return allowedDomains.some((allowed) => normaliseDomain(allowed) === domain);
}

/** Lower case, without the trailing dot of a fully qualified name; '' when nothing is left. */
function normaliseDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * What is wrong with an issuer URL, or null when it may be used. OpenID Connect Core §3.1.2.1
 * and OpenID Connect Discovery §3 ("issuer … using the https scheme"): https always, with no
 * query or fragment; plain http only on a loopback host (a provider on this machine: tests).
 */
export function issuerProblem(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'The issuer is not a URL.';
  }
  if (url.search || url.hash) return 'The issuer has no query or fragment.';
  if (url.username || url.password) return 'The issuer carries no user name or password.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackIssuer(issuer)) return null;
  return 'The issuer must be an https URL.';
}

/** An http(s) issuer on this machine: the only kind reached over plain http (see issuerProblem). */
export function isLoopbackIssuer(issuer: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(issuer).hostname);
  } catch {
    return false;
  }
}

/**
 * The `state` of the callback is the one this sign-in sent (RFC 6749 §10.12, OpenID Connect
 * Core §3.1.2.7): exactly equal, and never "both missing".
 */
export function stateMatches(received: string | null, expected: string): boolean {
  return expected.length > 0 && received === expected;
}

/**
 * The ID token's `amr` (OpenID Connect Core §2: a JSON array of strings): the strings in it,
 * and nothing when the claim is missing or not an array.
 */
export function amrOf(claim: unknown): string[] {
  return Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * OpenID Connect Core §5.1 `email_verified` is a boolean; some providers send the string
 * "true". Anything else (missing included) is not verified.
 */
export function emailVerifiedOf(claim: unknown): boolean {
  return claim === true || claim === 'true';
}

/** A string claim, or null when it is missing, empty or not a string (`email`, `name`). */
export function stringClaim(claim: unknown): string | null {
  return typeof claim === 'string' && claim.length > 0 ? claim : null;
}

export type SecretAuthMethod = 'client_secret_basic' | 'client_secret_post';

/**
 * How the client secret is sent to the token endpoint: `client_secret_basic` unless the provider
 * lists only `client_secret_post`. RFC 8414 §2: without `token_endpoint_auth_methods_supported`
 * the default is `client_secret_basic`; Microsoft Entra ID and Google list both.
 */
export function secretAuthMethod(supported: readonly string[] | undefined): SecretAuthMethod {
  if (!supported || supported.includes('client_secret_basic')) return 'client_secret_basic';
  if (supported.includes('client_secret_post')) return 'client_secret_post';
  return 'client_secret_basic';
}
