import { randomUUID } from 'node:crypto';
import { Controller, Get, Module, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import passport from 'passport';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { AppModule } from '../../src/app.module';
import { Allow, IS_PUBLIC, Public, REQUIRED_PERMISSION } from '../../src/access/decorators';
import { PERMISSIONS } from '../../src/access/permissions';
import { JwtStrategy } from '../../src/auth/jwt.strategy';
import { ProblemFilter } from '../../src/common/errors/problem.filter';
import { createValidationPipe } from '../../src/common/validation/validation.pipe';
import { TEST_PASSWORD } from '../support/constants';
import { DEMO, expectProblem, startTestApp, TestApp } from '../support/test-app';

/** api.md paths implemented so far, as OpenAPI writes them. */
const API_PATHS = [
  '/auth/login',
  '/auth/me',
  '/users',
  '/users/{id}',
  '/staff',
  '/reports',
  '/cases',
  '/cases/{id}',
  '/cases/{id}/triage',
  '/cases/{id}/safeguarding-referral',
  '/cases/{id}/assign',
  '/cases/{id}/allegations',
  '/cases/{id}/facts',
  '/cases/{id}/interviews',
  '/cases/{id}/subject-notifications',
  '/cases/{id}/subject-responses',
  '/cases/{id}/findings',
  '/cases/{id}/submit-report',
  '/cases/{id}/evidence',
  '/cases/{id}/evidence/{evidenceId}',
  '/cases/{id}/evidence/{evidenceId}/content',
  '/cases/{id}/monitoring-requests',
  '/monitoring-requests/{id}/approve',
  '/monitoring-requests/{id}/reject',
  '/monitoring-requests/{id}/disclosures',
  '/audit',
  '/audit/verify',
  '/health',
];

/** The only routes anyone may call without a token (api.md "Conventions"). */
// api.md "Conventions", and "Sessions and passwords": POST /auth/refresh is for the holder of a refresh token (its credential), with no bearer token
// and single sign-on's browser navigations (process.md §7)
const PUBLIC_ROUTES = ['POST /auth/login', 'POST /auth/refresh', 'GET /health', 'GET /auth/sso/{organisationId}/start', 'GET /auth/sso/callback'];

type Operation = { security?: Array<Record<string, string[]>> };
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, Record<string, string>> } };

interface Route {
  controller: string;
  handler: string;
  method: string;
  /** OpenAPI style: /cases/{id}/triage */
  path: string;
  target: Function;
  controllerClass: Type;
}

