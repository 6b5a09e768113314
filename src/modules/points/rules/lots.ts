/** First-in first-out lot arithmetic. Pure. */
import { addMonths } from '../../../common/time';

export interface LotBalance {
  id: number;
  remaining: number;
}

export interface LotTake {
  lotId: number;
  points: number;
}

/** Takes points from lots in the order given (soonest expiry first); returns what was taken and the shortfall. */
export function takeFromLots(lots: LotBalance[], points: number): { takes: LotTake[]; shortfall: number } {
  const takes: LotTake[] = [];
  let left = points;
  for (const lot of lots) {
    if (left <= 0) {
      break;
    }
    const take = Math.min(lot.remaining, left);
    if (take > 0) {
      takes.push({ lotId: lot.id, points: take });
      left -= take;
    }
  }
  return { takes, shortfall: left };
}

/**
 * A credit to a member in debt (negative balance) first pays the debt; only
 * the rest becomes spendable points in lots. Lots hold max(balance, 0) points.
 */
export function splitCredit(balanceBefore: number, credit: number): { toLots: number; debtRepaid: number } {
  const debt = Math.max(0, -balanceBefore);
  const debtRepaid = Math.min(debt, credit);
  return { toLots: credit - debtRepaid, debtRepaid };
}

/** Redemption at a fixed rate: e.g. 100 cents per 100 points. Rounded down. */
export function discountCentsFor(points: number, centsPer100Points: number): number {
  return Math.floor((points * centsPer100Points) / 100);
}

/** A lot expires a whole number of months after the points were earned (the purchase's occurredAt). */
export function lotExpiresAt(earnedAt: Date, expiryMonths: number): Date {
  return addMonths(earnedAt, expiryMonths);
}
