import { SqlParams } from '../database/sql';
import { referenceContainsSql } from './case-rows';

describe('referenceContainsSql: which index answers a part of a reference (GET /cases?q=)', () => {
  const sql = (literal: string) => {
    const params = new SqlParams();
    return { sql: referenceContainsSql(literal, params), params: params.values };
  };

  it.each([
    ['the whole reference', 'SMP-2026-0007', 'SMP-2026-0007%'],
    ['its start, in any case', 'smp-2026-00', 'smp-2026-00%'],
    ['a year and its hyphen: only ever after SMP-', '2026-0007', 'SMP-2026-0007%'],
    ['a year and its hyphen, alone', '2026-', 'SMP-2026-%'],
  ])('%s (%s) → a prefix on the btree', (_label, literal, pattern) => {
    expect(sql(literal)).toEqual({ sql: 'upper(c.reference) LIKE upper($1)', params: [pattern] });
  });

  it.each([
    ['a number', '0007'],
    ['a year without its hyphen', '2026'],
    ['the middle', 'MP-2026'],
    ['a hyphen and a number', '-0007'],
    ['not a reference at all', 'Taylor'],
  ])('%s (%s) → anywhere, on the trigram index', (_label, literal) => {
    expect(sql(literal)).toEqual({ sql: 'c.reference ILIKE $1', params: [`%${literal}%`] });
  });
});
