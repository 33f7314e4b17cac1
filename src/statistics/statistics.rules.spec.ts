import fc from 'fast-check';
import {
  CATEGORY_KEYS,
  CategoryKey,
  durationOfHistogram,
  FEWER_THAN_5,
  FIVE_OR_MORE,
  OUTCOME_KEYS,
  PLATFORM_KEYS,
  RawStatistics,
  SAFEGUARDING_KEYS,
  STANDARD_KEYS,
  suppressBreakdown,
  suppressCount,
  suppressDuration,
  suppressSmallNumbers,
} from './statistics.rules';

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const duration = (cases: number) => ({ cases, median: 3, p90: 7.5 });

/** 40 cases: every breakdown well above 5 except where a test says otherwise. */
function raw(overrides: Partial<RawStatistics> = {}): RawStatistics {
  return {
    total: 40,
    byCategory: { ...zero(CATEGORY_KEYS), disrepute: 20, confidentiality: 20 },
    byPlatform: { ...zero(PLATFORM_KEYS), facebook: 40 },
    byStandard: { ...zero(STANDARD_KEYS), '7.5': 40 },
    byOutcome: { ...zero(OUTCOME_KEYS), no_outcome_yet: 40 },
    bySafeguarding: { true: 10, false: 30 },
    workingDays: { toTriage: duration(40), toDecision: duration(12), toClosure: duration(5) },
    overdue: { safeguardingReferral: 6 },
    ...overrides,
  };
}

describe('suppressCount (process.md §5: "any count under 5 is shown as \'fewer than 5\'")', () => {
  it.each([0, 1, 2, 3, 4])('%i is "fewer than 5", its number withheld', (n) => {
    expect(suppressCount(n)).toEqual({ count: null, display: FEWER_THAN_5, suppressed: true });
  });

  it.each([
    [5, '5'],
    [17, '17'],
    [12345, '12,345'],
  ])('%i is shown as %s', (n, display) => {
    expect(suppressCount(n)).toEqual({ count: n, display, suppressed: false });
  });
});

describe('suppressBreakdown: secondary suppression against the total', () => {
  const keys = ['a', 'b', 'c', 'd'] as const;

  it('a breakdown with no small cell is shown whole', () => {
    const { cells, totalAtRisk } = suppressBreakdown(keys, { a: 5, b: 9, c: 30, d: 6 }, 'shown');
    expect(cells.map((c) => c.cases.count)).toEqual([5, 9, 30, 6]);
    expect(totalAtRisk).toBe(false);
  });

  it('one small cell never stands alone: the smallest other cell is hidden too, as "5 or more"', () => {
    const { cells } = suppressBreakdown(keys, { a: 20, b: 3, c: 7, d: 9 }, 'shown');
    expect(cells).toEqual([
      { key: 'a', cases: { count: 20, display: '20', suppressed: false } },
      { key: 'b', cases: { count: null, display: FEWER_THAN_5, suppressed: true } },
      { key: 'c', cases: { count: null, display: FIVE_OR_MORE, suppressed: true } },
      { key: 'd', cases: { count: 9, display: '9', suppressed: false } },
    ]);
    // total − shown = 39 − 29 = 10: b + c, not b
  });

  it('on a tie, the first in the vocabulary order is hidden', () => {
    const { cells } = suppressBreakdown(keys, { a: 8, b: 1, c: 6, d: 6 }, 'shown');
    expect(cells.map((c) => c.cases.display)).toEqual(['8', FEWER_THAN_5, FIVE_OR_MORE, '6']);
  });

  it('a zero counts as small too (0 < 5): its neighbour is protected like any other', () => {
    const { cells } = suppressBreakdown(keys, { a: 8, b: 0, c: 6, d: 7 }, 'shown');
    expect(cells.map((c) => c.cases.suppressed)).toEqual([false, true, true, false]);
  });

  it('when every cell is small, the total is at risk (8 over two cells is 4 and 4)', () => {
    expect(suppressBreakdown(['x', 'y'], { x: 4, y: 4 }, 'shown').totalAtRisk).toBe(true);
  });

  it('with the total hidden, a breakdown hides its smallest cell even without a small one, so it does not add up to the total', () => {
    const { cells } = suppressBreakdown(keys, { a: 5, b: 9, c: 30, d: 6 }, 'hidden');
    expect(cells.map((c) => c.cases.display)).toEqual([FIVE_OR_MORE, '9', '30', '6']);
  });
});

describe('suppressDuration', () => {
  it('a median or percentile over fewer than 5 cases is not shown', () => {
    expect(suppressDuration({ cases: 4, median: 2, p90: 3 })).toEqual({ median: null, p90: null, suppressed: true });
    expect(suppressDuration({ cases: 0, median: null, p90: null })).toEqual({ median: null, p90: null, suppressed: true });
    expect(suppressDuration({ cases: 5, median: 2, p90: 3.6 })).toEqual({ median: 2, p90: 3.6, suppressed: false });
  });
});

