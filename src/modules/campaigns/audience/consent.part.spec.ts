import { memberFacts } from '../../../../test/support/member-facts';
import { consentPart } from './consent.part';

const ctx = { now: new Date('2026-05-20T02:00:00Z'), timezone: 'Asia/Shanghai', consentChannel: null };

describe('audience part: consent', () => {
  it('takes channels, deduplicated', () => {
    expect(consentPart.parse({ type: 'consent', channels: ['email', 'email'] }, 'p')).toEqual({ type: 'consent', channels: ['email'] });
    expect(() => consentPart.parse({ type: 'consent', channels: ['fax'] }, 'p')).toThrow('each value must be a channel (sms, email, push)');
  });

  it('is a granted consent to any of the channels', () => {
    const part = { type: 'consent' as const, channels: ['email' as const] };
    expect(consentPart.compile(part, ctx)).toEqual({
      sql: 'EXISTS (SELECT 1 FROM member_consents mc WHERE mc.member_id = m.id AND mc.channel IN (?) AND mc.granted = 1)',
      params: ['email'],
    });
    expect(consentPart.matches(part, memberFacts({ consents: ['sms', 'email'] }), ctx)).toBe(true);
    expect(consentPart.matches(part, memberFacts({ consents: ['sms'] }), ctx)).toBe(false);
    expect(consentPart.describe(part)).toEqual({ 'zh-CN': '同意接收 email', en: 'consented to email' });
  });
});
