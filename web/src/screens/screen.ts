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

/**
 * A page whose code loads on first visit, with the rest of its area: `area` is the area's
 * `import()` (one chunk per area: every page of it in one file, fetched once), `pick` names the
 * page. app.tsx's <Suspense> shows "Loading…" while it comes.
 */
export const lazyPage = <M, P extends object>(area: () => Promise<M>, pick: (pages: M) => ComponentType<P>) =>
  lazy(async () => ({ default: pick(await area()) }));
