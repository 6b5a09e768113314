import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../audit/audit.service';
import { TemplatesService } from '../messages/templates.service';

/** The transactional SMS template of sign-in codes. */
export const SIGN_IN_TEMPLATE = 'portal.sign-in-code';

/** Creates the sign-in code template when the program has none yet; an admin may save new versions (the outbox uses the latest). */
@Injectable()
export class SignInTemplateSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(SignInTemplateSeeder.name);

  constructor(private readonly templates: TemplatesService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.templates.latestOrNull(SIGN_IN_TEMPLATE)) {
      return;
    }
    await this.templates.save(SYSTEM_ACTOR, {
      code: SIGN_IN_TEMPLATE,
      channel: 'sms',
      transactional: true,
      variants: {
        'zh-CN': { body: '您的会员登录验证码是 {{code}}，5分钟内有效。请勿告诉他人。' },
        en: { body: 'Your member sign-in code is {{code}}. It expires in 5 minutes. Do not share it.' },
      },
    });
    this.logger.log(`Created the message template ${SIGN_IN_TEMPLATE}`);
  }
}
