import { Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErasureRequestResponse, MemberExportResponse } from '../privacy/dto/privacy.response';
import { PortalErrors } from '../../common/api/error-responses';
import { ExportMemberUseCase } from '../privacy/use-cases/export-member.use-case';
import { RequestErasureUseCase } from '../privacy/use-cases/request-erasure.use-case';
import { CurrentMember, MemberAuth } from './auth/member-auth.guard';
import { MemberPrincipal } from './auth/member-tokens.service';

/** The member's own privacy requests: the same export and erasure the service desk runs, with the member as the actor. */
@ApiTags('portal')
@MemberAuth()
@Controller('api/v1/portal/me')
export class PortalPrivacyController {
  constructor(
    private readonly exporter: ExportMemberUseCase,
    private readonly erasure: RequestErasureUseCase,
  ) {}

  @Get('export')
  @ApiOperation({
    summary: 'Download everything held about me, as JSON (profile, consents, cards, ledger, purchases, clubs, tier history, messages)',
    description: 'Answered as an attachment named member-<id>.json; audited with the member as the actor. Nothing about any other member.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: MemberExportResponse })
  @PortalErrors()
  async export(@CurrentMember() m: MemberPrincipal, @Res({ passthrough: true }) res: Response) {
    const body = await this.exporter.export(m.memberId);
    res.setHeader('Content-Disposition', `attachment; filename="member-${m.memberId}.json"`);
    return body;
  }

  @Post('erasure')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask to be forgotten: 202, the request is recorded and every sign-in ends at once',
    description:
      'The member is `erasing` from this moment (no campaign reaches them, their tokens stop working); a worker then anonymises the ' +
      'profile (name, phone, email, birthday, address cleared), closes the cards and withdraws consents, keeping ledger totals exact, ' +
      'and notifies subscribed systems (`member.erased`). Asking again answers the same request.',
  })
  @ApiAcceptedResponse({ type: ErasureRequestResponse })
  @PortalErrors()
  requestErasure(@CurrentMember() m: MemberPrincipal) {
    return this.erasure.request(m.memberId, { type: 'member', id: m.memberId });
  }
}
