/**
 * The return window: with N days configured, a purchase's points are pending
 * (in the balance, not spendable) until N days after the purchase happened.
 * Returns when the points become spendable, or null when they are spendable
 * at once (no window, or a receipt posted after its window has already run).
 */
export function pendingUntil(occurredAt: Date, returnWindowDays: number, now: Date): Date | null {
  if (returnWindowDays <= 0) {
    return null;
  }
  const until = new Date(occurredAt.getTime() + returnWindowDays * 86_400_000);
  return until > now ? until : null;
}
