import { createElement, use, type ComponentType, type ReactNode } from 'react';

/**
 * A screen of the application: a path under /app (wouter syntax, e.g. `/cases/:id/triage`) and
 * what it renders for signed-in people. Each area of the service lists its screens in its own
 * file in this folder; app.tsx mounts them all (docs/web.md "Adding a screen").
 */
export interface Screen {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}

/** How long a page must have been open for a failed area load to mean a newer build (a reload), not a broken one. */
const STALE_AFTER_MS = 10_000;

/** A page whose code loads on first visit; `preload` starts that early (it is fetched once). */
export type LazyPage<P> = ((props: P) => ReactNode) & { preload: () => Promise<void> };

/**
 * A page whose code loads on first visit, with the rest of its area: `area` is the area's
 * `import()` (one chunk per area: every page of it in one file, fetched once), `pick` names the
 * page. Until it is in, the page suspends and app.tsx's <Suspense> shows "Loading…"; once it is,
 * the page renders at once (no fallback, so none of React's pause before showing what follows
 * one). `preload()` fetches it ahead: app.tsx's SignedIn does while the session starts.
 */
export function lazyPage<M, P extends object>(area: () => Promise<M>, pick: (pages: M) => ComponentType<P>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (loading ??= area().then(
      (pages) => {
        loaded = pick(pages);
      },
      (error: unknown) => {
        loading = undefined;
        // An area of an older build, gone since a new one was deployed: a page open a while reloads
        // to take the new build (a page just loaded does not, so a broken build never reloads in a loop).
        if (performance.now() < STALE_AFTER_MS) throw error;
        window.location.reload();
        return new Promise<never>(() => {});
      },
    ));
  const Page = (props: P): ReactNode => {
    if (!loaded) use(preload());
    return loaded ? createElement(loaded, props) : null;
  };
  return Object.assign(Page, { preload });
}
