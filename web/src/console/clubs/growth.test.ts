import { describe, expect, it } from 'vitest';
import { sizesByMonth } from './growth';

describe('club growth: size at the end of each month', () => {
  it('works back from the size now through each month’s net joins', () => {
    const periods = [
      { period: '2026-09', net: 5 },
      { period: '2026-10', net: -2 },
      { period: '2026-11', net: 7 },
    ];
    // Now 30: end of Nov 30, end of Oct 30 − 7 = 23, end of Sep 23 + 2 = 25.
    expect(sizesByMonth(30, periods)).toEqual([25, 23, 30]);
  });

  it('gives nothing for no months, and a flat line for months without moves', () => {
    expect(sizesByMonth(4, [])).toEqual([]);
    expect(
      sizesByMonth(4, [
        { period: '2026-10', net: 0 },
        { period: '2026-11', net: 0 },
      ]),
    ).toEqual([4, 4]);
  });
});
