import type { ReaderRights } from '../access/case-access.policy';
import { DomainError } from '../common/errors/domain-error';
import { exportRights, includeSpecialCategory } from './special-category';

describe('special-category content in exports (§13, domain.md "Data protection")', () => {
  describe('includeSpecialCategory', () => {
    it('is left out when not asked for, whoever asks', () => {
      expect(includeSpecialCategory(undefined, true)).toBe(false);
      expect(includeSpecialCategory(undefined, false)).toBe(false);
    });

    it('is included when someone who may read it (the acting decision-maker) asks for it', () => {
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

  describe('exportRights: what the case view shows the reader, special category only on purpose', () => {
    const decider: ReaderRights = { specialCategory: true, othersStatements: true, isReporter: false, staffIds: ['s1'] };
    const witness: ReaderRights = { specialCategory: false, othersStatements: false, isReporter: true, staffIds: ['s2'] };

    it('keeps special category out unless included, even for a reader who may read it', () => {
      expect(exportRights(decider, false)).toEqual({ ...decider, specialCategory: false });
      expect(exportRights(decider, true)).toEqual(decider);
    });

    it('never gives more than the reader has', () => {
      expect(exportRights(witness, true)).toEqual(witness);
      expect(exportRights(witness, false)).toEqual(witness);
    });
  });
});
