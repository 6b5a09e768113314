import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ErrorCode } from '../../common/errors/error-code';
import { RequirePermission } from '../auth/admin-auth.guard';
import { AdminPrincipal } from '../auth/auth.types';
import { CurrentAdmin } from '../auth/principals';
import { AdminErrors } from '../../common/api/error-responses';
import { ExportMemberUseCase } from '../privacy/use-cases/export-member.use-case';
import { RequestErasureUseCase } from '../privacy/use-cases/request-erasure.use-case';
import { ErasureRequestResponse, MemberExportResponse } from '../privacy/dto/privacy.response';
import { actorOf } from './admin-actor';

@ApiTags('admin: members')
@Controller('api/v1/admin/members')
export class AdminPrivacyController {
  constructor(
    private readonly exporter: ExportMemberUseCase,
    private readonly erasure: RequestErasureUseCase,
  ) {}

  @Get(':memberId/export')
  @RequirePermission('members.export')
  @ApiOperation({
    summary: 'Everything held about a member, as a JSON download (audited)',
    description:
      'Profile, consents with their history, cards, account, ledger, lots, purchases with lines, refunds, redemptions, clubs and their history, ' +
      'tier history and grants, value, campaign deliveries, messages, notes, tags, adjustments and the audit entries about the member. ' +
      'Nothing about any other member. Answered as an attachment (Content-Disposition) named member-<id>.json.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: MemberExportResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND)
  async export(
    @CurrentAdmin() admin: AdminPrincipal,
    @Param('memberId', new ParseUUIDPipe()) memberId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const body = await this.exporter.export(memberId, actorOf(admin));
    res.setHeader('Content-Disposition', `attachment; filename="member-${memberId}.json"`);
    return body;
  }

  @Post(':memberId/erasure')
  @HttpCode(202)
  @RequirePermission('members.erase')
  @ApiOperation({
    summary: 'Erase a member on their request: 202 with the job that anonymises them (audited; asking again answers the same request)',
    description:
      'The member is `erasing` at once (no campaign reaches them, no merge takes them); the worker then clears name, phone, email, birthday, ' +
      'gender, address and city, closes the cards, withdraws consents, clears notes, tags, message texts and personal values in the change ' +
      'history and the audit log, sets status `erased` and sends the `member.erased` webhook. Ledger, purchases and analytics stay exact. ' +
      'A merged-away member answers 409 MEMBER_MERGED: erase the survivor (its merged-in members are erased with it).',
  })
  @ApiAcceptedResponse({ type: ErasureRequestResponse })
  @AdminErrors(ErrorCode.MEMBER_NOT_FOUND, ErrorCode.MEMBER_MERGED)
  requestErasure(@CurrentAdmin() admin: AdminPrincipal, @Param('memberId', new ParseUUIDPipe()) memberId: string) {
    return this.erasure.request(memberId, actorOf(admin));
  }
}
