import { describe, expect, it } from 'vitest';
import {
  affordableNow,
  affordableStrip,
  couponSections,
  couponState,
  daysLeft,
  filterCatalog,
  formatCouponCode,
  kindsIn,
  outcomeUnknown,
  pointsShort,
  refusalReason,
  rewardDescription,
  rewardName,
  showableImage,
} from './rewards-model';
import type { Coupon } from './queries';

type Kind = 'amount_off' | 'percent_off' | 'gift';
const item = (id: string, pointsPrice: number, kind: Kind = 'amount_off', exchangeable = true) => ({ id, pointsPrice, kind, exchangeable });

const NOW = Date.parse('2026-12-07T10:00:00Z');
const coupon = (code: string, status: Coupon['status'], validUntil: string, redeemedAt: string | null = null): Coupon => ({
  couponId: `id-${code}`,
  code,
  rewardId: 'r',
  nameZh: '满50减10',
  nameEn: '¥10 off ¥50',
  kind: 'amount_off',
  valueCents: 1000,
  percentOff: null,
  giftSku: null,
  minSpendCents: 5000,
  storeIds: null,
  validFrom: '2026-12-01T00:00:00Z',
  validUntil,
  status,
  issuedAt: '2026-12-01T00:00:00Z',
  redeemedAt,
});

