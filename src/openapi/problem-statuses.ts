/** What decides which error statuses a route can answer: facts of its Nest metadata and its OpenAPI operation. */
export interface RouteFacts {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `@Public()`: no bearer token (login, refresh, health). */
  isPublic: boolean;
  /** The route's permission is granted to every role and it stays open while a password change is required and while a second factor is awaited (GET /auth/me …): no 403 can come from the guard. */
  neverForbidden: boolean;
  hasPathParameters: boolean;
  hasQueryParameters: boolean;
  /** Statuses the route declares itself (`@ApiProblems`, or an error response decorator): what only its own code can answer. */
  declared: readonly number[];
}

/** Methods whose request body Fastify reads (JSON, or multipart for evidence), whether the route uses one or not. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The error statuses a route can answer, derived from how the app answers (api.md "Conventions"):
 * - 400: a path parameter, a query or a body is validated (and a body that is not JSON is refused);
 * - 401, 403: the global guard on every route but the public ones (403 also when an admin
 *   reset the password, or the session awaits its second factor, except on the routes open then);
 * - 404, 414: a path parameter names something (not found or not visible; longer than 100 characters);
 * - 409: every change can meet another (`concurrent_change`, `duplicate`) or a state it may not
 *   change (case lifecycle, conflicts of interest, people rules);
 * - 413, 415: a body that is too large or of a type the route does not take;
 * - 503: the database is unavailable — every route uses it;
 * - anything the route declares itself (401 on login, 429 on login, 409 on a read that checks integrity …).
 * Never 500: a 5xx other than 503 is a bug (the e2e validator fails on it).
 */
export function problemStatuses(route: RouteFacts): number[] {
  const takesBody = BODY_METHODS.has(route.method);
  const statuses = new Set<number>(route.declared);
  if (route.hasPathParameters || route.hasQueryParameters || takesBody) statuses.add(400);
  if (!route.isPublic) {
    statuses.add(401);
    if (!route.neverForbidden) statuses.add(403);
  }
  if (route.hasPathParameters) {
    statuses.add(404);
    statuses.add(414);
  }
  if (!route.isPublic && route.method !== 'GET') statuses.add(409);
  if (takesBody) {
    statuses.add(413);
    statuses.add(415);
  }
  statuses.add(503);
  return [...statuses].sort((a, b) => a - b);
}
