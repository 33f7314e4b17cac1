import { escapeLiteral } from 'pg';

/**
 * Writes the values of a parameterised statement into its text, as escaped SQL literals.
 * For COPY (SELECT …) TO STDOUT only: PostgreSQL does not accept bind parameters in COPY.
 * `$n` placeholders are replaced in one pass (a value is never re-scanned); the statement
 * must carry its own casts (`$1::uuid`), as a literal is untyped text.
 */
export function inlineSqlParams(sql: string, values: readonly unknown[]): string {
  return sql.replace(/\$(\d+)(?!\d)/g, (_match, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= values.length) throw new Error(`no value for placeholder $${digits}`);
    return sqlLiteral(values[index]);
  });
}

/** One value as a SQL literal: text escaped, arrays of text as an array literal, numbers and booleans as themselves. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('cannot inline a non-finite number');
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('cannot inline an invalid date');
    return escapeLiteral(value.toISOString());
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const elements = (value as string[]).map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`);
    return escapeLiteral(`{${elements.join(',')}}`);
  }
  throw new Error(`cannot inline a value of type ${typeof value}`);
}
