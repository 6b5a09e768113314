/** When rank reviews happen, and so when a member placed by one is reviewed next. Pure. */

/** The scheduled rank review: the 1st of every month at 04:00 UTC (BullMQ cron with seconds). */
export const RANK_REVIEW_PATTERN = '0 0 4 1 * *';

/**
 * The first scheduled rank review strictly after `after`. A member the rank
 * review places in (or keeps in) a rank tier holds it until then: that is
 * their review date.
 */
export function nextRankReviewAt(after: Date): Date {
  const thisMonth = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1, 4, 0, 0, 0));
  if (thisMonth.getTime() > after.getTime()) {
    return thisMonth;
  }
  return new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1, 4, 0, 0, 0));
}
