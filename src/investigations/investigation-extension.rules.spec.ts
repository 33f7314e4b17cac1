import { DomainError } from '../common/errors/domain-error';
import { checkExtension, MAX_EXTENSION_WORKING_DAYS } from './investigation-extension.rules';

describe('checkExtension (process.md §6: an investigation extendable with a reason)', () => {
  it('takes whole working days from 1 to a month (20)', () => {
    expect(MAX_EXTENSION_WORKING_DAYS).toBe(20);
    for (const days of [1, 5, 20]) expect(() => checkExtension(days)).not.toThrow();
  });

  it('refuses none, a part of a day, or more than a month at once — naming workingDays', () => {
    for (const days of [0, -3, 2.5, 21, 100]) {
      let error: unknown;
      try {
        checkExtension(days);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(JSON.stringify(error)).toContain('workingDays');
    }
  });
});
