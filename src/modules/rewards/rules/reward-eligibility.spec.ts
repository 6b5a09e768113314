import { exchangeBlockers, MemberStanding, onSale, RewardTerms } from './reward-eligibility';

const now = new Date('2026-12-07T02:00:00Z');
const reward: RewardTerms = {
  status: 'active',
  pointsPrice: 500,
  stockLeft: 10,
  perMemberLimit: 2,
  eligibleTiers: ['VIP', 'SVIP'],
  eligibleClubs: ['BABY'],
  saleStartsAt: new Date('2026-12-01T00:00:00Z'),
  saleEndsAt: new Date('2026-12-31T00:00:00Z'),
};
const member: MemberStanding = { availablePoints: 500, tierCode: 'VIP', clubCodes: ['WINE', 'BABY'], exchanged: 1 };

describe('reward eligibility', () => {
  it('a member of the tier and club, with the points exactly, under the limit, in the sales window, may exchange', () => {
    expect(exchangeBlockers(reward, member, now)).toEqual([]);
  });

  it.each([
    ['points', reward, { ...member, availablePoints: 499 }],
    ['stock', { ...reward, stockLeft: 0 }, member],
    ['limit', reward, { ...member, exchanged: 2 }],
    ['tier', reward, { ...member, tierCode: 'STANDARD' }],
    ['club', reward, { ...member, clubCodes: ['WINE'] }],
    ['not_on_sale', { ...reward, status: 'archived' as const }, member],
    ['not_on_sale', { ...reward, pointsPrice: null }, member],
    ['not_on_sale', { ...reward, saleStartsAt: new Date('2026-12-08T00:00:00Z') }, member],
    ['not_on_sale', { ...reward, saleEndsAt: now }, member],
  ])('says %s', (blocker, r, m) => {
    expect(exchangeBlockers(r, m, now)).toEqual([blocker]);
  });

  it('no stock, limit, tier or club set means none of them blocks', () => {
    const open = { ...reward, stockLeft: null, perMemberLimit: null, eligibleTiers: null, eligibleClubs: null };
    expect(exchangeBlockers(open, { availablePoints: 10_000, tierCode: 'STANDARD', clubCodes: [], exchanged: 99 }, now)).toEqual([]);
  });

  it('lists every reason at once', () => {
    expect(exchangeBlockers(reward, { availablePoints: 0, tierCode: 'STANDARD', clubCodes: [], exchanged: 5 }, now)).toEqual([
      'tier',
      'club',
      'limit',
      'points',
    ]);
  });

  it('the sales window starts inclusive and ends exclusive', () => {
    expect(onSale(reward, reward.saleStartsAt as Date)).toBe(true);
    expect(onSale(reward, reward.saleEndsAt as Date)).toBe(false);
  });
});
