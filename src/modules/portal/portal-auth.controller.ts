import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode } from '../../common/errors/error-code';
import { PortalErrors } from '../../common/api/error-responses';
import { CurrentMember, MemberAuth } from './auth/member-auth.guard';
import { MemberPrincipal, MemberTokensService } from './auth/member-tokens.service';
import { MemberLoginDto, MemberRefreshDto, RegisterDto, SendCodeDto } from './dto/portal.dto';
import { AgreementsInForceResponse, CodeSentResponse, MemberTokensResponse, RegisteredResponse } from './dto/portal.response';
import { CURRENT_AGREEMENTS } from './rules/agreements';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { RegisterMemberUseCase } from './use-cases/register-member.use-case';
import { SendSignInCodeUseCase } from './use-cases/send-sign-in-code.use-case';

@ApiTags('portal')
@Controller('api/v1/portal/auth')
export class PortalAuthController {
  constructor(
    private readonly sendCode: SendSignInCodeUseCase,
    private readonly logIn: LogInUseCase,
    private readonly register: RegisterMemberUseCase,
    private readonly tokens: MemberTokensService,
  ) {}

  @Post('code')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a six-digit sign-in code by SMS',
    description:
      'The same answer whether or not a member holds the phone. The code works once, for 5 minutes (PORTAL_CODE_TTL_SECONDS); a new code replaces the last. ' +
      'Limited per phone (PORTAL_CODES_PER_PHONE_PER_HOUR, 429 RATE_LIMITED) and per client address; a locked phone gets 429 SIGN_IN_LOCKED.',
  })
  @ApiOkResponse({ type: CodeSentResponse })
  @PortalErrors(ErrorCode.SIGN_IN_LOCKED)
  code(@Body() dto: SendCodeDto, @Res({ passthrough: true }) res: Response) {
    return this.sendCode.send(dto.phone, res);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with the phone and its code',
    description:
      'A wrong, expired or used code is 401 SIGN_IN_CODE_INVALID; the 5th wrong code locks the phone for 15 minutes (429 SIGN_IN_LOCKED, Retry-After). ' +
      'A right code for a phone no member holds is 404 PHONE_NOT_REGISTERED and stays valid for POST auth/register.',
  })
  @ApiOkResponse({ type: MemberTokensResponse })
  @PortalErrors(ErrorCode.SIGN_IN_CODE_INVALID, ErrorCode.SIGN_IN_LOCKED, ErrorCode.PHONE_NOT_REGISTERED)
  login(@Body() dto: MemberLoginDto) {
    return this.logIn.logIn({ phone: dto.phone, code: dto.code });
  }

  @Get('agreements')
  @ApiOperation({
    summary: 'The versions of the membership terms and the privacy notice in force, to agree to when registering',
  })
  @ApiOkResponse({ type: AgreementsInForceResponse })
  @PortalErrors()
  agreements(): AgreementsInForceResponse {
    return {
      documents: Object.entries(CURRENT_AGREEMENTS).map(([document, version]) => ({ document: document as 'terms' | 'privacy', version })),
    };
  }

  @Post('register')
  @ApiOperation({
    summary: 'Register with a verified code: bind a counter card (its points kept) or get a new card',
    description:
      'With cardNo: the temporary member of a card from POST /api/v1/pos/cards becomes this member (same id, same points and history). ' +
      'Without: a new member and card. Signs in at once. agreements must carry the versions of the terms and the privacy notice in force (GET auth/agreements): ' +
      'each is kept as a consent of its own with its version.',
  })
  @ApiCreatedResponse({ type: RegisteredResponse })
  @PortalErrors(
    ErrorCode.SIGN_IN_CODE_INVALID,
    ErrorCode.SIGN_IN_LOCKED,
    ErrorCode.PHONE_TAKEN,
    ErrorCode.CARD_ALREADY_BOUND,
    ErrorCode.CARD_NOT_FOUND,
    ErrorCode.CARD_INACTIVE,
  )
  registerMember(@Body() dto: RegisterDto) {
    return this.register.register({ ...dto, consents: dto.consents ? { ...dto.consents } : undefined });
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Trade the refresh token for a new pair (it works once)',
    description: 'Presenting an already used refresh token again signs out the whole sign-in it came from (every token of it).',
  })
  @ApiOkResponse({ type: MemberTokensResponse })
  @PortalErrors()
  refresh(@Body() dto: MemberRefreshDto) {
    return this.tokens.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @MemberAuth()
  @ApiOperation({ summary: 'Sign out: the refresh tokens and the access tokens of this sign-in stop working at once' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @PortalErrors()
  async logout(@CurrentMember() member: MemberPrincipal): Promise<void> {
    await this.tokens.logout(member);
  }
}
