import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../audit/audit.service';
import { TemplatesService } from '../messages/templates.service';

/** The apology of service recovery (a transactional system template: it answers the member's own complaint). */
export const APOLOGY_TEMPLATE = 'complaint.apology';

/** Creates the apology template when the program has none yet; an admin may save new versions (channel, wording). */
@Injectable()
export class ApologyTemplateSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApologyTemplateSeeder.name);

  constructor(private readonly templates: TemplatesService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.templates.latestOrNull(APOLOGY_TEMPLATE)) {
      return;
    }
    await this.templates.save(SYSTEM_ACTOR, {
      code: APOLOGY_TEMPLATE,
      channel: 'sms',
      transactional: true,
      variants: {
        'zh-CN': { body: '{{name}}您好，关于您的投诉（编号 {{caseNo}}），给您带来不便，我们深表歉意。我们已在处理，感谢您的反馈。' },
        en: {
          body: 'Dear {{name}}, we are sorry for the trouble behind your complaint {{caseNo}}. We are on it; thank you for telling us.',
        },
      },
    });
    this.logger.log(`Created the message template ${APOLOGY_TEMPLATE}`);
  }
}
