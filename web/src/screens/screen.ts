import { lazy, type ComponentType, type ReactNode } from 'react';

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

/**
 * A page whose code loads on first visit, with the rest of its area: `area` is the area's
 * `import()` (one chunk per area: every page of it in one file, fetched once), `pick` names the
 * page. app.tsx's <Suspense> shows "Loading…" while it comes.
 */
export const lazyPage = <M, P extends object>(area: () => Promise<M>, pick: (pages: M) => ComponentType<P>) =>
  lazy(async () => {
    try {
      return { default: pick(await area()) };
    } catch (error) {
      // An area of an older build, gone since a new one was deployed: a page open a while reloads
      // to take the new build (a page just loaded does not, so a broken build never reloads in a loop).
      if (performance.now() < STALE_AFTER_MS) throw error;
      window.location.reload();
      return new Promise<never>(() => {});
    }
  });
