import fc from 'fast-check';
import { isCents, isIntegerBetween, isQuantity } from './numbers';

describe('isCents', () => {
  it('accepts whole non-negative cents up to the cap', () => {
    expect(isCents(0, 100)).toBe(true);
    expect(isCents(100, 100)).toBe(true);
  });

  it('refuses -0, negatives, fractions, 1e-7, 1e308, values past the cap, NaN, Infinity and numeric strings', () => {
    for (const v of [-0, -1, 0.5, 1e-7, 1e308, 101, Number.NaN, Number.POSITIVE_INFINITY, '5', null]) {
      expect(isCents(v, 100)).toBe(false);
    }
  });

  it('refuses integers past Number.MAX_SAFE_INTEGER even under a larger cap', () => {
    expect(isIntegerBetween(2 ** 53, 0, Number.MAX_VALUE)).toBe(false);
  });

  it('accepts exactly the safe integers in range (property)', () => {
    fc.assert(fc.property(fc.double(), (v) => isCents(v, 1e12) === (Number.isSafeInteger(v) && v >= 0 && v <= 1e12 && !Object.is(v, -0))));
  });
});

describe('isQuantity', () => {
  it('accepts positive quantities with up to 3 decimals', () => {
    for (const v of [1, 0.001, 2.5, 1.234, 999_999.999, 1_000_000]) {
      expect(isQuantity(v, 1_000_000)).toBe(true);
    }
  });

  it('refuses 0, -0, negatives, 1e-7, 4 decimals, 1e308 and non-numbers', () => {
    for (const v of [0, -0, -1, 1e-7, 1.0005, 1e308, Number.NaN, '1']) {
      expect(isQuantity(v, 1_000_000)).toBe(false);
    }
  });

  it('accepts every n/1000 in range (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (milli) => isQuantity(milli / 1000, 1_000_000)));
  });
});
