import { inSample, samplePlace, shouldInvite } from './invitation-sampling';

const now = new Date('2026-12-07T10:00:00Z');
const policy = { samplePercent: 100, storeIds: null, cooldownDays: 30 };

describe('post-purchase invitation sampling', () => {
  it('samples about the given share of purchases, the same purchase always alike', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `purchase-${i}`);
    const share = ids.filter((id) => inSample(id, 25)).length / ids.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
    expect(inSample('purchase-7', 25)).toBe(inSample('purchase-7', 25));
    expect(ids.every((id) => inSample(id, 100))).toBe(true);
    expect(ids.some((id) => inSample(id, 0))).toBe(false);
    expect(samplePlace('purchase-7')).toBeLessThan(10_000);
  });

  it('invites only at the listed stores, and not within the cooldown of the last invitation', () => {
    const p = { purchaseId: 'p-1', storeId: 'store-a' };
    expect(shouldInvite(policy, p, null, now)).toBe(true);
    expect(shouldInvite({ ...policy, storeIds: ['store-b'] }, p, null, now)).toBe(false);
    expect(shouldInvite({ ...policy, storeIds: ['store-a'] }, p, null, now)).toBe(true);
    expect(shouldInvite(policy, p, new Date(now.getTime() - 29 * 86400_000), now)).toBe(false);
    expect(shouldInvite(policy, p, new Date(now.getTime() - 30 * 86400_000), now)).toBe(true);
  });
});
