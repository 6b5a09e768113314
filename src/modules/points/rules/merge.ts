/**
 * Merging two accounts: the source's balance moves whole (a debt moves too)
 * and its lots move with their expiry dates. Lots hold max(balance, 0)
 * points, so when one side is in debt the moved lots hold more than the
 * merged balance: the excess pays the debt off the lots (soonest expiry first).
 */
export function mergeArithmetic(
  sourceBalance: number,
  survivorBalance: number,
): { moved: number; survivorAfter: number; lotExcess: number } {
  const survivorAfter = survivorBalance + sourceBalance;
  const lotExcess = Math.max(survivorBalance, 0) + Math.max(sourceBalance, 0) - Math.max(survivorAfter, 0);
  return { moved: sourceBalance, survivorAfter, lotExcess };
}
