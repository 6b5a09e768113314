/**
 * When a failed send or delivery is tried again: the base delay doubled per
 * attempt already made (base, 2×base, 4×base, ...), at most `maxMs`. No
 * jitter: the claim query spreads the rows over the senders anyway.
 */
export function retryDelayMs(attemptsMade: number, baseMs: number, maxMs: number): number {
  if (attemptsMade < 1) {
    return 0;
  }
  const exponent = Math.min(attemptsMade - 1, 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}

/** What follows a failed attempt: another try at `retryAt`, or the end when the attempts are spent. */
export function afterFailure(
  attemptsMade: number,
  maxAttempts: number,
  now: Date,
  baseMs: number,
  maxMs: number,
): { retryAt: Date } | { giveUp: true } {
  if (attemptsMade >= maxAttempts) {
    return { giveUp: true };
  }
  return { retryAt: new Date(now.getTime() + retryDelayMs(attemptsMade, baseMs, maxMs)) };
}