describe('rewards catalog logic', () => {
  it('a reward is affordable now only with enough points and nothing else in the way', () => {
    expect(affordableNow({ pointsPrice: 500, exchangeable: true }, 500)).toBe(true);
    expect(affordableNow({ pointsPrice: 501, exchangeable: true }, 500)).toBe(false); // points spent since the catalog came
    expect(affordableNow({ pointsPrice: 100, exchangeable: false }, 500)).toBe(false); // sold out, limit, tier, club
  });

  it('filters by "what my points buy now" and by kind, keeping the catalog order', () => {
    const items = [item('a', 100), item('b', 300, 'gift'), item('c', 800), item('d', 200, 'percent_off', false)];
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
    expect(ids(filterCatalog(items, 500, { affordable: false, kind: 'all' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(filterCatalog(items, 500, { affordable: true, kind: 'all' }))).toEqual(['a', 'b']);
    expect(ids(filterCatalog(items, 500, { affordable: false, kind: 'amount_off' }))).toEqual(['a', 'c']);
    expect(ids(filterCatalog(items, 500, { affordable: true, kind: 'amount_off' }))).toEqual(['a']);
    expect(ids(filterCatalog(items, 50, { affordable: true, kind: 'all' }))).toEqual([]);
  });

  it("home's strip: what I can have now, dearest first, ties in catalog order, at most six", () => {
    const items = [item('a', 100), item('b', 300), item('c', 300), item('x', 900), item('n', 200, 'gift', false)];
    expect(affordableStrip(items, 500).map((i) => i.id)).toEqual(['b', 'c', 'a']);
    const many = Array.from({ length: 9 }, (_, i) => item(`m${i}`, 10 * (i + 1)));
    expect(affordableStrip(many, 1000).map((i) => i.id)).toEqual(['m8', 'm7', 'm6', 'm5', 'm4', 'm3']);
    expect(affordableStrip(items, 0)).toEqual([]);
  });

  it('offers only the kinds the catalog has, in a fixed order; says how many points are missing', () => {
    expect(kindsIn([item('a', 1, 'gift'), item('b', 1, 'amount_off'), item('c', 1, 'gift')])).toEqual(['amount_off', 'gift']);
    expect(kindsIn([])).toEqual([]);
    expect(pointsShort({ pointsPrice: 800 }, 650)).toBe(150);
    expect(pointsShort({ pointsPrice: 800 }, 900)).toBe(0);
  });

  it('names and descriptions in the page language, the other language when one is missing', () => {
    expect(rewardName({ nameZh: '满50减10', nameEn: '¥10 off ¥50' }, 'zh-CN')).toBe('满50减10');
    expect(rewardName({ nameZh: '满50减10', nameEn: '¥10 off ¥50' }, 'en')).toBe('¥10 off ¥50');
    expect(rewardDescription({ descriptionZh: '单笔满50元可用', descriptionEn: null }, 'en')).toBe('单笔满50元可用');
    expect(rewardDescription({ descriptionZh: null, descriptionEn: null }, 'zh-CN')).toBeNull();
  });

  it("reads why an exchange was refused from the error's details; nothing when it names no known blocker", () => {
    const refused = (details: unknown) => Object.assign(new Error('x'), { code: 'REWARD_NOT_AVAILABLE', details });
    expect(refusalReason(refused([{ field: 'rewardId', message: 'Out of stock', reason: 'stock' }]))).toBe('stock');
    expect(refusalReason(refused([{ field: 'rewardId', reason: 'points' }]))).toBe('points');
    expect(refusalReason(refused([{ field: 'rewardId', reason: 'weather' }]))).toBeNull();
    expect(refusalReason(refused(null))).toBeNull();
    expect(refusalReason(new TypeError('Failed to fetch'))).toBeNull();
    expect(refusalReason(null)).toBeNull();
  });

  it('keeps the idempotency key after a lost answer or a server error, not after a refusal', () => {
    expect(outcomeUnknown(new TypeError('Failed to fetch'))).toBe(true);
    expect(outcomeUnknown(Object.assign(new Error('x'), { status: 503, code: 'SERVICE_UNAVAILABLE' }))).toBe(true);
    expect(outcomeUnknown(Object.assign(new Error('x'), { status: 422, code: 'REWARD_NOT_AVAILABLE' }))).toBe(false);
    expect(outcomeUnknown(Object.assign(new Error('x'), { status: 409, code: 'IDEMPOTENCY_CONFLICT' }))).toBe(false);
  });

  it('shows a picture only from an https address or this site (the content policy; no mixed content)', () => {
    expect(showableImage('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(showableImage('/rewards/a.png')).toBe('/rewards/a.png');
    expect(showableImage('http://cdn.example.com/a.png')).toBeNull();
    expect(showableImage('//cdn.example.com/a.png')).toBeNull();
    expect(showableImage('javascript:alert(1)')).toBeNull();
    expect(showableImage(null)).toBeNull();
  });
});

describe('my coupons logic', () => {
  it("a coupon's state: redeemed is used, void is voided, past its end is expired even if the job has not run", () => {
    expect(couponState(coupon('A', 'active', '2026-12-31T00:00:00Z'), NOW)).toBe('active');
    expect(couponState(coupon('A', 'active', '2026-12-07T09:59:59Z'), NOW)).toBe('expired');
    expect(couponState(coupon('A', 'redeemed', '2026-12-31T00:00:00Z'), NOW)).toBe('used');
    expect(couponState(coupon('A', 'void', '2026-12-31T00:00:00Z'), NOW)).toBe('void');
    expect(couponState(coupon('A', 'expired', '2026-12-31T00:00:00Z'), NOW)).toBe('expired');
  });

  it('active first, soonest to end first; then used, last used first; then expired and voided, last ended first', () => {
    const sections = couponSections(
      {
        active: [
          coupon('LATE', 'active', '2027-01-31T00:00:00Z'),
          coupon('SOON', 'active', '2026-12-09T00:00:00Z'),
          coupon('GONE', 'active', '2026-12-06T00:00:00Z'), // ended while the page was open
        ],
        used: [
          coupon('U1', 'redeemed', '2027-01-01T00:00:00Z', '2026-12-02T00:00:00Z'),
          coupon('U2', 'redeemed', '2027-01-01T00:00:00Z', '2026-12-05T00:00:00Z'),
        ],
        expired: [coupon('E1', 'expired', '2026-11-01T00:00:00Z'), coupon('V1', 'void', '2027-02-01T00:00:00Z')],
      },
      NOW,
    );
    const codes = (xs: Coupon[]) => xs.map((c) => c.code);
    expect(codes(sections.active)).toEqual(['SOON', 'LATE']);
    expect(codes(sections.used)).toEqual(['U2', 'U1']);
    expect(codes(sections.ended)).toEqual(['V1', 'GONE', 'E1']);
  });

  it('a coupon listed twice (the cache holds the new one while the list is refetched) shows once', () => {
    const fresh = coupon('NEW', 'active', '2027-01-01T00:00:00Z');
    const sections = couponSections({ active: [fresh, fresh], used: [], expired: [] }, NOW);
    expect(sections.active).toHaveLength(1);
  });

  it('days left count whole days by the clock; the code reads in groups of four', () => {
    expect(daysLeft('2026-12-10T10:00:00Z', NOW)).toBe(3);
    expect(daysLeft('2026-12-08T09:59:59Z', NOW)).toBe(0);
    expect(daysLeft('2026-12-01T00:00:00Z', NOW)).toBe(0);
    expect(formatCouponCode('K7MX3QH9TD2WR8PA')).toBe('K7MX 3QH9 TD2W R8PA');
    expect(formatCouponCode('ABCDE')).toBe('ABCD E');
  });
});
