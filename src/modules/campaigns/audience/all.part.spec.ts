import { memberFacts } from '../../../../test/support/member-facts';
import { allPart } from './all.part';
import { AudienceError } from './audience-part.kind';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: all', () => {
  it('takes no fields, is true in SQL and for every member', () => {
    expect(allPart.parse({ type: 'all' }, 'p')).toEqual({ type: 'all' });
    expect(() => allPart.parse({ type: 'all', extra: 1 }, 'p')).toThrow(new AudienceError('p.extra', 'is not a field of this part'));
    expect(allPart.compile({ type: 'all' }, ctx)).toEqual({ sql: '1 = 1', params: [] });
    expect(allPart.matches({ type: 'all' }, memberFacts(), ctx)).toBe(true);
    expect(allPart.describe({ type: 'all' })).toEqual({ 'zh-CN': '全部会员', en: 'every member' });
  });
});
