import { DomainError } from '../common/errors/domain-error';
import { requireNotBefore } from './chronology';

describe('requireNotBefore', () => {
  const report = new Date('2026-11-01T10:00:00Z');
  it('accepts the same instant or later, and an unknown earliest', () => {
    expect(() => requireNotBefore('sentAt', report, report, 'the report')).not.toThrow();
    expect(() => requireNotBefore('sentAt', new Date('2026-11-02T00:00:00Z'), report, 'the report')).not.toThrow();
    expect(() => requireNotBefore('sentAt', new Date('1990-01-01T00:00:00Z'), null, 'the report')).not.toThrow();
  });
  it('refuses an earlier time with a 400 naming the field', () => {
    try {
      requireNotBefore('sentAt', new Date('1990-01-01T00:00:00Z'), report, 'the report');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors).toEqual([{ field: 'sentAt', message: expect.stringContaining('cannot be before the report') }]);
    }
  });
});
