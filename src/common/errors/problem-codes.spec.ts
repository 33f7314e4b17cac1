import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROBLEM_CODES, problemCodesOf } from './problem-codes';

describe('problem codes', () => {
  it('each is snake_case with a 4xx or 5xx status and a meaning', () => {
    for (const [code, { status, meaning }] of Object.entries(PROBLEM_CODES)) {
      expect({ code, ok: /^[a-z][a-z_]*$/.test(code) && status >= 400 && status < 600 && meaning.length > 10 }).toEqual({ code, ok: true });
    }
  });

  it('problemCodesOf lists a status’s codes', () => {
    expect(problemCodesOf(429)).toEqual(['rate_limited']);
    expect(problemCodesOf(409)).toEqual(expect.arrayContaining(['no_decision_maker', 'concurrent_change']));
  });

  it('docs/api-contract.md lists every code with its status', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/api-contract.md'), 'utf8');
    for (const [code, { status }] of Object.entries(PROBLEM_CODES)) {
      expect({ code, listed: doc.includes(`| \`${code}\` | ${status} |`) }).toEqual({ code, listed: true });
    }
  });
});
