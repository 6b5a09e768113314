import { afterFailure, retryDelayMs } from './backoff';

describe('retry backoff', () => {
  it('doubles from the base per attempt made, capped at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 30_000, 600_000))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000]);
    expect(retryDelayMs(0, 30_000, 600_000)).toBe(0);
    expect(retryDelayMs(500, 1_000, 3_600_000)).toBe(3_600_000);
  });

  it('gives up once the attempts are spent, and otherwise names the next try', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    expect(afterFailure(2, 3, now, 1000, 60_000)).toEqual({ retryAt: new Date('2026-01-01T00:00:02.000Z') });
    expect(afterFailure(3, 3, now, 1000, 60_000)).toEqual({ giveUp: true });
  });
});
