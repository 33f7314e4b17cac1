import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH to use another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
const REQUIRED = process.env.REQUIRE_BROWSER === '1';

/**
 * `describe` where a Chromium is found; elsewhere the file's tests are not registered, a to-do saying so plainly — or,
 * with REQUIRE_BROWSER=1 (CI), fail.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (HAS_CHROMIUM) return describe(name, body);
  if (REQUIRED) {
    describe(name, () => it(`needs a Chromium at ${CHROMIUM} (REQUIRE_BROWSER=1)`, () => expect(`no Chromium at ${CHROMIUM}`).toBe('a Chromium')));
    return;
  }
  // nothing of the file runs: one to-do says why, in the summary as well as here
  process.stderr.write(`browser tests not run: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);
  describe(name, () => it.todo(`needs a Chromium at ${CHROMIUM} (apt-get install chromium): not run here`));
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

/** The real app (API + web application) on a fresh database, listening on an ephemeral port (or on `env.PORT`, when given). */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  await ensureWebBuilt();
  const t = await startTestApp(env);
  await t.app.listen(env.PORT ? Number(env.PORT) : 0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { t, origin, url: (path = '/') => `${origin}/app${path}`, close: () => t.close() };
}

/** A loopback port free now (the system's choice, released at once) for an app that must know its address before it starts. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The environment of an app whose APP_URL is its own origin (a free port chosen first): for redirects the app
 * makes to itself — single sign-on's redirect URI and its way back into the web application. For browserFixture's
 * `appEnv`; `more` adds other settings.
 */
export async function ownOriginEnv(more: Record<string, string> = {}): Promise<Record<string, string>> {
  const port = await freePort();
  return { ...more, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` };
}

/** Signs in through the sign-in page and waits for the person's landing page. */
export async function signIn(page: Page, app: WebApp, email: string, password: string): Promise<void> {
  await page.goto(app.url('/sign-in'));
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const heading = (page: Page) => page.locator('h1').first();

/** A test file's browser and app (started once), and the test's page (a fresh context each test). */
export interface BrowserFixture {
  app: WebApp;
  browser: Browser;
  page: Page;
  /** Another page in a context of its own (another person at the same time), watched like `page`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The hooks every browser test file needs: the real app and Chromium for the file, a new
 * context and page for each test (`contextOptions`: its time zone, viewport…), and after each
 * test, no Content-Security-Policy refusal (an inline style or script) on any page it opened;
 * `appEnv`: settings for the app (made at its start, e.g. a test SMTP server's address).
 * Call it first in the `describeInBrowser` body; read `page` and `app` from it in tests.
 */
export function browserFixture(
  contextOptions: BrowserContextOptions = {},
  /** The app's environment, made when the app starts (a test SMTP server's address …). */
  appEnv: () => Promise<Record<string, string>> | Record<string, string> = () => ({}),
): BrowserFixture {
  let refused: string[] = [];
  const opened: BrowserContext[] = [];
  const fixture = {
    async newPage(options: BrowserContextOptions = contextOptions): Promise<Page> {
      const context = await fixture.browser.newContext(options);
      opened.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      return page;
    },
  } as BrowserFixture;
  beforeAll(async () => {
    [fixture.app, fixture.browser] = await Promise.all([(async () => startWebApp(await appEnv()))(), launch()]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.app?.close();
  });
  beforeEach(async () => {
    refused = [];
    fixture.page = await fixture.newPage();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((context) => context.close()));
    expect(refused).toEqual([]);
  });
  return fixture;
}

/** localStorage and sessionStorage, whole, and the cookies script can read. */
export async function webStorage(page: Page): Promise<{ local: Record<string, string>; session: Record<string, string>; cookie: string }> {
  return page.evaluate('({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })');
}

const UK_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant `at` (ms since the epoch) in UK time, in the parts a GOV.UK date input takes. */
export function ukDateParts(at: number): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(UK_PARTS.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { day: parts.day, month: parts.month, year: parts.year, hour: parts.hour, minute: parts.minute };
}

/** Types the instant `at` into the date input `id` (day, month, year; and its hour and minute `withTime`), in UK time. */
export async function fillDateInput(page: Page, id: string, at: number, withTime: boolean): Promise<void> {
  const parts = ukDateParts(at);
  await page.locator(`#${id}`).fill(parts.day);
  await page.locator(`#${id}-month`).fill(parts.month);
  await page.locator(`#${id}-year`).fill(parts.year);
  if (withTime) {
    await page.locator(`#${id}-hour`).fill(parts.hour);
    await page.locator(`#${id}-minute`).fill(parts.minute);
  }
}

/** What the browser saved when `click` started a download: its name and bytes. */
export async function downloadedBy(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Whether the page scrolls sideways (content wider than the viewport). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

export type { Browser, BrowserContext, Page };

/** Whether what has focus shows it: a visible outline or a box shadow (for a radio or checkbox, on its label's drawn box). */
export const FOCUS_VISIBLE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { what: 'nothing', visible: false };
  const shows = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)' && s.outlineColor !== 'transparent') || (s.boxShadow && s.boxShadow !== 'none');
  let visible = shows(getComputedStyle(el));
  if (!visible && el.matches('input[type=radio], input[type=checkbox]')) {
    const label = document.querySelector('label[for="' + el.id + '"]');
    visible = !!label && shows(getComputedStyle(label, '::before'));
  }
  return { what: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || '').trim().slice(0, 40), visible };
})()`;
