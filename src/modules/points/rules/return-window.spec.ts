import { pendingUntil } from './return-window';

const at = (iso: string) => new Date(iso);

describe('return window', () => {
  const now = at('2026-11-25T12:00:00Z');

  it('without a window the points are spendable at once', () => {
    expect(pendingUntil(at('2026-11-25T11:00:00Z'), 0, now)).toBeNull();
  });

  it('with a 7-day window the points are pending until 7 days after the purchase', () => {
    expect(pendingUntil(at('2026-11-25T11:00:00Z'), 7, now)).toEqual(at('2026-12-02T11:00:00Z'));
  });

  it('an offline receipt whose window has already run is spendable at once', () => {
    expect(pendingUntil(at('2026-11-10T11:00:00Z'), 7, now)).toBeNull();
  });

  it('the edge: a window ending exactly now is over', () => {
    expect(pendingUntil(at('2026-11-18T12:00:00Z'), 7, now)).toBeNull();
    expect(pendingUntil(at('2026-11-18T12:00:00.001Z'), 7, now)).toEqual(at('2026-11-25T12:00:00.001Z'));
  });
});
