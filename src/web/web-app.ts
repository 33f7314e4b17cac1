import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the web application is served (web/vite.config.mts `base` says the same). */
export const WEB_PREFIX = '/app';

/**
 * The web application's Content-Security-Policy: its own scripts and styles only — no inline
 * script, no inline style, no eval — and it talks to this origin only. The Swagger UI at /docs
 * keeps helmet's looser policy (app.factory.ts); this one replaces it on every /app answer.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** The package root: the nearest folder above this file with a package.json (src/web or dist/src/web alike). */
function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** The built web application: `npm run build` (vite) writes it here. */
export const defaultWebRoot = (): string => join(packageRoot(), 'dist', 'web');

/** Vite's hashed files never change under the same name; everything else is checked each time. */
function cacheHeaders(reply: { header(name: string, value: string): unknown }, path: string): void {
  reply.header('cache-control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * Serves the single-page application: its files at /app/…, index.html for every other /app/
 * path (the browser's router takes it from there; a path that looks like a file and is not one
 * is a 404), `/app` and `/` redirect to `/app/`. Answers false (and serves nothing) when the web
 * application has not been built.
 */
export async function registerWebApp(fastify: FastifyInstance, root = defaultWebRoot()): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile);
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);

  fastify.get('/', (_request, reply) => reply.redirect(`${WEB_PREFIX}/`));
  await fastify.register(async (web) => {
    // Runs after helmet's hook (a parent's): this policy wins on every answer in here.
    web.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', WEB_CSP);
      return payload;
    });
    await web.register(fastifyStatic, {
      root,
      prefix: `${WEB_PREFIX}/`,
      // one route per file found at boot (the build does not change while the process runs)
      wildcard: false,
      index: false,
      decorateReply: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, path) => cacheHeaders(reply, path),
    });
    web.get(WEB_PREFIX, (_request, reply) => reply.redirect(`${WEB_PREFIX}/`));
    web.get(`${WEB_PREFIX}/`, (_request, reply) => sendIndex(reply));
    web.get(`${WEB_PREFIX}/*`, (request, reply) => {
      const last = request.url.split('?')[0].split('/').pop() ?? '';
      // /app/assets/gone-1234.js is a missing file, not a page of the application
      if (last.includes('.')) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return sendIndex(reply);
    });
  });
  return true;
}
