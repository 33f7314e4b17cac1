import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const logger = new Logger('CopyOut');

/**
 * Runs `COPY … TO STDOUT` on a connection of its own from the application's pool and returns
 * the output as a stream, with back-pressure: PostgreSQL's rows are read only as fast as the
 * stream is consumed, so memory does not grow with the number of rows.
 *
 * The connection goes back to the pool when the stream ends. If the stream fails or is
 * destroyed before its end (the client went away), the connection is in the middle of a
 * COPY and cannot be reused: it is closed and removed from the pool instead.
 */
export async function copyOut(dataSource: DataSource, sql: string): Promise<Readable> {
  const driver = dataSource.driver as PostgresDriver;
  const [client, release] = (await driver.obtainMasterConnection()) as [PoolClient, (error?: Error | boolean) => void];
  let released = false;
  let ended = false;
  const done = (error?: Error) => {
    if (released) return;
    released = true;
    release(error ?? undefined);
  };
  let stream: Readable;
  try {
    stream = client.query(copyTo(sql));
  } catch (error) {
    done(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  stream.once('end', () => {
    ended = true;
    done();
  });
  // `on`, not `once`: a stream destroyed early may still report the connection's error later.
  stream.on('error', (error: Error) => {
    if (!released) logger.warn(`COPY failed: ${error.message}`);
    done(error);
  });
  stream.once('close', () => {
    if (!ended) done(new Error('COPY stream closed before its end'));
  });
  return stream;
}
