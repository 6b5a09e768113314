import { allocateRefund, PurchasedLine } from './refund-allocation';

const lines: PurchasedLine[] = [
  { lineNo: 1, sku: 'MILK-1L', quantityMilli: 2000, amountCents: 2590, eligible: true, refundedQuantityMilli: 0, refundedCents: 0 },
  { lineNo: 2, sku: 'CIGS', quantityMilli: 1000, amountCents: 3000, eligible: false, refundedQuantityMilli: 0, refundedCents: 0 },
  { lineNo: 3, sku: 'MILK-1L', quantityMilli: 1000, amountCents: 1295, eligible: true, refundedQuantityMilli: 0, refundedCents: 0 },
];

describe('refund allocation', () => {
  it('fills the lines of a SKU in order and counts only eligible lines as eligible', () => {
    const r = allocateRefund(lines, [
      { sku: 'MILK-1L', quantityMilli: 3000, amountCents: 3885 },
      { sku: 'CIGS', quantityMilli: 1000, amountCents: 3000 },
    ]);
    expect(r).toEqual({
      ok: true,
      lines: [
        { lineNo: 1, quantityMilli: 2000, amountCents: 2590 },
        { lineNo: 2, quantityMilli: 1000, amountCents: 3000 },
        { lineNo: 3, quantityMilli: 1000, amountCents: 1295 },
      ],
      refundedCents: 6885,
      refundedEligibleCents: 3885,
    });
  });

  it('refuses more money than is left on a SKU after earlier refunds', () => {
    const refunded = lines.map((l) => (l.lineNo === 2 ? { ...l, refundedCents: 2000, refundedQuantityMilli: 0 } : l));
    const r = allocateRefund(refunded, [{ sku: 'CIGS', quantityMilli: 1000, amountCents: 1001 }]);
    expect(r.ok).toBe(false);
  });

  it('refuses more units than were bought', () => {
    const r = allocateRefund(lines, [{ sku: 'CIGS', quantityMilli: 2000, amountCents: 100 }]);
    expect(r).toMatchObject({ ok: false, sku: 'CIGS' });
  });

  it('refuses a SKU that is not on the receipt', () => {
    const r = allocateRefund(lines, [{ sku: 'BREAD', quantityMilli: 1000, amountCents: 100 }]);
    expect(r).toMatchObject({ ok: false, sku: 'BREAD' });
  });

  it('adds up two refund lines of one SKU before checking', () => {
    const r = allocateRefund(lines, [
      { sku: 'CIGS', quantityMilli: 500, amountCents: 1500 },
      { sku: 'CIGS', quantityMilli: 600, amountCents: 1500 },
    ]);
    expect(r.ok).toBe(false);
  });
});
