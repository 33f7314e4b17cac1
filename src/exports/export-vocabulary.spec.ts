import { outcomeCategory, quoteAllegationClause, quoteCategory, quoteStandard } from './export-vocabulary';

describe('export vocabulary: quoted clauses and the tombstone outcome category', () => {
  it('quotes a §7 standard and §8 by their titles', () => {
    expect(quoteStandard('7.5')).toEqual({ code: '7.5', title: '§7.5 No confidential or personal information about the school, its staff or governors' });
    expect(quoteStandard('8')).toEqual({ code: '8', title: '§8 Excessive use of social media at work' });
  });

  it('quotes an App.A category by its title', () => {
    expect(quoteCategory('disrepute')).toEqual({ code: 'disrepute', title: 'App.A Bringing the organisation into disrepute' });
  });

  it('an unknown code is shown as it is rather than dropped', () => {
    expect(quoteStandard('9.9')).toEqual({ code: '9.9', title: '9.9' });
  });

  it('an allegation is quoted by its standard, else by its category, else not at all', () => {
    expect(quoteAllegationClause({ policyStandard: '7.7', category: 'disrepute' })?.code).toBe('7.7');
    expect(quoteAllegationClause({ policyStandard: null, category: 'copyright' })).toEqual({ code: 'copyright', title: 'App.A Breaching copyright' });
    expect(quoteAllegationClause({ policyStandard: null, category: null })).toBeNull();
  });

  describe('outcomeCategory', () => {
    it('is the sanction in force after the appeal', () => {
      const outcome = { sanction: 'final_written_warning' as const };
      expect(outcomeCategory('investigate', outcome, null)).toBe('final_written_warning');
      expect(outcomeCategory('investigate', outcome, { result: 'varied', newSanction: 'first_written_warning' })).toBe('first_written_warning');
      expect(outcomeCategory('investigate', outcome, { result: 'upheld', newSanction: null })).toBe('no_action');
      expect(outcomeCategory('investigate', outcome, { result: 'dismissed', newSanction: null })).toBe('final_written_warning');
    });

    it('is the triage decision of a case closed at triage', () => {
      expect(outcomeCategory('no_further_action', null, null)).toBe('no_further_action');
      expect(outcomeCategory('informal_resolution', null, null)).toBe('informal_resolution');
    });

    it('is null while nothing is decided', () => {
      expect(outcomeCategory(null, null, null)).toBeNull();
      expect(outcomeCategory('investigate', null, null)).toBeNull();
    });
  });
});
