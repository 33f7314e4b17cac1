/**
 * Keyset pages (the API's `nextCursor`) with a way back: which cursor led to each page, kept while
 * the application is open. After a reload, "Previous page" goes to the first page.
 */
const previousOf = new Map<string, string | undefined>();

/** Records that `next` follows `current` (undefined: the first page); returns `next`. */
export function follows(next: string, current: string | undefined): string {
  previousOf.set(next, current);
  return next;
}

/** The cursor of the page before the one at `cursor` (undefined: the first page). */
export const previousCursor = (cursor: string): string | undefined => previousOf.get(cursor);

/** The path with its query: empty values left out. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${path}?${search}` : path;
}
