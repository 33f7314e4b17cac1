import { useEffect, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';

export type Loaded<T> = { state: 'loading' } | { state: 'loaded'; data: T } | { state: 'failed'; problem: Problem };

const LOADING = { state: 'loading' } as const;

/**
 * Loads what a page shows, with the typed client; again when `deps` (ids, numbers, strings)
 * change. A 404 (missing, or not visible to this person: the API does not say which) is `failed`
 * with status 404 — <ProblemPage> shows "Page not found" for it. See pages/case.tsx.
 *
 *   const loaded = useLoad(() => api.GET('/cases/{id}', { params: { path: { id } } }), [id]);
 */
export function useLoad<T>(load: () => Promise<{ data?: T; error?: unknown; response: Response }>, deps: unknown[]): Loaded<T> {
  const key = JSON.stringify(deps);
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    let current = true;
    const settle = (loaded: Loaded<T>) => current && setResult({ key, loaded });
    load().then(
      ({ data, error, response }) => settle(response.ok ? { state: 'loaded', data: data as T } : { state: 'failed', problem: problemOf(error, response) }),
      (error: unknown) => settle({ state: 'failed', problem: problemOf(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function each render; `key` says when to load again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.key === key ? result.loaded : LOADING;
}
