import { TierRule } from './tier-qualification';
import { nextReviewAt, reviewMember } from './tier-review';

const t = (code: string, rank: number, minSpendCents: number | null, kind: 'threshold' | 'rank' = 'threshold'): TierRule => ({
  code,
  rank,
  kind,
  minSpendCents,
  minPoints: null,
  minPurchases: null,
  qualifyMode: 'any',
});
const ladder = [t('STANDARD', 0, null), t('SILVER', 1, 100_000), t('GOLD', 2, 500_000), t('PLATINUM', 3, 2_000_000)];
const spend = (spendCents: number) => ({ spendCents, points: 0, purchases: 0 });

describe('tier review', () => {
  it('requalifies a member who still meets the tier exactly at the threshold', () => {
    expect(reviewMember(ladder, 'GOLD', spend(500_000), null)).toEqual({ action: 'requalify' });
  });

  it('moves down exactly one level when the member qualifies for nothing, however far they fell', () => {
    expect(reviewMember(ladder, 'PLATINUM', spend(0), null)).toEqual({ action: 'down', to: 'GOLD' });
    expect(reviewMember(ladder, 'GOLD', spend(499_999), null)).toEqual({ action: 'down', to: 'SILVER' });
  });

  it('moves down one level even when the member qualifies for the level below that one', () => {
    expect(reviewMember(ladder, 'PLATINUM', spend(100_000), null)).toEqual({ action: 'down', to: 'GOLD' });
  });

  it('from the first tier above the lowest, down means the lowest', () => {
    expect(reviewMember(ladder, 'SILVER', spend(99_999), null)).toEqual({ action: 'down', to: 'STANDARD' });
  });

  it('an open grant at or above the tier keeps the member; a lower grant is a floor', () => {
    expect(reviewMember(ladder, 'GOLD', spend(0), 'GOLD')).toEqual({ action: 'kept_by_grant' });
    const fourLevels = [...ladder, t('DIAMOND', 4, 9_000_000)];
    expect(reviewMember(fourLevels, 'PLATINUM', spend(0), 'DIAMOND')).toEqual({ action: 'kept_by_grant' });
    expect(reviewMember(fourLevels, 'DIAMOND', spend(0), 'PLATINUM')).toEqual({ action: 'down', to: 'PLATINUM' });
    expect(reviewMember(ladder, 'GOLD', spend(0), 'SILVER')).toEqual({ action: 'down', to: 'SILVER' });
  });

  it('skips the lowest tier, rank tiers and tiers no longer in the ladder', () => {
    expect(reviewMember(ladder, 'STANDARD', spend(0), null)).toEqual({ action: 'skip' });
    expect(reviewMember([...ladder, t('SVIP', 4, null, 'rank')], 'SVIP', spend(0), null)).toEqual({ action: 'skip' });
    expect(reviewMember(ladder, 'GONE', spend(0), null)).toEqual({ action: 'skip' });
  });

  it('one level down skips a rank tier in between', () => {
    const withRank = [t('STANDARD', 0, null), t('VIP', 1, 100_000), t('SVIP', 2, null, 'rank'), t('BLACK', 3, 9_000_000)];
    expect(reviewMember(withRank, 'BLACK', spend(0), null)).toEqual({ action: 'down', to: 'VIP' });
  });

  it('the next review is the review period after reaching or requalifying; the lowest tier has none', () => {
    expect(nextReviewAt(new Date('2026-01-31T10:00:00Z'), 12, 1)?.toISOString()).toBe('2027-01-31T10:00:00.000Z');
    expect(nextReviewAt(new Date('2026-01-31T10:00:00Z'), 1, 2)?.toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(nextReviewAt(new Date('2026-01-31T10:00:00Z'), 12, 0)).toBeNull();
  });
});
