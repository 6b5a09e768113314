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

  it('outside production the log line carries the text (the sign-in code), the address masked', async () => {
    const lines: unknown[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((line: unknown) => void lines.push(line));
    await new LogChannelAdapter(true).send(message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ text: 'Your sign-in code is 123456', channel: 'sms' });
    expect(JSON.stringify(lines[0])).not.toContain('+8613800138000');
  });

  it('in production only the length is logged, never the text', async () => {
    const lines: unknown[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((line: unknown) => void lines.push(line));
    await new LogChannelAdapter(false).send(message);
    expect(lines[0]).toMatchObject({ chars: 27 });
    expect(JSON.stringify(lines[0])).not.toContain('123456');
  });
});
