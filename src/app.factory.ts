import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { ProblemFilter } from './common/errors/problem.filter';
import { createValidationPipe } from './common/validation/validation.pipe';

/** Builds the configured application (used by main.ts and by the e2e tests). */
export async function createApp(config: AppConfig, databaseUrl: string, options: { logger?: LogLevel[] | false } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ trustProxy: config.trustProxy, bodyLimit: 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: options.logger ?? ['error', 'warn'],
    bufferLogs: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: any other body type is a 415, but for multipart/form-data (evidence uploads).
  fastify.removeContentTypeParser(['text/plain']);
  // Multipart bodies are not read here: the upload route streams its parts only after the
  // case-access check; these limits are tightened per request (src/evidence/multipart-upload.ts).
  await app.register(multipart, { limits: { fileSize: config.evidenceMaxBytes, files: 1, fields: 20, parts: 30, fieldSize: 64 * 1024 } });
  await app.register(helmet, {
    // Swagger UI needs inline scripts and styles; the API itself serves only JSON.
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (config.swaggerEnabled) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Social media policy casework API')
        .setDescription('Disciplinary casework under the Werrington Primary School social media policy: report, investigation, monitoring, outcome, appeal. Errors are application/problem+json (RFC 9457).')
        .setVersion('1.0')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  }
  await app.init();
  return app;
}
