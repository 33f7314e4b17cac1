import { instantRange, isNonEmptyRange } from './period';
import { isLocalDate, startOfLocalDate } from './working-days';

const HOUR = 3_600_000;
const iso = (d: Date | undefined) => d?.toISOString();
const hours = (range: { start?: Date; end?: Date }) => (range.end!.getTime() - range.start!.getTime()) / HOUR;

describe('instantRange: a period of dates or date-times as [start, end) in Europe/London (api.md "Conventions")', () => {
  it('a date is a whole local day: from its midnight to the next, `to` included', () => {
    // winter: GMT = UTC
    expect(instantRange({ from: '2026-12-01', to: '2026-12-31' })).toEqual({
      start: new Date('2026-12-01T00:00:00.000Z'),
      end: new Date('2027-01-01T00:00:00.000Z'),
    });
    // summer: BST = UTC+1, so local midnight is 23:00 UTC the day before
    expect(instantRange({ from: '2026-07-01', to: '2026-07-01' })).toEqual({
      start: new Date('2026-06-30T23:00:00.000Z'),
      end: new Date('2026-07-01T23:00:00.000Z'),
    });
  });

  it('an HR officer’s autumn term: from 1 September (BST) to 31 December (GMT)', () => {
    const range = instantRange({ from: '2026-09-01', to: '2026-12-31' });
    expect(iso(range.start)).toBe('2026-08-31T23:00:00.000Z');
    expect(iso(range.end)).toBe('2027-01-01T00:00:00.000Z');
  });

  describe('across the clock changes', () => {
    it('29 March 2026, the clocks go forward: a 23-hour day', () => {
      const day = instantRange({ from: '2026-03-29', to: '2026-03-29' });
      expect(iso(day.start)).toBe('2026-03-29T00:00:00.000Z'); // 00:00 GMT
      expect(iso(day.end)).toBe('2026-03-29T23:00:00.000Z'); // 00:00 BST on the 30th
      expect(hours(day)).toBe(23);
      expect(hours(instantRange({ from: '2026-03-28', to: '2026-03-28' }))).toBe(24);
      expect(hours(instantRange({ from: '2026-03-30', to: '2026-03-30' }))).toBe(24);
    });

    it('25 October 2026, the clocks go back: a 25-hour day', () => {
      const day = instantRange({ from: '2026-10-25', to: '2026-10-25' });
      expect(iso(day.start)).toBe('2026-10-24T23:00:00.000Z'); // 00:00 BST
      expect(iso(day.end)).toBe('2026-10-26T00:00:00.000Z'); // 00:00 GMT on the 26th
      expect(hours(day)).toBe(25);
      expect(hours(instantRange({ from: '2026-10-24', to: '2026-10-24' }))).toBe(24);
      expect(hours(instantRange({ from: '2026-10-26', to: '2026-10-26' }))).toBe(24);
    });

    it.each([
      // [instant, local date in London]
      ['2026-03-28T23:30:00Z', '2026-03-28'], // 23:30 GMT
      ['2026-03-29T00:30:00Z', '2026-03-29'], // 00:30 GMT
      ['2026-03-29T01:30:00Z', '2026-03-29'], // 02:30 BST (01:00–02:00 local never happened)
      ['2026-03-29T22:30:00Z', '2026-03-29'], // 23:30 BST
      ['2026-03-29T23:30:00Z', '2026-03-30'], // 00:30 BST on the 30th
      ['2026-10-24T22:30:00Z', '2026-10-24'], // 23:30 BST
      ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST on the 25th
      ['2026-10-25T00:30:00Z', '2026-10-25'], // 01:30 BST, the first one
      ['2026-10-25T01:30:00Z', '2026-10-25'], // 01:30 GMT, the second one
      ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT
      ['2026-10-26T00:00:00Z', '2026-10-26'], // midnight GMT: the next day
    ])('%s falls in the day %s and in no other', (instant, date) => {
      const at = new Date(instant).getTime();
      for (const candidate of ['2026-03-28', '2026-03-29', '2026-03-30', '2026-10-24', '2026-10-25', '2026-10-26']) {
        const { start, end } = instantRange({ from: candidate, to: candidate });
        expect({ candidate, inside: start!.getTime() <= at && at < end!.getTime() }).toEqual({ candidate, inside: candidate === date });
      }
    });
  });

  it('a date-time is that instant: `from` included, `to` excluded, any zone offset understood', () => {
    expect(instantRange({ from: '2026-10-25T01:30:00+01:00', to: '2026-10-25T01:30:00Z' })).toEqual({
      start: new Date('2026-10-25T00:30:00.000Z'),
      end: new Date('2026-10-25T01:30:00.000Z'),
    });
  });

  it('mixes a date and a date-time', () => {
    expect(instantRange({ from: '2026-10-25', to: '2026-10-25T12:00:00Z' })).toEqual({
      start: new Date('2026-10-24T23:00:00.000Z'),
      end: new Date('2026-10-25T12:00:00.000Z'),
    });
  });

  it('leaves an open end open', () => {
    expect(instantRange({})).toEqual({ start: undefined, end: undefined });
    expect(instantRange({ from: '2026-09-01' })).toEqual({ start: new Date('2026-08-31T23:00:00.000Z'), end: undefined });
    expect(instantRange({ to: '2026-09-01' })).toEqual({ start: undefined, end: new Date('2026-09-01T23:00:00.000Z') });
  });

  it('reads dates in the zone it is given', () => {
    expect(instantRange({ from: '2026-07-01', to: '2026-07-01' }, 'Asia/Tokyo')).toEqual({
      start: new Date('2026-06-30T15:00:00.000Z'),
      end: new Date('2026-07-01T15:00:00.000Z'),
    });
  });

  it('consecutive periods of dates meet without overlap or gap', () => {
    for (const [first, next] of [
      ['2026-03-28', '2026-03-29'],
      ['2026-03-29', '2026-03-30'],
      ['2026-10-24', '2026-10-25'],
      ['2026-10-25', '2026-10-26'],
      ['2026-12-31', '2027-01-01'],
    ]) {
      expect(iso(instantRange({ to: first }).end)).toBe(iso(instantRange({ from: next }).start));
    }
  });

  it('throws on what validation would have refused', () => {
    expect(() => instantRange({ from: 'yesterday' })).toThrow(RangeError);
    expect(() => instantRange({ to: '2026-02-31' })).toThrow(RangeError);
  });

  it('isNonEmptyRange: the same date twice is a day; a later from than to is empty', () => {
    expect(isNonEmptyRange(instantRange({ from: '2026-10-25', to: '2026-10-25' }))).toBe(true);
    expect(isNonEmptyRange(instantRange({ from: '2026-10-26', to: '2026-10-25' }))).toBe(false);
    expect(isNonEmptyRange(instantRange({ from: '2026-10-25T00:00:00Z', to: '2026-10-25T00:00:00Z' }))).toBe(false);
    expect(isNonEmptyRange(instantRange({ from: '2026-10-25T00:00:00Z', to: '2026-10-25T00:00:00.001Z' }))).toBe(true);
    // 23:30 BST on the 24th is already the 24th's last half hour: to=the 24th still holds it
    expect(isNonEmptyRange(instantRange({ from: '2026-10-24T22:30:00Z', to: '2026-10-24' }))).toBe(true);
    expect(isNonEmptyRange(instantRange({ from: '2026-10-24T23:00:00Z', to: '2026-10-24' }))).toBe(false);
    expect(isNonEmptyRange({ start: new Date(), end: undefined })).toBe(true);
  });
});

describe('isLocalDate and startOfLocalDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('%s is a date', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '2026-01-01T00:00:00Z', ' 2026-01-01', '', 20260101, null])('%p is not', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it('shifts by whole local days, not by 24 hours', () => {
    expect(startOfLocalDate('2026-03-29', 'Europe/London', 1).toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfLocalDate('2026-10-25', 'Europe/London', 1).toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(startOfLocalDate('2026-12-31', 'Europe/London', 1).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(startOfLocalDate('2026-03-01', 'Europe/London', -1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(() => startOfLocalDate('2026-02-30')).toThrow(RangeError);
  });
});
