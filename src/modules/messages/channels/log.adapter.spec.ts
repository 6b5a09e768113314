import { Logger } from '@nestjs/common';
import { LogChannelAdapter } from './log.adapter';

describe('LogChannelAdapter', () => {
  const message = {
    messageId: 'm-1',
    memberId: null,
    channel: 'sms' as const,
    to: '+8613800138000',
    subject: null,
    text: 'Your sign-in code is 123456',
    locale: 'en',
  };

  afterEach(() => jest.restoreAllMocks());

  it('logs the masked address and the length, never the subject or the text (names, sign-in codes)', async () => {
    const lines: unknown[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((line: unknown) => void lines.push(line));
    await new LogChannelAdapter().send({ ...message, subject: 'Hello 张三' });
    expect(lines[0]).toMatchObject({ chars: 27 });
    expect(JSON.stringify(lines[0])).not.toContain('123456');
    expect(JSON.stringify(lines[0])).not.toContain('张三');
    expect(JSON.stringify(lines[0])).not.toContain('+8613800138000');
  });
});
