/**
 * Whether a member may exchange a reward now, and every reason why not (the
 * catalog shows them; the exchange refuses with the first). Pure: the stock
 * and the limit are taken again by conditional UPDATEs when exchanging, so
 * this answer is advice for the screen, never the guard.
 */

export type ExchangeBlocker = 'not_on_sale' | 'points' | 'stock' | 'limit' | 'tier' | 'club';

export interface RewardTerms {
  status: 'active' | 'archived';
  pointsPrice: number | null;
  stockLeft: number | null;
  perMemberLimit: number | null;
  eligibleTiers: string[] | null;
  eligibleClubs: string[] | null;
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
}

export interface MemberStanding {
  availablePoints: number;
  tierCode: string;
  clubCodes: string[];
  /** How many of this reward the member has exchanged. */
  exchanged: number;
}

export function onSale(r: RewardTerms, now: Date): boolean {
  return (
    r.status === 'active' &&
    r.pointsPrice !== null &&
    (r.saleStartsAt === null || r.saleStartsAt.getTime() <= now.getTime()) &&
    (r.saleEndsAt === null || now.getTime() < r.saleEndsAt.getTime())
  );
}

export function exchangeBlockers(r: RewardTerms, m: MemberStanding, now: Date): ExchangeBlocker[] {
  const blockers: ExchangeBlocker[] = [];
  if (!onSale(r, now)) {
    blockers.push('not_on_sale');
  }
  if (r.eligibleTiers !== null && !r.eligibleTiers.includes(m.tierCode)) {
    blockers.push('tier');
  }
  if (r.eligibleClubs !== null && !r.eligibleClubs.some((c) => m.clubCodes.includes(c))) {
    blockers.push('club');
  }
  if (r.stockLeft !== null && r.stockLeft <= 0) {
    blockers.push('stock');
  }
  if (r.perMemberLimit !== null && m.exchanged >= r.perMemberLimit) {
    blockers.push('limit');
  }
  if (r.pointsPrice !== null && m.availablePoints < r.pointsPrice) {
    blockers.push('points');
  }
  return blockers;
}

/** Words for each blocker, for the member's screen. */
export const BLOCKER_WORDS: Record<ExchangeBlocker, { en: string; zh: string }> = {
  not_on_sale: { en: 'Not on offer now', zh: '当前不可兑换' },
  points: { en: 'Not enough points', zh: '积分不足' },
  stock: { en: 'Out of stock', zh: '已兑完' },
  limit: { en: 'You have exchanged as many as allowed', zh: '已达兑换上限' },
  tier: { en: 'Not for your tier', zh: '您的等级不可兑换' },
  club: { en: 'For club members only', zh: '仅限俱乐部会员' },
};
