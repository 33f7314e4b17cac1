/**
 * Query strings and cursor trails for the decision screens' lists (the API's lists have cursors:
 * `nextCursor`). The address keeps the filters and `pages`, the trail of cursors that led to this
 * page (base64url has no "."), so a reload or a shared link shows the same page, and "Previous" is
 * the trail less its last cursor. Ids, dates and references only: never case content.
 */
export function withQuery(path: string, values: Record<string, string | undefined>): string {
  const query = new URLSearchParams(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return query ? `${path}?${query}` : path;
}

export function trailOf(params: URLSearchParams): string[] {
  return (params.get('pages') ?? '').split('.').filter(Boolean);
}

/** Previous and next of the page reached by `trail`, whose answer had `nextCursor`. */
export function pagesAround(
  path: string,
  values: Record<string, string | undefined>,
  trail: string[],
  nextCursor: string | null | undefined,
): { previous?: string; next?: string } {
  const at = (cursors: string[]) => withQuery(path, { ...values, pages: cursors.join('.') || undefined });
  return { previous: trail.length ? at(trail.slice(0, -1)) : undefined, next: nextCursor ? at([...trail, nextCursor]) : undefined };
}
