/** Matches refunded lines to the purchased lines of a receipt, by SKU. Pure. */

export interface PurchasedLine {
  lineNo: number;
  sku: string;
  quantityMilli: number;
  amountCents: number;
  eligible: boolean;
  refundedQuantityMilli: number;
  refundedCents: number;
}

export interface RefundLineInput {
  sku: string;
  quantityMilli: number;
  amountCents: number;
}

export interface LineRefund {
  lineNo: number;
  quantityMilli: number;
  amountCents: number;
}

export type RefundAllocation =
  { ok: true; lines: LineRefund[]; refundedCents: number; refundedEligibleCents: number } | { ok: false; sku: string; reason: string };

/**
 * Refunds of one SKU fill the receipt's lines of that SKU in order. The amount
 * and the quantity refunded of a SKU, with earlier refunds, may not exceed
 * what was bought.
 */
export function allocateRefund(purchased: PurchasedLine[], refund: RefundLineInput[]): RefundAllocation {
  const wanted = new Map<string, { quantityMilli: number; amountCents: number }>();
  for (const r of refund) {
    const w = wanted.get(r.sku) ?? { quantityMilli: 0, amountCents: 0 };
    w.quantityMilli += r.quantityMilli;
    w.amountCents += r.amountCents;
    wanted.set(r.sku, w);
  }
  const byLine = new Map<number, LineRefund>();
  let refundedCents = 0;
  let refundedEligibleCents = 0;
  for (const [sku, w] of wanted) {
    const lines = purchased.filter((l) => l.sku === sku).sort((a, b) => a.lineNo - b.lineNo);
    if (lines.length === 0) {
      return { ok: false, sku, reason: `SKU ${sku} is not on the receipt` };
    }
    const amountLeft = lines.reduce((s, l) => s + l.amountCents - l.refundedCents, 0);
    const quantityLeft = lines.reduce((s, l) => s + l.quantityMilli - l.refundedQuantityMilli, 0);
    if (w.amountCents > amountLeft) {
      return {
        ok: false,
        sku,
        reason: `SKU ${sku}: refunding ${w.amountCents} cents but only ${amountLeft} cents are left to refund`,
      };
    }
    if (w.quantityMilli > quantityLeft) {
      return {
        ok: false,
        sku,
        reason: `SKU ${sku}: refunding ${w.quantityMilli / 1000} units but only ${quantityLeft / 1000} are left to refund`,
      };
    }
    let amount = w.amountCents;
    let quantity = w.quantityMilli;
    for (const l of lines) {
      const takeAmount = Math.min(amount, l.amountCents - l.refundedCents);
      const takeQuantity = Math.min(quantity, l.quantityMilli - l.refundedQuantityMilli);
      if (takeAmount === 0 && takeQuantity === 0) {
        continue;
      }
      amount -= takeAmount;
      quantity -= takeQuantity;
      byLine.set(l.lineNo, { lineNo: l.lineNo, quantityMilli: takeQuantity, amountCents: takeAmount });
      refundedCents += takeAmount;
      if (l.eligible) {
        refundedEligibleCents += takeAmount;
      }
    }
  }
  return {
    ok: true,
    lines: [...byLine.values()].sort((a, b) => a.lineNo - b.lineNo),
    refundedCents,
    refundedEligibleCents,
  };
}
