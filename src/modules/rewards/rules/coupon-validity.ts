/**
 * When a coupon is valid and whether it can be used on a sale. Pure.
 *
 * Validity ends as an instant: "N days after issue" runs to the end of the
 * Nth calendar day after the day of issue in the reward's zone (a coupon
 * issued at 23:30 in Shanghai on 7 Dec with 1 day is valid to 8 Dec 23:59:59.999
 * Shanghai time, never to a UTC midnight). A sale is judged on its own
 * occurredAt, never on when the server sees it.
 */

export interface ValiditySpec {
  validFrom: Date | null;
  validUntil: Date | null;
  validDays: number | null;
  timezone: string;
}

export function couponValidity(spec: ValiditySpec, issuedAt: Date): { validFrom: Date; validUntil: Date } {
  if (spec.validDays !== null) {
    return { validFrom: issuedAt, validUntil: endOfLocalDay(issuedAt, spec.validDays, spec.timezone) };
  }
  if (spec.validFrom === null || spec.validUntil === null) {
    throw new Error('A reward has either a validity window or a number of days');
  }
  return { validFrom: spec.validFrom, validUntil: spec.validUntil };
}

/** The last millisecond of the calendar day `days` after the local day of `at`, in `timeZone`. */
export function endOfLocalDay(at: Date, days: number, timeZone: string): Date {
  const { year, month, day } = localDate(at, timeZone);
  return new Date(startOfLocalDay(year, month, day + days + 1, timeZone).getTime() - 1);
}

function localDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The offset of `timeZone` from UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** Local midnight of a date (the day may overflow the month: Date.UTC normalises it). */
function startOfLocalDay(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  let at = guess - offsetMs(new Date(guess), timeZone);
  // Across a change of offset (summer time), the offset at the answer itself is the right one.
  at = guess - offsetMs(new Date(at), timeZone);
  return new Date(at);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The reasons of COUPON_NOT_VALID (POS-API.md 1.2, details[0].reason). */
export type CouponInvalidReason = 'expired' | 'not_yet_valid' | 'void' | 'other_member' | 'store' | 'min_spend';

export interface CouponFacts {
  status: 'active' | 'redeemed' | 'expired' | 'void';
  memberId: string;
  storeIds: string[] | null;
  minSpendCents: number;
  validFrom: Date;
  validUntil: Date;
}

export interface SaleFacts {
  at: Date;
  storeId: string;
  /** Unknown for a look-up before the sale. */
  memberId?: string;
  totalCents?: number;
}

/**
 * Why this coupon cannot be used on this sale, or null. A coupon used on
 * another receipt is `redeemed` (COUPON_ALREADY_REDEEMED), apart from the
 * reasons of COUPON_NOT_VALID. Checked in this order: state, member, store,
 * time, minimum spend.
 */
export function couponRefusal(c: CouponFacts, sale: SaleFacts): 'redeemed' | CouponInvalidReason | null {
  if (c.status === 'redeemed') {
    return 'redeemed';
  }
  if (c.status === 'void') {
    return 'void';
  }
  if (c.status === 'expired') {
    return 'expired';
  }
  if (sale.memberId !== undefined && sale.memberId !== c.memberId) {
    return 'other_member';
  }
  if (c.storeIds !== null && !c.storeIds.includes(sale.storeId)) {
    return 'store';
  }
  if (sale.at.getTime() < c.validFrom.getTime()) {
    return 'not_yet_valid';
  }
  if (sale.at.getTime() > c.validUntil.getTime()) {
    return 'expired';
  }
  if (sale.totalCents !== undefined && sale.totalCents < c.minSpendCents) {
    return 'min_spend';
  }
  return null;
}

/** Whether a coupon a full refund released may be active again: only while it is still valid. */
export function activeAgainAfterRefund(validUntil: Date, now: Date): boolean {
  return now.getTime() <= validUntil.getTime();
}
