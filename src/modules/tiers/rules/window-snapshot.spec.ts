import { snapshotServes, snapshotWindows } from './window-snapshot';

describe('the simulation snapshot of window sums', () => {
  it('sums the qualifying window and the last 12 calendar months, counted in UTC months', () => {
    expect(snapshotWindows(new Date('2026-11-25T10:00:00Z'), 12)).toEqual({ windowStart: '2025-12-01', spendStart: '2025-12-01' });
    expect(snapshotWindows(new Date('2026-11-25T10:00:00Z'), 6)).toEqual({ windowStart: '2026-06-01', spendStart: '2025-12-01' });
    expect(snapshotWindows(new Date('2026-03-01T00:00:00Z'), 3)).toEqual({ windowStart: '2026-01-01', spendStart: '2025-04-01' });
  });

  it('serves a simulation later in the same month under the same window length', () => {
    const taken = snapshotWindows(new Date('2026-11-02T00:20:00Z'), 12);
    expect(snapshotServes(taken, snapshotWindows(new Date('2026-11-30T23:59:59Z'), 12))).toBe(true);
  });

  it('does not serve once the month has turned, nor after the window length changed, nor when there is none', () => {
    const taken = snapshotWindows(new Date('2026-11-30T23:00:00Z'), 12);
    expect(snapshotServes(taken, snapshotWindows(new Date('2026-12-01T00:00:00Z'), 12))).toBe(false);
    expect(snapshotServes(taken, snapshotWindows(new Date('2026-11-30T23:30:00Z'), 6))).toBe(false);
    expect(snapshotServes(null, taken)).toBe(false);
  });
});
