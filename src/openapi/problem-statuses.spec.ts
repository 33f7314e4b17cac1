import { problemStatuses, RouteFacts } from './problem-statuses';

const route = (facts: Partial<RouteFacts>): RouteFacts => ({
  method: 'GET',
  isPublic: false,
  neverForbidden: false,
  hasPathParameters: false,
  hasQueryParameters: false,
  declared: [],
  ...facts,
});

describe('problemStatuses: the error statuses a route can answer, from its metadata', () => {
  it('a guarded list: bad query, no token, role, database', () => {
    expect(problemStatuses(route({ hasQueryParameters: true }))).toEqual([400, 401, 403, 503]);
  });

  it('a guarded read by id: also not found and a too long id; no conflict', () => {
    expect(problemStatuses(route({ hasPathParameters: true }))).toEqual([400, 401, 403, 404, 414, 503]);
  });

  it('a change of a case: the body (400, 413, 415) and its state (409)', () => {
    expect(problemStatuses(route({ method: 'POST', hasPathParameters: true }))).toEqual([400, 401, 403, 404, 409, 413, 414, 415, 503]);
  });

  it('a public route answers no 401 or 403 but what it declares (login: 401, 429)', () => {
    expect(problemStatuses(route({ method: 'POST', isPublic: true, declared: [401, 429] }))).toEqual([400, 401, 413, 415, 429, 503]);
    expect(problemStatuses(route({ isPublic: true }))).toEqual([503]);
  });

  it('a route every role may call, open during a password change (GET /auth/me), is never forbidden', () => {
    expect(problemStatuses(route({ neverForbidden: true }))).toEqual([401, 503]);
  });

  it('a read that declares its own conflict keeps it (evidence integrity)', () => {
    expect(problemStatuses(route({ hasPathParameters: true, declared: [409] }))).toContain(409);
  });

  it('never 500: a 5xx other than 503 is a bug', () => {
    expect(problemStatuses(route({ method: 'DELETE', hasPathParameters: true, hasQueryParameters: true }))).not.toContain(500);
  });
});
