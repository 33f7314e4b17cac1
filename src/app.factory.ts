import { Logger, LogLevel } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { FastifyServerOptions } from 'fastify';
import multipart from '@fastify/multipart';
import { AppModule } from './app.module';
import { Clock } from './common/clock/clock';
import { AppConfig } from './config/config';
import { ProblemFilter } from './common/errors/problem.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { createOpenApiDocument } from './openapi/openapi-document';
import { registerWebApp } from './web/web-app';

/** What helmet would have set, for the answers given before it runs. */
const BASELINE_SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'self'; base-uri 'self'; frame-ancestors 'self'; object-src 'none'",
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/**
 * A connection the server terminates (restart, failover, pg_terminate_backend) emits 'error';
 * between pg-pool handing it out and TypeORM listening, nobody would be listening and Node
 * would exit. Every connection gets a listener from birth: the request using it fails (503).
 */
function guardPoolErrors(dataSource: DataSource): void {
  const logger = new Logger('Database');
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const listen = (client: PoolClient) => client.on('error', (error) => logger.warn(`connection lost: ${error.message}`));
  pool.on('error', (error) => logger.warn(`idle connection lost: ${error.message}`));
  pool.on('connect', listen);
  // The connections opened while the data source started are already in the pool.
  for (const client of (pool as unknown as { _clients?: PoolClient[] })._clients ?? []) listen(client);
}

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/**
 * Builds the configured application (used by main.ts and by the e2e tests). `clock`: what time
 * it is for the app's rules (src/common/clock); the system clock unless a test brings its own.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { logger?: LogLevel[] | false; clock?: Clock } = {},
): Promise<NestFastifyApplication> {
  const fastifyOptions: FastifyServerOptions = {
    // A hop count becomes "trust the nearest n addresses", as proxy-addr does.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    // While closing, requests already on kept-alive connections are served as usual (any
    // failure then is a problem+json 503 from the filter), not Fastify's own 503 body.
    return503OnClosing: false,
    // A malformed URL (400) or an over-long path parameter (414) is answered by the router
    // before Nest, helmet or the problem filter run: answer it the same way they would.
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode === 414 ? 414 : 400;
      const body = JSON.stringify({
        type: 'urn:smp:problem:bad_request',
        title: status === 414 ? 'URI Too Long' : 'Bad Request',
        status,
        detail: status === 414 ? 'A path parameter is too long.' : 'The URL is not valid.',
        code: status === 414 ? 'uri_too_long' : 'bad_request',
      });
      reply.hijack();
      reply.raw.writeHead(status, {
        ...BASELINE_SECURITY_HEADERS,
        'content-type': 'application/problem+json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      reply.raw.end(body);
    },
  };
  const adapter = new FastifyAdapter(fastifyOptions as ConstructorParameters<typeof FastifyAdapter>[0]);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl, options.clock), adapter, {
    logger: options.logger ?? ['error', 'warn'],
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  guardPoolErrors(app.get(DataSource));
  // JSON only: any other body type is a 415, but for multipart/form-data (evidence uploads).
  fastify.removeContentTypeParser(['text/plain']);
  // Multipart bodies are not read here: the upload route streams its parts only after the
  // case-access check; these limits are tightened per request (src/evidence/multipart-upload.ts).
  await app.register(multipart, { limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 20, parts: 30, fieldSize: 64 * 1024 } });
  // The refresh-token cookie (src/auth/refresh-cookie.ts): parsed on every request, set by /auth.
  await app.register(cookie);
  await app.register(helmet, {
    // Swagger UI needs inline scripts and styles; the API itself serves only JSON.
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });
  // api.md "Casework answers carry Cache-Control: no-store": every answer (errors included)
  // unless its route chose its own; /health and /docs-json too, for simplicity.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  // The web application (web/, built to dist/web) at /app/, with its own, strict CSP (src/web/web-app.ts).
  if (config.serveWeb && !(await registerWebApp(fastify))) {
    new Logger('Web').warn('SERVE_WEB is on but the web application is not built (no dist/web/index.html): run npm run build');
  }
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.swaggerEnabled) {
    // Built at boot: a route the document rules refuse (no summary, a duplicate operationId) stops the app.
    SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  }
  await app.init();
  return app;
}
