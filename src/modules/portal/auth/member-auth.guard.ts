import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { bearerToken } from '../../auth/admin-auth.guard';
import { MemberPrincipal, MemberTokensService } from './member-tokens.service';

interface MemberRequest extends Request {
  member?: MemberPrincipal;
}

/** Portal routes: a member access token (audience loyalty-portal). Admin tokens and store keys are refused. */
@Injectable()
export class MemberAuthGuard implements CanActivate {
  constructor(private readonly tokens: MemberTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<MemberRequest>();
    const token = bearerToken(req);
    const member = token ? await this.tokens.verifyAccess(token) : null;
    if (!member) {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'Sign in first: send Authorization: Bearer <accessToken> from POST /api/v1/portal/auth/login.',
      );
    }
    req.member = member;
    return true;
  }
}

export function MemberAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(UseGuards(MemberAuthGuard), ApiBearerAuth('member'));
}

/** The signed-in member (set by MemberAuthGuard). Every portal read and write is keyed by this id, never by one from the request. */
export const CurrentMember = createParamDecorator((_: unknown, ctx: ExecutionContext): MemberPrincipal => {
  const member = ctx.switchToHttp().getRequest<MemberRequest>().member;
  if (!member) {
    throw new Error('CurrentMember used on a route without MemberAuth()');
  }
  return member;
});
