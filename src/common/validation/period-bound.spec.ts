import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isPeriodBound, PeriodBound } from './period-bound';

class Period {
  @PeriodBound('from', 'things on or after')
  from?: string;

  @PeriodBound('to', 'things up to')
  to?: string;
}

/** Each failing property with its constraints' messages. */
const problems = (query: Record<string, unknown>) =>
  Object.fromEntries(validateSync(plainToInstance(Period, query)).map((e) => [e.property, Object.values(e.constraints ?? {})]));

describe('isPeriodBound (api.md "Conventions": a date or a date-time)', () => {
  it.each(['2026-09-01', '2024-02-29', '2026-09-01T00:00:00Z', '2026-09-01T08:30:00+01:00', '2026-09-01T08:30:00.123Z'])('accepts %s', (value) => {
    expect(isPeriodBound(value)).toBe(true);
  });

  it.each([
    ['a date-time without a zone', '2026-09-01T08:30:00'],
    ['31 February', '2026-02-31'],
    ['month 13', '2026-13-01'],
    ['a year before 1900', '1899-12-31'],
    ['a year after 2999', '3000-01-01'],
    ['a British date', '01/09/2026'],
    ['a week', '2026-W36'],
    ['a month', '2026-09'],
    ['words', 'yesterday'],
    ['empty', ''],
    ['an array (a repeated parameter)', ['2026-09-01', '2026-09-02']],
    ['a number', 20260901],
  ])('refuses %s', (_label, value) => {
    expect(isPeriodBound(value)).toBe(false);
  });
});

describe('PeriodBound on a query DTO', () => {
  it('takes dates, date-times and a mix', () => {
    expect(problems({ from: '2026-09-01', to: '2026-12-31' })).toEqual({});
    expect(problems({ from: '2026-09-01T00:00:00Z', to: '2026-12-31' })).toEqual({});
    expect(problems({})).toEqual({});
  });

  it('names the field that is wrong', () => {
    expect(problems({ from: '2026-02-31' })).toEqual({ from: ['from must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone'] });
    expect(problems({ to: 'soon' })).toEqual({ to: ['to must be a date (YYYY-MM-DD) or an ISO-8601 date-time with a time zone'] });
  });

  it('a period that holds no instant is refused on `to`; one day (from = to, dates) is a period', () => {
    expect(problems({ from: '2026-10-25', to: '2026-10-25' })).toEqual({});
    expect(problems({ from: '2026-10-26', to: '2026-10-25' })).toEqual({ to: ['to must end after from (a date includes its whole day)'] });
    expect(problems({ from: '2026-10-25T10:00:00Z', to: '2026-10-25T10:00:00Z' })).toEqual({
      to: ['to must end after from (a date includes its whole day)'],
    });
    // 25 October lasts until 00:00 GMT on the 26th: a from at 23:30 GMT still leaves half an hour
    expect(problems({ from: '2026-10-25T23:30:00Z', to: '2026-10-25' })).toEqual({});
    expect(problems({ from: '2026-10-26T00:00:00Z', to: '2026-10-25' })).toEqual({ to: ['to must end after from (a date includes its whole day)'] });
  });
});
