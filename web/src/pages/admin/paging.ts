/**
 * Previous and next pages of a cursor-paginated list (the API's `nextCursor`), kept in the page's
 * address so a reload or a shared link shows the same page: `?pages=<cursor>.<cursor>` is the trail
 * of cursors that led here (base64url, which has no "."), the last one this page's. Other query
 * parameters (a search) are kept as they are.
 */
export function cursorTrail(params: URLSearchParams): string[] {
  return (params.get('pages') ?? '').split('.').filter(Boolean);
}

/** The address of the page reached with `trail`, keeping the other parameters. */
export function pageHref(path: string, params: URLSearchParams, trail: string[]): string {
  const next = new URLSearchParams(params);
  if (trail.length) next.set('pages', trail.join('.'));
  else next.delete('pages');
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/** The previous and next links of the page at `trail`, whose answer had `nextCursor`. */
export function pagination(path: string, params: URLSearchParams, trail: string[], nextCursor: string | null): { previous?: string; next?: string } {
  return {
    previous: trail.length ? pageHref(path, params, trail.slice(0, -1)) : undefined,
    next: nextCursor ? pageHref(path, params, [...trail, nextCursor]) : undefined,
  };
}
