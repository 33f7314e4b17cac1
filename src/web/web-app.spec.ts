import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { registerWebApp, WEB_CSP } from './web-app';

describe('registerWebApp: the web application at /app/ (issue 11)', () => {
  let dir: string;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smp-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, '.hidden'), 'secret');
    fastify = Fastify();
    // as app.factory.ts: helmet's policy (with 'unsafe-inline', for the Swagger UI) everywhere first
    await fastify.register(helmet, { contentSecurityPolicy: { directives: { scriptSrc: ["'self'", "'unsafe-inline'"] } } });
    expect(await registerWebApp(fastify, dir)).toBe(true);
    fastify.get('/health', async () => ({ status: 'ok' }));
    await fastify.ready();
  });
  afterAll(async () => {
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string) => fastify.inject({ method: 'GET', url });

  it('/ and /app redirect to /app/', async () => {
    for (const url of ['/', '/app']) {
      const res = await get(url);
      expect({ url, status: res.statusCode, location: res.headers.location }).toEqual({ url, status: 302, location: '/app/' });
    }
  });

  it('/app/ and any page below it answer index.html, never cached, under the web CSP (no inline script or style)', async () => {
    for (const url of ['/app/', '/app/cases/0b6f3a57-3c0e-4d52-9a57-1d3c2c1f0e11', '/app/account/password?x=1']) {
      const res = await get(url);
      expect({ url, status: res.statusCode, body: res.body }).toEqual({ url, status: 200, body: '<!doctype html><title>app</title>' });
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe(WEB_CSP);
    }
    expect(WEB_CSP).not.toMatch(/unsafe/);
  });

  it('hashed assets are cached for good; a missing file is a 404, not the page; dotfiles are not served', async () => {
    const asset = await get('/app/assets/index-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-security-policy']).toBe(WEB_CSP);
    expect((await get('/app/assets/index-gone.js')).statusCode).toBe(404);
    expect((await get('/app/.hidden')).statusCode).toBe(404);
  });

  it('leaves everything else alone (helmet’s policy outside /app)', async () => {
    const res = await get('/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("'unsafe-inline'");
  });

  it('serves nothing when the web application is not built', async () => {
    const empty = Fastify();
    expect(await registerWebApp(empty, join(dir, 'nowhere'))).toBe(false);
    await empty.ready();
    expect((await empty.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await empty.close();
  });
});
