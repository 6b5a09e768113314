import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../audit/audit.service';
import { TemplatesService } from '../messages/templates.service';

/** The survey invitation: a marketing message (consent needed) with the member's signed link. */
export const SURVEY_INVITATION_TEMPLATE = 'survey.invitation';

/** Creates the invitation template when the program has none yet; marketers' admins may save new versions. */
@Injectable()
export class SurveyInvitationTemplateSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(SurveyInvitationTemplateSeeder.name);

  constructor(private readonly templates: TemplatesService) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.templates.latestOrNull(SURVEY_INVITATION_TEMPLATE)) {
      return;
    }
    await this.templates.save(SYSTEM_ACTOR, {
      code: SURVEY_INVITATION_TEMPLATE,
      channel: 'sms',
      transactional: false,
      variants: {
        'zh-CN': { body: '{{name}}您好，感谢您的光临！请花一分钟告诉我们您的感受：{{surveyLink}}' },
        en: { body: 'Dear {{name}}, thank you for shopping with us! Tell us how we did in one minute: {{surveyLink}}' },
      },
    });
    this.logger.log(`Created the message template ${SURVEY_INVITATION_TEMPLATE}`);
  }
}
