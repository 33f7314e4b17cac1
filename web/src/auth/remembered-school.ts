/**
 * The school whose single sign-on this browser last used, so that the sign-in page keeps offering
 * "Sign in with your school account" without its link (`/app/sign-in?school=<id>`). Only an
 * organisation's id, never a token (web.md "Safe"): the id is in the link the school gives out.
 * It is remembered once a sign-in through it succeeded: the start is noted for this tab
 * (sessionStorage, across the provider's redirects), the session that follows in that school confirms it.
 */
const STARTED = 'smp-sso-started';
const SCHOOL = 'smp-school';

/** An organisation's id as the API gives it (a UUID): nothing else goes into a URL from here. */
export const isOrganisationId = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Where the browser goes to sign in through a school's single sign-on (GET /auth/sso/{organisationId}/start, a navigation). */
export const ssoStartUrl = (organisationId: string): string => `/auth/sso/${encodeURIComponent(organisationId)}/start`;

/** Storage can be refused (private modes, policies): remembering is a convenience, never a failure. */
function attempt<T>(work: () => T): T | null {
  try {
    return work();
  } catch {
    return null;
  }
}

/** The person follows "Sign in with your school account". */
export function ssoStarting(organisationId: string): void {
  attempt(() => sessionStorage.setItem(STARTED, organisationId));
}

/** A session began (or was refreshed) in `organisationId`: if this tab had started that school's single sign-on, it worked. */
export function ssoLanded(organisationId: string): void {
  attempt(() => {
    const started = sessionStorage.getItem(STARTED);
    if (started === null) return;
    sessionStorage.removeItem(STARTED);
    if (started === organisationId) localStorage.setItem(SCHOOL, organisationId);
  });
}

/** The provider's answer came back as an error (`?sso_error=`): nothing is remembered from this attempt. */
export function ssoFailed(): void {
  attempt(() => sessionStorage.removeItem(STARTED));
}

/** The school whose single sign-on worked here last, if any. */
export function rememberedSchool(): string | null {
  const id = attempt(() => localStorage.getItem(SCHOOL));
  return isOrganisationId(id) ? id : null;
}
