import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { MemberTokens, MemberTokensService } from '../auth/member-tokens.service';
import { MembersRepository } from '../../members/members.repository';
import { SignInCodesService } from '../auth/sign-in-codes.service';

export interface LogInCommand {
  /** E.164. */
  phone: string;
  /** The sign-in code sent to the phone. */
  code: string;
}

/**
 * POST auth/login: phone and code → a member session. The code is checked
 * before anything is said about the phone. A right code for a phone no
 * member holds answers PHONE_NOT_REGISTERED and stays valid, so the same
 * code registers it (POST auth/register).
 */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly codes: SignInCodesService,
    private readonly members: MembersRepository,
    private readonly tokens: MemberTokensService,
  ) {}

  async logIn({ phone, code }: LogInCommand): Promise<MemberTokens> {
    const member = await this.members.byPhone(phone);
    const registered = member !== null && member.status === 'active';
    await this.codes.verify(phone, code, registered);
    if (!member || !registered) {
      throw new DomainError(
        ErrorCode.PHONE_NOT_REGISTERED,
        'No member has this phone yet. Register with the same code: POST /api/v1/portal/auth/register.',
      );
    }
    return this.tokens.issue(member.id);
  }
}
