import { monthKey } from './monthly-stats';

describe('month bucket', () => {
  it('is the first day of the purchase month in UTC, whatever the time of day', () => {
    expect(monthKey(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-01');
    expect(monthKey(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01');
    expect(monthKey(new Date('2026-01-15T12:00:00+08:00'))).toBe('2026-01-01');
  });
});
