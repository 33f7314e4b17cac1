/**
 * Cursor paging (the API's lists answer `nextCursor`) and the query strings of list screens. Ids,
 * dates and references only in an address: never case content.
 */

/** The path with its query: empty values left out. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${path}?${search}` : path;
}

/**
 * Previous and next pages kept in the page's address, so a reload or a shared link shows the same
 * page: `?pages=<cursor>.<cursor>` is the trail of cursors that led here (base64url, which has no
 * "."), the last one this page's. Other query parameters (a search, filters) are kept as they are.
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
export function pagination(
  path: string,
  params: URLSearchParams,
  trail: string[],
  nextCursor: string | null | undefined,
): { previous?: string; next?: string } {
  return {
    previous: trail.length ? pageHref(path, params, trail.slice(0, -1)) : undefined,
    next: nextCursor ? pageHref(path, params, [...trail, nextCursor]) : undefined,
  };
}

/** The same, for a screen whose filters are values (empty ones left out of the address). */
export const pagesAround = (path: string, values: Record<string, string | undefined>, trail: string[], nextCursor: string | null | undefined) =>
  pagination(path, new URLSearchParams(withQuery('', values).slice(1)), trail, nextCursor);

/**
 * Keyset pages with a way back kept while the application is open (the case list's `?cursor=`):
 * which cursor led to each page. After a reload, "Previous page" goes to the first page.
 */
const previousOf = new Map<string, string | undefined>();

/** Records that `next` follows `current` (undefined: the first page); returns `next`. */
export function follows(next: string, current: string | undefined): string {
  previousOf.set(next, current);
  return next;
}

/** The cursor of the page before the one at `cursor` (undefined: the first page). */
export const previousCursor = (cursor: string): string | undefined => previousOf.get(cursor);
