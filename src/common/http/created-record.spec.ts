import { resolveLocation } from './created-record';

describe('resolveLocation', () => {
  const caseId = '6F1C2B0A-3C4D-4E5F-8A9B-0C1D2E3F4A5B';

  it('fills path parameters from the route and the record from the answer', () => {
    expect(
      resolveLocation(
        '/cases/{id}/allegations/{allegationId}',
        { id: caseId },
        { createdId: 'a1b2c3d4-0000-4000-8000-000000000001' },
        { allegationId: 'createdId' },
      ),
    ).toBe(`/cases/${caseId.toLowerCase()}/allegations/a1b2c3d4-0000-4000-8000-000000000001`);
  });

  it('an answer that does not name what it created is a bug, not a Location without it', () => {
    expect(() => resolveLocation('/appeals/{appealId}', {}, {}, { appealId: 'createdId' })).toThrow(/no value for \{appealId\}/);
    expect(() => resolveLocation('/cases/{id}', {}, {}, {})).toThrow(/no value for \{id\}/);
  });
});
