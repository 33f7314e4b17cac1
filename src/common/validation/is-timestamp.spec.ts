import { isTimestamp } from './is-timestamp';

describe('isTimestamp (api.md: ISO-8601 timestamps with a time zone)', () => {
  it.each([
    '2026-11-23T09:30:00Z',
    '2026-11-23T09:30:00.123Z',
    '2026-11-23T09:30:00.123456Z',
    '2026-11-23T09:30Z',
    '2026-11-23T09:30:00+01:00',
    '2026-11-23T09:30:00-05:30',
    '2026-11-23T09:30:00+0100',
    '2024-02-29T12:00:00Z',
  ])('accepts %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it.each([
    ['no time zone', '2026-11-23T09:30:00'],
    ['no time zone, with milliseconds', '2026-11-23T09:30:00.000'],
    ['a date only', '2026-11-23'],
    ['31 February', '2026-02-31T09:30:00Z'],
    ['29 February in a common year', '2026-02-29T12:00:00Z'],
    ['month 13', '2026-13-01T09:30:00Z'],
    ['day 0', '2026-11-00T09:30:00Z'],
    ['hour 25', '2026-11-23T25:00:00Z'],
    ['second 60', '2026-11-23T09:30:60Z'],
    ['a space for the T', '2026-11-23 09:30:00Z'],
    ['garbage', 'yesterday'],
    ['empty', ''],
    ['trailing text', '2026-11-23T09:30:00Z; DROP TABLE cases'],
    ['a year before 1900', '1899-12-31T09:30:00Z'],
    ['a year after 2999', '3000-01-01T09:30:00Z'],
  ])('rejects %s (%s)', (_label, value) => {
    expect(isTimestamp(value)).toBe(false);
  });

  it.each([null, undefined, 1767261600000, new Date('2026-11-23T09:30:00Z'), {}])('rejects a non-string (%p)', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });
});
