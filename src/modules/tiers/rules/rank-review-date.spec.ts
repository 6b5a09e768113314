import { nextRankReviewAt, valueRunCoversRankReview } from './rank-review-date';

describe('the next rank review date', () => {
  it('is the 1st of the next month at 03:00 UTC', () => {
    expect(nextRankReviewAt(new Date('2026-11-25T15:00:00Z')).toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(nextRankReviewAt(new Date('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });

  it('strictly after: the scheduled review itself points at the month after; an early run on the 1st at the same day', () => {
    expect(nextRankReviewAt(new Date('2026-12-01T03:00:00.000Z')).toISOString()).toBe('2027-01-01T03:00:00.000Z');
    expect(nextRankReviewAt(new Date('2026-12-01T02:59:59.999Z')).toISOString()).toBe('2026-12-01T03:00:00.000Z');
  });
});

describe('a value run covers a rank review', () => {
  const review = new Date('2026-12-01T03:00:00.000Z');

  it('when its figures are for the same month, up to the review itself (the scheduled 02:00 run before the 03:00 review)', () => {
    expect(valueRunCoversRankReview(new Date('2026-12-01T02:00:00.000Z'), review)).toBe(true);
    expect(valueRunCoversRankReview(new Date('2026-12-01T03:00:00.000Z'), review)).toBe(true);
    expect(valueRunCoversRankReview(new Date('2026-12-15T02:00:00.000Z'), new Date('2026-12-31T23:59:59.999Z'))).toBe(true);
  });

  it('not when none has finished, when it is for last month, or for a later instant', () => {
    expect(valueRunCoversRankReview(null, review)).toBe(false);
    expect(valueRunCoversRankReview(new Date('2026-11-30T23:59:59.999Z'), review)).toBe(false);
    expect(valueRunCoversRankReview(new Date('2025-12-01T02:00:00.000Z'), review)).toBe(false);
    expect(valueRunCoversRankReview(new Date('2026-12-01T03:00:00.001Z'), review)).toBe(false);
  });
});
