import { KCSIE_FINDING_CHOICES } from '../policy/policy-text';
import { findingCategoryProblem, findingsToRestate, KCSIE_FINDINGS, onlyMaliciousOrFalse } from './kcsie-findings';
import { requireFindingFitsCase } from './kcsie-findings.check';

describe('KCSIE Part 4 finding categories (process.md §3)', () => {
  it('a safeguarding allegation takes exactly KCSIE’s five categories', () => {
    expect([...KCSIE_FINDINGS]).toEqual(['substantiated', 'malicious', 'false', 'unsubstantiated', 'unfounded']);
    for (const finding of KCSIE_FINDINGS) expect(findingCategoryProblem(finding, true)).toBeNull();
    for (const finding of ['not_substantiated', 'inconclusive']) expect(findingCategoryProblem(finding, true)).toMatch(/KCSIE's categories/);
  });

  it('any other case keeps the ordinary findings, and refuses KCSIE’s own', () => {
    for (const finding of ['substantiated', 'not_substantiated', 'inconclusive']) expect(findingCategoryProblem(finding, false)).toBeNull();
    for (const finding of ['malicious', 'false', 'unsubstantiated', 'unfounded'])
      expect(findingCategoryProblem(finding, false)).toMatch(/safeguarding allegations/);
  });

  it('the route answers a 400 naming the field', () => {
    expect(() => requireFindingFitsCase('inconclusive', true)).toThrow(
      expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'finding' })] }),
    );
    expect(() => requireFindingFitsCase('malicious', true)).not.toThrow();
  });

  it('a case that became safeguarding after findings were recorded restates each ordinary one (substantiated is in both)', () => {
    expect(findingsToRestate(['substantiated', 'not_substantiated', 'inconclusive', null], true)).toBe(2);
    expect(findingsToRestate(['not_substantiated'], false)).toBe(0);
    expect(findingsToRestate(['unfounded', 'substantiated'], true)).toBe(0);
  });

  it('malicious and false allegations leave the record only when every finding is one of them', () => {
    expect(onlyMaliciousOrFalse(['malicious'])).toBe(true);
    expect(onlyMaliciousOrFalse(['false', 'malicious', null])).toBe(true);
    expect(onlyMaliciousOrFalse(['malicious', 'substantiated'])).toBe(false);
    expect(onlyMaliciousOrFalse(['unsubstantiated'])).toBe(false);
    expect(onlyMaliciousOrFalse(['unfounded'])).toBe(false);
    expect(onlyMaliciousOrFalse([])).toBe(false);
    expect(onlyMaliciousOrFalse([null])).toBe(false);
  });

  it('GET /policy gives each category its KCSIE definition, once', () => {
    expect(KCSIE_FINDING_CHOICES.map((c) => c.value)).toEqual([...KCSIE_FINDINGS]);
    expect(KCSIE_FINDING_CHOICES.find((c) => c.value === 'malicious')!.words).toMatch(/deliberate act to deceive/);
    expect(KCSIE_FINDING_CHOICES.find((c) => c.value === 'unsubstantiated')!.words).toMatch(/does not imply guilt or innocence/);
    for (const c of KCSIE_FINDING_CHOICES) expect(c.clause).toBe('KCSIE Part 4');
  });
});
