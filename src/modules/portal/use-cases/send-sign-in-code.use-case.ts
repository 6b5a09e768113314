import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimit, RateLimiter } from '../../../common/http/rate-limiter';
import { newId } from '../../../common/ids';
import { AppConfig } from '../../../config/app-config';
import { OutboxService } from '../../messages/outbox.service';
import { MembersRepository } from '../../members/members.repository';
import { SignInCodesService } from '../auth/sign-in-codes.service';
import { phoneKeyId } from '../rules/sign-in-code';
import { SIGN_IN_TEMPLATE } from '../sign-in-template';

export interface CodeSent {
  /** Always true: the answer is the same whether or not a member holds the phone. */
  sent: true;
  expiresIn: number;
}

/**
 * POST auth/code: a six-digit code by SMS through the outbox (transactional:
 * no marketing consent needed). The code never reaches the outbox row (its
 * text keeps the placeholder {{code}}, as every view shows it): it is put into
 * the SMS at send time from Redis, where it lives as long as the code. A member's code goes to the member's row; a
 * phone nobody holds yet (registration) gets a row of its own with the
 * address. The answer never says which. Limited per phone (codes per hour)
 * and, by the throttler guard, per client address.
 */
@Injectable()
export class SendSignInCodeUseCase {
  private readonly logger = new Logger('PortalSignIn');

  constructor(
    private readonly codes: SignInCodesService,
    private readonly members: MembersRepository,
    private readonly outbox: OutboxService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async send(phone: string, res: Response): Promise<CodeSent> {
    await this.limiter.consume(res, RateLimit.PortalCodePerPhone, `phone:${phoneKeyId(this.config.jwt.secret, phone)}`);
    const code = await this.codes.issue(phone);
    const member = await this.members.byPhone(phone);
    const source = `sign-in:${newId()}`;
    // The outbox row keeps {{code}}; the code itself waits in Redis for its own life, for the sender only.
    const secretTtlSeconds = this.config.portal.codeTtlSeconds;
    if (member && member.status === 'active') {
      await this.outbox.enqueue({ source, memberId: member.id, templateCode: SIGN_IN_TEMPLATE, variables: { code }, secretTtlSeconds });
    } else {
      await this.outbox.enqueueToPhone({ source, phone, templateCode: SIGN_IN_TEMPLATE, variables: { code }, secretTtlSeconds });
    }
    if (this.config.env === 'development' && this.config.messages.adapters.sms === 'log') {
      // Development only, with the log SMS adapter (which never prints texts): the code, so a developer can sign in.
      this.logger.log({ msg: 'sign-in code (development, log SMS adapter)', signInCode: code });
    }
    return { sent: true, expiresIn: this.config.portal.codeTtlSeconds };
  }
}