describe('suppressSmallNumbers', () => {
  it('shows a figure set with nothing small as it is, in vocabulary order', () => {
    const out = suppressSmallNumbers(
      raw({ byCategory: { disrepute: 8, confidentiality: 8, copyright: 8, discrimination_bullying_harassment: 8, images_of_school_or_pupils: 8, erased: 0 } }),
    );
    expect(out.total).toEqual({ count: 40, display: '40', suppressed: false });
    expect(out.byCategory.map((c) => c.key)).toEqual([...CATEGORY_KEYS]);
    expect(out.bySafeguarding).toEqual([
      { key: 'true', cases: { count: 10, display: '10', suppressed: false } },
      { key: 'false', cases: { count: 30, display: '30', suppressed: false } },
    ]);
    expect(out.overdue.safeguardingReferral.count).toBe(6);
    expect(out.workingDays.toClosure).toEqual({ median: 3, p90: 7.5, suppressed: false });
  });

  it('suppresses every small count, each breakdown against the total, durations under 5 cases, and the overdue count', () => {
    const out = suppressSmallNumbers(
      raw({
        bySafeguarding: { true: 2, false: 38 },
        workingDays: { toTriage: duration(40), toDecision: duration(4), toClosure: duration(0) },
        overdue: { safeguardingReferral: 2 },
      }),
    );
    expect(out.bySafeguarding.map((c) => c.cases.display)).toEqual([FEWER_THAN_5, FIVE_OR_MORE]);
    expect(out.workingDays.toDecision.suppressed).toBe(true);
    expect(out.workingDays.toClosure.median).toBeNull();
    expect(out.overdue.safeguardingReferral).toEqual({ count: null, display: FEWER_THAN_5, suppressed: true });
    // the small categories (copyright … erased, all 0) are four or more: no neighbour needed beyond the smallest shown
    expect(out.byCategory.filter((c) => c.cases.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('a total under 5 is "fewer than 5", and so is everything else', () => {
    const out = suppressSmallNumbers(
      raw({
        total: 3,
        byCategory: { ...zero(CATEGORY_KEYS), disrepute: 3 },
        byPlatform: { ...zero(PLATFORM_KEYS), facebook: 3 },
        byStandard: { ...zero(STANDARD_KEYS), '7.5': 3 },
        byOutcome: { ...zero(OUTCOME_KEYS), no_outcome_yet: 3 },
        bySafeguarding: { true: 0, false: 3 },
        workingDays: { toTriage: duration(3), toDecision: duration(0), toClosure: duration(0) },
        overdue: { safeguardingReferral: 0 },
      }),
    );
    expect(out.total).toEqual({ count: null, display: FEWER_THAN_5, suppressed: true });
    const cells = [out.byCategory, out.byPlatform, out.byStandard, out.byOutcome, out.bySafeguarding].flat();
    expect(cells.every((c) => c.cases.suppressed)).toBe(true);
  });

  it('hides the total when a breakdown is small throughout (safeguarding 4 and 4 of 8), and then no breakdown adds up to it', () => {
    const out = suppressSmallNumbers(
      raw({
        total: 8,
        byCategory: { ...zero(CATEGORY_KEYS), disrepute: 8 },
        byPlatform: { ...zero(PLATFORM_KEYS), facebook: 8 },
        byStandard: { ...zero(STANDARD_KEYS), '7.5': 8 },
        byOutcome: { ...zero(OUTCOME_KEYS), no_outcome_yet: 8 },
        bySafeguarding: { true: 4, false: 4 },
      }),
    );
    expect(out.total).toEqual({ count: null, display: FIVE_OR_MORE, suppressed: true });
    expect(out.byCategory.find((c) => c.key === 'disrepute')!.cases).toEqual({ count: null, display: FIVE_OR_MORE, suppressed: true });
    for (const table of [out.byCategory, out.byPlatform, out.byStandard, out.byOutcome]) expect(table.some((c) => c.cases.count !== null)).toBe(false);
  });

  /** Figures whose breakdowns each add up to the total, as the database counts them. */
  const partition = <K extends string>(keys: readonly K[], total: number) =>
    fc.array(fc.nat(total), { minLength: keys.length - 1, maxLength: keys.length - 1 }).map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), total];
      return Object.fromEntries(keys.map((k, i) => [k, sorted[i + 1] - sorted[i]])) as Record<K, number>;
    });
  const figures = fc.nat(60).chain((total) =>
    fc.record({
      total: fc.constant(total),
      byCategory: partition(CATEGORY_KEYS, total),
      byPlatform: partition(PLATFORM_KEYS, total),
      byStandard: partition(STANDARD_KEYS, total),
      byOutcome: partition(OUTCOME_KEYS, total),
      bySafeguarding: partition(SAFEGUARDING_KEYS, total),
      workingDays: fc.constant({ toTriage: duration(total), toDecision: duration(Math.floor(total / 2)), toClosure: duration(Math.floor(total / 3)) }),
      overdue: fc.nat(total).map((n) => ({ safeguardingReferral: n })),
    }),
  );

  it('property: no shown count is under 5, and no breakdown leaves exactly one cell to be worked out from a shown total', () => {
    fc.assert(
      fc.property(figures, (input) => {
        const out = suppressSmallNumbers(input);
        const tables = [out.byCategory, out.byPlatform, out.byStandard, out.byOutcome, out.bySafeguarding];
        const counts = [out.total, out.overdue.safeguardingReferral, ...tables.flat().map((c) => c.cases)];
        for (const cell of counts) {
          if (cell.suppressed) expect(cell.count).toBeNull();
          else expect(cell.count).toBeGreaterThanOrEqual(5);
        }
        if (!out.total.suppressed) for (const table of tables) expect(table.filter((c) => c.cases.suppressed).length).not.toBe(1);
        // a suppressed total is not the sum of a fully shown breakdown either
        if (out.total.suppressed) for (const table of tables) expect(table.every((c) => !c.cases.suppressed)).toBe(false);
      }),
      { numRuns: 500, seed: 20_261_201 },
    );
  });

  it('property: a small cell is never pinned by subtraction — the suppressed cells of a breakdown leave it more than one possible value unless it is 0', () => {
    fc.assert(
      fc.property(figures, (input) => {
        const out = suppressSmallNumbers(input);
        if (out.total.suppressed) return;
        const check = <K extends string>(table: Array<{ key: K; cases: { count: number | null; display: string } }>, counts: Record<K, number>) => {
          const hidden = table.filter((c) => c.cases.count === null);
          const sum = hidden.reduce((s, c) => s + counts[c.key], 0);
          const protectors = hidden.filter((c) => c.cases.display === FIVE_OR_MORE).length;
          for (const cell of hidden.filter((c) => c.cases.display === FEWER_THAN_5)) {
            const others = hidden.length - 1;
            // the range a reader can work out for this cell: the others are 0–4 (small) or ≥ 5 (protecting)
            const high = Math.min(4, sum - 5 * protectors);
            const low = protectors > 0 ? 0 : Math.max(0, sum - 4 * others);
            if (counts[cell.key] > 0) expect({ key: cell.key, pinned: low === high }).toEqual({ key: cell.key, pinned: false });
          }
        };
        check(out.byCategory, input.byCategory as Record<CategoryKey, number>);
        check(out.byPlatform, input.byPlatform);
        check(out.byStandard, input.byStandard);
        check(out.byOutcome, input.byOutcome);
        check(out.bySafeguarding, input.bySafeguarding);
      }),
      { numRuns: 500, seed: 20_261_202 },
    );
  });
});

