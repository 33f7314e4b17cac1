import { formatCaseReference } from './case-reference';

describe('formatCaseReference (domain.md "Report": a human reference unique per organisation and year)', () => {
  it('SMP-2026-0007', () => {
    expect(formatCaseReference(2026, 7)).toBe('SMP-2026-0007');
  });

  it.each([
    [1, 'SMP-2026-0001'],
    [42, 'SMP-2026-0042'],
    [999, 'SMP-2026-0999'],
    [9999, 'SMP-2026-9999'],
  ])('pads the number to four digits: %i → %s', (number, reference) => {
    expect(formatCaseReference(2026, number)).toBe(reference);
  });

  it('does not truncate past 9999 (the reference stays unique)', () => {
    expect(formatCaseReference(2026, 10000)).toBe('SMP-2026-10000');
  });

  it('carries the year', () => {
    expect(formatCaseReference(2027, 1)).toBe('SMP-2027-0001');
    expect(formatCaseReference(2027, 1)).not.toBe(formatCaseReference(2026, 1));
  });
});
