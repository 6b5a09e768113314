import { memberFacts } from '../../../../test/support/member-facts';
import { pointsExpiringDaysPart } from './points-expiring-days.part';

const now = new Date('2026-05-20T02:00:00Z');
const ctx = { now, timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: pointsExpiringDays', () => {
  it('takes a number of days', () => {
    expect(pointsExpiringDaysPart.parse({ type: 'pointsExpiringDays', days: 30 }, 'p')).toEqual({ type: 'pointsExpiringDays', days: 30 });
  });

  it('is a lot with points left expiring after now and by now plus the days', () => {
    const part = { type: 'pointsExpiringDays' as const, days: 30 };
    expect(pointsExpiringDaysPart.compile(part, ctx).params).toEqual([now, new Date('2026-06-19T02:00:00Z')]);
    const lot = (remaining: number, iso: string) => memberFacts({ lots: [{ remaining, expiresAt: new Date(iso) }] });
    expect(pointsExpiringDaysPart.matches(part, lot(10, '2026-06-19T02:00:00Z'), ctx)).toBe(true);
    expect(pointsExpiringDaysPart.matches(part, lot(10, '2026-06-19T02:00:00.001Z'), ctx)).toBe(false);
    expect(pointsExpiringDaysPart.matches(part, lot(10, '2026-05-20T02:00:00Z'), ctx)).toBe(false);
    expect(pointsExpiringDaysPart.matches(part, lot(0, '2026-06-01T00:00:00Z'), ctx)).toBe(false);
    expect(pointsExpiringDaysPart.explain(part, lot(10, '2026-06-01T00:00:00Z'), ctx).en).toBe('10 points expire in the next 30 days');
  });
});
