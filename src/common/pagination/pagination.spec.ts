import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, isTimeIdKey, toPage } from './pagination';

const AT = '2026-03-02T09:30:00.000Z';
const ID = '6f0c7a53-3c55-4a0e-9d55-0a4f5b0f0301';
const isSeqKey = (key: unknown[]): key is [number] => key.length === 1 && Number.isSafeInteger(key[0]);

function cursorError(cursor: string): DomainError {
  try {
    decodeCursor(cursor, isTimeIdKey);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`cursor ${JSON.stringify(cursor)} was accepted`);
}

describe('keyset pagination (api.md "Lists")', () => {
  describe('cursors', () => {
    it('round-trip: decode(encode(key)) is the key', () => {
      expect(decodeCursor(encodeCursor([AT, ID]), isTimeIdKey)).toEqual([AT, ID]);
      expect(decodeCursor(encodeCursor([42]), isSeqKey)).toEqual([42]);
    });

    it('are URL-safe', () => {
      expect(encodeCursor([AT, ID])).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('no cursor: the first page', () => {
      expect(decodeCursor(undefined, isTimeIdKey)).toBeUndefined();
    });

    it.each([
      ['garbage', 'not a cursor!'],
      ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
      ['a JSON object, not an array', Buffer.from('{"a":1}').toString('base64url')],
      ['the wrong shape', encodeCursor([42])],
      ['a timestamp without milliseconds', encodeCursor(['2026-03-02T09:30:00Z', ID])],
      ['an id that is not a UUID', encodeCursor([AT, 'nope'])],
      ['one element too many', encodeCursor([AT, ID, 'x'])],
      ['empty', ''],
      ['a timestamp in month 13', encodeCursor(['2026-13-02T09:30:00.000Z', ID])],
      ['a timestamp in year 0000', encodeCursor(['0000-01-01T00:00:00.000Z', ID])],
      ['a timestamp on 31 February', encodeCursor(['2026-02-31T09:30:00.000Z', ID])],
      ['a timestamp at hour 24', encodeCursor(['2026-03-02T24:00:00.000Z', ID])],
      ['a timestamp at minute 60', encodeCursor(['2026-03-02T09:60:00.000Z', ID])],
    ])('a bad cursor (%s) is a 400 on the field "cursor"', (_label, cursor) => {
      const error = cursorError(cursor);
      expect(error.status).toBe(400);
      expect(error.code).toBe('validation_failed');
      expect(error.errors).toEqual([{ field: 'cursor', message: 'is not a cursor this list issued' }]);
    });
  });

  describe('toPage', () => {
    const rows = [1, 2, 3, 4, 5].map((n) => ({ n }));
    const key = (row: { n: number }) => [row.n];
    const map = (row: { n: number }) => `item ${row.n}`;

    it('with one row more than the limit: a full page and a cursor to the last row shown', () => {
      const page = toPage(rows.slice(0, 4), 3, key, map);
      expect(page.items).toEqual(['item 1', 'item 2', 'item 3']);
      expect(page.nextCursor).not.toBeNull();
      expect(decodeCursor(page.nextCursor!, isSeqKey)).toEqual([3]);
    });

    it('the last page: nextCursor is null', () => {
      expect(toPage(rows.slice(0, 3), 3, key, map)).toEqual({ items: ['item 1', 'item 2', 'item 3'], nextCursor: null });
      expect(toPage(rows.slice(0, 2), 3, key, map)).toEqual({ items: ['item 1', 'item 2'], nextCursor: null });
    });

    it('no rows: an empty last page', () => {
      expect(toPage([], 50, key, map)).toEqual({ items: [], nextCursor: null });
    });
  });

  describe('isTimeIdKey', () => {
    it('accepts (ISO timestamp with milliseconds, UUID)', () => {
      expect(isTimeIdKey([AT, ID])).toBe(true);
    });
    it('a cursor timestamp must be a real instant that round-trips, in year 1 or later', () => {
      expect(isTimeIdKey(['0001-01-01T00:00:00.000Z', ID])).toBe(true);
      expect(isTimeIdKey(['9999-12-31T23:59:59.999Z', ID])).toBe(true);
      expect(isTimeIdKey(['2028-02-29T00:00:00.000Z', ID])).toBe(true);
      for (const impossible of [
        '2026-13-01T00:00:00.000Z',
        '2026-00-10T00:00:00.000Z',
        '0000-01-01T00:00:00.000Z',
        '2026-02-29T00:00:00.000Z',
        '2026-04-31T00:00:00.000Z',
      ]) {
        expect(isTimeIdKey([impossible, ID])).toBe(false);
      }
    });
    it('refuses anything else', () => {
      expect(isTimeIdKey([ID, AT])).toBe(false);
      expect(isTimeIdKey([AT])).toBe(false);
      expect(isTimeIdKey([Date.parse(AT), ID])).toBe(false);
    });
  });
});
