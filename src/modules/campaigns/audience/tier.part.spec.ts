import { memberFacts } from '../../../../test/support/member-facts';
import { tierPart } from './tier.part';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: tier', () => {
  it('takes tier codes and refuses other text', () => {
    expect(tierPart.parse({ type: 'tier', codes: ['VIP', 'SVIP'] }, 'p')).toEqual({ type: 'tier', codes: ['VIP', 'SVIP'] });
    expect(() => tierPart.parse({ type: 'tier', codes: ['V I P'] }, 'p')).toThrow('each value must be a tier code');
  });

  it('compares codes as the database does (without case)', () => {
    const part = { type: 'tier' as const, codes: ['VIP'] };
    expect(tierPart.compile(part, ctx)).toEqual({ sql: 'm.tier_code IN (?)', params: ['VIP'] });
    expect(tierPart.matches(part, memberFacts({ tierCode: 'vip' }), ctx)).toBe(true);
    expect(tierPart.matches(part, memberFacts({ tierCode: 'SVIP' }), ctx)).toBe(false);
    expect(tierPart.describe(part)).toEqual({ 'zh-CN': '等级为 VIP', en: 'tier VIP' });
    expect(tierPart.explain(part, memberFacts({ tierCode: 'SVIP' }), ctx).en).toBe('tier is SVIP');
  });
});
