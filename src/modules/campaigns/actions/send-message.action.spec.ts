import { sendMessageAction } from './send-message.action';

describe('campaign action: message', () => {
  const message = { channel: 'sms' as const, template: 'birthday-greeting' };

  it('stores channel and template, and says what it does in both languages', () => {
    expect(sendMessageAction.validate(message, 'message')).toEqual(message);
    expect(sendMessageAction.describe(message)).toEqual({
      'zh-CN': '发送短信（模板 birthday-greeting）',
      en: 'send SMS (template birthday-greeting)',
    });
  });

  it('limits the audience to the consent of its channel and costs no points', () => {
    expect(sendMessageAction.consentChannel?.(message)).toBe('sms');
    expect(sendMessageAction.pointsPerMember).toBeUndefined();
    expect(sendMessageAction.delivery?.name).toBe('SendMessageDelivery');
  });
});
