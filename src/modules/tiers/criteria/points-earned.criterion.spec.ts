import { pointsEarned } from './points-earned.criterion';

describe('pointsEarned criterion', () => {
  it('is the tier’s minPoints over points earned in the window', () => {
    const stats = { spendCents: 10_000_000, points: 4_999, purchases: 99 };
    expect(pointsEarned.field).toBe('minPoints');
    expect(pointsEarned.holds(5_000, stats)).toBe(false);
    expect(pointsEarned.holds(5_000, { ...stats, points: 5_000 })).toBe(true);
    expect(pointsEarned.gap(5_000, stats)).toEqual({ criterion: 'points', required: 5_000, current: 4_999, missing: 1 });
  });

  it('compiles to a test of the points sum and says itself', () => {
    expect(pointsEarned.sql(5_000, 'q')).toEqual({ sql: 'COALESCE(q.points, 0) >= ?', params: [5_000] });
    expect(pointsEarned.describe(5_000)).toEqual({ en: 'earned at least 5,000 points', zhCN: '获得积分满5000分' });
    expect(pointsEarned.validate(1_000_000_001, 'm', () => {})).toBe(false);
  });
});
