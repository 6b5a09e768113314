/**
 * Budget arithmetic. The reservation itself happens in the database (the
 * budget row is locked or conditionally updated); these say how much fits.
 */

/** How many of `wanted` grants of `pointsEach` fit in what is left of the cap (null cap: all of them). */
export function grantsThatFit(capPoints: number | null, spentPoints: number, pointsEach: number, wanted: number): number {
  if (wanted <= 0 || pointsEach <= 0) {
    return Math.max(wanted, 0);
  }
  if (capPoints === null) {
    return wanted;
  }
  const left = Math.max(capPoints - spentPoints, 0);
  return Math.min(wanted, Math.floor(left / pointsEach));
}

/** What a preview estimates: grants to the targeted members, stopped at the cap. */
export function estimatedCost(targeted: number, pointsEach: number, capPoints: number | null, spentPoints: number): number {
  return grantsThatFit(capPoints, spentPoints, pointsEach, targeted) * pointsEach;
}
