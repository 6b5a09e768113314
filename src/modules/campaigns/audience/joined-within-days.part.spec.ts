import { memberFacts } from '../../../../test/support/member-facts';
import { joinedWithinDaysPart } from './joined-within-days.part';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: joinedWithinDays', () => {
  it('takes a number of days', () => {
    expect(() => joinedWithinDaysPart.parse({ type: 'joinedWithinDays', days: 3651 }, 'p')).toThrow('from 1 to 3650');
    expect(() => joinedWithinDaysPart.parse({ type: 'joinedWithinDays', days: 30, when: 1 }, 'p')).toThrow('is not a field of this part');
  });

  it('is joined at or after now minus the days', () => {
    const part = { type: 'joinedWithinDays' as const, days: 30 };
    expect(joinedWithinDaysPart.compile(part, ctx)).toEqual({ sql: 'm.created_at >= ?', params: [new Date('2026-04-20T02:00:00Z')] });
    expect(joinedWithinDaysPart.matches(part, memberFacts({ createdAt: new Date('2026-04-20T02:00:00Z') }), ctx)).toBe(true);
    expect(joinedWithinDaysPart.matches(part, memberFacts({ createdAt: new Date('2026-04-20T01:59:59Z') }), ctx)).toBe(false);
    expect(joinedWithinDaysPart.describe(part).en).toBe('joined in the last 30 days');
  });
});
