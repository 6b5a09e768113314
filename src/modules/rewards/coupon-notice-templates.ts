import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../audit/audit.service';
import { SaveTemplate, TemplatesService } from '../messages/templates.service';
import { COUPON_EXPIRING_TEMPLATE } from './use-cases/expire-coupons.use-case';
import { COUPON_ISSUED_TEMPLATE } from './use-cases/issue-coupon';

/** The first version of each coupon notice (SMS, sent with marketing consent only); admins may save new versions. */
export const COUPON_NOTICE_TEMPLATES: SaveTemplate[] = [
  {
    code: COUPON_ISSUED_TEMPLATE,
    channel: 'sms',
    variants: {
      'zh-CN': { body: '您已获得优惠券「{{coupon}}」，有效期至{{validUntil}}。结账时在会员页“我的券”出示即可使用。' },
      en: {
        body: 'You have a new coupon: {{coupon}}, valid until {{validUntil}}. Show it at the till from My coupons on the member page.',
      },
    },
  },
  {
    code: COUPON_EXPIRING_TEMPLATE,
    channel: 'sms',
    variants: {
      'zh-CN': { body: '您的优惠券「{{coupon}}」将于{{validUntil}}到期，请尽快使用。' },
      en: { body: 'Your coupon {{coupon}} expires on {{validUntil}}. Use it before then.' },
    },
  },
];

/**
 * Creates the coupon notice templates (issued; expiring in 3 days) when the program has none yet, as the sign-in
 * template is created: without a template no notice is sent, and a program that takes rewards live should not have
 * to write them first. Runs in the API and the worker (exchanges notify in the one, the expiry job in the other).
 */
@Injectable()
export class CouponNoticeTemplatesSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(CouponNoticeTemplatesSeeder.name);

  constructor(private readonly templates: TemplatesService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const template of COUPON_NOTICE_TEMPLATES) {
      if (await this.templates.latestOrNull(template.code)) {
        continue;
      }
      await this.templates.save(SYSTEM_ACTOR, template);
      this.logger.log(`Created the message template ${template.code}`);
    }
  }
}
