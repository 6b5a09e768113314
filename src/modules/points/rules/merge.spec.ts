import fc from 'fast-check';
import { mergeArithmetic } from './merge';

describe('merge arithmetic', () => {
  it('moves the whole source balance: two positive balances add up and no lot points are taken', () => {
    expect(mergeArithmetic(300, 200)).toEqual({ moved: 300, survivorAfter: 500, lotExcess: 0 });
  });

  it('a survivor in debt repays it from the moved lots', () => {
    expect(mergeArithmetic(300, -120)).toEqual({ moved: 300, survivorAfter: 180, lotExcess: 120 });
  });

  it("a source in debt takes its debt out of the survivor's lots, and only as far as they go", () => {
    expect(mergeArithmetic(-50, 200)).toEqual({ moved: -50, survivorAfter: 150, lotExcess: 50 });
    expect(mergeArithmetic(-500, 200)).toEqual({ moved: -500, survivorAfter: -300, lotExcess: 200 });
  });

  it('always leaves lots holding max(balance, 0) and conserves the points of both', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), (s, v) => {
        const r = mergeArithmetic(s, v);
        expect(r.survivorAfter).toBe(s + v);
        expect(Math.max(s, 0) + Math.max(v, 0) - r.lotExcess).toBe(Math.max(s + v, 0));
        expect(r.lotExcess).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
