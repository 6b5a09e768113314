/** When rank reviews happen, and so when a member placed by one is reviewed next. Pure. */

/**
 * The scheduled rank review: the 1st of every month at 03:00 UTC (BullMQ cron with seconds). After the daily value
 * run (02:00), whose scores it ranks, and before the daily tier review (04:00), so the two never write tiers at once.
 */
export const RANK_REVIEW_HOUR_UTC = 3;
export const RANK_REVIEW_PATTERN = `0 0 ${RANK_REVIEW_HOUR_UTC} 1 * *`;

/**
 * The first scheduled rank review strictly after `after`. A member the rank
 * review places in (or keeps in) a rank tier holds it until then: that is
 * their review date.
 */
export function nextRankReviewAt(after: Date): Date {
  const thisMonth = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), 1, RANK_REVIEW_HOUR_UTC, 0, 0, 0));
  if (thisMonth.getTime() > after.getTime()) {
    return thisMonth;
  }
  return new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth() + 1, 1, RANK_REVIEW_HOUR_UTC, 0, 0, 0));
}

/**
 * Whether a value run whose figures are for `valueAsOf` (null: none has
 * finished) gives a rank review at `reviewAsOf` scores to rank by: its
 * figures are for the same calendar month (UTC), the month the review's
 * qualifying window ends in, and not for a later instant. Without one the
 * review would rank on last month's scores, or on none (every holder would
 * step down).
 */
export function valueRunCoversRankReview(valueAsOf: Date | null, reviewAsOf: Date): boolean {
  if (valueAsOf === null || valueAsOf.getTime() > reviewAsOf.getTime()) {
    return false;
  }
  return valueAsOf.getUTCFullYear() === reviewAsOf.getUTCFullYear() && valueAsOf.getUTCMonth() === reviewAsOf.getUTCMonth();
}