/** Every route handler of every controller registered in the app, from Nest's own metadata. */
function registeredRoutes(app: NestFastifyApplication): Route[] {
  const routes: Route[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controllerClass = wrapper.metatype as Type | null;
      if (!controllerClass) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controllerClass) ?? '')[0];
      const proto = controllerClass.prototype as Record<string, Function>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (name === 'constructor') continue;
        const target = proto[name];
        if (typeof target !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, target) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const sub of ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, target) ?? '')) {
          const path = `/${[base, sub].filter((s) => s && s !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}');
          routes.push({ controller: controllerClass.name, handler: name, method: RequestMethod[method], path, target, controllerClass });
        }
      }
    }
  }
  return routes;
}

/** A concrete URL for a templated path. */
const concrete = (path: string) => path.replace(/\{\w+\}/g, () => randomUUID());

describe('docs and health', () => {
  let t: TestApp;
  let doc: OpenApi;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/docs-json')).body;
  });
  afterAll(() => t.close());

  const databaseUrl = () => (t.db.options as { connectionString: string }).connectionString;
  /** passport keeps one 'jwt' strategy per process: a second app replaces ours. */
  const restoreStrategy = () => passport.use('jwt', t.app.get(JwtStrategy));

  describe('GET /health', () => {
    it('answers {status:"ok", db:"up"} without a token', async () => {
      const res = await t.http().get('/health');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body).toEqual({ status: 'ok', db: 'up' });
    });

    it('ignores a bad token (public route)', async () => {
      const res = await t.http().get('/health').set('authorization', 'Bearer garbage');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', db: 'up' });
    });

    it('answers 503 problem+json when the database does not answer', async () => {
      const second = await createApp(t.config, databaseUrl(), { logger: false });
      try {
        await second.getHttpAdapter().getInstance().ready();
        expect((await request(second.getHttpServer()).get('/health')).body).toEqual({ status: 'ok', db: 'up' });
        await second.get(DataSource).destroy();
        const res = await request(second.getHttpServer()).get('/health');
        expectProblem(res, 503);
        expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|ECONN/);
      } finally {
        await second.close().catch(() => undefined);
        restoreStrategy();
      }
      expect((await t.http().get('/health')).status).toBe(200);
    });
  });

  describe('OpenAPI', () => {
    it('GET /docs-json is an OpenAPI 3 document with a bearer security scheme, without a token', async () => {
      const res = await t.http().get('/docs-json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body.openapi).toMatch(/^3\.\d+\.\d+$/);
      expect(res.body.info).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
      const schemes = Object.values(doc.components.securitySchemes);
      expect(schemes).toContainEqual(expect.objectContaining({ type: 'http', scheme: 'bearer' }));
    });

    it.each(API_PATHS)('documents %s', (path) => {
      expect(Object.keys(doc.paths)).toContain(path);
    });

    it('documents every route the app registers, and nothing it does not', () => {
      const documented = Object.entries(doc.paths)
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
        .sort();
      const registered = registeredRoutes(t.app)
        .map((r) => `${r.method} ${r.path}`)
        .sort();
      expect(registered.length).toBeGreaterThanOrEqual(API_PATHS.length);
      expect(documented).toEqual(registered);
    });

    it('every operation but the public ones requires the bearer scheme', () => {
      const bearer = Object.entries(doc.components.securitySchemes).find(([, s]) => s.scheme === 'bearer')![0];
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const route = `${method.toUpperCase()} ${path}`;
          const secured = (op.security ?? []).some((s) => bearer in s);
          expect({ route, secured }).toEqual({ route, secured: !PUBLIC_ROUTES.includes(route) });
        }
      }
    });

    it('GET /docs serves the Swagger UI page without a token', async () => {
      const res = await t.http().get('/docs');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toMatch(/<html/i);
      expect(res.text).toMatch(/swagger-ui/i);
    });
  });

  describe('default deny', () => {
    it('every non-public route answers 401 problem+json without a token, or with a bad one', async () => {
      const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
      const fromApp = registeredRoutes(t.app).map(({ method, path }) => ({ method, path }));
      const routes = [...new Map([...fromDoc, ...fromApp].map((r) => [`${r.method} ${r.path}`, r])).values()];
      const guarded = routes.filter((r) => !PUBLIC_ROUTES.includes(`${r.method} ${r.path}`));
      expect(guarded.length).toBeGreaterThanOrEqual(API_PATHS.length - 2);
      for (const { method, path } of guarded) {
        const url = concrete(path);
        for (const token of [undefined, 'Bearer garbage', 'Bearer ']) {
          let req = request(t.app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put'](url);
          if (token) req = req.set('authorization', token);
          const res = await (method === 'GET' || method === 'DELETE' ? req : req.send({}));
          expect({ route: `${method} ${path}`, token, status: res.status }).toEqual({ route: `${method} ${path}`, token, status: 401 });
          expectProblem(res, 401);
        }
      }
    });

    it('the public routes really are public', async () => {
      expect((await t.http().post('/auth/login').send({ email: DEMO.head, password: 'wrong-password' })).status).toBe(401);
      expect((await t.http().post('/auth/login').send({ email: DEMO.head, password: 'wrong-password' })).body.code).toBe('invalid_credentials');
      expect((await t.http().get('/health')).status).toBe(200);
    });

    it('every route handler declares @Public() or @Allow(permission), with a known permission', () => {
      const routes = registeredRoutes(t.app);
      expect(routes.length).toBeGreaterThanOrEqual(API_PATHS.length);
      for (const route of routes) {
        const isPublic = Reflect.getMetadata(IS_PUBLIC, route.target) ?? Reflect.getMetadata(IS_PUBLIC, route.controllerClass);
        const permission = Reflect.getMetadata(REQUIRED_PERMISSION, route.target) ?? Reflect.getMetadata(REQUIRED_PERMISSION, route.controllerClass);
        const where = `${route.controller}.${route.handler} (${route.method} ${route.path})`;
        expect({ where, declared: isPublic === true || permission !== undefined }).toEqual({ where, declared: true });
        if (permission !== undefined)
          expect({ where, permission, known: (PERMISSIONS as readonly string[]).includes(permission) }).toEqual({ where, permission, known: true });
        // public exactly where api.md says
        expect({ where, isPublic: isPublic === true }).toEqual({ where, isPublic: PUBLIC_ROUTES.includes(`${route.method} ${route.path}`) });
      }
    });

    it('the guard refuses (403) a route that declares no permission, even for a valid token', async () => {
      let reached = 0;
      @Controller('guard-probe')
      class GuardProbeController {
        @Get('undeclared')
        undeclared() {
          reached++;
          return { reached: true };
        }

        @Get('allowed')
        @Allow('profile:read')
        allowed() {
          return { reached: true };
        }

        @Get('public')
        @Public()
        open() {
          return { reached: true };
        }
      }
      @Module({ imports: [AppModule.forRoot(t.config, databaseUrl())], controllers: [GuardProbeController] })
      class GuardProbeModule {}

      const probe = await NestFactory.create<NestFastifyApplication>(GuardProbeModule, new FastifyAdapter(), { logger: false });
      try {
        probe.useGlobalFilters(new ProblemFilter());
        probe.useGlobalPipes(createValidationPipe());
        await probe.init();
        await probe.getHttpAdapter().getInstance().ready();
        const http = () => request(probe.getHttpServer());
        // (the refresh token in the body: this bare app has no cookie plugin)
        const token = (await http().post('/auth/login').send({ email: DEMO.head, password: TEST_PASSWORD, tokenDelivery: 'body' })).body.accessToken as string;
        expect(token).toEqual(expect.any(String));

        expectProblem(await http().get('/guard-probe/undeclared'), 401);
        const refused = await http().get('/guard-probe/undeclared').set('authorization', `Bearer ${token}`);
        expectProblem(refused, 403);
        expect(reached).toBe(0);

        // the controls: the same app, token and guard let the declared routes through
        expect((await http().get('/guard-probe/allowed').set('authorization', `Bearer ${token}`)).body).toEqual({ reached: true });
        expectProblem(await http().get('/guard-probe/allowed'), 401);
        expect((await http().get('/guard-probe/public')).body).toEqual({ reached: true });
      } finally {
        await probe.close();
        restoreStrategy();
      }
      expect((await (await t.as(DEMO.head)).get('/auth/me')).status).toBe(200);
    });
  });
});
