import { nextRankReviewAt } from './rank-review-date';

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
