import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA (web.md "Standards"). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations of WCAG 2.2 AA on the page as it is now. axe is evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not govern, so the page keeps
 * its real CSP while it is checked. (@axe-core/playwright needs Node 22: axe-core directly.)
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA)} } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`,
  );
}

/** Fails with axe's findings, named by the page and state checked. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  expect({ state, violations: await axeViolations(page) }).toEqual({ state, violations: [] });
}
