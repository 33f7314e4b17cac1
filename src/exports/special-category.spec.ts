import { DomainError } from '../common/errors/domain-error';
import { includeSpecialCategory, partitionEvidence } from './special-category';

describe('special-category content in exports (§13, domain.md "Data protection")', () => {
  describe('includeSpecialCategory', () => {
    it('is left out when not asked for, whoever asks', () => {
      expect(includeSpecialCategory(undefined, true)).toBe(false);
      expect(includeSpecialCategory(undefined, false)).toBe(false);
    });

    it('is included when the headteacher asks for it', () => {
      expect(includeSpecialCategory('special', true)).toBe(true);
    });

    it('anyone else asking for it is refused (403), not silently ignored', () => {
      let thrown: unknown;
      try {
        includeSpecialCategory('special', false);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).status).toBe(403);
    });
  });

  describe('partitionEvidence', () => {
    const items = [
      { id: 'a', sensitivity: 'personal' as const },
      { id: 'b', sensitivity: 'special_category' as const },
      { id: 'c', sensitivity: 'personal' as const },
      { id: 'd', sensitivity: 'special_category' as const },
    ];

    it('withholds special-category items, counting them, and keeps the order of the rest', () => {
      expect(partitionEvidence(items, false)).toEqual({ shown: [items[0], items[2]], withheld: 2 });
    });

    it('shows everything when special-category content is included', () => {
      expect(partitionEvidence(items, true)).toEqual({ shown: items, withheld: 0 });
    });

    it('an empty list withholds nothing', () => {
      expect(partitionEvidence([], false)).toEqual({ shown: [], withheld: 0 });
    });
  });
});
