import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH to use another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const REQUIRED = process.env.REQUIRE_BROWSER === '1';

/**
 * `describe` where a Chromium is found; elsewhere the tests are skipped, saying so plainly — or,
 * with REQUIRE_BROWSER=1 (CI), fail.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (HAS_CHROMIUM) return describe(name, body);
  if (REQUIRED) {
    describe(name, () => it(`needs a Chromium at ${CHROMIUM} (REQUIRE_BROWSER=1)`, () => expect(`no Chromium at ${CHROMIUM}`).toBe('a Chromium')));
    return;
  }
  process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  describe.skip(name, body);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const root = join(__dirname, '..', '..', '..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

/** The built web application (dist/web), built first when missing or older than web/ — by one test file at a time. */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(root, 'dist', 'web', 'index.html');
  const lock = join(root, 'dist', '.web-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`${lock} is held: remove it if no build is running`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!existsSync(index) || newest(join(root, 'web')) > statSync(index).mtimeMs) {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', join(root, 'web', 'vite.config.mts'), '--logLevel', 'error'],
        {
          cwd: root,
          stdio: 'inherit',
          // as `npm run build` makes it (jest sets NODE_ENV=test)
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
    }
  } finally {
    rmdirSync(lock);
  }
}

export interface WebApp {
  t: TestApp;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** an absolute URL of a page of the application: url('/sign-in') */
  url(path?: string): string;
  close(): Promise<void>;
}

/** The real app (API + web application) on a fresh database, listening on an ephemeral port. */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  await ensureWebBuilt();
  const t = await startTestApp(env);
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { t, origin, url: (path = '/') => `${origin}/app${path}`, close: () => t.close() };
}

/** Signs in through the sign-in page and waits for the person's landing page. */
export async function signIn(page: Page, app: WebApp, email: string, password: string): Promise<void> {
  await page.goto(app.url('/sign-in'));
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const heading = (page: Page) => page.locator('h1').first();

/** localStorage and sessionStorage, whole, and the cookies script can read. */
export async function webStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string>; cookie: string }> {
  return page.evaluate('({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })');
}

/** Whether the page scrolls sideways (content wider than the viewport). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

export type { Browser, BrowserContext, Page };
