import { canonicalJson, requestHash } from './canonical-json';

describe('canonical request hash', () => {
  it('is the same for two bodies whose keys come in another order, at any depth', () => {
    const a = { receiptNo: 'R-1', member: { cardNo: '8', phone: undefined }, lines: [{ sku: 'A', amountCents: 1 }] };
    const b = { lines: [{ amountCents: 1, sku: 'A' }], member: { cardNo: '8' }, receiptNo: 'R-1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHash(a)).toBe(requestHash(b));
  });

  it('differs when a value, the order of array items or a type differs', () => {
    const base = { lines: [{ sku: 'A' }, { sku: 'B' }], totalCents: 100 };
    expect(requestHash({ ...base, totalCents: 101 })).not.toBe(requestHash(base));
    expect(requestHash({ ...base, lines: [{ sku: 'B' }, { sku: 'A' }] })).not.toBe(requestHash(base));
    expect(requestHash({ ...base, totalCents: '100' })).not.toBe(requestHash(base));
  });

  it('writes a fixed text for each value', () => {
    expect(canonicalJson({ b: [1, null, 'x'], a: true })).toBe('{"a":true,"b":[1,null,"x"]}');
    expect(requestHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
