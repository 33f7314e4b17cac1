import { inlineSqlParams, sqlLiteral } from './inline-sql-params';

describe('inlineSqlParams (COPY takes no bind parameters)', () => {
  it('replaces each placeholder by its value as a literal, keeping the casts', () => {
    expect(inlineSqlParams('SELECT $1::uuid, $2::int, $3', ['0b0e6ac4-0000-4000-8000-000000000000', 7, null])).toBe(
      "SELECT '0b0e6ac4-0000-4000-8000-000000000000'::uuid, 7::int, NULL",
    );
  });

  it('tells $1 from $10', () => {
    const values = Array.from({ length: 10 }, (_v, i) => `v${i + 1}`);
    expect(inlineSqlParams('$10 $1', values)).toBe("'v10' 'v1'");
  });

  it('does not re-scan a value that itself looks like a placeholder', () => {
    expect(inlineSqlParams('$1 $2', ['$2', 'x'])).toBe("'$2' 'x'");
  });

  it('escapes quotes and backslashes, so a value cannot end its literal', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral("x'); DROP TABLE cases; --")).toBe("'x''); DROP TABLE cases; --'");
    expect(sqlLiteral('back\\slash')).toBe(" E'back\\\\slash'");
  });

  it('arrays of text become array literals (an empty one too)', () => {
    expect(sqlLiteral(['a', 'b'])).toBe(`'{"a","b"}'`);
    expect(sqlLiteral([])).toBe(`'{}'`);
    // the array literal's own backslashes are escaped again for the string literal (E'…')
    expect(sqlLiteral(['say "hi"', "it's"])).toBe(` E'{"say \\\\"hi\\\\"","it''s"}'`);
  });

  it('booleans, dates', () => {
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(new Date('2026-11-23T09:30:00Z'))).toBe("'2026-11-23T09:30:00.000Z'");
  });

  it('refuses what it cannot write safely', () => {
    expect(() => inlineSqlParams('$2', ['x'])).toThrow('no value for placeholder $2');
    expect(() => inlineSqlParams('$0', ['x'])).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral({ a: 1 })).toThrow();
    expect(() => sqlLiteral([1, 2])).toThrow();
    expect(() => sqlLiteral(new Date('nope'))).toThrow();
  });
});
