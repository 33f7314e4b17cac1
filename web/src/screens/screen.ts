import type { ReactNode } from 'react';

/**
 * A screen of the application: a path under /app (wouter syntax, e.g. `/cases/:id/triage`) and
 * what it renders for signed-in people. Each area of the service lists its screens in its own
 * file in this folder; app.tsx mounts them all (docs/web.md "Adding a screen").
 */
export interface Screen {
  path: string;
  render: (params: Record<string, string>) => ReactNode;
}
