import { memberFacts } from '../../../../test/support/member-facts';
import { storePart } from './store.part';

const STORE = '01a212aa-8b99-749f-88e9-001ff70d99cf';
const OTHER = '01a212aa-8b99-749f-88e9-001ff70d99c0';
const now = new Date('2026-05-20T02:00:00Z');
const ctx = { now, timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: store', () => {
  it('takes store ids and an optional number of days', () => {
    expect(storePart.parse({ type: 'store', storeIds: [STORE] }, 'p')).toEqual({ type: 'store', storeIds: [STORE] });
    expect(storePart.parse({ type: 'store', storeIds: [STORE], boughtWithinDays: 7 }, 'p')).toEqual({
      type: 'store',
      storeIds: [STORE],
      boughtWithinDays: 7,
    });
    expect(() => storePart.parse({ type: 'store', storeIds: [STORE], boughtWithinDays: 0 }, 'p')).toThrow(
      'must be a whole number of days from 1 to 3650',
    );
  });

  it('is the preferred store, or with days a purchase there since then', () => {
    const preferred = { type: 'store' as const, storeIds: [STORE] };
    const bought = { ...preferred, boughtWithinDays: 7 };
    expect(storePart.compile(preferred, ctx)).toEqual({ sql: 'm.preferred_store_id IN (?)', params: [STORE] });
    expect(storePart.compile(bought, ctx).params).toEqual([STORE, STORE, new Date('2026-05-13T02:00:00Z')]);
    const recent = memberFacts({ purchases: [{ storeId: STORE, occurredAt: new Date('2026-05-13T02:00:00Z') }] });
    const elsewhere = memberFacts({ purchases: [{ storeId: OTHER, occurredAt: now }] });
    expect(storePart.matches(bought, recent, ctx)).toBe(true);
    // No preferred store: unknown, as NULL IN (…) is in SQL.
    expect(storePart.matches(preferred, recent, ctx)).toBeNull();
    expect(storePart.matches(bought, elsewhere, ctx)).toBeNull();
    expect(storePart.matches(bought, memberFacts({ preferredStoreId: OTHER }), ctx)).toBe(false);
    expect(storePart.matches(preferred, memberFacts({ preferredStoreId: STORE }), ctx)).toBe(true);
    expect(storePart.describe(bought).en).toBe(`preferred store ${STORE}, or bought there in the last 7 days`);
    expect(storePart.explain(bought, recent, ctx).en).toBe('preferred store is —; 1 purchases at these stores in the last 7 days');
  });
});
