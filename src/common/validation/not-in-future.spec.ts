import { isNotInFuture, MAX_CLOCK_SKEW_MS } from './not-in-future';

describe('isNotInFuture', () => {
  const now = Date.parse('2026-11-24T10:00:00+08:00');

  it('accepts the past and up to 5 minutes ahead', () => {
    expect(isNotInFuture('2026-11-24T09:00:00+08:00', MAX_CLOCK_SKEW_MS, now)).toBe(true);
    expect(isNotInFuture('2026-11-24T10:05:00+08:00', MAX_CLOCK_SKEW_MS, now)).toBe(true);
  });

  it('refuses more than 5 minutes ahead, whatever the offset', () => {
    expect(isNotInFuture('2026-11-24T10:05:01+08:00', MAX_CLOCK_SKEW_MS, now)).toBe(false);
    expect(isNotInFuture('2026-11-24T02:06:00Z', MAX_CLOCK_SKEW_MS, now)).toBe(false);
  });

  it('leaves unreadable values to the format checks', () => {
    expect(isNotInFuture('tomorrow', MAX_CLOCK_SKEW_MS, now)).toBe(true);
    expect(isNotInFuture(5, MAX_CLOCK_SKEW_MS, now)).toBe(true);
  });
});
