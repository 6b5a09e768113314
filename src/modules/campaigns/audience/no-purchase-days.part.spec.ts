import { memberFacts } from '../../../../test/support/member-facts';
import { noPurchaseDaysPart } from './no-purchase-days.part';

const now = new Date('2026-05-20T02:00:00Z');
const ctx = { now, timezone: 'Asia/Shanghai', consentChannel: null };
const STORE = '01a212aa-8b99-749f-88e9-001ff70d99cf';

describe('audience part: noPurchaseDays', () => {
  it('takes a number of days', () => {
    expect(noPurchaseDaysPart.parse({ type: 'noPurchaseDays', days: 90 }, 'p')).toEqual({ type: 'noPurchaseDays', days: 90 });
    expect(() => noPurchaseDaysPart.parse({ type: 'noPurchaseDays', days: 1.5 }, 'p')).toThrow('must be a whole number of days');
  });

  it('is no purchase at or after now minus the days (one exactly then counts as a purchase)', () => {
    const part = { type: 'noPurchaseDays' as const, days: 30 };
    expect(noPurchaseDaysPart.compile(part, ctx)).toEqual({
      sql: 'NOT EXISTS (SELECT 1 FROM purchases p WHERE p.member_id = m.id AND p.occurred_at >= ?)',
      params: [new Date('2026-04-20T02:00:00Z')],
    });
    const at = (iso: string) => memberFacts({ purchases: [{ storeId: STORE, occurredAt: new Date(iso) }] });
    expect(noPurchaseDaysPart.matches(part, at('2026-04-20T02:00:00Z'), ctx)).toBe(false);
    expect(noPurchaseDaysPart.matches(part, at('2026-04-20T01:59:59.999Z'), ctx)).toBe(true);
    expect(noPurchaseDaysPart.matches(part, memberFacts(), ctx)).toBe(true);
    expect(noPurchaseDaysPart.explain(part, memberFacts(), ctx).en).toBe('never bought');
    expect(noPurchaseDaysPart.describe(part)).toEqual({ 'zh-CN': '30 天内无消费', en: 'no purchase in the last 30 days' });
  });
});
