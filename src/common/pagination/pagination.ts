import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** `?limit=&cursor=` of every list (api.md "Lists"). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Opaque keyset cursors: the sort key of the last row of a page. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends readonly unknown[]>(cursor: string | undefined, shape: (key: unknown[]) => key is unknown[] & T): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && shape(key)) return key;
  } catch {
    /* fall through */
  }
  throw DomainError.invalidField('cursor', 'is not a cursor this list issued');
}

/** Takes one row more than the page to know whether another page follows. */
export function toPage<Row, Item>(rows: Row[], limit: number, key: (row: Row) => readonly (string | number)[], map: (row: Row) => Item): Page<Item> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: more ? encodeCursor(key(pageRows[pageRows.length - 1])) : null,
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A timestamp as cursors carry it: a real instant that reads back the same (no month 13, no
 * 31 February) and in year 1 or later (PostgreSQL has no year 0): anything else would reach
 * the database and fail there.
 */
export function isCursorTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value && Number(value.slice(0, 4)) >= 1;
}

/** Cursor over (createdAt DESC, id DESC). */
export const isTimeIdKey = (key: unknown[]): key is [string, string] =>
  key.length === 2 && isCursorTimestamp(key[0]) && typeof key[1] === 'string' && UUID.test(key[1]);
