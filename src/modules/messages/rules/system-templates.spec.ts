import { COUPON_ISSUED_TEMPLATE } from '../../rewards/use-cases/issue-coupon';
import { COUPON_EXPIRING_TEMPLATE } from '../../rewards/use-cases/expire-coupons.use-case';
import { EXPIRY_NOTICE_TEMPLATE, TIER_NOTICE_TEMPLATE } from '../notices.service';
import { SIGN_IN_TEMPLATE } from '../../portal/sign-in-template';
import { APOLOGY_TEMPLATE } from '../../complaints/apology-template';
import { SURVEY_INVITATION_TEMPLATE } from '../../surveys/survey-invitation-template';
import { SYSTEM_TEMPLATES, systemRightNeeded, systemTemplateProblems } from './system-templates';

describe('system templates', () => {
  it('are the templates the code sends by their code: the sign-in code, the notices (points, tier, coupons), the apology and the survey invitation', () => {
    expect(Object.keys(SYSTEM_TEMPLATES).sort()).toEqual(
      [
        EXPIRY_NOTICE_TEMPLATE,
        TIER_NOTICE_TEMPLATE,
        SIGN_IN_TEMPLATE,
        COUPON_ISSUED_TEMPLATE,
        COUPON_EXPIRING_TEMPLATE,
        APOLOGY_TEMPLATE,
        SURVEY_INVITATION_TEMPLATE,
      ].sort(),
    );
  });

  it('need messages.system to be saved, as do transactional templates new or old; other templates do not', () => {
    expect(systemRightNeeded('portal.sign-in-code', true, true)).toMatch(/system template/);
    expect(systemRightNeeded('notice.points-expiring', false, false)).toMatch(/system template/);
    expect(systemRightNeeded('promo.spring', true, false)).toMatch(/transactional/);
    expect(systemRightNeeded('service.alert', false, true)).toMatch(/transactional template/);
    expect(systemRightNeeded('promo.spring', false, false)).toBeNull();
  });

  it('a sign-in template without {{code}} in a body, on another channel or not transactional is refused, naming the field', () => {
    const bodies = [
      { field: 'variants.zh-CN.body', body: '您的验证码是 {{code}}' },
      { field: 'variants.en.body', body: 'Log in at https://phish.example' },
    ];
    expect(systemTemplateProblems('portal.sign-in-code', { channel: 'email', transactional: false, bodies })).toEqual([
      { field: 'channel', message: 'portal.sign-in-code is sent by sms; it must stay sms' },
      { field: 'transactional', message: 'portal.sign-in-code must stay transactional' },
      { field: 'variants.en.body', message: 'portal.sign-in-code must use {{code}}' },
    ]);
    expect(systemTemplateProblems('portal.sign-in-code', { channel: 'sms', transactional: true, bodies: bodies.slice(0, 1) })).toEqual([]);
  });

  it('notices keep their figures and stay subject to consent; other templates have no required variables', () => {
    const body = (text: string) => [{ field: 'variants.zh-CN.body', body: text }];
    expect(
      systemTemplateProblems('notice.points-expiring', { channel: 'email', transactional: false, bodies: body('{{points}} 积分即将到期') }),
    ).toEqual([{ field: 'variants.zh-CN.body', message: 'notice.points-expiring must use {{expiryDate}}' }]);
    expect(systemTemplateProblems('notice.tier-changed', { channel: 'sms', transactional: true, bodies: body('{{tier}}') })).toEqual([
      { field: 'transactional', message: 'notice.tier-changed must not be transactional' },
    ]);
    expect(systemTemplateProblems('promo.spring', { channel: 'sms', transactional: false, bodies: body('Hello') })).toEqual([]);
  });

  it('leaves a malformed body to the template checks (they name the placeholder)', () => {
    const bodies = [{ field: 'variants.zh-CN.body', body: '验证码 {{code' }];
    expect(systemTemplateProblems('portal.sign-in-code', { channel: 'sms', transactional: true, bodies })).toEqual([]);
  });
});