describe('durationOfHistogram: the median and 90th percentile of working days from cases counted per number of days', () => {
  /** percentile_cont over the values themselves: linear interpolation between the closest ranks. */
  const percentileCont = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    const position = p * (sorted.length - 1);
    const low = Math.floor(position);
    return sorted[low] + (sorted[Math.ceil(position)] - sorted[low]) * (position - low);
  };

  it('interpolates between ranks as percentile_cont does: 1, 2, 2, 3, 10 → median 2, p90 7.2', () => {
    const histogram = [
      { days: 10, cases: 1 },
      { days: 2, cases: 2 },
      { days: 1, cases: 1 },
      { days: 3, cases: 1 },
    ];
    const got = durationOfHistogram(histogram);
    expect(got).toMatchObject({ cases: 5, median: 2 });
    expect(got.p90).toBeCloseTo(7.2, 10);
  });

  it('no cases: no median and no percentile', () => {
    expect(durationOfHistogram([])).toEqual({ cases: 0, median: null, p90: null });
    expect(durationOfHistogram([{ days: 4, cases: 0 }])).toEqual({ cases: 0, median: null, p90: null });
  });

  it('property: equal to percentile_cont over the cases the histogram counts (negative days too: a date put before the report)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 60 }), { minLength: 1, maxLength: 200 }), (values) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        const got = durationOfHistogram([...counts].map(([days, cases]) => ({ days, cases })));
        expect(got.cases).toBe(values.length);
        expect(got.median).toBeCloseTo(percentileCont(values, 0.5), 10);
        expect(got.p90).toBeCloseTo(percentileCont(values, 0.9), 10);
      }),
    );
  });
});
