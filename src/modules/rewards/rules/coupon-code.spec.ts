import { COUPON_ALPHABET, COUPON_CODE_LENGTH, newCouponCode, normalizeCouponCode } from './coupon-code';

describe('coupon codes', () => {
  it('are 16 characters of upper-case letters and digits without look-alikes (0, O, 1, I, L)', () => {
    for (let i = 0; i < 200; i++) {
      const code = newCouponCode();
      expect(code).toMatch(/^[A-Z0-9]{16}$/);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(COUPON_CODE_LENGTH).toBeGreaterThanOrEqual(12);
    expect(COUPON_ALPHABET).toHaveLength(31);
  });

  it('use every character of the alphabet, each about equally often (a biased draw would show)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const c of newCouponCode()) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(31);
    const expected = (2000 * 16) / 31;
    for (const n of counts.values()) {
      expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
    }
  });

  it('take their characters from the random source given', () => {
    expect(newCouponCode(() => 0)).toBe('2'.repeat(16));
    expect(newCouponCode((max) => max - 1)).toBe('Z'.repeat(16));
  });

  it('are looked up in upper case', () => {
    expect(normalizeCouponCode('abc234')).toBe('ABC234');
  });
});
