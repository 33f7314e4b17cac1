import type { ReactNode } from 'react';
import { ProblemPage } from '../pages/problem';
import type { Loaded } from './use-load';

/** What a page shows while it waits for the API (and while its code arrives): read out, as a status. */
export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

/**
 * What useLoad gave, as a page: "Loading…", the problem (a 404 is "Page not found", exactly as
 * the API answers: missing or not visible to this person), or `children` with the data.
 */
export function WhenLoaded<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <ProblemPage problem={loaded.problem} />;
  return <>{children(loaded.data)}</>;
}
