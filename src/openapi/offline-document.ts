import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/config';
import { createOpenApiDocument } from './openapi-document';

/**
 * The document /docs-json serves, without a database or a server: Nest's preview mode builds
 * the module graph and the routes' metadata but instantiates nothing (no connection is made).
 * For `npm run lint:openapi` and for clients generating types at build time.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), JWT_SECRET: randomBytes(32).toString('hex') });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, 'postgres://openapi@127.0.0.1:1/none'), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
