import { activeAgainAfterRefund, couponRefusal, CouponFacts, couponValidity, endOfLocalDay } from './coupon-validity';

const SHANGHAI = 'Asia/Shanghai';

describe('coupon validity', () => {
  it('N days after issue ends at the end of the Nth local day, as an instant in the zone (not UTC midnight)', () => {
    // 7 Dec 23:30 in Shanghai is 7 Dec 15:30 UTC.
    const issued = new Date('2026-12-07T15:30:00Z');
    expect(endOfLocalDay(issued, 1, SHANGHAI).toISOString()).toBe('2026-12-08T15:59:59.999Z');
    // 8 Dec 00:30 in Shanghai is still 7 Dec in UTC: the local day counts.
    const afterMidnight = new Date('2026-12-07T16:30:00Z');
    expect(endOfLocalDay(afterMidnight, 1, SHANGHAI).toISOString()).toBe('2026-12-09T15:59:59.999Z');
    expect(endOfLocalDay(issued, 30, SHANGHAI).toISOString()).toBe('2027-01-06T15:59:59.999Z');
  });

  it('counts calendar days across a summer-time change', () => {
    // New York moves to summer time on 8 Mar 2026: the end of 9 Mar is 03:59:59.999 UTC on 10 Mar.
    expect(endOfLocalDay(new Date('2026-03-07T17:00:00Z'), 2, 'America/New_York').toISOString()).toBe('2026-03-10T03:59:59.999Z');
  });

  it('a window is taken as given; days win when set', () => {
    const from = new Date('2026-12-01T00:00:00+08:00');
    const until = new Date('2026-12-31T23:59:59+08:00');
    expect(couponValidity({ validFrom: from, validUntil: until, validDays: null, timezone: SHANGHAI }, new Date())).toEqual({
      validFrom: from,
      validUntil: until,
    });
    const issued = new Date('2026-12-07T02:00:00Z');
    expect(couponValidity({ validFrom: null, validUntil: null, validDays: 7, timezone: SHANGHAI }, issued)).toEqual({
      validFrom: issued,
      validUntil: new Date('2026-12-14T15:59:59.999Z'),
    });
  });
});

describe('coupon refusal', () => {
  const coupon: CouponFacts = {
    status: 'active',
    memberId: 'm1',
    storeIds: ['s1'],
    minSpendCents: 5000,
    validFrom: new Date('2026-12-01T00:00:00Z'),
    validUntil: new Date('2026-12-31T15:59:59.999Z'),
  };
  const sale = { at: new Date('2026-12-10T00:00:00Z'), storeId: 's1', memberId: 'm1', totalCents: 5000 };

  it('a sale by its member, in its store, in its window, at the minimum spend exactly, may use it', () => {
    expect(couponRefusal(coupon, sale)).toBeNull();
  });

  it.each([
    ['redeemed', { ...coupon, status: 'redeemed' as const }, sale],
    ['void', { ...coupon, status: 'void' as const }, sale],
    ['expired', { ...coupon, status: 'expired' as const }, sale],
    ['other_member', coupon, { ...sale, memberId: 'm2' }],
    ['store', coupon, { ...sale, storeId: 's2' }],
    ['not_yet_valid', coupon, { ...sale, at: new Date('2026-11-30T23:59:59.999Z') }],
    ['expired', coupon, { ...sale, at: new Date('2026-12-31T16:00:00Z') }],
    ['min_spend', coupon, { ...sale, totalCents: 4999 }],
  ])('refuses with %s', (reason, c, s) => {
    expect(couponRefusal(c, s)).toBe(reason);
  });

  it('judges a sale on its occurredAt: the last millisecond of validity is still valid', () => {
    expect(couponRefusal(coupon, { ...sale, at: new Date('2026-12-31T15:59:59.999Z') })).toBeNull();
  });

  it('a coupon for every store and a look-up without member or total check only state, store and time', () => {
    expect(couponRefusal({ ...coupon, storeIds: null }, { at: sale.at, storeId: 'any' })).toBeNull();
  });

  it('a full refund gives a coupon back only while it is valid', () => {
    expect(activeAgainAfterRefund(coupon.validUntil, new Date('2026-12-31T15:59:59.999Z'))).toBe(true);
    expect(activeAgainAfterRefund(coupon.validUntil, new Date('2026-12-31T16:00:00Z'))).toBe(false);
  });
});
